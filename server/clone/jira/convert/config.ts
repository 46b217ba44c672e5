/** Jira's answers (RawConfig) → the model's Config, the same code for a live clone and `--from file`. */
import type { Config } from '../../../model/index.ts';
import type { RawConfig } from '../raw.ts';
import { issueTypeOf, linkTypeOf, priorityOf, resolutionOf, statusOf } from './catalog.ts';
import { Skipped, str } from './common.ts';
import { fieldsOf } from './fields.ts';
import { boardsOf, filtersOf } from './filters.ts';
import { globalGrantsOf, groupsOf, usersOf } from './people.ts';
import { projectsOf, rolesOf } from './projects.ts';
import { notificationSchemesOf, permissionSchemesOf } from './schemes.ts';
import {
  fieldConfigurationSchemesOf,
  fieldConfigurationsOf,
  issueTypeSchemesOf,
  issueTypeScreenSchemesOf,
  screenSchemesOf,
  screensOf,
} from './screens.ts';
import { currentWorkflowsOf, legacyWorkflowsOf, workflowSchemesOf } from './workflows.ts';

export interface Converted {
  config: Config;
  omissions: string[];
}

export const convertConfig = (raw: RawConfig): Converted => {
  const skipped = new Skipped();
  const projects = projectsOf(raw);
  const projectKeyOf = new Map(projects.map((p) => [p.id, p.key]));
  const keys = new Set(projects.map((p) => p.key));
  const groups = groupsOf(raw.groups);
  const workflows = raw.workflows.current
    ? currentWorkflowsOf(raw.workflows.current, skipped)
    : legacyWorkflowsOf(raw.workflows.legacy ?? [], skipped);
  const si = raw.serverInfo;
  const deploymentType = si.deploymentType === 'Cloud' ? 'Cloud' : si.deploymentType === 'Server' ? 'Server' : 'DataCenter';
  const config: Config = {
    tracker: { title: str(si.serverTitle ?? 'Jira'), flavour: 'jira', deploymentType, ...(si.version ? { version: str(si.version) } : {}) },
    statuses: raw.statuses.map(statusOf),
    issueTypes: raw.issueTypes.map(issueTypeOf),
    priorities: raw.priorities.map(priorityOf),
    resolutions: raw.resolutions.map(resolutionOf),
    issueLinkTypes: raw.linkTypes.map(linkTypeOf),
    fields: fieldsOf(raw.fields, raw.contexts, projectKeyOf, skipped),
    users: usersOf(raw.dc, groups, raw.members, raw.extraUsers, raw.userOrder),
    groups,
    roles: rolesOf(raw.roles),
    globalPermissions: globalGrantsOf(groups),
    projects,
    issueTypeSchemes: issueTypeSchemesOf(raw),
    workflows,
    workflowSchemes: workflowSchemesOf(raw.workflowSchemes, workflows),
    screens: screensOf(raw),
    screenSchemes: screenSchemesOf(raw),
    issueTypeScreenSchemes: issueTypeScreenSchemesOf(raw),
    fieldConfigurations: fieldConfigurationsOf(raw),
    fieldConfigurationSchemes: fieldConfigurationSchemesOf(raw),
    permissionSchemes: permissionSchemesOf(raw.permissionSchemes, skipped),
    notificationSchemes: notificationSchemesOf(raw.notificationSchemes, skipped),
    // With --projects, boards and filters of other projects stay behind.
    filters: filtersOf(raw.dc, raw.filters),
    boards: boardsOf(raw.boards).filter((b) => !b.project || keys.has(b.project)),
  };
  return { config, omissions: skipped.notes() };
};
