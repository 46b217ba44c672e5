/**
 * The answers of issue 18's resources (fixtures/acme, as an administrator, after one of each was
 * made through the API) validated against the component schemas of Jira's OpenAPI description.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { validateComponent } from './openapi.ts';

let h: Harness;
let admin: string;
/** Administrators hold no WORK_ON_ISSUES or LINK_ISSUES in acme's scheme: a developer logs work and links. */
const DEV = '2d4968499e904ee182e3e0e6';
const ids: Record<string, string> = {};
const made: Record<string, unknown> = {};
beforeAll(async () => {
  h = await startSandbox('fixtures/acme');
  admin = h.personas.find((p) => p.admin)!.accountId;
  const p = h.personas.find((x) => x.accountId === admin)!;
  const form = new FormData();
  form.append('file', new Blob(['log line\n'], { type: 'text/plain' }), 'build.log');
  const up = await fetch(`${h.url}/rest/api/3/issue/WEB-1/attachments`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${p.email}:${p.token}`).toString('base64')}`, 'X-Atlassian-Token': 'no-check' },
    body: form,
  });
  made.attachments = await up.json();
  ids.attachment = (made.attachments as Array<{ id: string }>)[0]!.id;
  made.worklog = (
    await h.call('POST', '/rest/api/3/issue/WEB-1/worklog?adjustEstimate=new&newEstimate=1d', {
      as: DEV,
      body: {
        timeSpent: '1h 30m',
        comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'pairing' }] }] },
      },
    })
  ).body;
  ids.worklog = (made.worklog as { id: string }).id;
  made.remote = (
    await h.call('POST', '/rest/api/3/issue/WEB-1/remotelink', {
      as: DEV,
      body: { globalId: 'ci:1', object: { url: 'https://ci.example/1', title: 'Build 1' } },
    })
  ).body;
  const c = await h.call('POST', '/rest/api/3/issue/WEB-1/comment', {
    as: admin,
    body: {
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] },
      visibility: { type: 'group', value: 'jira-administrators' },
    },
  });
  if (c.status !== 201) throw new Error(c.text);
  ids.comment = c.body.id;
  await h.call('POST', '/rest/api/3/issueLink', {
    as: DEV,
    body: { type: { name: 'Relates' }, inwardIssue: { key: 'WEB-1' }, outwardIssue: { key: 'WEB-6' } },
  });
  ids.link = (await h.call('GET', '/rest/api/3/issue/WEB-6?fields=issuelinks', { as: admin })).body.fields.issuelinks.find(
    (l: { outwardIssue?: { key: string } }) => l.outwardIssue?.key === 'WEB-1',
  ).id;
  await h.call('PUT', '/rest/api/3/issue/WEB-1/properties/ci', { as: admin, body: { build: 1 } });
  await h.call('POST', '/rest/api/3/issue/WEB-1/watchers', { as: admin, raw: JSON.stringify(admin) });
  await h.call('POST', '/rest/api/3/issue/WEB-6/votes', { as: admin });
});
afterAll(async () => {
  await h.close();
});

const rows: Array<{ path: string; schema: string; array?: boolean; made?: string }> = [
  { path: '', schema: 'Attachment', array: true, made: 'attachments' },
  { path: '', schema: 'Worklog', made: 'worklog' },
  { path: '', schema: 'RemoteIssueLinkIdentifies', made: 'remote' },
  { path: '/rest/api/3/attachment/{attachment}', schema: 'AttachmentMetadata' },
  { path: '/rest/api/3/attachment/meta', schema: 'AttachmentSettings' },
  { path: '/rest/api/3/issue/WEB-1/worklog', schema: 'PageOfWorklogs' },
  { path: '/rest/api/3/issue/WEB-1/worklog/{worklog}', schema: 'Worklog' },
  { path: '/rest/api/3/issue/WEB-1/remotelink', schema: 'RemoteIssueLink', array: true },
  { path: '/rest/api/3/issue/WEB-1/remotelink?globalId=ci:1', schema: 'RemoteIssueLink' },
  { path: '/rest/api/3/issue/WEB-1/comment/{comment}', schema: 'Comment' },
  { path: '/rest/api/3/issue/WEB-1/comment', schema: 'PageOfComments' },
  { path: '/rest/api/3/issue/WEB-1/watchers', schema: 'Watchers' },
  { path: '/rest/api/3/issue/WEB-6/votes', schema: 'Votes' },
  { path: '/rest/api/3/issue/WEB-1/properties', schema: 'PropertyKeys' },
  { path: '/rest/api/3/issue/WEB-1/properties/ci', schema: 'EntityProperty' },
  { path: '/rest/api/3/issueLink/{link}', schema: 'IssueLink' },
  { path: '/rest/api/3/issueLinkType/10000', schema: 'IssueLinkType' },
  { path: '/rest/api/3/version/10000', schema: 'Version' },
  { path: '/rest/api/3/component/10000', schema: 'ProjectComponent' },
  { path: '/rest/api/3/group?groupname=developers&expand=users', schema: 'Group' },
  { path: '/rest/api/3/permissions', schema: 'Permissions' },
  {
    path: '/rest/api/3/mypermissions?permissions=DELETE_ALL_ATTACHMENTS,MODIFY_REPORTER,VIEW_READONLY_WORKFLOW,ADMINISTER&projectKey=WEB',
    schema: 'Permissions',
  },
  {
    path: '/rest/api/3/issue/WEB-1?fields=attachment,worklog,votes,watches,timetracking,timespent,timeestimate,progress,comment,issuelinks',
    schema: 'IssueBean',
  },
  { path: '/rest/api/2/issue/WEB-1', schema: 'IssueBean' },
];

describe("issue 18's answers conform to Jira's OpenAPI component schemas", () => {
  it.each(rows.map((r) => [r.path || `created ${r.made}`, r] as const))('%s', async (_p, row) => {
    let body = row.made ? made[row.made] : undefined;
    if (!row.made) {
      const path = row.path.replace(/\{(\w+)\}/g, (_m, k: string) => ids[k]!);
      const res = await h.call('GET', path, { as: admin });
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      body = res.body;
    }
    if (row.made) expect((body as { errorMessages?: unknown }).errorMessages, JSON.stringify(body)).toBeUndefined();
    expect(validateComponent(row.schema, body, row.array)).toEqual([]);
  });
  it('the issue carries what was made', async () => {
    const f = (await h.call('GET', '/rest/api/3/issue/WEB-1', { as: admin })).body.fields;
    expect(f.attachment.map((a: { filename: string }) => a.filename)).toEqual(['build.log']);
    expect(f.worklog.worklogs[0].timeSpent).toBe('1h 30m');
    expect(f.timetracking).toMatchObject({ remainingEstimate: '1d', timeSpent: '1h 30m' });
  });
});
