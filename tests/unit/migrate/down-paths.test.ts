/**
 * migrate:down's outcomes beyond the plain round trip: a revert that lands on the recorded hash
 * (no hash of the starting point is needed), an instance changed since the migration (the revert is
 * saved and said not to restore), an inverse that does not restore (a failure: nothing of it is
 * saved), and an inverse that cannot be applied at all.
 */
import { describe, expect, it } from 'vitest';
import { CheckFailed } from '../../../server/common/errors.ts';
import { migrateDown } from '../../../server/migrate/engine/down.ts';
import { appliedEntries, ledgerOf } from '../../../server/migrate/engine/ledger.ts';
import { migrateUp } from '../../../server/migrate/engine/up.ts';
import { openInstance, type Instance } from '../../../server/store/index.ts';
import { editEveryIssue, tinyInstances } from '../../helpers/tiny-instances.ts';

const NOW = '2026-01-01T09:00:00.000Z';
const ID = '20250101-000000-stamp-environment';
const STAMP = editEveryIssue(ID, 'stamp the environment of every issue', (d, key) => {
  d.environment = `stamped ${key}`;
});
const LABEL_ID = '20250102-000000-label-every-issue';
const LABEL = editEveryIssue(LABEL_ID, 'label every issue', (d) => {
  d.labels = [...d.labels, 'down-paths'];
});
const tiny = tinyInstances('understudy-down-');

/** A fresh instance with the stamp applied; returns it opened, with the hashes before and after. */
const applied = async (): Promise<{ inst: Instance; before: string; after: string }> => {
  const inst = await tiny.fresh();
  const before = inst.hash();
  const {
    applied: [entry],
  } = await migrateUp(inst, [STAMP], { now: NOW });
  expect(entry!.hashBefore).toBe(before);
  return { inst, before, after: entry!.hashAfter! };
};

/** The instance as it is on disk now. */
const onDisk = async (inst: Instance) => {
  const again = await openInstance(inst.dir);
  try {
    return { hash: again.hash(), entry: ledgerOf(again.data).find((e) => e.id === ID)!, captures: Object.keys(again.data.captures) };
  } finally {
    again.close();
  }
};

describe('migrate:down outcomes', () => {
  it('restores: the hash after is the one recorded before, the captures are dropped', async () => {
    const { inst, before } = await applied();
    const [r] = await migrateDown(inst, { now: NOW });
    expect(r).toMatchObject({ restored: true, changedSince: false, hash: before });
    const disk = await onDisk(inst);
    expect(disk.hash).toBe(before);
    expect(disk.entry.state).toBe('reverted');
    expect(disk.captures).toEqual([]);
    inst.close();
  });

  it('an instance changed since the migration: the revert is saved, not restored, and says so', async () => {
    const { inst, before, after } = await applied();
    inst.data.issues[0]!.summary = 'edited after the migration';
    await inst.save();
    const [r] = await migrateDown(inst, { now: NOW });
    expect(r).toMatchObject({ restored: false, changedSince: true });
    expect(r!.hash).not.toBe(before);
    expect(r!.hash).not.toBe(after);
    const disk = await onDisk(inst);
    expect(disk.hash).toBe(r!.hash);
    expect(disk.entry.state).toBe('reverted');
    expect(disk.entry.log.at(-1)).toMatchObject({ action: 'reverted', note: 'the instance had changed since the migration was applied' });
    // The later edit survives; the migration's own change is undone.
    const check = await openInstance(inst.dir);
    expect(check.data.issues[0]!.summary).toBe('edited after the migration');
    expect(check.data.issues.some((i) => String(i.environment ?? '').startsWith('stamped'))).toBe(false);
    check.close();
    inst.close();
  });

  it('an inverse that does not restore: a failure, nothing of the revert is saved, the ledger records it', async () => {
    const { inst, after } = await applied();
    const key = appliedEntries(inst.data)[0]!.inverse.find((op) => op.bulkRef)!.bulkRef!;
    const records = inst.data.captures[key] as Array<{ updated: string }>;
    // Tampered capture: the revert puts back a time the issue never had.
    records[0]!.updated = '1999-01-01T00:00:00.000Z';
    await inst.save();
    const generation = inst.generation();
    const error = await migrateDown(inst, { now: NOW }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CheckFailed);
    expect((error as Error).message).toMatch(
      new RegExp(`reverting ${ID} failed: after the inverse the hash is sha256:\\w+, not the sha256:\\w+ recorded before the migration`),
    );
    const disk = await onDisk(inst);
    expect(disk.hash).toBe(after);
    expect(disk.entry.state).toBe('applied');
    expect(disk.entry.log.at(-1)).toMatchObject({ action: 'revert-failed' });
    expect(disk.captures).toEqual([key]);
    // One generation: the failure record; the reverted state was never written.
    expect(inst.generation()).toBe(generation + 1);
    inst.close();
  });

  it('an inverse that cannot be applied: a failure naming the missing data, the instance unchanged', async () => {
    const { inst, after } = await applied();
    const key = appliedEntries(inst.data)[0]!.inverse.find((op) => op.bulkRef)!.bulkRef!;
    inst.data.captures[key] = inst.data.captures[key]!.slice(1);
    await inst.save();
    const error = await migrateDown(inst, { now: NOW }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(
      new RegExp(`reverting ${ID} failed: its recorded inverse could not be applied: .*names captured data '${key.replace(/[#-]/g, '\\$&')}'`),
    );
    const disk = await onDisk(inst);
    expect(disk.hash).toBe(after);
    expect(disk.entry.state).toBe('applied');
    expect(disk.entry.log.at(-1)).toMatchObject({ action: 'revert-failed' });
    inst.close();
  });

  it('several steps: a revert that misses because of a later edit, then one that restores; the ledger says both', async () => {
    const { inst, before } = await applied();
    await migrateUp(inst, [STAMP, LABEL], { now: NOW });
    // An edit of the field the first migration changed: the second's revert cannot land on its
    // recorded hash, the first's puts the field back as it was before everything.
    const env = inst.data.issues[2]!;
    inst.data.issues[2] = { ...env, environment: 'edited by hand' };
    await inst.save();
    const [second, first] = await migrateDown(inst, { steps: 2, now: NOW });
    expect(second).toMatchObject({ restored: false, changedSince: true });
    expect(second!.entry.id).toBe(LABEL_ID);
    expect(first).toMatchObject({ restored: true, changedSince: false, hash: before });
    const again = await openInstance(inst.dir);
    expect(again.hash()).toBe(before);
    expect(ledgerOf(again.data).map((e) => [e.id, e.state])).toEqual([
      [ID, 'reverted'],
      [LABEL_ID, 'reverted'],
    ]);
    expect(Object.keys(again.data.captures)).toEqual([]);
    again.close();
    inst.close();
  });
});
