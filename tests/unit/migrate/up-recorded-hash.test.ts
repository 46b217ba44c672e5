/**
 * The hash before of `migrate:up` right after opening an instance: the instance answers with the
 * hash its generation recorded instead of a pass over every issue (it knows by itself that nobody has
 * taken its data since), and that is the same hash as a full one; once the data is taken, it hashes memory.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateUp } from '../../../server/migrate/engine/up.ts';
import { canonicalHash } from '../../../server/model/hash.ts';
import { openInstance, type Instance } from '../../../server/store/index.ts';
import { genDir, genName } from '../../../server/store/instance-layout.ts';
import { editEveryIssue, tinyInstances } from '../../helpers/tiny-instances.ts';

const LABEL = editEveryIssue('20250101-000000-label-everything', 'label every issue', (d) => {
  d.labels = [...d.labels, 'as-loaded'];
});
const tiny = tinyInstances('understudy-as-loaded-');
const NOW = '2026-01-01T00:00:00.000Z';
const memoryHash = (inst: Instance) => canonicalHash(inst.data.config, inst.data.issues);

/** Reopens an instance whose generation records `hash` instead of its real hash (loading checks shards, not this field). */
const withRecorded = async (inst: Instance, hash: string): Promise<Instance> => {
  const file = join(genDir(inst.dir, genName(inst.generation())), 'meta.json');
  await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), hash }));
  inst.close();
  return openInstance(inst.dir);
};

describe('migrate:up right after opening', () => {
  it('records the same hash before as a full hash does', async () => {
    const [a, b] = [await tiny.fresh(), await tiny.fresh()];
    expect(a.recordedHash()).toBeDefined();
    const full = memoryHash(a); // takes a's data: a hashes memory from now on
    const fromMemory = (await migrateUp(a, [LABEL], { now: NOW })).applied[0]!;
    const recorded = (await migrateUp(b, [LABEL], { now: NOW })).applied[0]!;
    expect(fromMemory.hashBefore).toBe(full);
    expect(recorded.hashBefore).toBe(full);
    expect(recorded.hashAfter).toBe(fromMemory.hashAfter);
    a.close();
    b.close();
  });

  it('takes it from the generation, without hashing every issue, while nobody has taken the data', async () => {
    const inst = await withRecorded(await tiny.fresh(), 'sha256:recorded');
    expect(inst.hash()).toBe('sha256:recorded');
    const [entry] = (await migrateUp(inst, [LABEL], { now: NOW })).applied;
    expect(entry!.hashBefore).toBe('sha256:recorded');
    inst.close();
  });

  it('hashes memory once the data has been taken, and trusts the record again after a reload', async () => {
    const inst = await withRecorded(await tiny.fresh(), 'sha256:recorded');
    inst.data.issues[0]!.summary = 'changed in memory';
    expect(inst.hash()).toBe(memoryHash(inst));
    await inst.reload();
    expect(inst.hash()).toBe('sha256:recorded');
    inst.close();
  });

  it('reading the ledger leaves the record trusted', async () => {
    const inst = await withRecorded(await tiny.fresh(), 'sha256:recorded');
    inst.records.ledger.push({ id: 'noted' });
    expect(inst.hash()).toBe('sha256:recorded');
    inst.close();
  });

  it('falls back to a full hash when the generation recorded none', async () => {
    const inst = await tiny.fresh();
    inst.data.issues.reverse(); // out of id order: the save cannot record a hash
    await inst.save();
    expect(inst.recordedHash()).toBeUndefined();
    const before = memoryHash(inst);
    const [entry] = (await migrateUp(inst, [LABEL], { now: NOW })).applied;
    expect(entry!.hashBefore).toBe(before);
    inst.close();
  });
});
