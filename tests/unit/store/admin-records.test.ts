/** The tracker's admin records (ids, versions, audit, tasks) are saved with the instance, outside the hash. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInstance, openInstance } from '../../../server/store/index.ts';
import { Tracker, type TrackerState } from '../../../server/tracker/index.ts';
import { makeSnapshot, tempDir } from './helpers/temp.ts';

describe('admin records in an instance', () => {
  it('survive a save and a reopen; ids are not reused after a restart; the hash ignores them', async () => {
    const root = await tempDir();
    const snap = await makeSnapshot(join(root, 'snap'), 5, 20);
    const inst = await createInstance(snap, join(root, 'inst'));
    const hashBefore = inst.hash();
    const admin = inst.data.config.users.find((u) =>
      inst.data.config.globalPermissions.some((g) => g.permission === 'ADMINISTER' && u.groups.includes(g.group)),
    )!;
    const tracker = new Tracker(inst.data as TrackerState);
    const [made] = tracker.admin.statuses.create(admin.accountId, [{ name: 'Parked', category: 'todo' }]);
    tracker.admin.statuses.delete(admin.accountId, [made!.id]);
    expect(inst.hash()).toBe(hashBefore);
    await inst.save();
    inst.close();

    const again = await openInstance(join(root, 'inst'));
    expect(again.hash()).toBe(hashBefore);
    const t2 = new Tracker(again.data as TrackerState);
    expect(t2.admin.records().audit.map((r) => r.summary)).toEqual(['Status created', 'Status deleted']);
    const [next] = t2.admin.statuses.create(admin.accountId, [{ name: 'Parked', category: 'todo' }]);
    expect(Number(next!.id)).toBe(Number(made!.id) + 1);
  });

  it('a task queued when the process stopped is DEAD after a reopen', async () => {
    const root = await tempDir();
    const snap = await makeSnapshot(join(root, 'snap'), 3, 20);
    const inst = await createInstance(snap, join(root, 'inst'));
    const tracker = new Tracker(inst.data as TrackerState, { schedule: () => undefined });
    const records = tracker.admin.records();
    records.tasks.push({
      id: '10001',
      kind: 'x',
      description: 'x',
      status: 'RUNNING',
      progress: 0,
      submittedBy: null,
      submitted: '2025-01-01T00:00:00.000Z',
      lastUpdate: '2025-01-01T00:00:00.000Z',
    });
    await inst.save();
    inst.close();
    const again = await openInstance(join(root, 'inst'));
    const t2 = new Tracker(again.data as TrackerState);
    expect(t2.admin.records().tasks[0]).toMatchObject({ id: '10001', status: 'DEAD' });
  });
});
