/**
 * The tracker's rules through the REST API (fixtures/tiny), one table: each row is a request as a
 * persona and what must come back. Rows run in order; later rows see earlier writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from './harness.ts';

interface Row {
  name: string;
  method: string;
  path: string;
  as?: string;
  body?: unknown;
  status: number;
  check?: (body: any, h: Harness) => void | Promise<void>;
}

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/tiny');
});
afterAll(async () => {
  await h.close();
});

const keys = (b: any) => b.issues.map((i: any) => i.key);

const rows: Row[] = [
  {
    name: 'anonymous myself is 401',
    method: 'GET',
    path: '/rest/api/2/myself',
    status: 401,
    check: (b) => expect(b.errorMessages[0]).toMatch(/authenticated/),
  },
  {
    name: 'Basic auth resolves the persona',
    method: 'GET',
    path: '/rest/api/2/myself',
    as: 'bob',
    status: 200,
    check: (b) => expect(b).toMatchObject({ accountId: 'u-bob', emailAddress: 'bob@tiny.example' }),
  },
  {
    name: 'an invisible issue is a 404',
    method: 'GET',
    path: '/rest/api/2/issue/SEC-1',
    as: 'bob',
    status: 404,
    check: (b) => expect(b.errorMessages[0]).toMatch(/does not exist or you do not have permission/),
  },
  {
    name: 'the same issue is visible to its group',
    method: 'GET',
    path: '/rest/api/2/issue/SEC-1',
    as: 'dave',
    status: 200,
    check: (b) => expect(b.key).toBe('SEC-1'),
  },
  {
    name: 'create without the create permission is 403',
    method: 'POST',
    path: '/rest/api/2/issue',
    as: 'dave',
    body: { fields: { project: { key: 'ACME' }, issuetype: { name: 'Task' }, summary: 'x' } },
    status: 403,
  },
  {
    name: 'a missing required field is a 400 on that field',
    method: 'POST',
    path: '/rest/api/2/issue',
    as: 'bob',
    body: { fields: { project: { key: 'ACME' }, issuetype: { id: '10001' }, summary: 'no severity', customfield_10010: null } },
    status: 400,
    check: (b) => expect(b.errors.customfield_10010).toMatch(/required/i),
  },
  {
    name: 'a disabled option is refused',
    method: 'POST',
    path: '/rest/api/2/issue',
    as: 'bob',
    body: { fields: { project: { key: 'ACME' }, issuetype: { id: '10001' }, summary: 's', customfield_10010: { value: 'Trivial' } } },
    status: 400,
    check: (b) => expect(b.errors.customfield_10010).toMatch(/not valid/),
  },
  {
    name: 'a field not on the create screen is refused in Jira words',
    method: 'POST',
    path: '/rest/api/2/issue',
    as: 'alice',
    body: { fields: { project: { key: 'OPS' }, issuetype: { id: '10002' }, summary: 's', customfield_10010: { id: 'opt-sev-1' } } },
    status: 400,
    check: (b) =>
      expect(b.errors.customfield_10010).toBe("Field 'customfield_10010' cannot be set. It is not on the appropriate screen, or unknown."),
  },
  {
    name: 'create with option by value, labels and components by name',
    method: 'POST',
    path: '/rest/api/2/issue',
    as: 'bob',
    body: {
      fields: {
        project: { key: 'ACME' },
        issuetype: { name: 'Bug' },
        summary: 'Crash on save',
        customfield_10010: { value: 'Critical' },
        labels: ['crash'],
        components: [{ name: 'Backend' }],
      },
    },
    status: 201,
    check: (b) => expect(b).toMatchObject({ key: 'ACME-8' }),
  },
  {
    name: 'the created issue reads back in Jira forms',
    method: 'GET',
    path: '/rest/api/2/issue/ACME-8',
    as: 'bob',
    status: 200,
    check: (b) => {
      expect(b.fields.customfield_10010).toMatchObject({ value: 'Critical' });
      expect(b.fields.components.map((c: any) => c.name)).toEqual(['Backend']);
      expect(b.fields.reporter.accountId).toBe('u-bob');
      expect(b.self).toBe(`${h.url}/rest/api/2/issue/${b.id}`);
    },
  },
  {
    name: 'the created event reached the outbox per scheme',
    method: 'GET',
    path: '/_understudy/outbox?event=created',
    status: 200,
    check: (b) => expect(b.map((e: any) => e.recipient)).toContain('u-bob'),
  },
  {
    name: 'update verbs add and remove labels',
    method: 'PUT',
    path: '/rest/api/2/issue/ACME-8',
    as: 'bob',
    body: { update: { labels: [{ add: 'p1' }, { remove: 'crash' }] } },
    status: 204,
  },
  {
    name: 'labels after the update',
    method: 'GET',
    path: '/rest/api/2/issue/ACME-8?fields=labels',
    as: 'bob',
    status: 200,
    check: (b) => expect(b.fields).toEqual({ labels: ['p1'] }),
  },
  {
    name: 'a validator failure is a 400 with its message',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-2/transitions',
    as: 'carol',
    body: { transition: { id: 't-review' } },
    status: 400,
    check: (b) => expect(JSON.stringify(b)).toMatch(/Pick a reviewer/),
  },
  {
    name: 'a condition hides Done from the assignee',
    method: 'GET',
    path: '/rest/api/2/issue/ACME-6/transitions',
    as: 'carol',
    status: 200,
    check: (b) => expect(b.transitions.map((t: any) => t.id)).toEqual(['t-back', 't-reopen']),
  },
  {
    name: 'another developer sees Done, with its screen fields',
    method: 'GET',
    path: '/rest/api/2/issue/ACME-6/transitions?expand=transitions.fields',
    as: 'bob',
    status: 200,
    check: (b) => {
      const done = b.transitions.find((t: any) => t.id === 't-done');
      expect(done).toMatchObject({ hasScreen: true, to: { name: 'Done' } });
      expect(Object.keys(done.fields)).toContain('fixVersions');
    },
  },
  {
    name: 'a hidden transition cannot be taken',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-6/transitions',
    as: 'carol',
    body: { transition: { id: 't-done' }, update: { comment: [{ add: { body: 'done' } }] } },
    status: 400,
  },
  {
    name: 'Done without the required comment fails its validator',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-6/transitions',
    as: 'bob',
    body: { transition: { id: 't-done' } },
    status: 400,
  },
  {
    name: 'Done with a comment runs its post functions',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-6/transitions',
    as: 'bob',
    body: { transition: { id: 't-done' }, update: { comment: [{ add: { body: 'Verified on staging' } }] } },
    status: 204,
  },
  {
    name: 'post functions set resolution, a field and a comment',
    method: 'GET',
    path: '/rest/api/2/issue/ACME-6?expand=changelog',
    as: 'bob',
    status: 200,
    check: (b) => {
      expect(b.fields.status.name).toBe('Done');
      expect(b.fields.resolution.name).toBe('Fixed');
      expect(b.fields.customfield_10010.id).toBe('opt-sev-3');
      expect(b.fields.comment.comments.map((c: any) => c.body)).toEqual(expect.arrayContaining(['Verified on staging', 'Resolved.']));
      expect(b.changelog.histories.at(-1).items.map((i: any) => i.field)).toContain('status');
    },
  },
  {
    name: 'the resolved event notified the scheme recipients',
    method: 'GET',
    path: '/_understudy/outbox?event=resolved',
    status: 200,
    check: (b) => {
      const who = b.map((e: any) => e.recipient);
      expect(who).toEqual(expect.arrayContaining(['u-alice', 'u-erin']));
      expect(who).not.toContain('u-frank');
    },
  },
  {
    name: 'outbox filter by recipient e-mail',
    method: 'GET',
    path: '/_understudy/outbox?recipient=erin@tiny.example',
    status: 200,
    check: (b) => expect(b.length > 0 && b.every((e: any) => e.recipient === 'u-erin')).toBe(true),
  },
  {
    name: 'anonymous callers cannot even see the issue to comment',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/comment',
    status: 404,
    body: { body: 'anon' },
  },
  {
    name: 'a comment is 201 and notifies the group',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/comment',
    as: 'erin',
    body: { body: 'Seen it too' },
    status: 201,
    check: async (b) => {
      expect(b.body).toBe('Seen it too');
      const out = (await h.call('GET', '/_understudy/outbox?event=commented')).body;
      expect(out.map((e: any) => e.recipient)).toEqual(expect.arrayContaining(['u-alice', 'u-carol']));
    },
  },
  {
    name: 'assigning without ASSIGN_ISSUES is 403',
    method: 'PUT',
    path: '/rest/api/2/issue/ACME-7/assignee',
    as: 'alice',
    body: { accountId: 'u-carol' },
    status: 403,
  },
  {
    name: 'editing a field not on the edit screen is refused',
    method: 'PUT',
    path: '/rest/api/2/issue/OPS-1',
    as: 'carol',
    body: { fields: { customfield_10010: { id: 'opt-sev-1' } } },
    status: 400,
    check: (b) => expect(b.errors.customfield_10010).toMatch(/not on the appropriate screen/),
  },
  {
    name: 'JQL parse errors are 400 in Jira words',
    method: 'GET',
    path: '/rest/api/3/search/jql?jql=project%20%3D%3D%20ACME',
    as: 'alice',
    status: 400,
    check: (b) => expect(b.errorMessages[0]).toMatch(/Error in the JQL Query/),
  },
  {
    name: 'an unknown JQL field is a 400',
    method: 'GET',
    path: '/rest/api/3/search/jql?jql=nosuchfield%20%3D%201',
    as: 'alice',
    status: 400,
    check: (b) => expect(b.errorMessages[0]).toMatch(/nosuchfield/),
  },
  {
    name: 'JQL results, visible issues only',
    method: 'POST',
    path: '/rest/api/3/search/jql',
    as: 'bob',
    body: { jql: 'issuetype = Bug ORDER BY key ASC', fields: ['summary'] },
    status: 200,
    check: (b) => expect(keys(b)).toEqual(['ACME-1', 'ACME-6', 'ACME-8']),
  },
  {
    name: 'search/jql returns ids only by default',
    method: 'GET',
    path: '/rest/api/3/search/jql?jql=project%3DOPS',
    as: 'alice',
    status: 200,
    check: (b) => expect(Object.keys(b.issues[0])).toEqual(['id']),
  },
  {
    name: 'approximate count',
    method: 'POST',
    path: '/rest/api/3/search/approximate-count',
    as: 'alice',
    body: { jql: 'project = OPS' },
    status: 200,
    check: (b) => expect(b).toEqual({ count: 3 }),
  },
  {
    name: 'mypermissions per project',
    method: 'GET',
    path: '/rest/api/2/mypermissions?projectKey=ACME&permissions=CREATE_ISSUES,DELETE_ISSUES',
    as: 'erin',
    status: 200,
    check: (b) => {
      expect(b.permissions.CREATE_ISSUES.havePermission).toBe(true);
      expect(b.permissions.DELETE_ISSUES.havePermission).toBe(false);
    },
  },
  {
    name: 'admin resources are 403 for non-admins (notification schemes; permission schemes are readable by any user, issue 18)',
    method: 'GET',
    path: '/rest/api/2/notificationscheme',
    as: 'bob',
    status: 403,
  },
  {
    name: 'permission schemes with grants for admins',
    method: 'GET',
    path: '/rest/api/2/permissionscheme?expand=permissions',
    as: 'alice',
    status: 200,
    check: (b) =>
      expect(b.permissionSchemes[1].permissions[0]).toMatchObject({
        permission: 'BROWSE_PROJECTS',
        holder: { type: 'group', parameter: 'security-team', value: 'g-security' },
      }),
  },
];

describe('REST rules on fixtures/tiny', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const res = await h.call(row.method, row.path, { as: row.as, body: row.body });
    expect(res.status, res.text).toBe(row.status);
    if (row.status >= 400 && row.path.startsWith('/rest/'))
      expect(res.body).toEqual({ errorMessages: expect.any(Array), errors: expect.any(Object) });
    await row.check?.(res.body, h);
  });
});
