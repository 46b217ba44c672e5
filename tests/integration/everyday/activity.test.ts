/**
 * The issue-level resources with Jira's semantics, over fixtures/tiny (bob: Developers in ACME,
 * erin: reporter of most ACME issues and Developers by user, dave: no role in ACME): permissions
 * from the scheme, history items, notifications in the outbox, and a table of refusals each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { everydayGrants } from './tiny-grants.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/tiny', { patch: everydayGrants, attachmentMaxBytes: 2048 });
});
afterAll(async () => {
  await h.close();
});

const auth = (as: string) => {
  const p = h.personas.find((x) => x.accountId === `u-${as}`)!;
  return `Basic ${Buffer.from(`${p.email}:${p.token}`).toString('base64')}`;
};
const issue = (key: string) => h.ctx.tracker.issues.find((i) => i.key === key)!;
const outboxOf = (event: string) => h.ctx.outbox.filter((e) => e.event === event);

const upload = async (
  as: string,
  key: string,
  files: Array<{ name: string; type: string; text: string }>,
  headers: Record<string, string> = { 'X-Atlassian-Token': 'no-check' },
) => {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([f.text], { type: f.type }), f.name);
  const res = await fetch(`${h.url}/rest/api/2/issue/${key}/attachments`, {
    method: 'POST',
    headers: { authorization: auth(as), ...headers },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

describe('attachments', () => {
  it('upload, metadata, history, notification, download as a file only, delete', async () => {
    const before = outboxOf('updated').length;
    const up = await upload('bob', 'ACME-1', [
      { name: 'build.log', type: 'text/plain', text: 'all green\n' },
      { name: 'page.html', type: 'text/html', text: '<script>alert(1)</script>' },
    ]);
    expect(up.status).toBe(200);
    expect(up.body.map((a: { filename: string; size: number }) => [a.filename, a.size])).toEqual([
      ['build.log', 10],
      ['page.html', 25],
    ]);
    expect(
      issue('ACME-1')
        .history.at(-1)!
        .items.map((i) => [i.field, i.toString]),
    ).toEqual([
      ['Attachment', 'build.log'],
      ['Attachment', 'page.html'],
    ]);
    expect(outboxOf('updated').length).toBeGreaterThan(before);
    const got = await fetch(up.body[1].content, { headers: { authorization: auth('dave') } });
    expect(await got.text()).toBe('<script>alert(1)</script>');
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="page.html"/);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    const fields = (await h.call('GET', '/rest/api/2/issue/ACME-1?fields=attachment', { as: 'erin' })).body.fields;
    expect(fields.attachment.map((a: { filename: string }) => a.filename)).toEqual(['build.log', 'page.html']);
    expect((await h.call('DELETE', `/rest/api/2/attachment/${up.body[0].id}`, { as: 'erin' })).status).toBe(403);
    expect((await h.call('DELETE', `/rest/api/2/attachment/${up.body[0].id}`, { as: 'bob' })).status).toBe(204);
    expect((await h.call('GET', `/rest/api/2/attachment/${up.body[0].id}`, { as: 'bob' })).status).toBe(404);
    expect((await h.call('GET', '/rest/api/2/attachment/meta', { as: 'bob' })).body).toEqual({ enabled: true, uploadLimit: 2048 });
  });

  const refusals: Array<{
    name: string;
    as: string;
    headers?: Record<string, string>;
    files?: Array<{ name: string; type: string; text: string }>;
    json?: boolean;
    status: number;
    message: RegExp;
  }> = [
    { name: 'no X-Atlassian-Token', as: 'bob', headers: {}, status: 403, message: /XSRF check failed/ },
    { name: 'no CREATE_ATTACHMENTS', as: 'dave', status: 403, message: /permission to create attachments/ },
    {
      name: 'larger than the limit',
      as: 'bob',
      files: [{ name: 'big.bin', type: 'application/octet-stream', text: 'x'.repeat(3000) }],
      status: 413,
      message: /larger than the attachment size limit of 2048 bytes/,
    },
    { name: 'no file part', as: 'bob', files: [], status: 400, message: /No file was sent/ },
    { name: 'a JSON body', as: 'bob', json: true, status: 415, message: /multipart\/form-data/ },
  ];
  it.each(refusals)('refused: $name', async (c) => {
    const n = issue('ACME-2').attachments?.length ?? 0;
    const res = c.json
      ? await h.call('POST', '/rest/api/2/issue/ACME-2/attachments', { as: c.as, body: { file: 'x' }, headers: { 'X-Atlassian-Token': 'no-check' } })
      : await upload(c.as, 'ACME-2', c.files ?? [{ name: 'a.txt', type: 'text/plain', text: 'a' }], c.headers ?? { 'X-Atlassian-Token': 'no-check' });
    expect(res.status).toBe(c.status);
    expect(res.body.errorMessages.join(' ')).toMatch(c.message);
    expect(issue('ACME-2').attachments?.length ?? 0).toBe(n);
  });
});

describe('worklogs and time tracking', () => {
  it('log, adjust the estimate, edit, delete: history, outbox, fields', async () => {
    const first = await h.call('POST', '/rest/api/2/issue/ACME-5/worklog?adjustEstimate=new&newEstimate=1d', {
      as: 'bob',
      body: { timeSpent: '2h', comment: 'pairing', started: '2025-05-30T09:00:00.000+0000' },
    });
    expect(first.status, first.text).toBe(201);
    expect([first.body.timeSpent, first.body.timeSpentSeconds, first.body.started]).toEqual(['2h', 7200, '2025-05-30T09:00:00.000+0000']);
    await h.call('POST', '/rest/api/2/issue/ACME-5/worklog', { as: 'erin', body: { timeSpentSeconds: 1800 } });
    let f = (await h.call('GET', '/rest/api/2/issue/ACME-5?fields=timetracking,worklog,timespent', { as: 'bob' })).body.fields;
    expect(f.timetracking).toEqual({ remainingEstimate: '7h 30m', remainingEstimateSeconds: 27000, timeSpent: '2h 30m', timeSpentSeconds: 9000 });
    expect([f.worklog.total, f.timespent]).toEqual([2, 9000]);
    expect(
      issue('ACME-5')
        .history.at(-1)!
        .items.map((i) => i.field),
    ).toEqual(['timespent', 'timeestimate', 'WorklogId']);
    expect(outboxOf('worklogged').map((e) => e.recipient)).toContain('u-erin');
    const edited = await h.call('PUT', `/rest/api/2/issue/ACME-5/worklog/${first.body.id}`, { as: 'bob', body: { timeSpent: '3h' } });
    expect([edited.status, edited.body.timeSpent]).toEqual([200, '3h']);
    expect((await h.call('DELETE', `/rest/api/2/issue/ACME-5/worklog/${first.body.id}?adjustEstimate=leave`, { as: 'bob' })).status).toBe(204);
    f = (await h.call('GET', '/rest/api/2/issue/ACME-5?fields=timetracking', { as: 'bob' })).body.fields;
    expect(f.timetracking).toEqual({ remainingEstimate: '6h 30m', remainingEstimateSeconds: 23400, timeSpent: '30m', timeSpentSeconds: 1800 });
  });

  const bad: Array<{ name: string; as: string; path?: string; body: unknown; status: number; message: RegExp }> = [
    { name: 'a duration that is none', as: 'bob', body: { timeSpent: 'soon' }, status: 400, message: /Invalid time duration/ },
    { name: 'no time spent', as: 'bob', body: { comment: 'x' }, status: 400, message: /time spent/ },
    { name: 'zero seconds', as: 'bob', body: { timeSpentSeconds: 0 }, status: 400, message: /positive number/ },
    { name: 'a bad start', as: 'bob', body: { timeSpent: '1h', started: 'yesterday' }, status: 400, message: /Invalid date/ },
    {
      name: 'adjustEstimate=new without newEstimate',
      as: 'bob',
      path: '?adjustEstimate=new',
      body: { timeSpent: '1h' },
      status: 400,
      message: /newEstimate/,
    },
    {
      name: 'an unknown adjustEstimate',
      as: 'bob',
      path: '?adjustEstimate=sometimes',
      body: { timeSpent: '1h' },
      status: 400,
      message: /auto, new, manual or leave/,
    },
    { name: 'no WORK_ON_ISSUES', as: 'dave', body: { timeSpent: '1h' }, status: 403, message: /log work/ },
  ];
  it.each(bad)('refused: $name', async (c) => {
    const n = issue('ACME-7').worklogs?.length ?? 0;
    const res = await h.call('POST', `/rest/api/2/issue/ACME-7/worklog${c.path ?? ''}`, { as: c.as, body: c.body });
    expect(res.status).toBe(c.status);
    expect([...res.body.errorMessages, ...Object.values(res.body.errors)].join(' ')).toMatch(c.message);
    expect(issue('ACME-7').worklogs?.length ?? 0).toBe(n);
  });

  it("another's worklog needs EDIT_ALL_WORKLOGS", async () => {
    const w = await h.call('POST', '/rest/api/2/issue/ACME-7/worklog', { as: 'bob', body: { timeSpent: '1h' } });
    expect((await h.call('PUT', `/rest/api/2/issue/ACME-7/worklog/${w.body.id}`, { as: 'erin', body: { timeSpent: '2h' } })).status).toBe(403);
    expect((await h.call('DELETE', `/rest/api/2/issue/ACME-7/worklog/${w.body.id}`, { as: 'erin' })).status).toBe(403);
  });
});

describe('comments with visibility, watchers, votes', () => {
  it('a comment restricted to a role is hidden from others, also in notifications', async () => {
    const before = h.ctx.outbox.length;
    const c = await h.call('POST', '/rest/api/2/issue/ACME-1/comment', {
      as: 'bob',
      body: { body: 'devs only', visibility: { type: 'role', value: 'Developers' } },
    });
    expect([c.status, c.body.visibility]).toEqual([201, { type: 'role', value: 'Developers', identifier: '10001' }]);
    expect((await h.call('GET', `/rest/api/2/issue/ACME-1/comment/${c.body.id}`, { as: 'dave' })).status).toBe(404);
    expect((await h.call('GET', '/rest/api/2/issue/ACME-1/comment', { as: 'dave' })).body.comments.map((x: { id: string }) => x.id)).not.toContain(
      c.body.id,
    );
    expect((await h.call('GET', `/rest/api/2/issue/ACME-1/comment/${c.body.id}`, { as: 'erin' })).status).toBe(200);
    expect(h.ctx.outbox.slice(before).map((e) => e.recipient)).not.toContain('u-dave');
    expect((await h.call('PUT', `/rest/api/2/issue/ACME-1/comment/${c.body.id}`, { as: 'erin', body: { body: 'not mine' } })).status).toBe(403);
    const bad = await h.call('POST', '/rest/api/2/issue/ACME-1/comment', {
      as: 'dave',
      body: { body: 'x', visibility: { type: 'group', value: 'developers' } },
    });
    expect([bad.status, bad.body.errors.visibility]).toEqual([400, 'You are currently not a member of the group: developers.']);
  });

  const watcherCases: Array<{ name: string; as: string; method: 'POST' | 'DELETE'; raw?: string; query?: string; status: number }> = [
    { name: 'a number body', as: 'bob', method: 'POST', raw: '123', status: 400 },
    { name: 'somebody else without MANAGE_WATCHERS', as: 'bob', method: 'POST', raw: '"u-carol"', status: 403 },
    { name: 'an unknown user', as: 'alice', method: 'POST', raw: '"u-nobody"', status: 404 },
    { name: 'an inactive user', as: 'alice', method: 'POST', raw: '"u-frank"', status: 400 },
    { name: 'DELETE without accountId', as: 'bob', method: 'DELETE', status: 400 },
    { name: "DELETE somebody else's watch without MANAGE_WATCHERS", as: 'bob', method: 'DELETE', query: '?accountId=u-erin', status: 403 },
  ];
  it.each(watcherCases)('watchers refused: $name', async (c) => {
    const res = await h.call(c.method, `/rest/api/2/issue/ACME-1/watchers${c.query ?? ''}`, {
      as: c.as,
      ...(c.raw !== undefined ? { raw: c.raw } : {}),
    });
    expect(res.status).toBe(c.status);
    expect(issue('ACME-1').watchers).toEqual(['u-bob', 'u-erin']);
  });

  it("votes: not on one's own or a resolved issue; voters shown with VIEW_VOTERS_AND_WATCHERS only", async () => {
    expect((await h.call('POST', '/rest/api/2/issue/ACME-2/votes', { as: 'dave' })).status).toBe(204);
    expect((await h.call('POST', '/rest/api/2/issue/ACME-2/votes', { as: 'erin' })).status).toBe(404);
    expect((await h.call('POST', '/rest/api/2/issue/ACME-3/votes', { as: 'dave' })).status).toBe(404);
    expect((await h.call('GET', '/rest/api/2/issue/ACME-2/votes', { as: 'dave' })).body).toMatchObject({ votes: 1, hasVoted: true, voters: [] });
    expect((await h.call('GET', '/rest/api/2/issue/ACME-2/votes', { as: 'bob' })).body.voters.map((v: { accountId: string }) => v.accountId)).toEqual(
      ['u-dave'],
    );
    expect((await h.call('DELETE', '/rest/api/2/issue/ACME-2/votes', { as: 'dave' })).status).toBe(204);
    expect((await h.call('DELETE', '/rest/api/2/issue/ACME-2/votes', { as: 'dave' })).status).toBe(404);
    expect(issue('ACME-2').voters).toBeUndefined();
  });
});

describe('properties and remote links', () => {
  it('issue, project and user properties with their permissions', async () => {
    expect((await h.call('PUT', '/rest/api/2/issue/ACME-1/properties/ci', { as: 'bob', body: { build: 1 } })).status).toBe(201);
    expect((await h.call('PUT', '/rest/api/2/issue/ACME-1/properties/ci', { as: 'bob', body: { build: 2 } })).status).toBe(200);
    expect((await h.call('GET', '/rest/api/2/issue/ACME-1/properties/ci', { as: 'dave' })).body).toEqual({ key: 'ci', value: { build: 2 } });
    expect((await h.call('GET', '/rest/api/2/issue/ACME-1/properties', { as: 'dave' })).body.keys.map((k: { key: string }) => k.key)).toEqual(['ci']);
    expect((await h.call('PUT', '/rest/api/2/issue/ACME-1/properties/ci', { as: 'dave', body: 1 })).status).toBe(403);
    expect((await h.call('PUT', '/rest/api/2/issue/ACME-1/properties/big', { as: 'bob', body: 'x'.repeat(40_000) })).status).toBe(400);
    expect((await h.call('DELETE', '/rest/api/2/issue/ACME-1/properties/ci', { as: 'bob' })).status).toBe(204);
    expect((await h.call('GET', '/rest/api/2/issue/ACME-1/properties/ci', { as: 'bob' })).status).toBe(404);
    expect((await h.call('PUT', '/rest/api/2/project/ACME/properties/x', { as: 'erin', body: true })).status).toBe(403);
    expect((await h.call('PUT', '/rest/api/2/project/ACME/properties/x', { as: 'alice', body: true })).status).toBe(201);
    expect((await h.call('PUT', '/rest/api/2/user/properties/theme?accountId=u-bob', { as: 'bob', body: 'dark' })).status).toBe(201);
    expect((await h.call('GET', '/rest/api/2/user/properties/theme?accountId=u-bob', { as: 'carol' })).status).toBe(403);
  });

  it('remote links: created, updated by globalId, listed, deleted; history items', async () => {
    const body = { globalId: 'ci:42', object: { url: 'https://ci.example/42', title: 'Build 42' } };
    const made = await h.call('POST', '/rest/api/2/issue/ACME-2/remotelink', { as: 'bob', body });
    expect(made.status).toBe(201);
    const again = await h.call('POST', '/rest/api/2/issue/ACME-2/remotelink', {
      as: 'bob',
      body: { ...body, object: { ...body.object, title: 'Build 42 (green)' } },
    });
    expect([again.status, again.body.id]).toEqual([200, made.body.id]);
    expect(
      (await h.call('GET', '/rest/api/2/issue/ACME-2/remotelink', { as: 'dave' })).body.map((l: { object: { title: string } }) => l.object.title),
    ).toEqual(['Build 42 (green)']);
    expect((await h.call('POST', '/rest/api/2/issue/ACME-2/remotelink', { as: 'bob', body: { object: { title: 'no url' } } })).status).toBe(400);
    expect((await h.call('POST', '/rest/api/2/issue/ACME-2/remotelink', { as: 'dave', body })).status).toBe(403);
    expect((await h.call('DELETE', '/rest/api/2/issue/ACME-2/remotelink?globalId=ci:42', { as: 'bob' })).status).toBe(204);
    expect(
      issue('ACME-2')
        .history.slice(-2)
        .map((e) => e.items[0]!.field),
    ).toEqual(['RemoteIssueLink', 'RemoteIssueLink']);
    expect(issue('ACME-2').remoteLinks).toBeUndefined();
  });

  it('links are refused without LINK_ISSUES on the outward issue, and to oneself', async () => {
    expect(
      (
        await h.call('POST', '/rest/api/2/issueLink', {
          as: 'dave',
          body: { type: { name: 'Blocks' }, inwardIssue: { key: 'ACME-5' }, outwardIssue: { key: 'ACME-6' } },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await h.call('POST', '/rest/api/2/issueLink', {
          as: 'bob',
          body: { type: { name: 'Blocks' }, inwardIssue: { key: 'ACME-5' }, outwardIssue: { key: 'ACME-5' } },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await h.call('POST', '/rest/api/2/issueLink', {
          as: 'bob',
          body: { type: { name: 'Nope' }, inwardIssue: { key: 'ACME-5' }, outwardIssue: { key: 'ACME-6' } },
        })
      ).status,
    ).toBe(404);
    expect((await h.call('POST', '/rest/api/2/issueLink', { as: 'bob', body: { inwardIssue: { key: 'ACME-5' } } })).status).toBe(400);
  });
});

describe('JQL over issue activity', () => {
  it('timespent, estimates, worklogDate, worklogAuthor, worklogComment, votes, watchers', async () => {
    await h.call('POST', '/rest/api/2/issue/OPS-3/worklog?adjustEstimate=new&newEstimate=2d', {
      as: 'bob',
      body: { timeSpent: '3h', started: '2025-05-20T10:00:00.000+0000', comment: 'database failover drill' },
    });
    const keys = async (jql: string) => {
      const res = await h.call('POST', '/rest/api/3/search/jql', { as: 'bob', body: { jql, fields: ['summary'] } });
      expect(res.status, `${jql}: ${res.text}`).toBe(200);
      return res.body.issues.map((i: { id: string }) => h.ctx.tracker.issues.find((x) => x.id === i.id)!.key);
    };
    expect(await keys('timespent >= 2h AND project = OPS')).toEqual(['OPS-3']);
    expect(await keys('timespent > 3h AND project = OPS')).toEqual([]);
    expect(await keys('remainingEstimate = 2d AND project = OPS')).toEqual(['OPS-3']);
    expect(await keys('worklogDate >= 2025-05-20 AND worklogDate < 2025-05-21 AND project = OPS')).toEqual(['OPS-3']);
    expect(await keys('worklogAuthor = "u-bob" AND project = OPS')).toEqual(['OPS-3']);
    expect(await keys('worklogComment ~ failover')).toEqual(['OPS-3']);
    expect(await keys('watchers >= 2 AND project = ACME ORDER BY key')).toContain('ACME-1');
    const bad = await h.call('POST', '/rest/api/3/search/jql', { as: 'bob', body: { jql: 'timespent > soon' } });
    expect([bad.status, bad.body.errorMessages[0]]).toEqual([400, "The value 'soon' is not a valid number for the field 'timespent'."]);
  });
});
