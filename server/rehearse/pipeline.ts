/**
 * The rehearsal pipeline (PRODUCT.md): the steps of pipeline/rehearsal-steps.ts run in order over one
 * context — every check that needs no browser first (validate, load, plan, the rollback proven in
 * memory, the change's hazards), then, side by side, the engine's hash chain on a throwaway instance
 * (up == in memory, down == baseline, up again == first up), the regression runs of the three
 * phases (the states kept in memory) and the production plan for the runbook, then the comparison.
 * The regression runner is a seam: Playwright for real, the tracker in memory for the pipeline's tests.
 * Cleans up on every exit path (also on abort).
 */
import type { Config } from '../model/index.ts';
import type { RehearsalContext, RehearsalIo, RehearseOptions } from './pipeline/context.ts';
import { REHEARSAL_STEPS } from './pipeline/rehearsal-steps.ts';
import { runSteps, type StepEntry } from './pipeline/step.ts';
import type { RehearsalResult } from './result.ts';
import type { RegressionRunner } from './runner/regression-runner.ts';
import { PlaywrightRunner } from './runner/playwright-runner.ts';
import { keepSandboxErrors } from './sandbox-errors.ts';
import { StepLog } from './steps.ts';

export type { RehearseOptions } from './pipeline/context.ts';

export interface RehearsalOutcome {
  result: RehearsalResult;
  /** The configuration at baseline and before/after each migration (for diagrams and the runbook). */
  configs: Map<string, { before: Config; after: Config }>;
  baselineConfig?: Config;
}

const NOT_RUN = [
  'production itself: the rehearsal ran on a copy; the runbook lists the steps to do there',
  'sub-task creation through the create form (sub-task types are covered by the create metadata and the transition walks)',
];

const newResult = (opts: RehearseOptions, steps: RehearsalResult['steps']): RehearsalResult => ({
  schemaVersion: 1,
  verdict: 'failed',
  exitCode: 1,
  strict: opts.strict,
  snapshot: { dir: opts.snapshot, kind: 'unknown', issues: 0, projects: 0 },
  migrationsDir: opts.migrations,
  now: opts.now,
  startedAt: new Date().toISOString(),
  durationMs: 0,
  ...(opts.shard ? { shard: opts.shard } : {}),
  migrations: [],
  hashes: { baseline: '' },
  rollbackProven: false,
  regressions: [],
  expected: [],
  rollbackDifferences: [],
  hazards: [],
  runs: [],
  steps,
  notRun: [...NOT_RUN],
});

export const rehearse = async (
  opts: RehearseOptions,
  io: RehearsalIo,
  runner: RegressionRunner = new PlaywrightRunner(),
  steps: readonly StepEntry[] = REHEARSAL_STEPS,
): Promise<RehearsalOutcome> => {
  const started = performance.now();
  const log = new StepLog(io);
  const ctx: RehearsalContext = {
    opts,
    io,
    runner,
    result: newResult(opts, log.steps),
    configs: new Map(),
    sandboxErrors: [],
    cleanups: [],
    ...(opts.signal ? { signal: opts.signal } : {}),
    states: {},
    observations: {},
    hazard(h) {
      this.result.hazards.push(h);
    },
  };
  const { result } = ctx;
  try {
    await runSteps(steps, ctx, log);
  } finally {
    for (const c of ctx.cleanups.reverse()) await c();
    await keepSandboxErrors(opts.reportDir, ctx.sandboxErrors, result);
  }
  const { hashes } = result;
  result.rollbackProven =
    !!hashes.afterDown &&
    hashes.afterDown === hashes.baseline &&
    !!hashes.afterUpAgain &&
    hashes.afterUpAgain === hashes.afterUp &&
    ctx.observations['after-down'] !== undefined &&
    result.rollbackDifferences.length === 0;
  const errors = result.hazards.filter((h) => h.severity === 'error').length;
  const warnings = result.hazards.length - errors;
  const failed = errors > 0 || (opts.strict && warnings > 0) || !result.rollbackProven;
  result.verdict = failed ? 'failed' : 'safe';
  // How production would take it is for a change that may go there.
  if (failed) delete result.productionPlan;
  result.exitCode = failed ? 1 : 0;
  result.durationMs = Math.round(performance.now() - started);
  return { result, configs: ctx.configs, ...(ctx.baselineConfig ? { baselineConfig: ctx.baselineConfig } : {}) };
};
