/**
 * The broken snapshots under fixtures/invalid: each is the tiny snapshot with ONE defect, made by
 * `mutate` (on the content, before writing) or `after` (on the written files), and the substrings
 * `npm run validate` must print for it. make-invalid-fixtures.ts writes them.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { tinyContent } from './tiny-snapshot.ts';
import type { Condition } from '../../server/model/types.ts';

type Content = ReturnType<typeof tinyContent>;
export interface InvalidCase {
  name: string;
  mutate?: (c: Content) => void;
  /** Changes the written files; the manifest's hashes are refreshed afterwards unless `keepHashes`. */
  after?: (dir: string) => Promise<void>;
  keepHashes?: boolean;
  /** Issues per NDJSON shard, to write a sharded snapshot. */
  shardSize?: number;
  expected: string[];
}

const edit = async (dir: string, file: string, change: (text: string) => string) =>
  writeFile(join(dir, file), change(await readFile(join(dir, file), 'utf8')));
const issue = (c: Content, key: string) => c.issues.find((i) => i.key === key)!;
const wf = (c: Content, id: string) => c.config.workflows.find((w) => w.id === id)!;

export const INVALID_CASES: InvalidCase[] = [
  {
    name: 'malformed-json-config',
    after: (d) => edit(d, 'config.json', (t) => t.slice(0, 200)),
    expected: ['config.json: (root): is not valid JSON'],
  },
  {
    name: 'malformed-json-shard-line',
    shardSize: 5,
    after: async (d) => {
      await edit(d, 'issues/00001.ndjson', (t) =>
        t
          .split('\n')
          .map((l, i) => (i === 4 ? l.slice(0, 40) : l))
          .join('\n'),
      );
      await edit(d, 'manifest.json', (t) => t.replaceAll('"issues": 12', '"issues": 11'));
    },
    expected: ['issues/00001.ndjson: line 5: line 5 is not valid JSON'],
  },
  {
    name: 'malformed-json-issues',
    after: (d) => edit(d, 'issues.json', (t) => t.replace('"summary": "Plan 2.0",', '"summary": "Plan 2.0"')),
    expected: ['issues.json: (root): is not valid JSON'],
  },
  { name: 'missing-manifest', after: (d) => rm(join(d, 'manifest.json')), keepHashes: true, expected: ['manifest.json: (root): file is missing'] },
  { name: 'missing-config', after: (d) => rm(join(d, 'config.json')), expected: ['config.json: (root): file is missing'] },
  {
    name: 'wrong-type-project-archived',
    mutate: (c) => {
      (c.config.projects[0] as { archived: unknown }).archived = 'no';
    },
    expected: ['config.json: projects[0].archived: "no" has the wrong type (expected boolean)'],
  },
  {
    name: 'wrong-type-custom-field-value',
    mutate: (c) => {
      issue(c, 'ACME-2').customFields.customfield_10014 = 'five';
    },
    expected: ["issues.json: issues[1] (ACME-2).customFields.customfield_10014: 'five' is not a number"],
  },
  {
    name: 'unknown-property',
    mutate: (c) => {
      (c.config.statuses[1] as Record<string, unknown>).colour = 'blue';
    },
    expected: ["config.json: statuses[1]: unknown property 'colour'"],
  },
  {
    name: 'transition-to-unknown-status',
    mutate: (c) => {
      wf(c, 'wf-software').transitions[2]!.to = 'Dne';
    },
    expected: ["config.json: workflows[0].transitions[2].to: unknown status 'Dne' (known: 1 (Open)"],
  },
  {
    name: 'duplicate-project-key',
    mutate: (c) => {
      c.config.projects[2]!.key = 'ACME';
    },
    expected: ["config.json: projects[2].key: duplicate project key 'ACME' (already used by projects[0].key)"],
  },
  {
    name: 'issue-status-outside-workflow',
    mutate: (c) => {
      issue(c, 'ACME-1').status = '5';
    },
    expected: ["issues.json: issues[0] (ACME-1).status: status '5' (Backlog) is not in workflow 'Software Workflow'"],
  },
  {
    name: 'scheme-names-missing-group',
    mutate: (c) => {
      c.config.permissionSchemes[1]!.grants[0]!.holder.value = 'g-secuirty';
    },
    expected: ["config.json: permissionSchemes[1].grants[0].holder.value: unknown group 'g-secuirty'"],
  },
  {
    name: 'filter-names-missing-field',
    mutate: (c) => {
      c.config.filters[0]!.jql = 'project = ACME AND Sevrity = Critical';
    },
    expected: ["config.json: filters[0].jql: filter 'Open ACME bugs': field 'Sevrity' does not exist"],
  },
  {
    name: 'filter-jql-syntax-error',
    mutate: (c) => {
      c.config.filters[1]!.jql = 'project = OPS AND ORDER BY created';
    },
    expected: ["config.json: filters[1].jql: filter 'Ops board': Error in the JQL Query"],
  },
  {
    name: 'workflow-without-initial-transition',
    mutate: (c) => {
      wf(c, 'wf-simple').transitions.shift();
    },
    expected: ["config.json: workflows[1].transitions: workflow 'Simple Workflow' has no initial transition"],
  },
  {
    name: 'unreachable-status',
    mutate: (c) => {
      wf(c, 'wf-software').statuses.push({ status: '6' });
    },
    expected: ["config.json: workflows[0].statuses[4].status: status '6' (Closed) cannot be reached"],
  },
  {
    name: 'status-without-path-to-done',
    mutate: (c) => {
      wf(c, 'wf-software').transitions.splice(3, 1);
    },
    expected: ["workflows[0].statuses[2].status: status '3' (In Review) has no path to a done-category status"],
  },
  {
    name: 'select-value-not-in-options',
    mutate: (c) => {
      issue(c, 'ACME-1').customFields.customfield_10010 = 'opt-sev-9';
    },
    expected: ["issues.json: issues[0] (ACME-1).customFields.customfield_10010: unknown option 'opt-sev-9' of field 'Severity'"],
  },
  {
    name: 'option-from-another-context',
    mutate: (c) => {
      issue(c, 'SEC-1').customFields.customfield_10010 = 'opt-sev-1';
    },
    expected: [
      "issues.json: issues[10] (SEC-1).customFields.customfield_10010: unknown option 'opt-sev-1' of field 'Severity' in context 'Security'",
    ],
  },
  {
    name: 'subtask-parent-missing',
    mutate: (c) => {
      issue(c, 'ACME-4').parent = 'ACME-99';
    },
    expected: ["issues.json: issues[3] (ACME-4).parent: parent 'ACME-99' does not exist"],
  },
  {
    name: 'unknown-condition-type',
    mutate: (c) => {
      wf(c, 'wf-software').transitions[1]!.rules.conditions!.conditions.push({ type: 'inGrop', group: 'g-devs' } as unknown as Condition);
    },
    expected: [
      "config.json: workflows[0].transitions[1].rules.conditions.conditions[2]: unknown type 'inGrop' (expected one of: permission, inGroup",
    ],
  },
  {
    name: 'duplicate-status-names',
    mutate: (c) => {
      c.config.statuses[5]!.name = 'Done';
    },
    expected: ["config.json: statuses[5].name: duplicate status name 'Done' (already used by statuses[3].name)"],
  },
  {
    name: 'board-without-columns',
    mutate: (c) => {
      c.config.boards[0]!.columns = [];
    },
    expected: ["config.json: boards[0].columns: board 'OPS board' has no columns"],
  },
  {
    name: 'issue-type-not-in-project-scheme',
    mutate: (c) => {
      issue(c, 'OPS-1').issueType = '10001';
    },
    expected: ["issues.json: issues[7] (OPS-1).issueType: issue type '10001' (Bug) is not in project 'OPS''s issue type scheme"],
  },
  {
    name: 'field-context-unknown-project',
    mutate: (c) => {
      c.config.fields.find((f) => f.id === 'customfield_10011')!.contexts[0]!.projects = ['ACME', 'OSP'];
    },
    expected: ["config.json: fields[12].contexts[0].projects[1]: unknown project key 'OSP'"],
  },
  {
    name: 'project-nobody-can-browse',
    mutate: (c) => {
      const s = c.config.permissionSchemes[1]!;
      s.grants = s.grants.filter((g) => g.permission !== 'BROWSE_PROJECTS');
    },
    expected: ["config.json: projects[2].schemes.permissionScheme: nobody active can browse project 'SEC'"],
  },
  {
    name: 'notification-recipient-missing-user',
    mutate: (c) => {
      c.config.notificationSchemes[0]!.events[2]!.recipients[2]!.value = 'u-zed';
    },
    expected: ["config.json: notificationSchemes[0].events[2].recipients[2].value: unknown user 'u-zed'"],
  },
  {
    name: 'duplicate-issue-key',
    mutate: (c) => {
      issue(c, 'ACME-7').key = 'ACME-6';
    },
    expected: ["issues.json: issues[6] (ACME-6).key: duplicate issue key 'ACME-6' (already used by issues.json: issues[5] (ACME-6))"],
  },
  {
    name: 'integration-unknown-persona',
    mutate: (c) => {
      c.integrations[0]!.data.as = 'nobody@tiny.example';
    },
    expected: ["integrations/ci-bot.json: as: no user has the e-mail 'nobody@tiny.example'"],
  },
  {
    name: 'content-hash-mismatch',
    after: (d) => edit(d, 'issues.json', (t) => `${t}\n`),
    keepHashes: true,
    expected: ['manifest.json: contentHashes["issues.json"]: issues.json has hash sha256:'],
  },
  {
    name: 'issue-count-mismatch',
    mutate: (c) => {
      c.manifest.counts.issues = 13;
      c.manifest.productionTotals.issues = 13;
    },
    expected: ['manifest.json: counts.issues: says 13 issues but the snapshot holds 12'],
  },
];
