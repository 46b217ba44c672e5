/**
 * `asLoaded` (what migrate:up's command passes right after opening the instance): the hash before
 * comes from the generation's record instead of a pass over every issue, and it is the same hash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineMigration } from '../../../server/migrate/api.ts';
import { migrateUp } from '../../../server/migrate/engine/up.ts';
import type { LoadedMigration } from '../../../server/migrate/load.ts';
import { openInstance, type Instance } from '../../../server/store/index.ts';
import { forkOf, makeInstance, removeTemp, tempRoot } from '../../helpers/migrate-fixture.ts';

const ID = '20250101-000000-label-everything';
const LABEL: LoadedMigration = {
  id: ID, file: `migrations/${ID}.ts`, checksum: 'sha256:test',
  migration: defineMigration({ description: 'label every issue', up(ctx) { for (const i of ctx.issues) ctx.editIssue(i.key, (d) => { d.labels = [...d.labels, 'as-loaded']; }); } }),
};

let root: string;
let base: string;
beforeAll(async () => {
  root = await tempRoot('understudy-as-loaded-');
  base = await makeInstance('fixtures/tiny', `${root}/base`);
});
afterAll(() => removeTemp(root));

/** The instance with a count of its full hashes. */
const counting = (inst: Instance): Instance & { hashCalls(): number } => {
  let calls = 0;
  const full = inst.hash;
  return Object.assign(inst, { hash: () => (calls++, full()), hashCalls: () => calls });
};

describe('migrate:up asLoaded', () => {
  it('records the same hash before as a full hash does, without hashing every issue', async () => {
    const [a, b] = [counting(await openInstance(await forkOf(base, root))), counting(await openInstance(await forkOf(base, root)))];
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
    const inst = await openInstance(await forkOf(base, root));
    inst.db.data.issues.reverse(); // out of id order: the save cannot record a hash
    await inst.save();
    expect(inst.recordedHash()).toBeUndefined();
    const before = inst.hash();
    const [entry] = (await migrateUp(inst, [LABEL], { now: '2026-01-01T00:00:00.000Z', asLoaded: true })).applied;
    expect(entry!.hashBefore).toBe(before);
    inst.close();
  });
});
