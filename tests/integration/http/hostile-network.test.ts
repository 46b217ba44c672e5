/**
 * Hostile network input (issue 17, points 2, 4, 5 and the self-link and frame parts of 15): a Host the
 * sandbox was not started for (DNS rebinding), the control API asked beyond loopback, cross-origin
 * writes to the control API and to the web UI (another port on 127.0.0.1 is another origin), malformed
 * fork cookies and bodies, `self` links, frame headers, and the warning of `--host 0.0.0.0`. Every
 * answer: no 5xx, no stack trace or machine path, the shape of the path's API, nothing changed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxApp, createSandboxContext, type FullSandboxContext, loadUiRouter } from '../../../server/http/app.ts';
import { ForkHub } from '../../../server/http/forks.ts';
import { listen, type Listening } from '../../../server/http/listen.ts';
import { canonicalHash } from '../../../server/model/index.ts';
import { readSnapshot } from '../../../server/store/snapshot-read.ts';
import { rawRequest, type RawAnswer } from './raw-request.ts';
import { personaCookieValue } from '../../../server/common/sandbox-names.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NOW = '2025-06-01T12:00:00.000Z';

interface Target {
  url: string;
  port: number;
  /** The Host a browser on this machine sends: 127.0.0.1:PORT. */
  host: string;
  /** Another local origin: a page on another port of 127.0.0.1. */
  other: string;
  ctx: () => FullSandboxContext;
  hub?: ForkHub;
  close: () => Promise<void>;
}
type On = 'plain' | 'wide' | 'hub';
const targets = {} as Record<On, Target>;
let bob = { accountId: '', email: '', token: '' };
const basic = () => `Basic ${Buffer.from(`${bob.email}:${bob.token}`).toString('base64')}`;
const persona = () => `understudy_persona=${personaCookieValue(bob)}`;
const FORM = 'application/x-www-form-urlencoded';

const target = (server: Listening, ctx: () => FullSandboxContext, hub?: ForkHub): Target => ({
  url: server.url,
  port: server.port,
  host: `127.0.0.1:${server.port}`,
  other: `http://127.0.0.1:${server.port === 65535 ? server.port - 1 : server.port + 1}`,
  ctx,
  ...(hub ? { hub } : {}),
  close: server.close,
});

beforeAll(async () => {
  const snap = await readSnapshot('fixtures/tiny');
  if (!snap.config) throw new Error('cannot read fixtures/tiny');
  const state = () => structuredClone({ config: snap.config!, issues: snap.issues });
  const ui = await loadUiRouter();
  const quiet = { now: NOW, onInternalError: () => {} };
  const plain = createSandboxContext({ state: state(), outbox: [], ...quiet });
  targets.plain = target(await listen(await createSandboxApp({ ctx: plain, ui })), () => plain);
  // Told to listen on every interface and answer as sandbox.lan, but reached here over loopback.
  const wide = createSandboxContext({ state: state(), outbox: [], ...quiet, network: { host: '0.0.0.0', allowHosts: ['sandbox.lan'] } });
  targets.wide = target(await listen(await createSandboxApp({ ctx: wide, ui })), () => wide);
  const hub = new ForkHub({ ...quiet, ui });
  hub.load(state());
  targets.hub = target(await listen(hub.app), () => hub.baseContext!, hub);
  const p = plain.personas().find((x) => x.email.startsWith('bob@'));
  if (!p) throw new Error('fixtures/tiny has no bob');
  bob = p;
  // A checkpoint, then a change: a restore that got through would change the hash.
  await plain.checkpoint();
  await plain.write(() => plain.tracker.addComment(bob.accountId, 'ACME-1', 'after the checkpoint'));
});
afterAll(async () => {
  for (const t of Object.values(targets)) await t.close();
});

interface Row {
  name: string;
  on: On;
  method: string;
  path: string;
  headers?: (t: Target) => Record<string, string>;
  body?: string;
  status: number;
  /** The shape of the answer: Jira's error body, the control API's, an HTML page, or any (2xx pages). */
  shape: 'jira' | 'control' | 'html' | 'page';
  /** The canonical hash must be the same after the request. */
  unchanged?: boolean;
  check?: (r: RawAnswer, t: Target) => void;
}

const noTokens = (r: RawAnswer) => expect(r.text).not.toContain(bob.token);
const frameHeaders = (r: RawAnswer) => {
  expect(r.headers['x-frame-options']).toBe('DENY');
  expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(r.headers['x-content-type-options']).toBe('nosniff');
};

const rows: Row[] = [
  // DNS rebinding: a name the attacker controls resolves to 127.0.0.1; the browser then sends the attacker's Host.
  {
    name: 'rebinding: personas under a foreign Host',
    on: 'plain',
    method: 'GET',
    path: '/_understudy/personas',
    headers: (t) => ({ host: `rebind.attacker.test:${t.port}` }),
    status: 421,
    shape: 'control',
    check: noTokens,
  },
  {
    name: 'rebinding: the REST API under a foreign Host',
    on: 'plain',
    method: 'GET',
    path: '/rest/api/2/myself',
    headers: (t) => ({ host: `rebind.attacker.test:${t.port}`, cookie: persona() }),
    status: 421,
    shape: 'jira',
  },
  {
    name: 'rebinding: a UI page under a foreign Host',
    on: 'plain',
    method: 'GET',
    path: '/browse/ACME-1',
    headers: (t) => ({ host: `rebind.attacker.test:${t.port}`, cookie: persona() }),
    status: 421,
    shape: 'html',
  },
  {
    name: 'rebinding: a fork hub under a foreign Host',
    on: 'hub',
    method: 'POST',
    path: '/_understudy/forks',
    headers: () => ({ host: 'rebind.attacker.test' }),
    status: 421,
    shape: 'control',
    check: () => expect(targets.hub.hub?.forkCount).toBe(0),
  },
  {
    name: 'a Host with user info in it',
    on: 'plain',
    method: 'GET',
    path: '/_understudy/personas',
    headers: (t) => ({ host: `evil.example@${t.host}` }),
    status: 421,
    shape: 'control',
    check: noTokens,
  },
  {
    name: 'self links do not follow a foreign Host',
    on: 'plain',
    method: 'GET',
    path: '/rest/api/2/issue/ACME-1',
    headers: () => ({ host: 'evil.example', authorization: basic() }),
    status: 421,
    shape: 'jira',
    check: (r) => expect(r.text).not.toMatch(/https?:\/\/evil\.example/),
  },
  // The control API hands out every persona's token: loopback names only, unless --expose-control.
  {
    name: 'control API under a non-loopback Host: personas',
    on: 'wide',
    method: 'GET',
    path: '/_understudy/personas',
    headers: (t) => ({ host: `sandbox.lan:${t.port}` }),
    status: 403,
    shape: 'control',
    check: noTokens,
  },
  {
    name: 'control API under a non-loopback Host: restore',
    on: 'wide',
    method: 'POST',
    path: '/_understudy/restore',
    headers: (t) => ({ host: `sandbox.lan:${t.port}` }),
    status: 403,
    shape: 'control',
    unchanged: true,
  },
  {
    name: 'control API under the wildcard address',
    on: 'wide',
    method: 'GET',
    path: '/_understudy/personas',
    headers: (t) => ({ host: `0.0.0.0:${t.port}` }),
    status: 403,
    shape: 'control',
    check: noTokens,
  },
  // Cross-origin writes to the control API: a page on another origin (or port) must not restore or fork.
  {
    name: 'restore from a page on another local port (Origin)',
    on: 'plain',
    method: 'POST',
    path: '/_understudy/restore',
    headers: (t) => ({ origin: t.other }),
    status: 403,
    shape: 'control',
    unchanged: true,
  },
  {
    name: 'restore from another site (Origin)',
    on: 'plain',
    method: 'POST',
    path: '/_understudy/restore',
    headers: () => ({ origin: 'http://evil.example' }),
    status: 403,
    shape: 'control',
    unchanged: true,
  },
  {
    name: 'restore from an opaque origin (Origin: null)',
    on: 'plain',
    method: 'POST',
    path: '/_understudy/restore',
    headers: () => ({ origin: 'null' }),
    status: 403,
    shape: 'control',
    unchanged: true,
  },
  {
    name: 'restore with Sec-Fetch-Site: cross-site',
    on: 'plain',
    method: 'POST',
    path: '/_understudy/restore',
    headers: () => ({ 'sec-fetch-site': 'cross-site' }),
    status: 403,
    shape: 'control',
    unchanged: true,
  },
  {
    name: 'restore with Sec-Fetch-Site: same-site (another port)',
    on: 'plain',
    method: 'POST',
    path: '/_understudy/restore',
    headers: () => ({ 'sec-fetch-site': 'same-site' }),
    status: 403,
    shape: 'control',
    unchanged: true,
  },
  {
    name: 'restore as a "simple" text/plain request',
    on: 'plain',
    method: 'POST',
    path: '/_understudy/restore',
    headers: () => ({ 'content-type': 'text/plain' }),
    body: 'x',
    status: 403,
    shape: 'control',
    unchanged: true,
  },
  {
    name: 'checkpoint as a form post',
    on: 'plain',
    method: 'POST',
    path: '/_understudy/checkpoint',
    headers: () => ({ 'content-type': FORM }),
    body: 'a=1',
    status: 403,
    shape: 'control',
  },
  {
    name: 'tasks/hold as a multipart post',
    on: 'plain',
    method: 'POST',
    path: '/_understudy/tasks/hold',
    headers: () => ({ 'content-type': 'multipart/form-data; boundary=x' }),
    body: '--x--\r\n',
    status: 403,
    shape: 'control',
    check: () => expect(targets.plain.ctx().tracker.admin.tasksHeld()).toBe(false),
  },
  {
    name: 'a fork made from another local port',
    on: 'hub',
    method: 'POST',
    path: '/_understudy/forks',
    headers: (t) => ({ origin: t.other }),
    status: 403,
    shape: 'control',
    check: () => expect(targets.hub.hub?.forkCount).toBe(0),
  },
  // Malformed fork cookies and headers: 400 in the path's shape, never a 500 with a stack.
  {
    name: 'fork cookie % on a REST path',
    on: 'hub',
    method: 'GET',
    path: '/rest/api/2/myself',
    headers: () => ({ cookie: 'understudy_fork=%' }),
    status: 400,
    shape: 'jira',
  },
  {
    name: 'fork cookie with a broken escape on the control API',
    on: 'hub',
    method: 'GET',
    path: '/_understudy/hash',
    headers: () => ({ cookie: 'a=1; understudy_fork=%E0%A4%A' }),
    status: 400,
    shape: 'control',
  },
  {
    name: 'fork cookie % on a UI page',
    on: 'hub',
    method: 'GET',
    path: '/browse/ACME-1',
    headers: () => ({ cookie: 'understudy_fork=%' }),
    status: 400,
    shape: 'html',
  },
  {
    name: 'fork cookie holding markup on a UI page',
    on: 'hub',
    method: 'GET',
    path: '/browse/ACME-1',
    headers: () => ({ cookie: 'understudy_fork=<script>alert(1)</script>' }),
    status: 400,
    shape: 'html',
    check: (r) => expect(r.text).not.toContain('<script>alert'),
  },
  {
    name: 'fork cookie of 5,000 characters',
    on: 'hub',
    method: 'GET',
    path: '/rest/api/2/serverInfo',
    headers: () => ({ cookie: `understudy_fork=f${'0'.repeat(5000)}` }),
    status: 400,
    shape: 'jira',
    check: (r) => expect(r.text.length).toBeLessThan(2000),
  },
  {
    name: 'fork header with a path in it',
    on: 'hub',
    method: 'GET',
    path: '/rest/api/2/serverInfo',
    headers: () => ({ 'x-understudy-fork': '../../etc/passwd' }),
    status: 400,
    shape: 'jira',
  },
  {
    name: "an unknown fork on a REST path answers Jira's shape",
    on: 'hub',
    method: 'GET',
    path: '/rest/api/2/myself',
    headers: () => ({ 'x-understudy-fork': 'fnope', authorization: basic() }),
    status: 404,
    shape: 'jira',
  },
  {
    name: 'an unknown fork on a UI page answers a page',
    on: 'hub',
    method: 'GET',
    path: '/browse/ACME-1',
    headers: () => ({ 'x-understudy-fork': 'fnope' }),
    status: 404,
    shape: 'html',
  },
  {
    name: "a REST write on the hub's shared base answers Jira's shape",
    on: 'hub',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/comment',
    headers: () => ({ authorization: basic(), 'content-type': 'application/json' }),
    body: '{"body":"on the base"}',
    status: 409,
    shape: 'jira',
    unchanged: true,
  },
  // Errors no route handles: the final error handler answers in the path's shape (Express's page never answers).
  { name: 'a UI path that is not valid percent-encoding', on: 'plain', method: 'GET', path: '/browse/%', status: 400, shape: 'html' },
  {
    name: 'a UI path that is not valid percent-encoding, on the hub',
    on: 'hub',
    method: 'GET',
    path: '/browse/%E0%A4%A',
    status: 400,
    shape: 'html',
  },
  {
    name: 'a UI form in a charset the parser refuses',
    on: 'plain',
    method: 'POST',
    path: '/browse/ACME-1/comment',
    headers: (t) => ({ origin: `http://${t.host}`, cookie: persona(), 'content-type': `${FORM}; charset=utf-7` }),
    body: 'comment=x',
    status: 415,
    shape: 'html',
    unchanged: true,
  },
  {
    name: 'invalid JSON sent to a UI path',
    on: 'plain',
    method: 'POST',
    path: '/browse/ACME-1/comment',
    headers: (t) => ({ origin: `http://${t.host}`, cookie: persona(), 'content-type': 'application/json' }),
    body: '{',
    status: 400,
    shape: 'html',
    unchanged: true,
  },
  {
    name: 'a UI form over the size limit',
    on: 'plain',
    method: 'POST',
    path: '/browse/ACME-1/comment',
    headers: (t) => ({ origin: `http://${t.host}`, cookie: persona(), 'content-type': FORM }),
    body: `comment=${'x'.repeat(200_000)}`,
    status: 413,
    shape: 'html',
    unchanged: true,
  },
  { name: 'an unknown UI path answers a page', on: 'plain', method: 'GET', path: '/nothing-here', status: 404, shape: 'html' },
  { name: 'an unknown UI path on the hub answers a page', on: 'hub', method: 'GET', path: '/nothing-here', status: 404, shape: 'html' },
  // CSRF on the web UI: SameSite=Lax sends the persona cookie from another port of 127.0.0.1.
  {
    name: 'UI comment from a page on another local port (Origin)',
    on: 'plain',
    method: 'POST',
    path: '/browse/ACME-1/comment',
    headers: (t) => ({ origin: t.other, cookie: persona(), 'content-type': FORM }),
    body: 'comment=csrf',
    status: 403,
    shape: 'html',
    unchanged: true,
  },
  {
    name: 'UI comment from another local port (Referer, no Origin)',
    on: 'plain',
    method: 'POST',
    path: '/browse/ACME-1/comment',
    headers: (t) => ({ referer: `${t.other}/attack.html`, cookie: persona(), 'content-type': FORM }),
    body: 'comment=csrf',
    status: 403,
    shape: 'html',
    unchanged: true,
  },
  {
    name: 'UI comment with neither Origin nor Referer',
    on: 'plain',
    method: 'POST',
    path: '/browse/ACME-1/comment',
    headers: () => ({ cookie: persona(), 'content-type': FORM }),
    body: 'comment=csrf',
    status: 403,
    shape: 'html',
    unchanged: true,
  },
  {
    name: 'UI comment from an opaque origin (Origin: null)',
    on: 'plain',
    method: 'POST',
    path: '/browse/ACME-1/comment',
    headers: () => ({ origin: 'null', cookie: persona(), 'content-type': FORM }),
    body: 'comment=csrf',
    status: 403,
    shape: 'html',
    unchanged: true,
  },
  {
    name: 'UI comment marked cross-site with a same-origin Referer',
    on: 'plain',
    method: 'POST',
    path: '/browse/ACME-1/comment',
    headers: (t) => ({ 'sec-fetch-site': 'cross-site', referer: `http://${t.host}/browse/ACME-1`, cookie: persona(), 'content-type': FORM }),
    body: 'comment=csrf',
    status: 403,
    shape: 'html',
    unchanged: true,
  },
  {
    name: 'UI transition from another local port',
    on: 'plain',
    method: 'POST',
    path: '/browse/ACME-1/transition/11',
    headers: (t) => ({ origin: t.other, cookie: persona(), 'content-type': FORM }),
    body: '',
    status: 403,
    shape: 'html',
    unchanged: true,
  },
  {
    name: 'login CSRF: the persona switcher posted from another local port',
    on: 'plain',
    method: 'POST',
    path: '/login',
    headers: (t) => ({ origin: t.other, 'content-type': FORM }),
    body: 'accountId=u-bob',
    status: 403,
    shape: 'html',
    check: (r) => expect(r.headers['set-cookie']).toBeUndefined(),
  },
  // Jira's XSRF check on REST: a form, multipart or text/plain write needs X-Atlassian-Token: no-check.
  {
    name: 'REST comment as a cross-origin form post with the UI cookie',
    on: 'plain',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/comment',
    headers: (t) => ({ origin: t.other, cookie: persona(), 'content-type': FORM }),
    body: 'body=csrf',
    status: 403,
    shape: 'jira',
    unchanged: true,
    check: (r) => expect(r.text).toMatch(/XSRF check failed/),
  },
  {
    name: 'REST comment as text/plain with the UI cookie',
    on: 'plain',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/comment',
    headers: () => ({ cookie: persona(), 'content-type': 'text/plain' }),
    body: '{"body":"csrf"}',
    status: 403,
    shape: 'jira',
    unchanged: true,
    check: (r) => expect(r.text).toMatch(/XSRF check failed/),
  },
  // Frames: no page of the sandbox can be framed by another site (clickjacking a persona's session).
  {
    name: 'frame headers on an issue page',
    on: 'plain',
    method: 'GET',
    path: '/browse/ACME-1',
    headers: () => ({ cookie: persona() }),
    status: 200,
    shape: 'page',
    check: frameHeaders,
  },
  { name: 'frame headers on the sign-in page', on: 'plain', method: 'GET', path: '/login', status: 200, shape: 'page', check: frameHeaders },
  {
    name: 'frame headers on the navigator',
    on: 'hub',
    method: 'GET',
    path: '/issues/?jql=',
    headers: () => ({ cookie: persona() }),
    status: 200,
    shape: 'page',
    check: frameHeaders,
  },
];

const LEAK = /\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+|server\/http\/|URIError|TypeError/;

describe('hostile network input', () => {
  it.each(rows)('$name', async (row) => {
    const t = targets[row.on];
    const before = canonicalHash(t.ctx().tracker.config, t.ctx().tracker.issues);
    const r = await rawRequest(t.url, row.method, row.path, row.headers?.(t) ?? {}, row.body);
    expect(r.status, r.text.slice(0, 300)).toBe(row.status);
    expect(r.status).toBeLessThan(500);
    expect(r.text).not.toMatch(LEAK);
    const type = r.headers['content-type'] ?? '';
    if (row.shape === 'html' || row.shape === 'page') expect(type).toMatch(/^text\/html/);
    else {
      const body = JSON.parse(r.text);
      if (row.shape === 'jira') {
        expect(Array.isArray(body.errorMessages) && typeof body.errors === 'object').toBe(true);
        expect([...body.errorMessages, ...Object.values(body.errors)].join(' ')).not.toBe('');
      } else {
        expect(typeof body.error?.code).toBe('string');
        expect(typeof body.error?.message).toBe('string');
      }
    }
    if (row.unchanged) expect(canonicalHash(t.ctx().tracker.config, t.ctx().tracker.issues)).toBe(before);
    row.check?.(r, t);
  });
});

describe('what must keep working', () => {
  it('scripts without Origin (node fetch, Playwright request) use the control API over loopback', async () => {
    const t = targets.plain;
    for (const host of [t.host, `localhost:${t.port}`, `[::1]:${t.port}`]) {
      const r = await rawRequest(t.url, 'GET', '/_understudy/health', { host });
      expect(r.status, host).toBe(200);
    }
    const res = await fetch(`${t.url}/_understudy/checkpoint`, { method: 'POST' });
    expect(res.status).toBe(200);
    const json = await fetch(`${t.url}/_understudy/tasks/release`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(200);
    const sameOrigin = await rawRequest(t.url, 'POST', '/_understudy/checkpoint', { origin: t.url, 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(200);
  });
  it('a sandbox told to listen widely answers its REST API under the allowed names, not its control API', async () => {
    const t = targets.wide;
    const r = await rawRequest(t.url, 'GET', '/rest/api/2/serverInfo', { host: `sandbox.lan:${t.port}` });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).baseUrl).toBe(`http://sandbox.lan:${t.port}`);
    expect((await rawRequest(t.url, 'GET', '/_understudy/personas', { host: t.host })).status).toBe(200);
  });
  it('self links use the Host the sandbox accepted', async () => {
    const t = targets.plain;
    const r = await rawRequest(t.url, 'GET', '/rest/api/2/issue/ACME-1', { host: `localhost:${t.port}`, authorization: basic() });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).self).toBe(`http://localhost:${t.port}/rest/api/2/issue/10001`);
  });
  it('same-origin UI forms work (Origin, or Referer when there is no Origin)', async () => {
    const t = targets.plain;
    const count = () => t.ctx().tracker.issues.find((i) => i.key === 'ACME-1')?.comments?.length ?? 0;
    const start = count();
    const headers = { cookie: persona(), 'content-type': FORM };
    const viaOrigin = await rawRequest(
      t.url,
      'POST',
      '/browse/ACME-1/comment',
      { ...headers, origin: t.url, 'sec-fetch-site': 'same-origin' },
      'comment=one',
    );
    expect(viaOrigin.status).toBe(303);
    const viaReferer = await rawRequest(t.url, 'POST', '/browse/ACME-1/comment', { ...headers, referer: `${t.url}/browse/ACME-1` }, 'comment=two');
    expect(viaReferer.status).toBe(303);
    const login = await rawRequest(t.url, 'POST', '/login', { origin: t.url, 'content-type': FORM }, 'accountId=u-bob');
    expect(login.status).toBe(303);
    expect(count()).toBe(start + 2);
  });
  it('cookie-session scripts and attachment uploads keep Jira behaviour', async () => {
    const t = targets.plain;
    const login = await fetch(`${t.url}/rest/auth/1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: bob.email, password: bob.token }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const comment = await fetch(`${t.url}/rest/api/2/issue/ACME-2/comment`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'from a cookie-session script' }),
    });
    expect(comment.status).toBe(201);
    // fixtures/tiny grants nobody attachments: what matters is that the XSRF check lets the token through.
    const upload = async (headers: Record<string, string>) => {
      const form = new FormData();
      form.append('file', new Blob(['log line\n'], { type: 'text/plain' }), 'build.log');
      const res = await fetch(`${t.url}/rest/api/2/issue/ACME-2/attachments`, { method: 'POST', headers: { cookie, ...headers }, body: form });
      return { status: res.status, text: await res.text() };
    };
    const withToken = await upload({ 'X-Atlassian-Token': 'no-check' });
    expect(withToken.text).toMatch(/permission to create attachments/);
    const without = await upload({});
    expect(without.status).toBe(403);
    expect(without.text).toMatch(/XSRF check failed/);
  });
});

/** Runs `npm run sandbox` (scripts/sandbox.ts) until it says it is ready or exits; bounded. */
const runSandbox = (args: string[], tmp: string) =>
  new Promise<{ code: number | null; stdout: string; stderr: string; url?: string; stop: () => Promise<void> }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox.ts', '--snapshot', 'fixtures/tiny', ...args], {
      cwd: ROOT,
      // Its throwaway instance goes in a temp folder of this test's own, checked empty afterwards.
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const stop = async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the sandbox neither got ready nor exited in 60 s: ${stderr}`));
    }, 60_000);
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const url = /ready at (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ code: null, stdout, stderr, url, stop });
      }
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    exited.then((code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, stop });
    });
  });

describe('npm run sandbox beyond loopback', () => {
  let blocker: Server;
  let port = 0;
  let tmp = '';
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'understudy-hostile-network-'));
    // Holding the port on 127.0.0.1 makes a bind of 0.0.0.0 fail: the warning is tested without ever listening beyond loopback.
    blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((done) => blocker.close(() => done()));
    // Every run removed its throwaway instance, also the one that could not listen (tsx keeps its cache here too).
    expect((await readdir(tmp)).filter((d) => d.startsWith('understudy-'))).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
  });

  it('--host 0.0.0.0 warns on stderr before listening (and binds only where asked)', async () => {
    const r = await runSandbox(['--host', '0.0.0.0', '--port', String(port)], tmp);
    await r.stop();
    expect(r.stderr).toMatch(/understudy: warning: --host 0\.0\.0\.0 listens beyond loopback/);
    expect(r.stderr).toMatch(/control API .*loopback/);
    expect(r.stderr).toMatch(/EADDRINUSE/);
    expect(r.code).toBe(2);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(LEAK);
  }, 70_000);

  it('--expose-control is warned about, and the sandbox still listens on 127.0.0.1 only', async () => {
    const r = await runSandbox(['--host', '127.0.0.1', '--expose-control'], tmp);
    try {
      expect(r.stderr).toMatch(/understudy: warning: --expose-control/);
      expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${r.url}/_understudy/health`);
      expect(health.status).toBe(200);
    } finally {
      await r.stop();
    }
  }, 70_000);

  it('--host 127.0.0.1 prints no warning', async () => {
    const r = await runSandbox(['--host', '127.0.0.1', '--port', String(port)], tmp);
    await r.stop();
    expect(r.stderr).not.toMatch(/warning/);
    expect(r.code).toBe(2);
  }, 70_000);
});
