/**
 * Cookie sessions (/rest/auth/1/session), --mimic cloud-strict (as Jira Cloud answers today), and
 * attachment content kept in the instance directory by sha256 (a throwaway sandbox, real files).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServeFlags } from '../../../server/http/serve-cli.ts';
import { startSandboxServer, type RunningSandbox } from '../../../server/http/serve.ts';
import { startSandbox, type Harness } from '../http/harness.ts';
import { everydayGrants } from './tiny-grants.ts';

let h: Harness;
let strict: Harness;
beforeAll(async () => {
  [h, strict] = await Promise.all([startSandbox('fixtures/tiny'), startSandbox('fixtures/tiny', { strict: true })]);
});
afterAll(async () => {
  await Promise.all([h.close(), strict.close()]);
});

const bob = () => h.personas.find((p) => p.accountId === 'u-bob')!;

describe('cookie sessions', () => {
  it('sign in with e-mail and API token, use the cookie, sign out', async () => {
    const login = await fetch(`${h.url}/rest/auth/1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: bob().email, password: bob().token }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^JSESSIONID=[0-9a-f]+$/);
    expect((await h.call('GET', '/rest/api/2/myself', { headers: { cookie } })).body.accountId).toBe('u-bob');
    expect((await h.call('GET', '/rest/auth/1/session', { headers: { cookie } })).body.name).toBe(bob().email);
    expect((await h.call('DELETE', '/rest/auth/1/session', { headers: { cookie } })).status).toBe(204);
    expect((await h.call('GET', '/rest/api/2/myself', { headers: { cookie } })).status).toBe(401);
  });
  it.each([
    { name: 'a wrong token', body: () => ({ username: bob().email, password: 'nope' }) },
    { name: 'an unknown user', body: () => ({ username: 'nobody@tiny.example', password: bob().token }) },
    { name: 'no body', body: () => undefined },
  ])('refused: $name', async (c) => {
    const res = await h.call('POST', '/rest/auth/1/session', { ...(c.body() ? { body: c.body() } : {}) });
    expect(res.status).toBe(401);
    expect(res.body.errorMessages[0]).toMatch(/Login failed/);
  });
});

describe('--mimic cloud-strict', () => {
  it.each([
    { name: 'legacy GET /search', method: 'GET', path: '/rest/api/2/search?jql=project%3DACME', status: 410 },
    { name: 'legacy POST /search', method: 'POST', path: '/rest/api/2/search', body: { jql: 'project = ACME' }, status: 410 },
    { name: 'cookie sessions', method: 'POST', path: '/rest/auth/1/session', body: { username: 'x', password: 'y' }, status: 404 },
    { name: 'a username parameter', method: 'GET', path: '/rest/api/2/user?username=u-bob', status: 400 },
  ])('$name: $status', async (c) => {
    const res = await strict.call(c.method, c.path, { as: 'alice', ...(c.body ? { body: c.body } : {}) });
    expect(res.status).toBe(c.status);
    expect(res.body.errorMessages.length).toBe(1);
    // The lenient sandbox still lets them through.
    expect((await h.call(c.method, c.path, { as: 'alice', ...(c.body ? { body: c.body } : {}) })).status).not.toBe(c.status);
  });
  it('the flag is parsed and refused when unknown', () => {
    expect(parseServeFlags({ mimic: 'cloud-strict' }, 'u').mimic).toBe('cloud-strict');
    expect(() => parseServeFlags({ mimic: 'cloud-lenient' }, 'u')).toThrow(/--mimic 'cloud-lenient' is not known/);
    expect(() => parseServeFlags({ 'attachment-max-bytes': '10k' }, 'u')).toThrow(/is not a size in bytes/);
  });
});

describe('attachment content in the instance', () => {
  let s: RunningSandbox;
  beforeAll(async () => {
    s = await startSandboxServer({ snapshot: 'fixtures/tiny', attachmentMaxBytes: 4096 });
    s.ctx.tracker.updateConfig((config) => everydayGrants({ config }));
  });
  afterAll(async () => {
    await s.close();
  });

  it('is stored once by sha256, covered by the hash, and a file changed on disk is not served', async () => {
    const p = s.ctx.personas().find((x) => x.accountId === 'u-bob')!;
    const headers = { authorization: `Basic ${Buffer.from(`${p.email}:${p.token}`).toString('base64')}`, 'X-Atlassian-Token': 'no-check' };
    const hashBefore = ((await (await fetch(`${s.url}/_understudy/hash`)).json()) as { hash: string }).hash;
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'hello.txt');
    const up = (await (await fetch(`${s.url}/rest/api/2/issue/ACME-1/attachments`, { method: 'POST', headers, body: form })).json()) as Array<{
      content: string;
    }>;
    await s.ctx.flush();
    const meta = s.ctx.tracker.issues.find((i) => i.key === 'ACME-1')!.attachments![0]!;
    const file = join(s.instance.dir, 'attachments', meta.sha256!);
    expect(await readFile(file, 'utf8')).toBe('hello');
    expect(((await (await fetch(`${s.url}/_understudy/hash`)).json()) as { hash: string }).hash).not.toBe(hashBefore);
    expect(await (await fetch(up[0]!.content, { headers })).text()).toBe('hello');
    await writeFile(file, 'tampered');
    const res = await fetch(up[0]!.content, { headers });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errorMessages: string[] }).errorMessages[0]).toMatch(/missing from this instance's attachments\/ directory/);
  });
});
