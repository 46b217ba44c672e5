/** Auth forms, pagination shapes, rich text per version, guard rails and the control API, over the real app. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personaCookieValue } from '../../../server/common/sandbox-names.ts';
import { startSandbox, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/tiny');
});
afterAll(async () => {
  await h.close();
});

const alice = () => h.personas.find((p) => p.accountId === 'u-alice')!;

describe('authentication', () => {
  const cases: Array<{ name: string; header?: string; cookie?: string; status: number; who?: string }> = [
    { name: 'Bearer token', header: `Bearer ${'TOKEN'}`, status: 200, who: 'u-alice' },
    { name: 'Basic with the account id', header: 'BASIC_ID', status: 200, who: 'u-alice' },
    { name: 'Basic with a wrong token', header: `Basic ${Buffer.from('alice@tiny.example:nope').toString('base64')}`, status: 401 },
    { name: 'Bearer with an unknown token', header: 'Bearer nope', status: 401 },
    { name: 'an unknown scheme', header: 'Digest x', status: 401 },
    { name: 'the persona cookie', cookie: 'BOB_COOKIE', status: 200, who: 'u-bob' },
    { name: 'the persona cookie without its secret', cookie: 'understudy_persona=u-bob', status: 401 },
    { name: 'anonymous', status: 401 },
  ];
  it.each(cases)('$name', async (c) => {
    const headers: Record<string, string> = {};
    if (c.header === 'BASIC_ID') headers.authorization = `Basic ${Buffer.from(`u-alice:${alice().token}`).toString('base64')}`;
    else if (c.header) headers.authorization = c.header.replace('TOKEN', alice().token);
    if (c.cookie)
      headers.cookie = c.cookie.replace('BOB_COOKIE', `understudy_persona=${personaCookieValue(h.personas.find((p) => p.accountId === 'u-bob')!)}`);
    const res = await h.call('GET', '/rest/api/3/myself', { headers });
    expect(res.status).toBe(c.status);
    if (c.who) expect(res.body.accountId).toBe(c.who);
    else expect(res.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
  });
  it('tokens are random per sandbox, not derived from names', async () => {
    const other = await startSandbox('fixtures/tiny');
    expect(other.personas.find((p) => p.accountId === 'u-alice')!.token).not.toBe(alice().token);
    expect(alice().token).not.toMatch(/alice/i);
    await other.close();
  });
});

describe('pagination shapes', () => {
  it('page objects, bare arrays, token pages and one-off shapes', async () => {
    const page = (await h.call('GET', '/rest/api/2/project/search?maxResults=2', { as: 'alice' })).body;
    expect(page).toMatchObject({ startAt: 0, maxResults: 2, total: 3, isLast: false, values: [{ key: 'ACME' }, { key: 'OPS' }] });
    expect(page.nextPage).toContain('startAt=2');
    const next = (await h.call('GET', '/rest/api/2/project/search?maxResults=2&startAt=2', { as: 'alice' })).body;
    expect(next).toMatchObject({ isLast: true, values: [{ key: 'SEC' }] });
    expect(Array.isArray((await h.call('GET', '/rest/api/2/project', { as: 'bob' })).body)).toBe(true);
    const keys: string[] = [];
    let token: string | undefined;
    for (let n = 0; n < 10; n++) {
      const b = (
        await h.call('POST', '/rest/api/3/search/jql', {
          as: 'alice',
          body: { jql: 'project = ACME ORDER BY key ASC', maxResults: 3, fields: ['key'], ...(token ? { nextPageToken: token } : {}) },
        })
      ).body;
      keys.push(...b.issues.map((i: { key: string }) => i.key));
      expect(b).not.toHaveProperty('total');
      if (b.isLast) break;
      token = b.nextPageToken;
    }
    expect(keys).toEqual(['ACME-1', 'ACME-2', 'ACME-3', 'ACME-4', 'ACME-5', 'ACME-6', 'ACME-7']);
    expect(Object.keys((await h.call('GET', '/rest/api/2/permissionscheme', { as: 'alice' })).body)).toEqual(['permissionSchemes']);
  });
  it('lists come back in configured order', async () => {
    const ids = (await h.call('GET', '/rest/api/2/priority', { as: 'bob' })).body.map((p: { name: string }) => p.name);
    expect(ids).toEqual(['Highest', 'High', 'Medium', 'Low']);
  });
});

describe('rich text: wiki strings in v2, ADF in v3, one store', () => {
  it('reads both ways and writes ADF back as the same text', async () => {
    const v2 = (await h.call('GET', '/rest/api/2/issue/ACME-1?fields=description', { as: 'bob' })).body;
    const v3 = (await h.call('GET', '/rest/api/3/issue/ACME-1?fields=description', { as: 'bob' })).body;
    expect(typeof v2.fields.description).toBe('string');
    expect(v3.fields.description).toMatchObject({ type: 'doc', version: 1, content: [{ type: 'paragraph' }] });
    const adf = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First line' }, { type: 'hardBreak' }, { type: 'text', text: 'second' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Para two' }] },
      ],
    };
    expect((await h.call('PUT', '/rest/api/3/issue/ACME-1', { as: 'bob', body: { fields: { description: adf } } })).status).toBe(204);
    const back = (await h.call('GET', '/rest/api/2/issue/ACME-1?fields=description', { as: 'bob' })).body;
    expect(back.fields.description).toBe('First line\nsecond\n\nPara two');
    expect((await h.call('GET', '/rest/api/3/issue/ACME-1?fields=description', { as: 'bob' })).body.fields.description).toEqual(adf);
  });
});

describe('guard rails', () => {
  it('malformed JSON is a 400 in Jira shape', async () => {
    const res = await h.call('POST', '/rest/api/2/issue', { as: 'bob', raw: '{"fields": ' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: [expect.stringMatching(/not valid JSON/)], errors: {} });
  });
  it('an oversized body is a 413 in Jira shape, without a stack', async () => {
    const res = await h.call('POST', '/rest/api/2/issue', { as: 'bob', raw: JSON.stringify({ fields: { summary: 'x'.repeat(11 * 1024 * 1024) } }) });
    expect(res.status).toBe(413);
    expect(res.body.errorMessages[0]).toMatch(/too large/);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });
  it('unknown REST paths are Jira-shaped 404s', async () => {
    const res = await h.call('GET', '/rest/api/2/nosuch', { as: 'bob' });
    expect(res.status).toBe(404);
    expect(res.body.errorMessages[0]).toMatch(/No resource/);
  });
  it('concurrent writes are serialised: every create gets its own key', async () => {
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        h.call('POST', '/rest/api/2/issue', {
          as: 'bob',
          body: { fields: { project: { key: 'ACME' }, issuetype: { id: '10002' }, summary: `parallel ${n}` } },
        }),
      ),
    );
    expect(made.every((r) => r.status === 201)).toBe(true);
    expect(new Set(made.map((r) => r.body.key)).size).toBe(20);
  });
});

describe('control API', () => {
  it('personas have exactly the documented keys', async () => {
    const list = (await h.call('GET', '/_understudy/personas')).body;
    expect(list.length).toBe(5);
    for (const p of list) expect(Object.keys(p).sort()).toEqual(['accountId', 'admin', 'displayName', 'email', 'groups', 'token']);
    expect(list.find((p: { accountId: string }) => p.accountId === 'u-alice').admin).toBe(true);
  });
  it('checkpoint and restore bring the hash and the outbox back', async () => {
    const before = (await h.call('POST', '/_understudy/checkpoint')).body.hash;
    const outboxBefore = (await h.call('GET', '/_understudy/outbox')).body.length;
    await h.call('POST', '/rest/api/2/issue/ACME-2/comment', { as: 'bob', body: { body: 'scratch' } });
    expect((await h.call('GET', '/_understudy/hash')).body.hash).not.toBe(before);
    const restored = (await h.call('POST', '/_understudy/restore')).body;
    expect(restored).toEqual({ restored: true, hash: before });
    expect((await h.call('GET', '/_understudy/outbox')).body.length).toBe(outboxBefore);
    expect(
      (await h.call('GET', '/rest/api/2/issue/ACME-2', { as: 'bob' })).body.fields.comment.comments.map((c: { body: string }) => c.body),
    ).not.toContain('scratch');
  });
});

describe('deployment flavours', () => {
  it('Data Center: v2 only, users by name, serverInfo says so', async () => {
    const dc = await startSandbox('fixtures/tiny', { deploymentType: 'DataCenter' });
    expect((await dc.call('GET', '/rest/api/2/serverInfo')).body.deploymentType).toBe('DataCenter');
    expect((await dc.call('GET', '/rest/api/3/serverInfo')).status).toBe(404);
    const me = (await dc.call('GET', '/rest/api/2/myself', { as: 'bob' })).body;
    expect(me).toMatchObject({ name: 'u-bob', key: 'u-bob' });
    expect(me).not.toHaveProperty('accountId');
    await dc.close();
  });
  it('the legacy search can answer 410 like Cloud', async () => {
    expect((await h.call('GET', '/rest/api/2/search?jql=project%3DACME', { as: 'bob' })).status).toBe(200);
    const gone = await startSandbox('fixtures/tiny', { legacySearchGone: true });
    expect((await gone.call('GET', '/rest/api/2/search?jql=project%3DACME', { as: 'bob' })).status).toBe(410);
    expect((await gone.call('GET', '/rest/api/2/serverInfo')).body.deploymentType).toBe('Cloud');
    await gone.close();
  });
});
