/**
 * Issue 17, point 6: people read only what they may. Credentials are parsed strictly, the persona
 * cookie needs the persona's secret, admin-only and project-scoped resources refuse the others,
 * and a restricted comment stays hidden on every read path (REST, JQL, the web UI, the outbox).
 * Rows marked `held` already held before the fix (kept so they stay that way); every other row
 * failed before it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everydayGrants } from '../everyday/tiny-grants.ts';
import { startSandbox, type Harness } from './harness.ts';

const SECRET = 'RESTRICTEDTEXT42';
const GROUP_SECRET = 'GROUPONLYTEXT77';
const WORKLOG_SECRET = 'WORKLOGSECRET9';

let h: Harness;
let restrictedId = '';
beforeAll(async () => {
  h = await startSandbox('fixtures/tiny', { patch: everydayGrants, withUi: true });
  const t = h.ctx.tracker;
  // Developers (g-devs and erin) may see the first; dave (g-security) may browse ACME but is neither.
  restrictedId = t.addComment('u-bob', 'ACME-1', `only developers: ${SECRET}`, { type: 'role', value: 'Developers' }).id;
  // ACME-4's only notifications come from a comment restricted to g-devs.
  t.addComment('u-bob', 'ACME-4', `only g-devs: ${GROUP_SECRET}`, { type: 'group', value: 'g-devs' });
  t.addWorklog('u-bob', 'ACME-1', {
    timeSpent: '1h',
    comment: `restricted work: ${WORKLOG_SECRET}`,
    visibility: { type: 'role', value: 'Developers' },
  });
  // SEC is browsable by g-security and alice only.
  t.addComment('u-dave', 'SEC-1', 'on a restricted project');
});
afterAll(async () => {
  await h.close();
});

const persona = (id: string) => h.personas.find((p) => p.accountId === id)!;
const STACK = /\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+/;

/** The cookie the persona switcher sets for `accountId` (POST /login). */
const loginCookie = async (accountId: string): Promise<string> => {
  const res = await fetch(`${h.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: h.url },
    body: `accountId=${encodeURIComponent(accountId)}&returnTo=/`,
  });
  expect(res.status).toBe(303);
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0]!;
};

describe('credentials are parsed strictly', () => {
  const rows: Array<{ name: string; header?: (token: string) => string; cookie?: () => Promise<string> | string; status: number; held?: boolean }> = [
    { name: 'Bearer TOKEN garbage', header: (t) => `Bearer ${t} garbage`, status: 401 },
    { name: 'Bearer with two spaces', header: (t) => `Bearer  ${t}`, status: 401 },
    { name: 'Bearer with a tab', header: (t) => `Bearer\t${t}`, status: 401 },
    { name: 'Basic with a trailing token', header: (t) => `Basic ${Buffer.from(`bob@tiny.example:${t}`).toString('base64')} extra`, status: 401 },
    {
      name: 'Basic whose token has a suffix',
      header: (t) => `Basic ${Buffer.from(`bob@tiny.example:${t} x`).toString('base64')}`,
      status: 401,
      held: true,
    },
    { name: 'Bearer TOKEN (held)', header: (t) => `Bearer ${t}`, status: 200, held: true },
    { name: 'Basic e-mail:token (held)', header: (t) => `Basic ${Buffer.from(`bob@tiny.example:${t}`).toString('base64')}`, status: 200, held: true },
    { name: 'the persona cookie with only an account id', cookie: () => 'understudy_persona=u-bob', status: 401 },
    {
      name: 'the persona cookie with a forged secret (held)',
      cookie: () => 'understudy_persona=u-bob.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      status: 401,
      held: true,
    },
    {
      name: "the persona cookie with another persona's secret",
      cookie: async () => (await loginCookie('u-carol')).replace('u-carol', 'u-bob'),
      status: 401,
    },
    { name: 'the cookie the persona switcher sets (held)', cookie: () => loginCookie('u-bob'), status: 200, held: true },
  ];
  it.each(rows)('$name', async (row) => {
    const headers: Record<string, string> = {};
    if (row.header) headers.authorization = row.header(persona('u-bob').token);
    if (row.cookie) headers.cookie = await row.cookie();
    const res = await h.call('GET', '/rest/api/3/myself', { headers });
    expect(res.status).toBe(row.status);
    if (row.status === 200) expect(res.body.accountId).toBe('u-bob');
    else expect(res.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
    expect(res.text).not.toMatch(STACK);
  });
  it('the web UI treats an account-id-only cookie as signed out, and the switcher cookie as signed in', async () => {
    const page = async (cookie: string) => (await fetch(`${h.url}/browse/ACME-1`, { headers: { cookie } })).text();
    expect(await page('understudy_persona=u-bob')).not.toContain('data-testid="current-persona"');
    expect(await page(await loginCookie('u-bob'))).toMatch(/data-testid="current-persona">Bob/);
  });
  it('the persona cookie reads no REST resource without the secret', async () => {
    const res = await h.call('GET', '/rest/api/2/issue/ACME-1', { headers: { cookie: 'understudy_persona=u-bob' } });
    expect(res.status).not.toBe(200);
    expect(res.text).not.toContain(SECRET);
  });
});

describe('admin-only and project-scoped resources', () => {
  const rows: Array<{ name: string; path: string; as?: string; status: number; held?: boolean }> = [
    { name: 'GET /role anonymous', path: '/rest/api/2/role', status: 401 },
    { name: 'GET /role as a non-admin', path: '/rest/api/2/role', as: 'bob', status: 403 },
    { name: 'GET /role as an admin (held)', path: '/rest/api/2/role', as: 'alice', status: 200, held: true },
    { name: 'GET /role/{id} anonymous', path: '/rest/api/3/role/10001', status: 401 },
    { name: 'GET /role/{id} as a non-admin', path: '/rest/api/3/role/10001', as: 'bob', status: 403 },
    { name: 'GET /role/{id} as an admin (held)', path: '/rest/api/3/role/10001', as: 'alice', status: 200, held: true },
    {
      name: 'assignable users of a project the caller cannot browse',
      path: '/rest/api/2/user/assignable/search?project=SEC',
      as: 'bob',
      status: 404,
    },
    {
      name: 'assignable users of an issue the caller cannot browse (held)',
      path: '/rest/api/2/user/assignable/search?issueKey=SEC-1',
      as: 'bob',
      status: 404,
      held: true,
    },
    { name: 'assignable users anonymous (held)', path: '/rest/api/2/user/assignable/search?project=ACME', status: 401, held: true },
    {
      name: 'assignable users of a browsable project (held)',
      path: '/rest/api/2/user/assignable/search?project=ACME',
      as: 'bob',
      status: 200,
      held: true,
    },
    {
      name: 'assignable users of SEC for a member (held)',
      path: '/rest/api/2/user/assignable/search?project=SEC',
      as: 'dave',
      status: 200,
      held: true,
    },
  ];
  it.each(rows)('$name', async (row) => {
    const res = await h.call('GET', row.path, row.as ? { as: row.as } : {});
    expect(res.status).toBe(row.status);
    if (row.status >= 400) {
      expect(res.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
      expect(res.text).not.toContain('dave@');
    }
  });
});

describe('a restricted comment is hidden from who may not see it, on every read path (dave is not a Developer)', () => {
  const rows: Array<{ name: string; method?: 'GET' | 'POST'; path: string; body?: unknown; held?: boolean; finds?: 'nothing' }> = [
    { name: 'issue, fields=comment (held)', path: '/rest/api/2/issue/ACME-1?fields=comment', held: true },
    { name: 'issue v3, all fields and renderedFields (held)', path: '/rest/api/3/issue/ACME-1?expand=renderedFields,changelog', held: true },
    { name: 'comment list (held)', path: '/rest/api/2/issue/ACME-1/comment', held: true },
    { name: 'one comment by id (held: 404)', path: '/rest/api/2/issue/ACME-1/comment/{commentId}', held: true },
    { name: 'changelog (held)', path: '/rest/api/2/issue/ACME-1/changelog', held: true },
    { name: 'legacy search with the comment field (held)', path: '/rest/api/2/search?jql=key%3DACME-1&fields=comment', held: true },
    {
      name: 'search/jql with the comment field (held)',
      method: 'POST',
      path: '/rest/api/3/search/jql',
      body: { jql: 'key = ACME-1', fields: ['comment'] },
      held: true,
    },
    { name: 'board issues with the comment field (held)', path: '/rest/agile/1.0/board/1/issue?fields=comment', held: true },
    {
      name: 'JQL comment ~ the restricted text',
      path: `/rest/api/2/search?jql=${encodeURIComponent(`comment ~ "${SECRET}"`)}&fields=key`,
      finds: 'nothing',
    },
    {
      name: 'JQL text ~ the restricted text',
      path: `/rest/api/2/search?jql=${encodeURIComponent(`text ~ "${SECRET}"`)}&fields=key`,
      finds: 'nothing',
    },
    {
      name: 'JQL comment ~ a group-restricted text',
      path: `/rest/api/2/search?jql=${encodeURIComponent(`comment ~ "${GROUP_SECRET}"`)}&fields=key`,
      finds: 'nothing',
    },
    {
      name: 'approximate count of comment ~',
      method: 'POST',
      path: '/rest/api/3/search/approximate-count',
      body: { jql: `comment ~ "${SECRET}"` },
      finds: 'nothing',
    },
    {
      name: 'JQL worklogComment ~ a restricted worklog text',
      path: `/rest/api/2/search?jql=${encodeURIComponent(`worklogComment ~ "${WORKLOG_SECRET}"`)}&fields=key`,
      finds: 'nothing',
    },
    { name: 'worklog list (held)', path: '/rest/api/2/issue/ACME-1/worklog', held: true },
    { name: 'issue, fields=worklog (held)', path: '/rest/api/2/issue/ACME-1?fields=worklog', held: true },
  ];
  it.each(rows)('$name', async (row) => {
    const path = row.path.replace('{commentId}', restrictedId);
    const res = await h.call(row.method ?? 'GET', path, { as: 'dave', ...(row.body ? { body: row.body } : {}) });
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toContain(SECRET);
    expect(res.text).not.toContain(GROUP_SECRET);
    expect(res.text).not.toContain(WORKLOG_SECRET);
    if (row.finds === 'nothing') {
      expect(res.status).toBe(200);
      expect(res.body.issues ?? []).toEqual([]);
      if ('count' in res.body) expect(res.body.count).toBe(0);
    }
  });
  it('those who may see it still do, and find it by JQL (held for reads; JQL found it before too)', async () => {
    expect((await h.call('GET', '/rest/api/2/issue/ACME-1/comment', { as: 'erin' })).text).toContain(SECRET);
    const found = await h.call('GET', `/rest/api/2/search?jql=${encodeURIComponent(`comment ~ "${SECRET}"`)}&fields=key`, { as: 'erin' });
    expect(found.body.issues.map((i: { key: string }) => i.key)).toEqual(['ACME-1']);
  });
});

describe('the web UI', () => {
  const page = async (path: string, who: string | null) =>
    (await fetch(`${h.url}${path}`, { headers: who ? { cookie: await loginCookie(who) } : {} })).text();
  const outboxRows = (html: string) =>
    [...html.matchAll(/<tr><td>.*?<\/td><td>(\w+)<\/td><th scope="row"><a[^>]*>([A-Z]+-\d+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);

  it('the issue view hides the restricted comment (held)', async () => {
    expect(await page('/browse/ACME-1', 'u-dave')).not.toContain(SECRET);
    expect(await page('/browse/ACME-1', 'u-erin')).toContain(SECRET);
  });
  it('the outbox shows anonymous visitors nothing on issues they cannot browse', async () => {
    expect(outboxRows(await page('/outbox', null))).toEqual([]);
  });
  it('the outbox shows no notification on an issue the viewer cannot browse', async () => {
    const bobs = outboxRows(await page('/outbox', 'u-bob'));
    expect(bobs.length).toBeGreaterThan(0);
    expect(bobs.filter((r) => r.includes('SEC-'))).toEqual([]);
    expect(outboxRows(await page('/outbox', 'u-alice'))).toContain('commented SEC-1');
  });
  it("the outbox hides a restricted comment's notifications from who may not see the comment", async () => {
    expect(outboxRows(await page('/outbox', 'u-dave')).filter((r) => r.endsWith('ACME-4'))).toEqual([]);
    expect(outboxRows(await page('/outbox', 'u-bob'))).toContain('commented ACME-4');
  });
  it('the outbox recipient filter lists only people of visible notifications', async () => {
    const anon = await page('/outbox', null);
    expect(anon).not.toContain('<option value="u-');
  });
});
