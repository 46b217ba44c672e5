/**
 * The configuration of the tiny snapshot: small, hand-made and fully valid. Every kind of entity
 * the model knows appears at least once, so rules and tests have something to bite on.
 */
import type { Config, Field, FieldConfiguration, Workflow } from '../../server/model/types.ts';
import { tinyPeople } from './tiny-people.ts';

const sys = (id: string, name: string, type: Field['type']): Field => ({ id, name, type, custom: false, contexts: [] });

const fields = (): Field[] => [
  sys('summary', 'Summary', 'text'),
  sys('description', 'Description', 'paragraph'),
  sys('environment', 'Environment', 'paragraph'),
  sys('priority', 'Priority', 'priority'),
  sys('assignee', 'Assignee', 'user'),
  sys('reporter', 'Reporter', 'user'),
  sys('labels', 'Labels', 'labels'),
  sys('components', 'Component/s', 'components'),
  sys('fixVersions', 'Fix Version/s', 'multi-version'),
  sys('versions', 'Affects Version/s', 'multi-version'),
  sys('duedate', 'Due date', 'date'),
  {
    id: 'customfield_10010',
    name: 'Severity',
    type: 'select',
    custom: true,
    refs: { jira: 'customfield_10010' },
    contexts: [
      {
        id: 'ctx-sev-global',
        name: 'Default',
        projects: [],
        issueTypes: [],
        default: 'opt-sev-3',
        options: [
          { id: 'opt-sev-1', value: 'Critical' },
          { id: 'opt-sev-2', value: 'Major' },
          { id: 'opt-sev-3', value: 'Minor' },
          { id: 'opt-sev-4', value: 'Trivial', disabled: true },
        ],
      },
      {
        id: 'ctx-sev-sec',
        name: 'Security',
        projects: ['SEC'],
        issueTypes: [],
        options: [
          { id: 'opt-sev-s1', value: 'Exploitable' },
          { id: 'opt-sev-s2', value: 'Theoretical' },
        ],
      },
    ],
  },
  {
    id: 'customfield_10011',
    name: 'Platforms',
    type: 'multi-select',
    custom: true,
    contexts: [
      {
        id: 'ctx-plat',
        projects: ['ACME', 'OPS'],
        issueTypes: [],
        options: [
          { id: 'opt-plat-linux', value: 'Linux' },
          { id: 'opt-plat-mac', value: 'macOS' },
          { id: 'opt-plat-win', value: 'Windows' },
        ],
      },
    ],
  },
  {
    id: 'customfield_10012',
    name: 'Location',
    type: 'cascading-select',
    custom: true,
    contexts: [
      {
        id: 'ctx-loc',
        projects: [],
        issueTypes: [],
        options: [
          {
            id: 'opt-loc-eu',
            value: 'Europe',
            children: [
              { id: 'opt-loc-eu-ber', value: 'Berlin' },
              { id: 'opt-loc-eu-par', value: 'Paris' },
            ],
          },
          { id: 'opt-loc-us', value: 'Americas', children: [{ id: 'opt-loc-us-nyc', value: 'New York' }] },
        ],
      },
    ],
  },
  { id: 'customfield_10013', name: 'Reviewer', type: 'user', custom: true, contexts: [{ id: 'ctx-rev', projects: [], issueTypes: [] }] },
  {
    id: 'customfield_10014',
    name: 'Story Points',
    type: 'number',
    custom: true,
    contexts: [{ id: 'ctx-sp', projects: ['ACME'], issueTypes: ['10001', '10002'] }],
  },
  { id: 'customfield_10015', name: 'Target Date', type: 'date', custom: true, contexts: [{ id: 'ctx-td', projects: [], issueTypes: [] }] },
  { id: 'customfield_10016', name: 'Tags', type: 'labels', custom: true, contexts: [{ id: 'ctx-tags', projects: [], issueTypes: [] }] },
  { id: 'customfield_10017', name: 'Root Cause', type: 'text', custom: true, contexts: [{ id: 'ctx-rc', projects: [], issueTypes: ['10001'] }] },
];

const rules = { validators: [], postFunctions: [] };

const workflows = (): Workflow[] => [
  {
    id: 'wf-software',
    name: 'Software Workflow',
    refs: { jira: 'Software Workflow' },
    statuses: [{ status: '1' }, { status: '2' }, { status: '3' }, { status: '4' }],
    transitions: [
      { id: 't-create', name: 'Create', type: 'initial', from: [], to: '1', rules },
      {
        id: 't-start',
        name: 'Start Progress',
        type: 'directed',
        from: ['1'],
        to: '2',
        rules: {
          conditions: {
            op: 'any',
            conditions: [
              { type: 'permission', permission: 'TRANSITION_ISSUES' },
              { type: 'inProjectRole', role: '10002' },
            ],
          },
          validators: [],
          postFunctions: [{ type: 'assign', to: 'currentUser' }],
        },
      },
      {
        id: 't-review',
        name: 'Request Review',
        type: 'directed',
        from: ['2'],
        to: '3',
        rules: {
          validators: [{ type: 'fieldRequired', fields: ['customfield_10013'], message: 'Pick a reviewer' }],
          postFunctions: [],
        },
      },
      {
        id: 't-done',
        name: 'Done',
        type: 'directed',
        from: ['3'],
        to: '4',
        screen: 'scr-resolve',
        rules: {
          conditions: {
            op: 'all',
            conditions: [
              { type: 'inGroup', group: 'g-devs' },
              { type: 'isAssignee', negate: true },
            ],
          },
          validators: [{ type: 'commentRequired' }],
          postFunctions: [
            { type: 'setResolution', resolution: '1' },
            { type: 'setField', field: 'customfield_10010', value: 'opt-sev-3' },
            { type: 'addComment', body: 'Resolved.' },
          ],
        },
      },
      { id: 't-back', name: 'Back to Open', type: 'directed', from: ['2', '3'], to: '1', rules },
      { id: 't-reopen', name: 'Reopen', type: 'global', from: [], to: '1', rules: { validators: [], postFunctions: [{ type: 'clearResolution' }] } },
    ],
  },
  {
    id: 'wf-simple',
    name: 'Simple Workflow',
    statuses: [{ status: '5' }, { status: '2' }, { status: '6' }],
    transitions: [
      { id: 't-s-create', name: 'Create', type: 'initial', from: [], to: '5', rules },
      { id: 't-s-start', name: 'Start', type: 'directed', from: ['5'], to: '2', rules },
      {
        id: 't-s-close',
        name: 'Close',
        type: 'directed',
        from: ['5', '2'],
        to: '6',
        rules: { validators: [], postFunctions: [{ type: 'setResolution', resolution: '1' }] },
      },
      {
        id: 't-s-reopen',
        name: 'Reopen',
        type: 'directed',
        from: ['6'],
        to: '5',
        rules: { validators: [], postFunctions: [{ type: 'clearResolution' }] },
      },
    ],
  },
];

const fieldConfigurations = (): FieldConfiguration[] => [
  { id: 'fc-default', name: 'Default Field Configuration', items: [] },
  {
    id: 'fc-bugs',
    name: 'Bug Field Configuration',
    items: [
      { field: 'customfield_10010', required: true },
      { field: 'environment', hidden: true },
    ],
  },
];

export const tinyConfig = (): Config => ({
  tracker: { title: 'Tiny Tracker', flavour: 'jira', deploymentType: 'Cloud', timeZone: 'UTC' },
  statuses: [
    { id: '1', name: 'Open', category: 'todo' },
    { id: '2', name: 'In Progress', category: 'in-progress' },
    { id: '3', name: 'In Review', category: 'in-progress' },
    { id: '4', name: 'Done', category: 'done' },
    { id: '5', name: 'Backlog', category: 'todo' },
    { id: '6', name: 'Closed', category: 'done' },
  ],
  issueTypes: [
    { id: '10001', name: 'Bug', subtask: false },
    { id: '10002', name: 'Task', subtask: false },
    { id: '10003', name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
  ],
  priorities: [
    { id: '1', name: 'Highest' },
    { id: '2', name: 'High' },
    { id: '3', name: 'Medium' },
    { id: '4', name: 'Low' },
  ],
  resolutions: [
    { id: '1', name: 'Fixed' },
    { id: '2', name: "Won't Fix" },
    { id: '3', name: 'Duplicate' },
  ],
  issueLinkTypes: [
    { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
    { id: '10001', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  ],
  fields: fields(),
  ...tinyPeople(),
  issueTypeSchemes: [
    { id: 'its-software', name: 'Software Issue Type Scheme', issueTypes: ['10001', '10002', '10003'], defaultIssueType: '10001' },
    { id: 'its-ops', name: 'Ops Issue Type Scheme', issueTypes: ['10002', '10003'] },
  ],
  workflows: workflows(),
  workflowSchemes: [
    {
      id: 'ws-software',
      name: 'Software Workflow Scheme',
      defaultWorkflow: 'wf-software',
      mappings: [{ issueType: '10003', workflow: 'wf-simple' }],
    },
    { id: 'ws-ops', name: 'Ops Workflow Scheme', defaultWorkflow: 'wf-simple', mappings: [] },
  ],
  screens: [
    {
      id: 'scr-default',
      name: 'Default Screen',
      tabs: [
        {
          id: 'tab-main',
          name: 'Field Tab',
          fields: [
            'summary',
            'priority',
            'description',
            'environment',
            'assignee',
            'reporter',
            'labels',
            'components',
            'fixVersions',
            'versions',
            'duedate',
          ],
        },
        {
          id: 'tab-details',
          name: 'Details',
          fields: [
            'customfield_10010',
            'customfield_10011',
            'customfield_10012',
            'customfield_10013',
            'customfield_10014',
            'customfield_10015',
            'customfield_10016',
            'customfield_10017',
          ],
        },
      ],
    },
    {
      id: 'scr-resolve',
      name: 'Resolve Issue Screen',
      tabs: [{ id: 'tab-resolve', name: 'Resolve', fields: ['assignee', 'fixVersions', 'customfield_10017'] }],
    },
    {
      id: 'scr-ops',
      name: 'Ops Screen',
      tabs: [
        { id: 'tab-ops', name: 'Field Tab', fields: ['summary', 'description', 'assignee', 'reporter', 'priority', 'labels', 'customfield_10011'] },
      ],
    },
  ],
  screenSchemes: [
    { id: 'ss-default', name: 'Default Screen Scheme', screens: { default: 'scr-default' } },
    { id: 'ss-ops', name: 'Ops Screen Scheme', screens: { default: 'scr-ops', view: 'scr-ops' } },
  ],
  issueTypeScreenSchemes: [
    { id: 'itss-default', name: 'Default Issue Type Screen Scheme', default: 'ss-default', mappings: [] },
    { id: 'itss-ops', name: 'Ops Issue Type Screen Scheme', default: 'ss-ops', mappings: [{ issueType: '10003', screenScheme: 'ss-default' }] },
  ],
  fieldConfigurations: fieldConfigurations(),
  fieldConfigurationSchemes: [
    {
      id: 'fcs-default',
      name: 'Default Field Configuration Scheme',
      default: 'fc-default',
      mappings: [{ issueType: '10001', fieldConfiguration: 'fc-bugs' }],
    },
  ],
  permissionSchemes: [
    {
      id: 'ps-default',
      name: 'Default Permission Scheme',
      grants: [
        { id: 'pg-1', permission: 'BROWSE_PROJECTS', holder: { type: 'loggedIn' } },
        { id: 'pg-2', permission: 'CREATE_ISSUES', holder: { type: 'projectRole', value: '10001' } },
        { id: 'pg-3', permission: 'EDIT_ISSUES', holder: { type: 'projectRole', value: '10001' } },
        { id: 'pg-4', permission: 'TRANSITION_ISSUES', holder: { type: 'projectRole', value: '10001' } },
        { id: 'pg-5', permission: 'ADD_COMMENTS', holder: { type: 'loggedIn' } },
        { id: 'pg-6', permission: 'ASSIGNABLE_USER', holder: { type: 'projectRole', value: '10001' } },
        { id: 'pg-7', permission: 'RESOLVE_ISSUES', holder: { type: 'assignee' } },
        { id: 'pg-8', permission: 'ADMINISTER_PROJECTS', holder: { type: 'projectRole', value: '10002' } },
        { id: 'pg-9', permission: 'DELETE_ISSUES', holder: { type: 'projectLead' } },
      ],
    },
    {
      id: 'ps-restricted',
      name: 'Restricted Permission Scheme',
      grants: [
        { id: 'pg-r1', permission: 'BROWSE_PROJECTS', holder: { type: 'group', value: 'g-security' } },
        { id: 'pg-r2', permission: 'CREATE_ISSUES', holder: { type: 'group', value: 'g-security' } },
        { id: 'pg-r3', permission: 'TRANSITION_ISSUES', holder: { type: 'group', value: 'g-security' } },
        { id: 'pg-r4', permission: 'ADD_COMMENTS', holder: { type: 'group', value: 'g-security' } },
        { id: 'pg-r5', permission: 'ADMINISTER_PROJECTS', holder: { type: 'user', value: 'u-alice' } },
        { id: 'pg-r6', permission: 'BROWSE_PROJECTS', holder: { type: 'user', value: 'u-alice' } },
      ],
    },
  ],
  notificationSchemes: [
    {
      id: 'ns-default',
      name: 'Default Notification Scheme',
      events: [
        { event: 'created', recipients: [{ type: 'currentAssignee' }, { type: 'reporter' }, { type: 'watchers' }] },
        { event: 'commented', recipients: [{ type: 'currentAssignee' }, { type: 'watchers' }, { type: 'group', value: 'g-devs' }] },
        { event: 'resolved', recipients: [{ type: 'reporter' }, { type: 'projectRole', value: '10001' }, { type: 'user', value: 'u-alice' }] },
      ],
    },
  ],
  filters: [
    {
      id: '10100',
      name: 'Open ACME bugs',
      owner: 'u-bob',
      jql: 'project = ACME AND issuetype = Bug AND status != Done ORDER BY priority DESC',
      shares: [{ type: 'project', value: 'ACME' }],
    },
    { id: '10101', name: 'Ops board', owner: 'u-carol', jql: 'project = OPS ORDER BY created DESC', shares: [{ type: 'group', value: 'g-devs' }] },
  ],
  boards: [
    {
      id: '1',
      name: 'OPS board',
      type: 'kanban',
      filter: '10101',
      project: 'OPS',
      columns: [
        { name: 'Backlog', statuses: ['5'] },
        { name: 'In Progress', statuses: ['2'], max: 5 },
        { name: 'Closed', statuses: ['6'] },
      ],
    },
  ],
});
