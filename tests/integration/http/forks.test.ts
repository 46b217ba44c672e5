/** ForkHub over a real server: writes on a fork stay there, forks die with their phase, tokens are shared, and forkState copies issues. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORK_COOKIE, FORK_HEADER, ForkHub, forkState } from '../../../server/http/forks.ts';
import { listen, type Listening } from '../../../server/http/listen.ts';
import { readSnapshot } from '../../../server/store/snapshot-read.ts';
import { canonicalHash } from '../../../server/model/hash.ts';
import type { Config, Issue } from '../../../server/model/types.ts';

const NOW = '2025-06-01T12:00:00.000Z';
let state: { config: Config; issues: Issue[] };

interface Persona {
  accountId: string;
  email: string;
  token: string;
}
interface Served {
  hub: ForkHub;
  server: Listening;
  call: (
    method: string,
    path: string,
    o?: { fork?: string; as?: Persona; body?: unknown; cookie?: string },
  ) => Promise<{ status: number; body: any }>;
}

const started: Served[] = [];
const serve = async (options: Partial<ConstructorParameters<typeof ForkHub>[0]> = {}, load = true): Promise<Served> => {
  const hub = new ForkHub({ now: NOW, ui: null, ...options });
  if (load) hub.load(state);
  const server = await listen(hub.app);
  const call: Served['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (o.fork) headers[FORK_HEADER] = o.fork;
    if (o.cookie) headers.cookie = o.cookie;
    if (o.as) headers.authorization = `Basic ${Buffer.from(`${o.as.email}:${o.as.token}`).toString('base64')}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}${path}`, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const s = { hub, server, call };
  started.push(s);
  return s;
};

let s: Served;
let bob: Persona;
const newFork = async (on = s): Promise<string> => {
  const r = await on.call('POST', '/_understudy/forks');
  expect(r.status).toBe(201);
  expect(r.body.fork).toMatch(/^f[0-9a-f]{12}$/);
  return r.body.fork as string;
};
const comments = async (fork?: string): Promise<string[]> => {
  const r = await s.call('GET', '/rest/api/2/issue/ACME-1/comment', { as: bob, fork });
  expect(r.status).toBe(200);
  return r.body.comments.map((c: { body: unknown }) => (typeof c.body === 'string' ? c.body : JSON.stringify(c.body)));
};
const hashOf = async (fork?: string, on = s): Promise<string> => (await on.call('GET', '/_understudy/hash', { fork })).body.hash;

beforeAll(async () => {
  const snap = await readSnapshot('fixtures/tiny');
  if (!snap.config || snap.problems.length) throw new Error('cannot read fixtures/tiny');
  state = { config: snap.config, issues: snap.issues };
  s = await serve();
  const personas = (await s.call('GET', '/_understudy/personas')).body as Persona[];
  bob = personas.find((p) => p.accountId === 'u-bob')!;
  expect(bob.token).toMatch(/\S{8,}/);
});
afterAll(async () => {
  for (const x of started) await x.server.close();
});

describe('ForkHub: isolation', () => {
  it('a comment written on a fork is seen there only: not on the base, not on another fork', async () => {
    const a = await newFork();
    const b = await newFork();
    const base = await comments();
    const posted = await s.call('POST', '/rest/api/2/issue/ACME-1/comment', { as: bob, fork: a, body: { body: 'only on fork a' } });
    expect(posted.status).toBe(201);
    expect(await comments(a)).toEqual([...base, 'only on fork a']);
    expect(await comments()).toEqual(base);
    expect(await comments(b)).toEqual(base);
  });
  it('an edit and a transition on a fork leave the base issue as it was', async () => {
    const a = await newFork();
    const fields = async (fork?: string) => (await s.call('GET', '/rest/api/2/issue/ACME-1?fields=labels,status', { as: bob, fork })).body.fields;
    const base = await fields();
    expect(base.labels).toEqual(['sso', 'login']);
    expect((await s.call('PUT', '/rest/api/2/issue/ACME-1', { as: bob, fork: a, body: { fields: { labels: ['fork-only'] } } })).status).toBe(204);
    expect((await s.call('POST', '/rest/api/2/issue/ACME-1/transitions', { as: bob, fork: a, body: { transition: { id: 't-start' } } })).status).toBe(
      204,
    );
    expect(await fields(a)).toMatchObject({ labels: ['fork-only'], status: { name: 'In Progress' } });
    expect(await fields()).toEqual(base);
    expect(base.status.name).toBe('Open');
  });
  it('the fork cookie names a fork as the header does', async () => {
    const a = await newFork();
    await s.call('POST', '/rest/api/2/issue/ACME-1/comment', { as: bob, cookie: `other=1; ${FORK_COOKIE}=${a}`, body: { body: 'via cookie' } });
    expect((await comments(a)).at(-1)).toBe('via cookie');
    expect(await comments()).not.toContain('via cookie');
  });
  it("the base's canonical hash does not move when forks are written; the fork's does", async () => {
    const before = await hashOf();
    expect(before).toBe(canonicalHash(state.config, state.issues));
    const a = await newFork();
    expect(await hashOf(a)).toBe(before);
    const created = await s.call('POST', '/rest/api/2/issue', {
      as: bob,
      fork: a,
      body: { fields: { project: { key: 'ACME' }, issuetype: { id: '10002' }, summary: 'made on a fork' } },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toBe('ACME-8');
    await s.call('POST', '/rest/api/2/issue/ACME-2/comment', { as: bob, fork: a, body: { body: 'x' } });
    expect(await hashOf(a)).not.toBe(before);
    expect(await hashOf()).toBe(before);
    expect((await s.call('GET', '/rest/api/2/issue/ACME-8', { as: bob })).status).toBe(404);
    expect((await s.call('GET', '/rest/api/2/issue/ACME-8', { as: bob, fork: await newFork() })).status).toBe(404);
  });
  it('tokens are the same on the base and on every fork', async () => {
    const base = (await s.call('GET', '/_understudy/personas')).body;
    const a = await newFork();
    expect((await s.call('GET', '/_understudy/personas', { fork: a })).body).toEqual(base);
    expect((await s.call('GET', '/rest/api/2/myself', { as: bob, fork: a })).body.accountId).toBe('u-bob');
    expect((await s.call('GET', '/rest/api/2/myself', { as: { ...bob, token: 'wrong' }, fork: a })).status).toBe(401);
  });
});

describe('ForkHub: life of a fork', () => {
  it('a deleted fork answers 404 unknown_fork; deleting it twice is a 404', async () => {
    const a = await newFork();
    const count = s.hub.forkCount;
    expect((await s.call('DELETE', `/_understudy/forks/${a}`)).status).toBe(204);
    expect(s.hub.forkCount).toBe(count - 1);
    const r = await s.call('GET', '/rest/api/2/issue/ACME-1', { as: bob, fork: a });
    expect(r.status).toBe(404);
    // Under /rest the hub answers in Jira's shape.
    expect(r.body.errorMessages[0]).toMatch(new RegExp(`fork "${a}" does not exist`));
    expect((await s.call('DELETE', `/_understudy/forks/${a}`)).status).toBe(404);
  });
  it('an id that never existed is unknown too', async () => {
    expect((await s.call('GET', '/_understudy/hash', { fork: 'fnope' })).body.error.code).toBe('unknown_fork');
  });
  it('load() starts a new phase: old forks are gone, the base is the new state', async () => {
    const own = await serve();
    const a = await newFork(own);
    expect(own.hub.forkCount).toBe(1);
    const next = structuredClone(state);
    next.issues = next.issues.filter((i) => i.key !== 'ACME-7');
    own.hub.load(next);
    expect(own.hub.forkCount).toBe(0);
    expect((await own.call('GET', '/_understudy/hash', { fork: a })).status).toBe(404);
    expect((await own.call('GET', '/_understudy/hash')).body).toEqual({ hash: canonicalHash(next.config, next.issues), issues: 11 });
    expect(await hashOf(await newFork(own), own)).toBe(canonicalHash(next.config, next.issues));
  });
  it('the base refuses writes (409 fork_required): every test reads it at once', async () => {
    const own = await serve();
    const before = canonicalHash(state.config, state.issues);
    const ownBob = ((await own.call('GET', '/_understudy/personas')).body as Persona[]).find((p) => p.accountId === 'u-bob')!;
    expect(ownBob.token).not.toBe(bob.token);
    const refused = await own.call('POST', '/rest/api/2/issue/ACME-1/comment', { as: ownBob, body: { body: 'on the base' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ errorMessages: [expect.stringMatching(/would change the phase's shared state: write on a fork/)], errors: {} });
    expect(await hashOf(undefined, own)).toBe(before);
    expect(canonicalHash(state.config, state.issues)).toBe(before);
    // Searching by POST only reads: allowed on the base.
    const search = await own.call('POST', '/rest/api/3/search/jql', { as: ownBob, body: { jql: 'project = ACME', fields: ['key'] } });
    expect(search.status).toBe(200);
  });
  it('more than maxForks alive answers 429 until one is deleted', async () => {
    const own = await serve({ maxForks: 2 });
    const a = await newFork(own);
    await newFork(own);
    const over = await own.call('POST', '/_understudy/forks');
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('too_many_forks');
    expect(own.hub.forkCount).toBe(2);
    await own.call('DELETE', `/_understudy/forks/${a}`);
    await newFork(own);
  });
  it('before the first load: no forks (409) and no base (503)', async () => {
    const own = await serve({}, false);
    const f = await own.call('POST', '/_understudy/forks');
    expect(f.status).toBe(409);
    expect(f.body.error.code).toBe('no_state');
    const r = await own.call('GET', '/_understudy/hash');
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe('no_state');
    expect(() => own.hub.fork()).toThrow(/before load/);
  });
});

describe('forkState', () => {
  it('does not share issue objects: a top-level change on the copy leaves the original', () => {
    const original = structuredClone(state);
    const copy = forkState(original);
    expect(copy.issues).toHaveLength(original.issues.length);
    expect(copy.issues).not.toBe(original.issues);
    copy.issues[0]!.summary = 'changed on the fork';
    copy.issues[0]!.labels = ['fork'];
    copy.issues.push({ ...copy.issues[1]!, id: '99999', key: 'ACME-99' });
    expect(original.issues[0]!.summary).toBe(state.issues[0]!.summary);
    expect(original.issues[0]!.labels).toEqual(state.issues[0]!.labels);
    expect(original.issues).toHaveLength(state.issues.length);
  });
  it('copies the configuration unless asked to share it', () => {
    const original = structuredClone(state);
    const copy = forkState(original);
    expect(copy.config).not.toBe(original.config);
    expect(copy.config).toEqual(original.config);
    copy.config.statuses[0]!.name = 'Renamed';
    expect(original.config.statuses[0]!.name).toBe(state.config.statuses[0]!.name);
    expect(forkState(original, true).config).toBe(original.config);
  });
});
