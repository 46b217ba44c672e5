/** migrate:up and migrate:down add audit records of the configuration they change, and move workflow versions, outside the hash. */
import { describe, expect, it } from 'vitest';
import { defineMigration, op } from '../../../server/migrate/api.ts';
import { migrateDown } from '../../../server/migrate/engine/down.ts';
import { migrateUp } from '../../../server/migrate/engine/up.ts';
import type { LoadedMigration } from '../../../server/migrate/load.ts';
import { openInstance } from '../../../server/store/index.ts';
import { Tracker, type TrackerState } from '../../../server/tracker/index.ts';
import { tinyInstances } from '../../helpers/tiny-instances.ts';

const ID = '20250101-000000-rename-review';
const RENAME: LoadedMigration = {
  id: ID,
  file: `migrations/${ID}.ts`,
  checksum: 'sha256:test',
  migration: defineMigration({
    description: 'rename a status, add one',
    ops: [op.renameStatus({ from: 'In Review', to: 'Code Review' }), op.addStatus({ name: 'Parked', category: 'todo' })],
  }),
};
const tiny = tinyInstances('understudy-config-audit-');

describe('migrations in the audit log', () => {
  it('up and down each record what changed, saved with the instance; the hash chain is untouched', async () => {
    const inst = await tiny.fresh();
    const before = inst.hash();
    const {
      applied: [entry],
    } = await migrateUp(inst, [RENAME], { now: '2026-01-01T09:00:00.000Z' });
    expect(entry!.hashBefore).toBe(before);
    await migrateDown(inst, { now: '2026-01-01T10:00:00.000Z' });
    expect(inst.hash()).toBe(before);
    inst.close();
    const again = await openInstance(inst.dir);
    const audit = new Tracker(again.data as TrackerState).admin.records().audit;
    expect(audit.map((r) => `${r.summary}: ${r.objectItem.name} (${r.eventSource})`)).toEqual([
      `Status updated: Code Review (migration ${ID})`,
      `Status created: Parked (migration ${ID})`,
      `Status updated: In Review (migration ${ID})`,
      `Status deleted: Parked (migration ${ID})`,
    ]);
    expect(audit[0]!.changedValues).toEqual([{ fieldName: 'name', changedFrom: 'In Review', changedTo: 'Code Review' }]);
    expect(audit[0]!.description).toBe(`Applied by npm run migrate:up (${ID})`);
    again.close();
  });
});
