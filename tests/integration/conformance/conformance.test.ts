/**
 * Representative answers of the sandbox (fixtures/acme, as an admin) validated against the
 * component schemas of Jira's OpenAPI description, plus an overlay of fields clients rely on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { validateComponent } from './openapi.ts';

let h: Harness;
let admin: string;
let dev: string;
beforeAll(async () => {
  h = await startSandbox('fixtures/acme');
  admin = h.personas.find((p) => p.admin)!.accountId;
  dev = h.personas.find((p) => !p.admin && p.groups.includes('developers'))?.accountId ?? admin;
});
afterAll(async () => {
  await h.close();
});

/** Fields clients read without checking: the schemas declare few of them required. */
const OVERLAY: Record<string, string[]> = {
  ServerInformation: ['baseUrl', 'version', 'deploymentType'],
  User: ['accountId', 'displayName', 'active', 'self'],
  FieldDetails: ['id', 'name', 'custom', 'schema', 'clauseNames'],
  StatusDetails: ['id', 'name', 'statusCategory', 'self'],
  Priority: ['id', 'name', 'self'],
  Resolution: ['id', 'name', 'self'],
  IssueTypeDetails: ['id', 'name', 'subtask', 'self'],
  Project: ['id', 'key', 'name', 'self'],
  IssueBean: ['id', 'key', 'self', 'fields'],
  IssueTransition: ['id', 'name', 'to'],
  Filter: ['id', 'name', 'jql', 'self'],
};

const rows: Array<{
  path: string;
  method?: string;
  body?: unknown;
  schema: string;
  array?: boolean;
  overlay?: (b: any) => Array<[string, unknown]>;
}> = [
  { path: '/rest/api/3/serverInfo', schema: 'ServerInformation', overlay: (b) => [['ServerInformation', b]] },
  { path: '/rest/api/3/myself', schema: 'User', overlay: (b) => [['User', b]] },
  { path: '/rest/api/3/field', schema: 'FieldDetails', array: true, overlay: (b) => b.map((x: unknown) => ['FieldDetails', x]) },
  { path: '/rest/api/3/status', schema: 'StatusDetails', array: true, overlay: (b) => b.map((x: unknown) => ['StatusDetails', x]) },
  { path: '/rest/api/3/statuscategory', schema: 'StatusCategory', array: true },
  { path: '/rest/api/3/priority', schema: 'Priority', array: true, overlay: (b) => b.map((x: unknown) => ['Priority', x]) },
  { path: '/rest/api/3/resolution', schema: 'Resolution', array: true, overlay: (b) => b.map((x: unknown) => ['Resolution', x]) },
  { path: '/rest/api/3/issuetype', schema: 'IssueTypeDetails', array: true, overlay: (b) => b.map((x: unknown) => ['IssueTypeDetails', x]) },
  { path: '/rest/api/3/project', schema: 'Project', array: true, overlay: (b) => b.map((x: unknown) => ['Project', x]) },
  { path: '/rest/api/3/project/WEB', schema: 'Project' },
  { path: '/rest/api/3/project/search?expand=description,lead,issueTypes', schema: 'PageBeanProject' },
  { path: '/rest/api/3/issue/WEB-1?expand=names,changelog,transitions', schema: 'IssueBean', overlay: (b) => [['IssueBean', b]] },
  { path: '/rest/api/2/issue/WEB-1', schema: 'IssueBean' },
  {
    path: '/rest/api/3/search/jql',
    method: 'POST',
    body: { jql: 'project = WEB ORDER BY key', fields: ['*all'], maxResults: 5 },
    schema: 'SearchAndReconcileResults',
    overlay: (b) => b.issues.map((x: unknown) => ['IssueBean', x]),
  },
  {
    path: '/rest/api/3/issue/WEB-1/transitions?expand=transitions.fields',
    schema: 'Transitions',
    overlay: (b) => b.transitions.map((x: unknown) => ['IssueTransition', x]),
  },
  { path: '/rest/api/3/issue/createmeta/WEB/issuetypes', schema: 'PageOfCreateMetaIssueTypes' },
  { path: '/rest/api/3/issue/createmeta/WEB/issuetypes/1', schema: 'PageOfCreateMetaIssueTypeWithField' },
  { path: '/rest/api/3/issue/WEB-1/editmeta', schema: 'IssueUpdateMetadata' },
  { path: '/rest/api/3/issue/WEB-1/changelog', schema: 'PageBeanChangelog' },
  { path: '/rest/api/3/workflow/search?expand=transitions,transitions.rules,statuses', schema: 'PageBeanWorkflow' },
  { path: '/rest/api/3/permissionscheme?expand=permissions', schema: 'PermissionSchemes' },
  { path: '/rest/api/3/notificationscheme?expand=all', schema: 'PageBeanNotificationScheme' },
  { path: '/rest/api/3/workflowscheme', schema: 'PageBeanWorkflowScheme' },
  { path: '/rest/api/3/screens', schema: 'PageBeanScreen' },
  // Not checked: GET /fieldconfiguration, whose documented item schema is the write-only create body (no id).
  { path: '/rest/api/3/fieldconfiguration/10000/fields', schema: 'PageBeanFieldConfigurationItem' },
  { path: '/rest/api/3/screenscheme', schema: 'PageBeanScreenScheme' },
  { path: '/rest/api/3/issuetypescreenscheme', schema: 'PageBeanIssueTypeScreenScheme' },
  { path: '/rest/api/3/filter/10000', schema: 'Filter', overlay: (b) => [['Filter', b]] },
  { path: '/rest/api/3/filter/search?expand=jql', schema: 'PageBeanFilterDetails' },
  { path: '/rest/api/3/user?accountId=ADMIN', schema: 'User' },
  { path: '/rest/api/3/user/assignable/search?project=WEB', schema: 'User', array: true },
  { path: '/rest/api/3/group/member?groupname=developers', schema: 'PageBeanUserDetails' },
  { path: '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,CREATE_ISSUES&projectKey=WEB', schema: 'Permissions' },
  { path: '/rest/api/3/search/approximate-count', method: 'POST', body: { jql: 'project = WEB' }, schema: 'JQLCountResultsBean' },
  { path: '/rest/api/3/project/WEB/role/10000', schema: 'ProjectRole' },
  { path: '/rest/api/3/issueLinkType', schema: 'IssueLinkTypes' },
];

describe("answers conform to Jira's OpenAPI component schemas", () => {
  it.each(rows.map((r) => [r.path, r] as const))('%s', async (_p, row) => {
    const res = await h.call(row.method ?? 'GET', row.path.replace('ADMIN', admin), { as: admin, body: row.body });
    expect(res.status, res.text.slice(0, 300)).toBeLessThan(300);
    expect(validateComponent(row.schema, res.body, row.array)).toEqual([]);
    for (const [name, value] of row.overlay?.(res.body) ?? []) {
      const missing = (OVERLAY[name] ?? []).filter((k) => (value as Record<string, unknown>)[k] === undefined);
      expect(missing, `${name} lacks fields clients rely on`).toEqual([]);
    }
  });
  it('a non-admin developer gets the same shapes for everyday calls', async () => {
    const res = await h.call('GET', '/rest/api/3/project/search', { as: dev });
    expect(validateComponent('PageBeanProject', res.body)).toEqual([]);
  });
  it('the schemas catch an extra key (the check can fail)', () => {
    expect(validateComponent('Resolution', { id: '1', name: 'Fixed', self: 'http://x/1', sandboxOnly: true })).not.toEqual([]);
  });
});
