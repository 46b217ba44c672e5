/**
 * A snapshot's content is validated once: the verdict of a valid content is kept under its content
 * hash and trusted only when key, files and seal agree. Changed content, other rules and any
 * tampering with the cache mean validating again; an invalid snapshot is always judged afresh.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesVersion, validateSnapshotData } from '../../../server/model/index.ts';
import { readSnapshot, readValidatedSnapshot, writeSnapshot } from '../../../server/store/index.ts';
import { contentKey, lookupValidated } from '../../../server/store/validation-cache.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';
import { snapshotFileHashes, tempDir } from './helpers/temp.ts';

const INVALID = join(import.meta.dirname, '../../../fixtures/invalid/transition-to-unknown-status');

const valid = async (root: string, name = 'valid', change?: (c: ReturnType<typeof tinyContent>) => void) => {
  const content = tinyContent();
  change?.(content);
  await writeSnapshot(join(root, name), content, { shardSize: 5 });
  return join(root, name);
};
const keyOf = async (dir: string) => contentKey((await readSnapshot(dir)).fileHashes, await rulesVersion());
const entryOf = (cache: string, key: string) => join(cache, 'validated', `${key}.json`);
const entries = async (cache: string) => (await readdir(join(cache, 'validated')).catch(() => [] as string[])).filter((f) => f.endsWith('.json'));
const judgedAfresh = async (dir: string) => validateSnapshotData(await readSnapshot(dir));

describe('the validation cache', () => {
  it('validates a content once: a copy at another path finds the verdict, with the same warnings', async () => {
    const root = await tempDir();
    const cache = join(root, 'cache');
    const snap = await valid(root);
    const first = await readValidatedSnapshot(snap, { cacheDir: cache });
    expect(first.cached).toBe(false);
    expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
    await cp(snap, join(root, 'copy'), { recursive: true });
    const again = await readValidatedSnapshot(join(root, 'copy'), { cacheDir: cache });
    expect(again.cached).toBe(true);
    expect(again.problems).toEqual(first.problems);
    expect(again.snap.issues).toEqual(first.snap.issues);
    expect(await entries(cache)).toEqual([`${await keyOf(snap)}.json`]);
  });

  it('validates changed content again: a valid change gets its own verdict, an invalid one is refused as validate refuses it', async () => {
    const root = await tempDir();
    const cache = join(root, 'cache');
    const snap = await valid(root);
    await readValidatedSnapshot(snap, { cacheDir: cache });
    await rm(snap, { recursive: true });
    await valid(root, 'valid', (c) => {
      c.issues[0]!.summary = 'a summary changed since';
    });
    expect((await readValidatedSnapshot(snap, { cacheDir: cache })).cached).toBe(false);
    expect((await readValidatedSnapshot(snap, { cacheDir: cache })).cached).toBe(true);
    // Edited in place after it validated: the manifest's hashes and the rules now disagree with it.
    const config = join(snap, 'config.json');
    const text = await readFile(config, 'utf8');
    await writeFile(config, text.replace('"to": "1"', '"to": "Dne"'));
    expect(await readFile(config, 'utf8')).not.toBe(text);
    const changed = await readValidatedSnapshot(snap, { cacheDir: cache });
    expect(changed.cached).toBe(false);
    expect(changed.problems).toEqual(await judgedAfresh(snap));
    expect(changed.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(await entries(cache)).toHaveLength(2);
  });

  it('does not use a verdict given under other rules', async () => {
    const root = await tempDir();
    const cache = join(root, 'cache');
    const snap = await valid(root);
    await readValidatedSnapshot(snap, { cacheDir: cache });
    const { fileHashes } = await readSnapshot(snap);
    expect(await lookupValidated(cache, fileHashes, await rulesVersion())).toBeDefined();
    expect(await lookupValidated(cache, fileHashes, 'the rules of another version')).toBeUndefined();
  });

  it('keeps nothing for an invalid snapshot, nor when told to keep nothing', async () => {
    const root = await tempDir();
    const cache = join(root, 'cache');
    const bad = await readValidatedSnapshot(INVALID, { cacheDir: cache });
    expect(bad.problems).toEqual(await judgedAfresh(INVALID));
    expect(await entries(cache)).toEqual([]);
    const off = await readValidatedSnapshot(await valid(root), { cacheDir: false });
    expect(off.cached).toBe(false);
    expect(await readdir(root)).toEqual(['valid']);
  });

  it('still validates when the cache cannot be written', async () => {
    const root = await tempDir();
    const notADir = join(root, 'cache');
    await writeFile(notADir, 'a file where the cache directory should be');
    const snap = await valid(root);
    for (let i = 0; i < 2; i++) expect((await readValidatedSnapshot(snap, { cacheDir: notADir })).cached).toBe(false);
  });

  it('never writes the snapshot', async () => {
    const root = await tempDir();
    const snap = await valid(root);
    const before = { hashes: await snapshotFileHashes(snap), files: (await readdir(snap, { recursive: true })).sort() };
    for (let i = 0; i < 2; i++) await readValidatedSnapshot(snap, { cacheDir: join(root, 'cache') });
    expect(await snapshotFileHashes(snap)).toEqual(before.hashes);
    expect((await readdir(snap, { recursive: true })).sort()).toEqual(before.files);
  });
});

type Tamper = (x: { cache: string; validKey: string; invalidKey: string; entry: Record<string, unknown> }) => Promise<void>;

/** Each tampering, and the snapshot it is aimed at: the valid one (then validated again) or the invalid one (then still refused). */
const TAMPERED: Array<[string, 'valid' | 'invalid', Tamper]> = [
  ['garbage in the entry', 'valid', ({ cache, validKey }) => writeFile(entryOf(cache, validKey), '{"format": "understudy-valid')],
  [
    'an entry edited without its seal',
    'valid',
    ({ cache, validKey, entry }) => writeFile(entryOf(cache, validKey), JSON.stringify({ ...entry, validatedAt: '2020-01-01T00:00:00.000Z' })),
  ],
  ['the secret replaced', 'valid', ({ cache }) => writeFile(join(cache, 'validated', 'seal.key'), randomBytes(32))],
  ['the secret removed', 'valid', ({ cache }) => rm(join(cache, 'validated', 'seal.key'))],
  [
    "another content's entry under this content's name",
    'invalid',
    ({ cache, validKey, invalidKey }) => cp(entryOf(cache, validKey), entryOf(cache, invalidKey)),
  ],
  [
    'an entry re-keyed to this content and sealed without the secret',
    'invalid',
    async ({ cache, invalidKey, entry }) => {
      const files = (await readSnapshot(INVALID)).fileHashes;
      const body = { ...entry, key: invalidKey, files, warnings: [] };
      const seal = createHash('sha256').update(JSON.stringify(body)).digest('hex');
      await writeFile(entryOf(cache, invalidKey), JSON.stringify({ ...body, seal }));
    },
  ],
];

describe('a tampered cache is not trusted', () => {
  it.each(TAMPERED)('%s: the %s snapshot is judged afresh', async (_name, target, tamper) => {
    const root = await tempDir();
    const cache = join(root, 'cache');
    const snap = await valid(root);
    await readValidatedSnapshot(snap, { cacheDir: cache });
    const validKey = await keyOf(snap);
    const entry = JSON.parse(await readFile(entryOf(cache, validKey), 'utf8')) as Record<string, unknown>;
    await tamper({ cache, validKey, invalidKey: await keyOf(INVALID), entry });
    const dir = target === 'valid' ? snap : INVALID;
    const result = await readValidatedSnapshot(dir, { cacheDir: cache });
    expect(result.cached).toBe(false);
    expect(result.problems).toEqual(await judgedAfresh(dir));
    if (target === 'invalid') expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
    // A valid content judged again is recorded again, and trusted from then on.
    else expect((await readValidatedSnapshot(dir, { cacheDir: cache })).cached).toBe(true);
  });
});
