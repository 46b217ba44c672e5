/**
 * `asLoaded` (what migrate:up's command passes right after opening the instance): the hash before
 * comes from the generation's record instead of a pass over every issue, and it is the same hash.
 */
import { describe, expect, it } from 'vitest';
import { migrateUp } from '../../../server/migrate/engine/up.ts';
import type { Instance } from '../../../server/store/index.ts';
import { editEveryIssue, tinyInstances } from '../../helpers/tiny-instances.ts';

const LABEL = editEveryIssue('20250101-000000-label-everything', 'label every issue', (d) => { d.labels = [...d.labels, 'as-loaded']; });
const tiny = tinyInstances('understudy-as-loaded-');

/** The instance with a count of its full hashes. */
const counting = (inst: Instance): Instance & { hashCalls(): number } => {
  let calls = 0;
  const full = inst.hash;
  return Object.assign(inst, { hash: () => (calls++, full()), hashCalls: () => calls });
};

describe('migrate:up asLoaded', () => {
  it('records the same hash before as a full hash does, without hashing every issue', async () => {
    const [a, b] = [counting(await tiny.fresh()), counting(await tiny.fresh())];
    expect(a.recordedHash()).toBeDefined();
    const full = (await migrateUp(a, [LABEL], { now: '2026-01-01T00:00:00.000Z' })).applied[0]!;
    const recorded = (await migrateUp(b, [LABEL], { now: '2026-01-01T00:00:00.000Z', asLoaded: true })).applied[0]!;
    expect(a.hashCalls()).toBe(1);
    expect(b.hashCalls()).toBe(0);
    expect(recorded.hashBefore).toBe(full.hashBefore);
    expect(recorded.hashAfter).toBe(full.hashAfter);
    a.close();
    b.close();
  });

  it('falls back to a full hash when the generation recorded none', async () => {
    const inst = await tiny.fresh();
    inst.db.data.issues.reverse(); // out of id order: the save cannot record a hash
    await inst.save();
    expect(inst.recordedHash()).toBeUndefined();
    const before = inst.hash();
    const [entry] = (await migrateUp(inst, [LABEL], { now: '2026-01-01T00:00:00.000Z', asLoaded: true })).applied;
    expect(entry!.hashBefore).toBe(before);
    inst.close();
  });
});
