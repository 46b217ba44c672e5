/**
 * A configuration read back from a sandbox is a fixed point of reading it back again: the
 * rehearsal's production plan (productionPlanSummary) reads the snapshot once and tells the planner
 * so (`baseIsSandboxRead`), instead of reading the same configuration twice. Pinned on acme for both
 * deployment types, and the plan itself must not change by it.
 */
import { describe, expect, it } from 'vitest';
import { asRead, normalHash, planProduction, viewOf } from '../../../server/apply/index.ts';
import { loadMigrations } from '../../../server/migrate/index.ts';
import { readSnapshot } from '../../../server/store/index.ts';

const NOW = '2026-11-30T12:00:00.000Z';

describe('reading a sandbox read again', () => {
  it.each(['Cloud', 'DataCenter'] as const)('%s: the same configuration, byte for byte', async (deploymentType) => {
    const snap = await readSnapshot('fixtures/acme');
    const once = await asRead(snap.config!, deploymentType);
    const twice = await asRead(once, deploymentType);
    expect(JSON.stringify(twice)).toBe(JSON.stringify(once));
    expect(normalHash(viewOf(twice).normal)).toBe(normalHash(viewOf(once).normal));
  });

  it('the bundled change set plans the same steps with the read taken as it is', async () => {
    const snap = await readSnapshot('fixtures/acme');
    const migrations = await loadMigrations('migrations');
    const base = await asRead(snap.config!, 'Cloud');
    const input = { base, issues: snap.issues, migrations, deploymentType: 'Cloud' as const, now: NOW };
    const again = await planProduction(input);
    const asIs = await planProduction({ ...input, baseIsSandboxRead: true });
    expect(asIs.plan.migrations.map((m) => m.steps.length).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(asIs.plan).toEqual(again.plan);
    expect(asIs.states.map(normalHash)).toEqual(again.states.map(normalHash));
  });
});
