/** `npm run sandbox` pieces: flag errors (exit 2), throwaway clean-up, an instance kept, locked and persisted. */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../server/common/errors.ts';
import { parseServeFlags } from '../../../server/http/serve-cli.ts';
import { startSandboxServer } from '../../../server/http/serve.ts';
import { acquireLock, createInstance, openInstance, readSnapshot, writeSnapshot } from '../../../server/store/index.ts';
import { genDir, genName, type GenerationMeta } from '../../../server/store/instance-layout.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';
import { invalidCases, validateDir } from '../validate/helpers.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('sandbox flags', () => {
  const bad: Array<[string, Record<string, string>, RegExp]> = [
    ['both sources', { snapshot: 'a', instance: 'b' }, /cannot be used together/],
    ['a port that is not a number', { port: 'abc' }, /not a port number/],
    ['a port out of range', { port: '70000' }, /not a port number/],
    ['a bad --now', { now: 'yesterday' }, /not an ISO date-time/],
    ['an unknown --mimic', { mimic: 'server' }, /--mimic 'server' is not known/],
    ['an empty --host', { host: ' ' }, /--host is empty/],
    ['an --allow-host with a port', { 'allow-host': 'devbox.example.com:8080' }, /--allow-host 'devbox\.example\.com:8080' is not a host name/],
    ['an --allow-host with a scheme', { 'allow-host': 'http://devbox' }, /--allow-host 'http:\/\/devbox' is not a host name/],
    ['an empty name in --allow-host', { 'allow-host': 'a.example,' }, /--allow-host '' is not a host name/],
    [
      'a --banner that is not there',
      { banner: 'reports/nowhere/heads-up.banner.html' },
      /--banner 'reports\/nowhere\/heads-up\.banner\.html' cannot be read \(ENOENT\)/,
    ],
  ];
  it.each(bad)('%s is a UserError (exit 2)', (_n, flags, message) => {
    let error: unknown;
    try {
      parseServeFlags(flags, 'usage');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as Error).message).toMatch(message);
  });
  it('--expose-control and --allow-host (repeated or comma-separated) become options', () => {
    expect(parseServeFlags({ 'expose-control': true, 'allow-host': ['a.example', 'b.example,fe80::1'] }, 'u')).toMatchObject({
      exposeControl: true,
      allowHosts: ['a.example', 'b.example', 'fe80::1'],
    });
  });
  it('good flags become options', () => {
    expect(parseServeFlags({ port: '8080', now: '2026-01-31T09:00:00Z', mimic: 'datacenter' }, 'u')).toMatchObject({
      port: 8080,
      now: '2026-01-31T09:00:00.000Z',
      mimic: 'datacenter',
    });
  });
});

describe('serving', () => {
  it('shows the announcement banner above every page', async () => {
    const banner = '<div class="understudy-banner" role="status" data-notice="heads-up"><strong>[Jira] Planned change</strong></div>\n';
    const s = await startSandboxServer({ snapshot: 'fixtures/tiny', banner });
    try {
      for (const path of ['/', '/projects', '/issues/']) {
        const page = await (await fetch(`${s.url}${path}`)).text();
        expect(page, path).toContain(banner.trim());
        expect(page.indexOf('understudy-banner')).toBeLessThan(page.indexOf('<main'));
      }
    } finally {
      await s.close();
    }
    const plain = await startSandboxServer({ snapshot: 'fixtures/tiny' });
    try {
      expect(await (await fetch(`${plain.url}/`)).text()).not.toContain('understudy-banner');
    } finally {
      await plain.close();
    }
  });

  it('a throwaway sandbox removes its instance on close and refuses an invalid snapshot', async () => {
    const before = (await readdir(tmpdir())).filter((d) => d.startsWith('understudy-sandbox-')).length;
    const s = await startSandboxServer({ snapshot: 'fixtures/tiny' });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await readdir(tmpdir())).filter((d) => d.startsWith('understudy-sandbox-')).length).toBe(before + 1);
    await s.close();
    expect((await readdir(tmpdir())).filter((d) => d.startsWith('understudy-sandbox-')).length).toBe(before);
    await expect(startSandboxServer({ snapshot: 'fixtures/invalid/transition-to-unknown-status' })).rejects.toThrow(/invalid/);
  });
  it('an instance sandbox holds the lock and persists writes', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'understudy-serve-test-'));
    dirs.push(parent);
    const dir = join(parent, 'inst');
    (await createInstance('fixtures/tiny', dir)).close();
    const s = await startSandboxServer({ instance: dir, mimic: 'datacenter' });
    await expect(acquireLock(dir, 'test')).rejects.toThrow(/locked/);
    const bob = s.ctx.personas().find((p) => p.accountId === 'u-bob')!;
    const res = await fetch(`${s.url}/rest/api/2/issue/ACME-1/comment`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bob.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'kept' }),
    });
    expect(res.status).toBe(201);
    await s.close();
    const reopened = await openInstance(dir);
    const issue = reopened.data.issues.find((i) => i.key === 'ACME-1')!;
    expect(issue.comments.map((c) => c.body)).toContain('kept');
    expect(reopened.data.outbox.length).toBeGreaterThan(0);
    reopened.close();
    const release = await acquireLock(dir, 'test');
    await release();
  });
});

describe('a throwaway sandbox over a snapshot validated once', () => {
  const scratch = async () => {
    const parent = await mkdtemp(join(tmpdir(), 'understudy-serve-test-'));
    dirs.push(parent);
    return parent;
  };

  it('refuses every invalid fixture with the messages validate prints, whatever the cache holds', async () => {
    const cache = join(await scratch(), 'cache');
    const ok = await startSandboxServer({ snapshot: 'fixtures/tiny', validationCache: cache });
    expect(ok.validation).toBe('validated');
    await ok.close();
    const cases = invalidCases();
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const c of cases) {
      const errors = (await validateDir(c.dir)).lines.filter((l) => !l.startsWith('warning: '));
      let error: unknown;
      await startSandboxServer({ snapshot: c.dir, validationCache: cache }).then(
        (s) => s.close(),
        (e: unknown) => {
          error = e;
        },
      );
      expect(error, c.name).toBeInstanceOf(UserError);
      expect((error as UserError).message, c.name).toMatch(/is invalid \(\d+ errors?\); the sandbox starts only on a valid snapshot/);
      expect((error as UserError).details.slice(0, 10), c.name).toEqual(errors.slice(0, 10));
    }
    // Only the valid content left a verdict.
    expect((await readdir(join(cache, 'validated'))).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });

  it('starts a copy of a validated content from the cache, never writes the snapshot, and saves only the shard a write changed', async () => {
    const parent = await scratch();
    const cache = join(parent, 'cache');
    const snap = join(parent, 'snap');
    await writeSnapshot(snap, tinyContent(), { shardSize: 5 });
    const before = await readSnapshot(snap);
    await (await startSandboxServer({ snapshot: snap, validationCache: cache })).close();
    await cp(snap, join(parent, 'copy'), { recursive: true });
    const s = await startSandboxServer({ snapshot: join(parent, 'copy'), validationCache: cache });
    try {
      expect(s.validation).toBe('cached');
      const bob = s.ctx.personas().find((p) => p.accountId === 'u-bob')!;
      const res = await fetch(`${s.url}/rest/api/2/issue/ACME-1/comment`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bob.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'kept in the instance only' }),
      });
      expect(res.status).toBe(201);
      await s.ctx.flush();
      const meta = JSON.parse(await readFile(join(genDir(s.instance.dir, genName(s.instance.generation())), 'meta.json'), 'utf8')) as GenerationMeta;
      const changed = s.ctx.tracker.issues.findIndex((i) => i.key === 'ACME-1');
      expect(meta.generation).toBeGreaterThan(1);
      expect(meta.issues).toHaveLength(3);
      expect(meta.issues.flatMap((x, i) => (x.form === 'plain' ? [] : [i]))).toEqual([Math.floor(changed / 5)]);
    } finally {
      await s.close();
    }
    for (const dir of [snap, join(parent, 'copy')]) expect((await readSnapshot(dir)).fileHashes).toEqual(before.fileHashes);
  });
});
