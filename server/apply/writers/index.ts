/**
 * Which writer takes which collection, and what nothing writes: a change Understudy has no
 * writer for is manual (named with its path, done by the operator, then read back); a change no
 * REST API can make and no person can make through Jira either is impossible (refused before
 * anything is written).
 */
import type { EntityChange } from '../plan/types.ts';
import { changeLines, phaseOf } from './common.ts';
import { fieldConfigurationsWriter } from './field-configurations.ts';
import { fieldsWriter } from './fields.ts';
import { filtersWriter } from './filters.ts';
import { issuesWriter } from './issues.ts';
import { permissionSchemesWriter } from './permission-schemes.ts';
import { projectsWriter } from './projects.ts';
import { resolutionsWriter } from './resolutions.ts';
import { screensWriter } from './screens.ts';
import { statusesWriter } from './statuses.ts';
import type { EntityWriter, StepDraft } from './types.ts';
import { boardsWriter } from './boards.ts';
import { usersWriter } from './users.ts';
import { workflowsWriter } from './workflows.ts';

export type { EntityWriter, PlanContext, RunContext, StepDraft } from './types.ts';
export { planIssueSteps } from './issues.ts';
export { validateWorkflow } from './workflows.ts';

const MANUAL_REASON: Record<string, string> = {
  globalPermissions: 'Jira has no REST API for global permission grants: Administration → System → Global permissions',
};

const IMPOSSIBLE: Record<string, string> = {
  tracker: "the site's own details (title, version, deployment type) are not configuration Understudy or Jira's API can change",
};

/** A change nothing writes automatically. */
const manualWriter: EntityWriter = {
  name: 'manual',
  collections: [],
  plan: (changes) =>
    changes.map((c): StepDraft => {
      const impossible = IMPOSSIBLE[c.collection];
      const lines = changeLines(c);
      return {
        phase: phaseOf(c),
        class: impossible ? 'impossible' : 'manual',
        writer: 'manual',
        changes: [c],
        instructions: lines,
        title: `${impossible ? 'cannot change' : 'change by hand'}: ${c.collection} '${c.key}'`,
        reason:
          impossible ??
          MANUAL_REASON[c.collection] ??
          `Understudy has no REST writer for ${c.collection} yet: make the change in Jira's administration pages`,
      };
    }),
  run: async () => {
    throw new Error('a manual step is done by the operator, not run');
  },
};

const WRITERS: EntityWriter[] = [
  statusesWriter,
  resolutionsWriter,
  fieldsWriter,
  screensWriter,
  fieldConfigurationsWriter,
  workflowsWriter,
  filtersWriter,
  permissionSchemesWriter,
  projectsWriter,
  usersWriter,
  boardsWriter,
  issuesWriter,
  manualWriter,
];

export const writerNamed = (name: string): EntityWriter => {
  const w = WRITERS.find((x) => x.name === name);
  if (!w) throw new Error(`no writer '${name}' (the journal or ledger names one this Understudy does not have)`);
  return w;
};

export const writerFor = (c: EntityChange): EntityWriter => WRITERS.find((w) => w.collections.includes(c.collection)) ?? manualWriter;

/** Dependency order: what others name comes first when adding and last when removing. */
export const COLLECTION_RANK = [
  'tracker',
  'users',
  'groups',
  'globalPermissions',
  'roles',
  'statuses',
  'resolutions',
  'priorities',
  'issueTypes',
  'issueLinkTypes',
  'fields',
  'screens',
  'screenSchemes',
  'issueTypeScreenSchemes',
  'fieldConfigurations',
  'fieldConfigurationSchemes',
  'issueTypeSchemes',
  'workflows',
  'workflowSchemes',
  'permissionSchemes',
  'notificationSchemes',
  'projects',
  'filters',
  'boards',
];
