/**
 * The production plan of a rehearsal, for its report: the rehearsed migrations planned on the
 * snapshot's configuration as a Jira of its deployment type would read it back. It is what apply
 * will plan if production is still the snapshot (apply plans again from production itself).
 */
import { loadMigrations } from '../../migrate/index.ts';
import type { ProductionPlanSummary } from '../../rehearse/index.ts';
import { readSnapshot } from '../../store/index.ts';
import { asRead } from '../production/read.ts';
import { planProduction } from './planner.ts';

export const productionPlanSummary = async (
  snapshotDir: string,
  migrationsDir: string,
  ids: readonly string[],
  now: string,
  signal?: AbortSignal,
): Promise<ProductionPlanSummary> => {
  const snap = await readSnapshot(snapshotDir);
  signal?.throwIfAborted();
  if (!snap.config) throw new Error(`the snapshot ${snapshotDir} cannot be read`);
  const deploymentType = snap.config.tracker.deploymentType === 'Cloud' || snap.config.tracker.deploymentType === undefined ? 'Cloud' : 'DataCenter';
  const migrations = (await loadMigrations(migrationsDir)).filter((m) => ids.includes(m.id));
  const { plan } = await planProduction({
    base: await asRead(snap.config, deploymentType),
    baseIsSandboxRead: true,
    issues: snap.issues,
    migrations,
    deploymentType,
    now,
    ...(signal ? { signal } : {}),
  });
  return {
    deploymentType,
    migrations: plan.migrations.map((m) => ({
      id: m.id,
      notWritten: m.extChanges,
      steps: m.steps.map((s) => ({
        id: s.id,
        phase: s.phase,
        class: s.class,
        title: s.title,
        ...(s.reason && (s.class === 'manual' || s.class === 'impossible') ? { reason: s.reason } : {}),
        ...(s.privateApi ? { privateApi: true } : {}),
      })),
    })),
  };
};
