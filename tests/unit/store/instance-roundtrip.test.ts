import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalHash } from '../../../server/model/hash.ts';
import { createInstance, exportInstance, instanceExists, openInstance } from '../../../server/store/index.ts';
import { readSnapshot } from '../../../server/store/snapshot-read.ts';
import { makeSnapshot, snapshotFileHashes, tempDir } from './helpers/temp.ts';

describe('snapshot → instance → export → snapshot', () => {
  it('keeps the canonical hash, and never writes the snapshot', async () => {
    const root = await tempDir();
    const snap = await makeSnapshot(join(root, 'snap'), 45, 20);
    const before = await snapshotFileHashes(snap);
    expect(Object.keys(before)).toContain('issues/00003.ndjson');
    const raw = await readSnapshot(snap);
    const expected = canonicalHash(raw.config!, raw.issues);

    const inst = await createInstance(snap, join(root, 'inst'), { shardSize: 10 });
    expect(inst.hash()).toBe(expected);
    expect(await instanceExists(join(root, 'inst'))).toBe(true);
    expect(await snapshotFileHashes(snap)).toEqual(before);

    const reopened = await openInstance(join(root, 'inst'));
    expect(reopened.hash()).toBe(expected);
    expect(reopened.data.issues).toHaveLength(45);
    expect(await snapshotFileHashes(snap)).toEqual(before);

    const manifest = await exportInstance(reopened, join(root, 'out'), { name: 'exported' }, { shardSize: 20 });
    expect(manifest.canonicalHash).toBe(expected);
    expect(manifest.name).toBe('exported');
    expect(manifest.counts.issues).toBe(45);
    const back = await readSnapshot(join(root, 'out'));
    expect(back.problems).toEqual([]);
    expect(canonicalHash(back.config!, back.issues)).toBe(expected);
    expect(await snapshotFileHashes(snap)).toEqual(before);
  });

  it('saves changes, reuses unchanged shards and keeps one generation', async () => {
    const root = await tempDir();
    const snap = await makeSnapshot(join(root, 'snap'), 45, 20);
    const before = await snapshotFileHashes(snap);
    const inst = await createInstance(snap, join(root, 'inst'), { shardSize: 10 });
    const gen1 = inst.generation();
    const shardIno = async (gen: number, file: string) => (await stat(join(root, 'inst', 'gens', `gen-${String(gen).padStart(6, '0')}`, file))).ino;
    const ino1 = await shardIno(gen1, 'issues/00001.ndjson');
    const ino5 = await shardIno(gen1, 'issues/00005.ndjson');

    inst.data.config.statuses[0]!.name = 'Backlog';
    inst.data.issues[44]!.summary = 'changed';
    inst.data.ledger.push({ id: 'm1', applied: true });
    inst.data.captures.cf_10010 = [{ issue: '10000', value: 'x' }];
    await inst.save();
    const gen2 = inst.generation();
    expect(gen2).toBe(gen1 + 1);
    expect(await shardIno(gen2, 'issues/00001.ndjson')).toBe(ino1); // linked, not rewritten
    expect(await shardIno(gen2, 'issues/00005.ndjson')).not.toBe(ino5); // holds the changed issue
    expect(await readdir(join(root, 'inst', 'gens'))).toEqual([`gen-${String(gen2).padStart(6, '0')}`]);

    const reopened = await openInstance(join(root, 'inst'));
    expect(reopened.hash()).toBe(inst.hash());
    expect(reopened.data.config.statuses[0]!.name).toBe('Backlog');
    expect(reopened.data.ledger).toEqual([{ id: 'm1', applied: true }]);
    expect(reopened.data.captures).toEqual({ cf_10010: [{ issue: '10000', value: 'x' }] });
    expect(await snapshotFileHashes(snap)).toEqual(before);
  });

  it('detects an in-place change inside a nested list (dirty tracking is by content)', async () => {
    const root = await tempDir();
    const inst = await createInstance(await makeSnapshot(join(root, 'snap'), 30, 100), join(root, 'inst'), { shardSize: 10 });
    inst.data.issues[3]!.comments[0]!.body = 'edited in place';
    await inst.save();
    const reopened = await openInstance(join(root, 'inst'));
    expect(reopened.data.issues[3]!.comments[0]!.body).toBe('edited in place');
  });
});
