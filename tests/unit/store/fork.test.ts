import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInstance, forkInstance, openInstance } from '../../../server/store/index.ts';
import { makeSnapshot, snapshotFileHashes, tempDir } from './helpers/temp.ts';

describe('forkInstance', () => {
  it("makes a cheap copy whose changes do not reach the source, nor the source's reach it", async () => {
    const root = await tempDir();
    const snap = await makeSnapshot(join(root, 'snap'), 45, 20);
    const before = await snapshotFileHashes(snap);
    const src = await createInstance(snap, join(root, 'src'), { shardSize: 10 });
    const srcHash = src.hash();
    const dir = await forkInstance(src.dir, join(root, 'forks', 'f1'));

    const gen = `gen-${String(src.generation()).padStart(6, '0')}`;
    const a = await stat(join(src.dir, 'gens', gen, 'issues', '00001.ndjson'));
    const b = await stat(join(dir, 'gens', gen, 'issues', '00001.ndjson'));
    expect(b.ino).toBe(a.ino); // hard link: no copy of the data

    const fork = await openInstance(dir);
    expect(fork.hash()).toBe(srcHash);
    fork.data.issues[0]!.summary = 'changed in the fork';
    fork.data.issues.push({ ...fork.data.issues[1]!, id: '99999', key: 'TINY-999' });
    fork.data.config.statuses.pop();
    await fork.save();
    await fork.save();

    const srcAgain = await openInstance(src.dir);
    expect(srcAgain.hash()).toBe(srcHash);
    expect(srcAgain.data.issues[0]!.summary).not.toBe('changed in the fork');

    src.data.config.tracker.title = 'changed in the source';
    await src.save();
    const forkAgain = await openInstance(dir);
    expect(forkAgain.data.config.tracker.title).toBe('Tiny');
    expect(forkAgain.data.issues).toHaveLength(46);
    expect(await snapshotFileHashes(snap)).toEqual(before);
  });

  it('refuses a non-empty target and a source that is not an instance', async () => {
    const root = await tempDir();
    const src = await createInstance(await makeSnapshot(join(root, 'snap'), 3), join(root, 'src'));
    await mkdir(join(root, 'busy'));
    await writeFile(join(root, 'busy', 'x'), '');
    await expect(forkInstance(src.dir, join(root, 'busy'))).rejects.toThrow(/exists and is not empty/);
    await expect(forkInstance(join(root, 'snap'), join(root, 'f'))).rejects.toThrow(/not an Understudy instance/);
    expect((await readdir(root)).sort()).toEqual(['busy', 'snap', 'src']);
  });
});

describe('opening after an interrupted save', () => {
  it('ignores and removes half-written and old generations and stray pointer files', async () => {
    const root = await tempDir();
    const inst = await createInstance(await makeSnapshot(join(root, 'snap'), 12), join(root, 'inst'), { shardSize: 5 });
    const expected = inst.hash();
    const gens = join(inst.dir, 'gens');
    const cur = inst.generation();
    const name = (n: number) => `gen-${String(n).padStart(6, '0')}`;
    // An old generation (kill after the switch), a newer half-written one by a dead writer, one without writer.json.
    await mkdir(join(gens, name(cur - 1 || 0)), { recursive: true });
    await mkdir(join(gens, name(cur + 1), 'issues'), { recursive: true });
    await writeFile(join(gens, name(cur + 1), 'writer.json'), JSON.stringify({ pid: 999_999_999, host: (await import('node:os')).hostname() }));
    await writeFile(join(gens, name(cur + 1), 'issues', '00001.ndjson'), '{"half":');
    await mkdir(join(gens, name(cur + 2)));
    await writeFile(join(inst.dir, '.CURRENT.123.tmp'), 'gen-000009');

    const opened = await openInstance(inst.dir);
    expect(opened.hash()).toBe(expected);
    expect(await readdir(gens)).toEqual([name(cur)]);
    expect((await readdir(inst.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    opened.data.issues[0]!.summary = 'next';
    await opened.save();
    expect(await readdir(gens)).toEqual([name(cur + 1)]);
  });

  it('leaves a newer generation alone while its writer is alive', async () => {
    const root = await tempDir();
    const inst = await createInstance(await makeSnapshot(join(root, 'snap'), 3), join(root, 'inst'));
    const next = `gen-${String(inst.generation() + 1).padStart(6, '0')}`;
    await mkdir(join(inst.dir, 'gens', next));
    await writeFile(join(inst.dir, 'gens', next, 'writer.json'), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname() }));
    await openInstance(inst.dir);
    expect(await readdir(join(inst.dir, 'gens'))).toContain(next);
  });
});
