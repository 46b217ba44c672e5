/**
 * Starts at the same time are safe: processes that validate one content at once agree on one
 * secret and one verdict (each written whole by a rename), and sandboxes started together each get
 * their own throwaway instance over the same shared shards.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandboxServer } from '../../../server/http/serve.ts';
import { canonicalHash } from '../../../server/model/index.ts';
import { readSnapshot, readValidatedSnapshot, writeSnapshot } from '../../../server/store/index.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, 'helpers/read-validated-child.ts');
const roots: string[] = [];
afterAll(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});
const setup = async () => {
  const root = await mkdtemp(join(tmpdir(), 'understudy-cache-concurrency-'));
  roots.push(root);
  await writeSnapshot(join(root, 'snap'), tinyContent(), { shardSize: 5 });
  return { root, snap: join(root, 'snap'), cache: join(root, 'cache') };
};

describe('concurrent starts on one content', () => {
  it('processes validating at once leave one secret and one trusted verdict, and no temporary files', async () => {
    const { snap, cache } = await setup();
    const outs = await Promise.all(
      Array.from({ length: 4 }, () => run(process.execPath, ['--import', 'tsx', CHILD, snap, cache], { timeout: 60_000 })),
    );
    for (const { stdout } of outs) expect(JSON.parse(stdout)).toMatchObject({ errors: 0, issues: 12 });
    const names = await readdir(join(cache, 'validated'));
    expect(names).toHaveLength(2);
    expect(names).toContain('seal.key');
    expect(names.filter((f) => /^[0-9a-f]{64}\.json$/.test(f))).toHaveLength(1);
    expect((await readValidatedSnapshot(snap, { cacheDir: cache })).cached).toBe(true);
  }, 120_000);

  it('sandboxes started together each serve their own throwaway instance of the same content', async () => {
    const { snap, cache } = await setup();
    const raw = await readSnapshot(snap);
    const sandboxes = await Promise.all(Array.from({ length: 3 }, () => startSandboxServer({ snapshot: snap, validationCache: cache })));
    try {
      expect(new Set(sandboxes.map((s) => s.instance.dir)).size).toBe(3);
      for (const s of sandboxes) {
        const body = (await (await fetch(`${s.url}/_understudy/hash`)).json()) as { hash: string; issues: number };
        expect(body).toEqual({ hash: canonicalHash(raw.config!, raw.issues), issues: 12 });
      }
    } finally {
      for (const s of sandboxes) await s.close();
    }
    expect((await readdir(join(cache, 'validated'))).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const again = await startSandboxServer({ snapshot: snap, validationCache: cache });
    expect(again.validation).toBe('cached');
    await again.close();
  });
});
