/** The in-memory instance keeps the Instance contract: the engine runs on it, saves are generations, reload drops what was not saved. */
import { describe, expect, it } from 'vitest';
import { migrateDown } from '../../../server/migrate/engine/down.ts';
import { appliedEntries } from '../../../server/migrate/engine/ledger.ts';
import { migrateUp } from '../../../server/migrate/engine/up.ts';
import { canonicalHash } from '../../../server/model/hash.ts';
import { createMemoryInstance } from '../../../server/store/index.ts';
import { editEveryIssue } from '../../helpers/tiny-instances.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';

const NOW = '2026-01-01T00:00:00.000Z';
const STAMP = editEveryIssue('20250101-000000-stamp', 'stamp every issue', (d, key) => {
  d.environment = `stamped ${key}`;
});
const fresh = () => {
  const { config, issues } = tinyContent();
  return createMemoryInstance({ config, issues });
};

describe('createMemoryInstance', () => {
  it('migrate:up and migrate:down run on it and prove the way back', async () => {
    const inst = fresh();
    const before = inst.hash();
    const [entry] = (await migrateUp(inst, [STAMP], { now: NOW })).applied;
    expect(entry!.hashBefore).toBe(before);
    expect(inst.data.issues.every((i) => i.environment?.startsWith('stamped'))).toBe(true);
    expect(appliedEntries(inst.records).map((e) => e.id)).toEqual([STAMP.id]);
    expect(inst.generation()).toBe(2);
    const [reverted] = await migrateDown(inst, { now: NOW });
    expect(reverted!.restored).toBe(true);
    expect(inst.hash()).toBe(before);
    expect(inst.data.issues.some((i) => i.environment?.startsWith('stamped'))).toBe(false);
  });

  it('reload gives back the last save, not what changed in memory since', async () => {
    const inst = fresh();
    inst.data.issues[0]!.summary = 'saved';
    await inst.save();
    inst.data.issues[0]!.summary = 'not saved';
    await inst.reload();
    expect(inst.data.issues[0]!.summary).toBe('saved');
    expect(await inst.generationHash()).toBe(canonicalHash(inst.data.config, inst.data.issues));
  });

  it('hashes memory once its data is taken, the record while it is not', async () => {
    const inst = fresh();
    const recorded = inst.recordedHash();
    expect(inst.hash()).toBe(recorded);
    inst.data.issues[0]!.summary = 'changed';
    expect(inst.hash()).not.toBe(recorded);
    expect(inst.hash()).toBe(canonicalHash(inst.data.config, inst.data.issues));
  });

  it('a save whose beforeLedger throws saves nothing; a closed instance refuses to save', async () => {
    const inst = fresh();
    inst.data.issues[0]!.summary = 'changed';
    await expect(
      inst.saveHashed(() => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(inst.generation()).toBe(1);
    inst.close();
    await expect(inst.save()).rejects.toThrow(/closed/);
  });
});
