/**
 * The admin API's answers (writes and the reads they rely on) validated against the component
 * schemas of Jira's OpenAPI description: a script runs one of each write in order on one sandbox,
 * and each answer is checked against the schema Atlassian documents for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { validateComponent } from './openapi.ts';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await startSandbox('fixtures/acme');
  admin = h.personas.find((p) => p.admin)!.accountId;
});
afterAll(async () => {
  await h.close();
});

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes:';
/** Values later rows use (ids the sandbox hands out), filled as the rows run. */
const got: Record<string, string> = {};
const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_m, k: string) => got[k] ?? `{${k}}`);

interface Row {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  schema: string;
  array?: boolean;
  keep?: (b: any) => void;
  drop?: (b: any) => unknown;
}
const rows: Row[] = [
  {
    name: 'create statuses',
    method: 'POST',
    path: '/rest/api/3/statuses',
    body: { scope: { type: 'GLOBAL' }, statuses: [{ name: 'Conformance', statusCategory: 'DONE' }] },
    schema: 'JiraStatus',
    array: true,
    keep: (b) => {
      got.status = b[0].id;
    },
  },
  { name: 'bulk get statuses', method: 'GET', path: '/rest/api/3/statuses?id={status}', schema: 'JiraStatus', array: true },
  {
    name: 'read workflows',
    method: 'POST',
    path: '/rest/api/3/workflows',
    body: { workflowIds: ['10100'] },
    schema: 'WorkflowReadResponse',
    keep: (b) => {
      got.version = JSON.stringify(b.workflows[0].version);
    },
  },
  {
    name: 'create a workflow',
    method: 'POST',
    path: '/rest/api/3/workflows/create',
    body: {
      scope: { type: 'GLOBAL' },
      statuses: [],
      workflows: [
        {
          name: 'Conformance Flow',
          statuses: [{ statusReference: '{status}', properties: {} }],
          transitions: [{ name: 'Create', type: 'INITIAL', toStatusReference: '{status}', links: [] }],
        },
      ],
    },
    schema: 'WorkflowCreateResponse',
    keep: (b) => {
      got.workflow = b.workflows[0].id;
    },
  },
  {
    name: 'update the workflow',
    method: 'POST',
    path: '/rest/api/3/workflows/update',
    body: {
      statuses: [],
      workflows: [
        {
          id: '{workflow}',
          version: { versionNumber: 1 },
          description: 'Changed',
          statuses: [{ statusReference: '{status}', properties: {} }],
          transitions: [{ id: '1', name: 'Create', type: 'INITIAL', toStatusReference: '{status}', links: [] }],
        },
      ],
    },
    schema: 'WorkflowUpdateResponse',
  },
  { name: 'status usages in workflows', method: 'GET', path: '/rest/api/3/statuses/1/workflowUsages', schema: 'StatusWorkflowUsageDTO' },
  { name: 'status usages in projects', method: 'GET', path: '/rest/api/3/statuses/1/projectUsages', schema: 'StatusProjectUsageDTO' },
  { name: 'workflow usages in schemes', method: 'GET', path: '/rest/api/3/workflow/10100/workflowSchemes', schema: 'WorkflowSchemeUsageDTO' },
  { name: 'workflow usages in projects', method: 'GET', path: '/rest/api/3/workflow/10100/projectUsages', schema: 'WorkflowProjectUsageDTO' },
  {
    name: "a scheme's workflow for an issue type",
    method: 'GET',
    path: '/rest/api/3/workflowscheme/10000/issuetype/1',
    schema: 'IssueTypeWorkflowMapping',
  },
  {
    name: 'validate an update',
    method: 'POST',
    path: '/rest/api/3/workflows/update/validation',
    body: { payload: { statuses: [], workflows: [{ id: '10100', version: { versionNumber: 1 }, statuses: [], transitions: [] }] } },
    schema: 'WorkflowValidationErrorList',
  },
  {
    name: 'create a workflow scheme',
    method: 'POST',
    path: '/rest/api/3/workflowscheme',
    body: { name: 'Conformance scheme', defaultWorkflow: 'Conformance Flow' },
    schema: 'WorkflowScheme',
  },
  {
    name: 'read workflow schemes',
    method: 'POST',
    path: '/rest/api/3/workflowscheme/read',
    body: { projectIds: ['10000'] },
    schema: 'WorkflowSchemeReadResponse',
    array: true,
  },
  {
    name: 'required mappings',
    method: 'POST',
    path: '/rest/api/3/workflowscheme/update/mappings',
    body: { id: '10002', defaultWorkflowId: '10105', workflowsForIssueTypes: [{ issueTypeIds: ['3'], workflowId: '10105' }] },
    schema: 'WorkflowSchemeUpdateRequiredMappingsResponse',
  },
  {
    name: 'create a custom field',
    method: 'POST',
    path: '/rest/api/3/field',
    body: { name: 'Conformance Select', type: `${CF}select` },
    schema: 'FieldDetails',
    keep: (b) => {
      got.field = b.id;
    },
  },
  {
    name: 'create a context',
    method: 'POST',
    path: '/rest/api/3/field/{field}/context',
    body: { name: 'Web only', projectIds: ['10000'], issueTypeIds: [] },
    schema: 'CreateCustomFieldContext',
    keep: (b) => {
      got.context = b.id;
    },
  },
  {
    name: 'create options',
    method: 'POST',
    path: '/rest/api/3/field/{field}/context/{context}/option',
    body: { options: [{ value: 'One' }, { value: 'Two' }] },
    schema: 'CustomFieldCreatedContextOptionsList',
    keep: (b) => {
      got.option = b.options[0].id;
    },
  },
  {
    name: 'update options',
    method: 'PUT',
    path: '/rest/api/3/field/{field}/context/{context}/option',
    body: { options: [{ id: '{option}', value: 'Uno' }] },
    schema: 'CustomFieldUpdatedContextOptionsList',
  },
  {
    name: 'replace an option on issues (the task)',
    method: 'DELETE',
    path: '/rest/api/3/field/customfield_10013/context/10203/option/10108/issue?replaceWith=10107',
    schema: 'TaskProgressBeanRemoveOptionFromIssuesResult',
  },
  {
    name: 'create a field configuration',
    method: 'POST',
    path: '/rest/api/3/fieldconfiguration',
    body: { name: 'Conformance FC' },
    schema: 'FieldConfiguration',
  },
  {
    name: 'list every field of a field configuration',
    method: 'GET',
    path: '/rest/api/3/fieldconfiguration/10001/fields',
    schema: 'PageBeanFieldConfigurationItem',
  },
  {
    name: 'create a field configuration scheme',
    method: 'POST',
    path: '/rest/api/3/fieldconfigurationscheme',
    body: { name: 'Conformance FCS' },
    schema: 'FieldConfigurationScheme',
  },
  {
    name: 'create a screen',
    method: 'POST',
    path: '/rest/api/3/screens',
    body: { name: 'Conformance Screen' },
    schema: 'Screen',
    keep: (b) => {
      got.screen = String(b.id);
    },
  },
  {
    name: 'add a tab',
    method: 'POST',
    path: '/rest/api/3/screens/{screen}/tabs',
    body: { name: 'More' },
    schema: 'ScreenableTab',
    keep: (b) => {
      got.tab = String(b.id);
    },
  },
  {
    name: 'add a field to the tab',
    method: 'POST',
    path: '/rest/api/3/screens/{screen}/tabs/{tab}/fields',
    body: { fieldId: 'summary' },
    schema: 'ScreenableField',
  },
  {
    name: 'create a screen scheme',
    method: 'POST',
    path: '/rest/api/3/screenscheme',
    body: { name: 'Conformance SS', screens: { default: 1 } },
    schema: 'ScreenSchemeId',
  },
  {
    name: 'create an issue type screen scheme',
    method: 'POST',
    path: '/rest/api/3/issuetypescreenscheme',
    body: { name: 'Conformance ITSS', issueTypeMappings: [{ issueTypeId: 'default', screenSchemeId: '1' }] },
    schema: 'IssueTypeScreenSchemeId',
  },
  {
    name: 'create a priority',
    method: 'POST',
    path: '/rest/api/3/priority',
    body: { name: 'Conformance P', statusColor: '#123456' },
    schema: 'PriorityId',
  },
  { name: 'create a resolution', method: 'POST', path: '/rest/api/3/resolution', body: { name: 'Conformance R' }, schema: 'ResolutionId' },
  {
    name: 'create an issue type',
    method: 'POST',
    path: '/rest/api/3/issuetype',
    body: { name: 'Conformance T' },
    schema: 'IssueTypeDetails',
    keep: (b) => {
      got.type = b.id;
    },
  },
  { name: 'alternatives', method: 'GET', path: '/rest/api/3/issuetype/1/alternatives', schema: 'IssueTypeDetails', array: true },
  {
    name: 'create an issue type scheme',
    method: 'POST',
    path: '/rest/api/3/issuetypescheme',
    body: { name: 'Conformance ITS', issueTypeIds: ['3'] },
    schema: 'IssueTypeSchemeID',
  },
  {
    name: 'create a permission scheme',
    method: 'POST',
    path: '/rest/api/3/permissionscheme',
    body: { name: 'Conformance PS', permissions: [{ holder: { type: 'group', parameter: 'developers' }, permission: 'BROWSE_PROJECTS' }] },
    schema: 'PermissionScheme',
    keep: (b) => {
      got.ps = String(b.id);
    },
  },
  {
    name: 'add a grant',
    method: 'POST',
    path: '/rest/api/3/permissionscheme/{ps}/permission',
    body: { holder: { type: 'projectRole', parameter: '10000' }, permission: 'ADD_COMMENTS' },
    schema: 'PermissionGrant',
  },
  {
    name: 'create a notification scheme',
    method: 'POST',
    path: '/rest/api/3/notificationscheme',
    body: { name: 'Conformance NS' },
    schema: 'NotificationSchemeId',
  },
  { name: 'create a group', method: 'POST', path: '/rest/api/3/group', body: { name: 'conformance' }, schema: 'Group' },
  { name: 'add a member', method: 'POST', path: '/rest/api/3/group/user?groupname=conformance', body: { accountId: 'ADMIN' }, schema: 'Group' },
  {
    name: 'create a project role',
    method: 'POST',
    path: '/rest/api/3/role',
    body: { name: 'Conformance role', description: 'x' },
    schema: 'ProjectRole',
    keep: (b) => {
      got.role = String(b.id);
    },
  },
  { name: 'add role actors', method: 'POST', path: '/rest/api/3/project/WEB/role/{role}', body: { group: ['conformance'] }, schema: 'ProjectRole' },
  {
    name: 'create a filter',
    method: 'POST',
    path: '/rest/api/3/filter',
    body: { name: 'Conformance filter', jql: 'project = WEB', sharePermissions: [{ type: 'project', project: { id: '10000' } }] },
    schema: 'Filter',
    keep: (b) => {
      got.filter = b.id;
    },
  },
  { name: 'favourite it', method: 'PUT', path: '/rest/api/3/filter/{filter}/favourite', schema: 'Filter' },
  { name: 'create a version', method: 'POST', path: '/rest/api/3/version', body: { projectId: 10000, name: 'Conformance 1.0' }, schema: 'Version' },
  {
    name: 'create a component',
    method: 'POST',
    path: '/rest/api/3/component',
    body: { project: 'WEB', name: 'Conformance' },
    schema: 'ProjectComponent',
  },
  {
    name: 'a bulk edit',
    method: 'POST',
    path: '/rest/api/3/bulk/issues/fields',
    body: {
      selectedIssueIdsOrKeys: ['WEB-1'],
      selectedActions: ['labels'],
      editedFieldsInput: { labelsFields: [{ fieldId: 'labels', bulkEditMultiSelectFieldOption: 'ADD', labels: [{ name: 'conformance' }] }] },
    },
    schema: 'SubmittedBulkOperation',
    keep: (b) => {
      got.bulk = b.taskId;
    },
  },
  { name: 'its queue entry', method: 'GET', path: '/rest/api/3/bulk/queue/{bulk}', schema: 'BulkOperationProgress' },
  {
    name: 'create a project',
    method: 'POST',
    path: '/rest/api/3/project',
    body: { key: 'CONF', name: 'Conformance', projectTypeKey: 'software', leadAccountId: 'ADMIN' },
    schema: 'ProjectIdentifiers',
  },
  {
    name: 'set the banner',
    method: 'PUT',
    path: '/rest/api/3/announcementBanner',
    body: { message: 'Conformance', isEnabled: true, visibility: 'public' },
    schema: '',
  },
  { name: 'read the banner', method: 'GET', path: '/rest/api/3/announcementBanner', schema: 'AnnouncementBannerConfiguration' },
  { name: 'trash a field', method: 'POST', path: '/rest/api/3/field/{field}/trash', schema: '' },
  { name: 'the trashed fields', method: 'GET', path: '/rest/api/3/field/search/trashed', schema: 'PageBeanField' },
  // authorAccountId is in Atlassian's own example answer of this resource but missing from its schema.
  {
    name: 'the audit log',
    method: 'GET',
    path: '/rest/api/3/auditing/record?limit=50',
    schema: 'AuditRecords',
    drop: (b) => ({ ...b, records: b.records.map(({ authorAccountId: _a, ...r }: any) => r) }),
  },
];

describe("admin answers conform to Jira's OpenAPI component schemas", () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_n, row) => {
    const body = row.body === undefined ? undefined : JSON.parse(fill(JSON.stringify(row.body)).replace('"ADMIN"', JSON.stringify(admin)));
    let res = await h.call(row.method, fill(row.path), { as: admin, ...(body !== undefined ? { body } : {}) });
    expect(res.status, res.text.slice(0, 300)).toBeLessThan(300);
    if (row.schema.startsWith('TaskProgressBean')) {
      // fetch followed the 303 to the task; wait for it to finish, then check its final shape.
      for (let i = 0; i < 100 && ['ENQUEUED', 'RUNNING'].includes(res.body.status); i++) {
        await new Promise((r) => setTimeout(r, 10));
        res = await h.call('GET', res.body.self.replace(h.url, ''), { as: admin });
      }
      expect(res.body.status).toBe('COMPLETE');
    }
    row.keep?.(res.body);
    if (row.schema) expect(validateComponent(row.schema, row.drop ? row.drop(res.body) : res.body, row.array)).toEqual([]);
  });
});
