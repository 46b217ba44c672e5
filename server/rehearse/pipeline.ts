/**
 * The rehearsal pipeline as far as it exists: validate the snapshot, create a throwaway instance,
 * plan, migrate up, migrate down to the start and prove the hash, migrate up again and prove the
 * hash equals the first up. The Playwright regression runs of each phase come with the rehearsal
 * issue; until then the result says they did not run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { formatProblem, hasErrors } from '../model/problems.ts';
import { validateSnapshotData } from '../model/validate.ts';
import { migrateDown } from '../migrate/engine/down.ts';
import { planMigrations, type PlanItem } from '../migrate/engine/plan.ts';
import { migrateUp, selectPending } from '../migrate/engine/up.ts';
import { MigrationError } from '../migrate/errors.ts';
import { loadMigrations } from '../migrate/load.ts';
import { createInstance, readSnapshot } from '../store/index.ts';
import { StepLog, type StepIo, type StepRecord } from './steps.ts';

export interface RehearseOptions {
  snapshot: string;
  migrations: string;
  to?: string;
  /** The frozen clock of the whole rehearsal. */
  now: string;
  keepInstance?: boolean;
}

export interface RehearsalResult {
  verdict: 'safe' | 'failed';
  snapshot: string;
  migrations: { id: string; description: string; sentences: string[] }[];
  hashes: { baseline: string; afterUp?: string; afterDown?: string; afterUpAgain?: string };
  rollbackProven: boolean;
  plan: PlanItem[];
  problems: string[];
  steps: StepRecord[];
  notRun: string[];
  now: string;
}

const NOT_RUN = ['Playwright regression runs (baseline, after up, after down) and their observation comparison: not implemented yet'];

export const rehearse = async (opts: RehearseOptions, io: StepIo): Promise<RehearsalResult> => {
  const log = new StepLog(io);
  const snap = await log.run('validate the snapshot', (ev) => {
    return readSnapshot(opts.snapshot).then((s) => {
      const problems = validateSnapshotData(s);
      const errors = problems.filter((p) => p.severity === 'error');
      ev.push(`${s.issues.length} issues, ${s.config?.projects.length ?? 0} projects, ${errors.length} errors, ${problems.length - errors.length} warnings`);
      if (hasErrors(problems)) {
        throw new UserError(`snapshot '${opts.snapshot}' is not valid (${errors.length} errors)`, { details: [...errors.slice(0, 15).map(formatProblem), `run npm run validate -- --snapshot ${opts.snapshot} for all of them`] });
      }
      return s;
    });
  });
  const loaded = await log.run('load the migrations', async (ev) => {
    const l = await loadMigrations(opts.migrations);
    ev.push(`${l.length} migration file${l.length === 1 ? '' : 's'} in ${opts.migrations}`);
    return l;
  });
  const dir = await mkdtemp(join(tmpdir(), 'understudy-rehearsal-'));
  const result: RehearsalResult = {
    verdict: 'failed', snapshot: opts.snapshot, migrations: [], hashes: { baseline: '' }, rollbackProven: false,
    plan: [], problems: [], steps: log.steps, notRun: NOT_RUN, now: opts.now,
  };
  try {
    const instance = await log.run('create a throwaway instance', async (ev) => {
      const inst = await createInstance(opts.snapshot, join(dir, 'instance'), { snapshot: snap });
      result.hashes.baseline = inst.hash();
      ev.push(`baseline hash ${result.hashes.baseline}`);
      return inst;
    });
    const pending = selectPending(instance, loaded, { to: opts.to });
    result.plan = await log.run('plan the pending migrations', async (ev) => {
      const items = planMigrations(instance.db.data, pending, opts.now);
      await instance.db.read(); // the plan changed the state in memory only: take the saved one back
      for (const it of items) ev.push(`${it.id}: ${it.error ? `CANNOT APPLY: ${it.error}` : `${it.sentences.length} changes, ${it.issues.total} issues touched, ${it.notifications.total} notifications`}`);
      return items;
    }, (items) => items.every((i) => !i.error));
    const planFailure = result.plan.find((i) => i.error);
    if (planFailure) {
      result.problems.push(`${planFailure.id} cannot be applied to the snapshot: ${planFailure.error}`);
      return result;
    }
    const up = await log.run('migrate up', async (ev) => {
      const r = await migrateUp(instance, pending, { now: opts.now, to: opts.to });
      for (const e of r.applied) ev.push(`${e.id}: ${e.durationMs} ms, ${e.touchedIssues} issues touched`);
      result.hashes.afterUp = instance.hash();
      ev.push(`hash after up ${result.hashes.afterUp}`);
      return r.applied;
    });
    result.migrations = up.map((e) => ({ id: e.id, description: e.description, sentences: e.sentences }));
    await log.run('migrate down to the start', async (ev) => {
      await migrateDown(instance, { steps: up.length, now: opts.now }, loaded);
      result.hashes.afterDown = instance.hash();
      ev.push(`hash after down ${result.hashes.afterDown} ${result.hashes.afterDown === result.hashes.baseline ? '== baseline' : '!= baseline'}`);
    }, () => result.hashes.afterDown === result.hashes.baseline);
    await log.run('migrate up again', async (ev) => {
      await migrateUp(instance, pending, { now: opts.now, to: opts.to });
      result.hashes.afterUpAgain = instance.hash();
      ev.push(`hash after up again ${result.hashes.afterUpAgain} ${result.hashes.afterUpAgain === result.hashes.afterUp ? '== first up' : '!= first up'}`);
    }, () => result.hashes.afterUpAgain === result.hashes.afterUp);
    result.rollbackProven = result.hashes.afterDown === result.hashes.baseline && result.hashes.afterUpAgain === result.hashes.afterUp;
    if (!result.rollbackProven) result.problems.push('the rollback does not restore the baseline hash, or up again does not reach the same state');
    result.verdict = result.problems.length ? 'failed' : 'safe';
    instance.close();
    return result;
  } catch (e) {
    // A migration that fails on the snapshot is a finding (exit 1), not bad input.
    if (e instanceof MigrationError || (e instanceof Error && e.name === 'CheckFailed')) {
      result.problems.push(e.message);
      return result;
    }
    throw e;
  } finally {
    if (!opts.keepInstance) await rm(dir, { recursive: true, force: true });
  }
};
