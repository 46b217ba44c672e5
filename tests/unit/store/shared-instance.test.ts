/**
 * An instance that shares its snapshot's issue shards (shareSnapshotShards, the sandbox's throwaway
 * instance): nothing of the snapshot is written, the canonical hash is the one an instance written
 * in full has, a save writes only the shards that changed, and a shard changed on disk after it was
 * read is not shared (the instance keeps what was read).
 */
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalHash } from '../../../server/model/hash.ts';
import { createInstance, forkInstance, openInstance, readSnapshot, type Instance } from '../../../server/store/index.ts';
import { genDir, genName, type GenerationMeta } from '../../../server/store/instance-layout.ts';
import { makeSnapshot, snapshotFileHashes, tempDir } from './helpers/temp.ts';

const open: Instance[] = [];
afterEach(() => {
  for (const i of open.splice(0)) i.close();
});
const keep = (i: Instance): Instance => (open.push(i), i);
const meta = async (inst: Instance): Promise<GenerationMeta> =>
  JSON.parse(await readFile(join(genDir(inst.dir, genName(inst.generation())), 'meta.json'), 'utf8')) as GenerationMeta;
const hex = (h: string) => h.replace(/^sha256:/, '');
const listing = async (dir: string) => (await readdir(dir, { recursive: true })).sort();

/** A sharded snapshot of 12 issues in shards of 5 (5, 5, 2), and two instances of it: shared and written in full. */
const setup = async () => {
  const root = await tempDir();
  const snap = await makeSnapshot(join(root, 'snap'), 12, 5);
  const before = { hashes: await snapshotFileHashes(snap), files: await listing(snap) };
  const shared = keep(await createInstance(snap, join(root, 'shared'), { shareSnapshotShards: true }));
  const full = keep(await createInstance(snap, join(root, 'full'), { shardSize: 5 }));
  return { root, snap, before, shared, full };
};

describe('an instance sharing its snapshot’s shards', () => {
  it('shares every shard, records no hash of its own, and hashes as an instance written in full', async () => {
    const { snap, shared, full } = await setup();
    const m = await meta(shared);
    const raw = await readSnapshot(snap);
    expect(m.issues.map((s) => [s.file, s.count, s.form, s.sha256])).toEqual(
      raw.issueShards!.map((s, i) => [`issues/0000${i + 1}.ndjson`, s.count, 'plain', hex(s.sha256)]),
    );
    expect(m.shardSize).toBe(5);
    expect(m.hash).toBeUndefined();
    expect(shared.recordedHash()).toBeUndefined();
    expect(full.recordedHash()).toBeDefined();
    expect(shared.hash()).toBe(full.recordedHash());
    const reopened = keep(await openInstance(shared.dir));
    expect(reopened.hash()).toBe(full.recordedHash());
    expect(reopened.data.issues).toEqual(full.data.issues);
  });

  it('writes only the shard that changed, and never the snapshot', async () => {
    const { snap, before, shared, full } = await setup();
    const gen1 = await meta(shared);
    const inode = async (gen: number, file: string) => (await stat(join(genDir(shared.dir, genName(gen)), file))).ino;
    const firstShard = await inode(gen1.generation, 'issues/00001.ndjson');
    for (const inst of [shared, full]) inst.data.issues[6]!.summary = 'changed in the second shard';
    await shared.save();
    await full.save();
    const gen2 = await meta(shared);
    expect(gen2.issues[0]).toEqual(gen1.issues[0]);
    expect(gen2.issues[2]).toEqual(gen1.issues[2]);
    expect(gen2.issues[1]!.form).toBeUndefined();
    expect(gen2.issues[1]!.sha256).not.toBe(gen1.issues[1]!.sha256);
    // The shard shared again is the file of the first generation, not a new one.
    expect(await inode(gen2.generation, 'issues/00001.ndjson')).toBe(firstShard);
    const reopened = keep(await openInstance(shared.dir));
    expect(reopened.data.issues[6]!.summary).toBe('changed in the second shard');
    expect(reopened.hash()).toBe(full.recordedHash());
    expect(await snapshotFileHashes(snap)).toEqual(before.hashes);
    expect(await listing(snap)).toEqual(before.files);
  });

  it('gives saveHashed the canonical hash of the data', async () => {
    const { shared } = await setup();
    shared.data.issues[0]!.summary = 'changed in the first shard';
    const hash = await shared.saveHashed();
    expect(hash).toBe(canonicalHash(shared.data.config, shared.data.issues));
    expect((await meta(shared)).issues[1]!.form).toBe('plain');
    expect(keep(await openInstance(shared.dir)).hash()).toBe(hash);
  });

  it('forks like any instance', async () => {
    const { root, shared, full } = await setup();
    const fork = keep(await openInstance(await forkInstance(shared.dir, join(root, 'fork'))));
    expect(fork.hash()).toBe(full.recordedHash());
  });

  it.each([
    ['written just now', false],
    ['untouched for an hour', true],
  ])('keeps what was read when a shard %s changes on disk before it is shared', async (_when, old) => {
    const root = await tempDir();
    const snap = await makeSnapshot(join(root, 'snap'), 12, 5);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    if (old) for (const f of ['00001', '00002', '00003']) await utimes(join(snap, `issues/${f}.ndjson`), anHourAgo, anHourAgo);
    const raw = await readSnapshot(snap);
    // Settled files are trusted by identity when hard-linked; a write still changes that identity.
    expect(raw.issueShards!.map((s) => s.settled !== undefined)).toEqual([old, old, old]);
    const file = join(snap, 'issues/00002.ndjson');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"summary":"', '"summary":"edited meanwhile: '));
    const inst = keep(await createInstance(snap, join(root, 'inst'), { snapshot: raw, shareSnapshotShards: true }));
    const m = await meta(inst);
    expect(m.issues.map((s) => s.form)).toEqual(['plain', undefined, 'plain']);
    const reopened = keep(await openInstance(inst.dir));
    expect(reopened.data.issues).toEqual(raw.issues);
    expect(reopened.hash()).toBe(canonicalHash(raw.config!, raw.issues));
  });

  it('refuses to load as damaged when a shared file is edited in place afterwards (never silently)', async () => {
    const root = await tempDir();
    const snap = await makeSnapshot(join(root, 'snap'), 12, 5);
    const inst = keep(await createInstance(snap, join(root, 'inst'), { shareSnapshotShards: true }));
    const shard = join(genDir(inst.dir, genName(inst.generation())), 'issues/00001.ndjson');
    const sameFile = (await stat(shard)).ino === (await stat(join(snap, 'issues/00001.ndjson'))).ino;
    const file = join(snap, 'issues/00001.ndjson');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"summary":"', '"summary":"X'));
    if (sameFile) await expect(openInstance(inst.dir)).rejects.toThrow(/does not hold what was saved|has \d+ bytes, expected/);
    else expect(keep(await openInstance(inst.dir)).hash()).toBe(inst.hash());
  });

  it('writes a snapshot with one issues.json as usual, with the same hash', async () => {
    const root = await tempDir();
    const snap = await makeSnapshot(join(root, 'snap'), 12, 20);
    const shared = keep(await createInstance(snap, join(root, 'shared'), { shareSnapshotShards: true }));
    const full = keep(await createInstance(snap, join(root, 'full')));
    expect((await meta(shared)).issues.every((s) => s.form === undefined)).toBe(true);
    expect(shared.recordedHash()).toBe(full.recordedHash());
  });
});
