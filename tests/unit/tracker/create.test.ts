import { describe, expect, it } from 'vitest';
import type { Config } from '../../../server/model/types.ts';
import type { CreateInput } from '../../../server/tracker/types.ts';
import { NOW, makeTracker, trackerError } from './setup.ts';

const NOT_ON_SCREEN = (id: string) => `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
const grantAssign = (c: Config) => {
  c.permissionSchemes[0]!.grants.push({ id: 'x', permission: 'ASSIGN_ISSUES', holder: { type: 'projectRole', value: '10001' } });
};
const bug = (fields: Record<string, unknown>, over: Partial<CreateInput> = {}): CreateInput => ({
  project: 'ACME',
  issueType: '10001',
  fields: { summary: 'A bug', ...fields },
  ...over,
});

describe('create: field errors, per field, worded like Jira', () => {
  const cases: Array<[string, CreateInput, string, string]> = [
    [
      'field not on the create screen',
      { project: 'OPS', issueType: '10002', fields: { summary: 's', customfield_10010: 'opt-sev-1' } },
      'customfield_10010',
      NOT_ON_SCREEN('customfield_10010'),
    ],
    ['hidden by the field configuration', bug({ environment: 'prod' }), 'environment', NOT_ON_SCREEN('environment')],
    ['unknown field', bug({ customfield_99999: 'x' }), 'customfield_99999', NOT_ON_SCREEN('customfield_99999')],
    [
      'custom field with no context for the type',
      { project: 'ACME', issueType: '10003', parent: 'ACME-1', fields: { summary: 's', customfield_10014: 3 } },
      'customfield_10014',
      NOT_ON_SCREEN('customfield_10014'),
    ],
    ['required field emptied', bug({ customfield_10010: null }), 'customfield_10010', 'Severity is required.'],
    ['summary missing', { project: 'ACME', issueType: '10002', fields: {} }, 'summary', 'You must specify a summary of the issue.'],
    ['disabled option', bug({ customfield_10010: 'opt-sev-4' }), 'customfield_10010', "Option id 'opt-sev-4' is not valid"],
    ['option of another context', bug({ customfield_10010: 'opt-sev-s1' }), 'customfield_10010', "Option id 'opt-sev-s1' is not valid"],
    [
      'option of the global context in a project with its own',
      { project: 'SEC', issueType: '10001', fields: { summary: 's', customfield_10010: 'opt-sev-1' } },
      'customfield_10010',
      "Option id 'opt-sev-1' is not valid",
    ],
    [
      'multi-select with a bad option',
      bug({ customfield_10011: ['opt-plat-linux', 'opt-x'] }),
      'customfield_10011',
      "Option id 'opt-x' is not valid",
    ],
    [
      'cascading child of another parent',
      bug({ customfield_10012: { parent: 'opt-loc-us', child: 'opt-loc-eu-ber' } }),
      'customfield_10012',
      "Option id 'opt-loc-eu-ber' is not a valid child of 'opt-loc-us'",
    ],
    ['number field given text', bug({ customfield_10014: 'five' }), 'customfield_10014', 'Operation value must be a number'],
    ['date in the wrong format', bug({ duedate: '31/01/2025' }), 'duedate', 'Error parsing date string: 31/01/2025'],
    ['label with a space', bug({ labels: ['two words'] }), 'labels', "The label 'two words' contains spaces which is invalid."],
    ['unknown version', bug({ fixVersions: ['ver-9'] }), 'fixVersions', "Version id 'ver-9' is not valid"],
    ['unknown component', bug({ components: ['cmp-9'] }), 'components', "Component id 'cmp-9' is not valid"],
    [
      'inactive user in a user field',
      bug({ customfield_10013: 'u-frank' }),
      'customfield_10013',
      'Specified user does not exist or you do not have required permissions',
    ],
    ['unknown priority', bug({ priority: '9' }), 'priority', 'The priority selected is invalid.'],
    ['text too long', bug({ summary: 'x'.repeat(256) }), 'summary', 'The entered text is too long. It exceeds the allowed limit of 255 characters.'],
    ['assignee who is not assignable', bug({ assignee: 'u-dave' }), 'assignee', "User 'Dave Defender' cannot be assigned issues."],
    [
      'issue type the project does not offer',
      { project: 'OPS', issueType: '10001', fields: { summary: 's' } },
      'issuetype',
      'The issue type selected is invalid.',
    ],
    [
      'sub-task without a parent',
      { project: 'ACME', issueType: '10003', fields: { summary: 's' } },
      'parent',
      'Issue type is a sub-task but parent issue key or id not specified.',
    ],
    [
      'sub-task with a parent in another project',
      { project: 'ACME', issueType: '10003', parent: 'OPS-1', fields: { summary: 's' } },
      'parent',
      'Parent issue must belong to the same project.',
    ],
    [
      'sub-task of a sub-task',
      { project: 'ACME', issueType: '10003', parent: 'ACME-5', fields: { summary: 's' } },
      'parent',
      'Parent issue cannot be a sub-task.',
    ],
    ['unknown project', { project: 'NOPE', issueType: '10001', fields: { summary: 's' } }, 'project', 'valid project is required'],
    ['project the actor cannot see', { project: 'SEC', issueType: '10002', fields: { summary: 's' } }, 'project', 'valid project is required'],
  ];
  it.each(cases)('%s', (_name, input, field, message) => {
    const tracker = makeTracker(grantAssign);
    const actor = input.project === 'SEC' && field !== 'project' ? 'u-dave' : 'u-bob';
    const before = tracker.issues.length;
    const e = trackerError(() => tracker.createIssue(actor, input));
    expect(e.status).toBe(400);
    expect(e.body.errors[field]).toBe(message);
    expect(tracker.issues.length).toBe(before);
    expect(tracker.outbox).toEqual([]);
  });

  it('reports every bad field at once', () => {
    const e = trackerError(() => makeTracker().createIssue('u-bob', bug({ summary: '', environment: 'x', customfield_10010: 'opt-sev-4' })));
    expect(Object.keys(e.body.errors).sort()).toEqual(['customfield_10010', 'environment', 'summary']);
  });
});

describe('create: permission', () => {
  it.each([
    ['u-dave', 403],
    [null, 400],
  ] as const)('%s without CREATE_ISSUES', (actor, status) => {
    const e = trackerError(() => makeTracker().createIssue(actor, bug({})));
    expect(e.status).toBe(status);
    if (status === 403) expect(e.body.errorMessages).toEqual(['You do not have permission to create issues in this project.']);
  });

  it('anonymous creation where anyone may browse but not create is a 401', () => {
    const t = makeTracker((c) => {
      c.permissionSchemes[0]!.grants.push({ id: 'x', permission: 'BROWSE_PROJECTS', holder: { type: 'anyone' } });
    });
    expect(trackerError(() => t.createIssue(null, bug({}))).status).toBe(401);
  });
});

describe('create: what a new issue gets', () => {
  it('defaults, reporter, key, status, timestamps, no history', () => {
    const t = makeTracker();
    const issue = t.createIssue('u-erin', bug({}));
    expect(issue).toMatchObject({
      key: 'ACME-8',
      id: '30003',
      project: 'ACME',
      status: '1',
      resolution: null,
      reporter: 'u-erin',
      assignee: null,
      created: NOW,
      updated: NOW,
      history: [],
      customFields: { customfield_10010: 'opt-sev-3' },
    });
  });

  it('an assignee needs ASSIGN_ISSUES from the actor', () => {
    const e = trackerError(() => makeTracker().createIssue('u-bob', bug({ assignee: 'u-carol' })));
    expect(e.body.errors.assignee).toBe('You do not have permission to assign issues.');
    expect(makeTracker(grantAssign).createIssue('u-bob', bug({ assignee: 'u-carol' })).assignee).toBe('u-carol');
  });

  it('keys count per project and are never reused', () => {
    const t = makeTracker();
    expect(t.createIssue('u-bob', bug({})).key).toBe('ACME-8');
    expect(t.createIssue('u-bob', { project: 'OPS', issueType: '10002', fields: { summary: 'o' } }).key).toBe('OPS-4');
    t.deleteIssue('u-bob', 'ACME-8');
    expect(t.createIssue('u-bob', bug({})).key).toBe('ACME-9');
    expect(t.getIssue('u-bob', 'ACME-9').summary).toBe('A bug');
  });

  it("sub-tasks take their workflow's initial status and keep the parent key", () => {
    const issue = makeTracker().createIssue('u-bob', { project: 'ACME', issueType: '10003', parent: 'ACME-1', fields: { summary: 's' } });
    expect(issue).toMatchObject({ status: '5', parent: 'ACME-1' });
  });

  it('runs the initial transition: its validators and post functions', () => {
    const t = makeTracker((c) => {
      const initial = c.workflows[0]!.transitions[0]!;
      initial.to = '2';
      initial.rules = {
        validators: [{ type: 'fieldRequired', fields: ['description'] }],
        postFunctions: [
          { type: 'assign', to: 'projectLead' },
          { type: 'addComment', body: 'Triaged.' },
        ],
      };
    });
    expect(trackerError(() => t.createIssue('u-erin', bug({}))).body.errors).toEqual({ description: 'Description is required.' });
    const issue = t.createIssue('u-erin', bug({ description: 'why' }));
    expect(issue).toMatchObject({ status: '2', assignee: 'u-bob' });
    expect(issue.comments.map((c) => c.body)).toEqual(['Triaged.']);
  });
});

describe('createMeta', () => {
  const t = makeTracker();
  const meta = (project: string, type: string, actor = 'u-bob') => t.createMeta(actor, project, type);

  it('lists the create screen minus hidden and inapplicable fields, with required flags', () => {
    const bugMeta = meta('ACME', '10001');
    expect(bugMeta.map((m) => m.fieldId)).toEqual([
      'summary',
      'priority',
      'description',
      'assignee',
      'reporter',
      'labels',
      'components',
      'fixVersions',
      'versions',
      'duedate',
      'customfield_10010',
      'customfield_10011',
      'customfield_10012',
      'customfield_10013',
      'customfield_10014',
      'customfield_10015',
      'customfield_10016',
      'customfield_10017',
    ]);
    expect(bugMeta.filter((m) => m.required).map((m) => m.fieldId)).toEqual(['summary', 'customfield_10010']);
    const taskMeta = meta('ACME', '10002').map((m) => m.fieldId);
    expect(taskMeta).toContain('environment');
    expect(taskMeta).not.toContain('customfield_10017');
    expect(meta('OPS', '10002').map((m) => m.fieldId)).toEqual([
      'summary',
      'description',
      'assignee',
      'reporter',
      'priority',
      'labels',
      'customfield_10011',
    ]);
  });

  it('gives allowed values from the applicable context and the default', () => {
    const sev = meta('ACME', '10001').find((m) => m.fieldId === 'customfield_10010')!;
    expect(sev.allowedValues?.map((v) => v.name)).toEqual(['Critical', 'Major', 'Minor']);
    expect(sev).toMatchObject({ hasDefaultValue: true, defaultValue: 'opt-sev-3', name: 'Severity', type: 'select', custom: true });
    const secSev = meta('SEC', '10001', 'u-dave').find((m) => m.fieldId === 'customfield_10010')!;
    expect(secSev.allowedValues?.map((v) => v.id)).toEqual(['opt-sev-s1', 'opt-sev-s2']);
    expect(secSev.hasDefaultValue).toBe(false);
    const loc = meta('ACME', '10001').find((m) => m.fieldId === 'customfield_10012')!;
    expect(loc.allowedValues?.[0]).toEqual({
      id: 'opt-loc-eu',
      name: 'Europe',
      children: [
        { id: 'opt-loc-eu-ber', name: 'Berlin' },
        { id: 'opt-loc-eu-par', name: 'Paris' },
      ],
    });
    expect(
      meta('ACME', '10001')
        .find((m) => m.fieldId === 'fixVersions')!
        .allowedValues?.map((v) => v.name),
    ).toEqual(['1.0', '2.0']);
  });

  it('refuses like create does', () => {
    expect(trackerError(() => meta('ACME', '10001', 'u-dave')).status).toBe(403);
    expect(trackerError(() => meta('OPS', '10001')).body.errors.issuetype).toBe('The issue type selected is invalid.');
  });
});
