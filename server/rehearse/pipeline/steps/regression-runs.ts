/**
 * Step: the regression runs of the three phases (baseline, after up, after down), handed to the
 * runner together: their states are all known by now, so a runner may run them side by side.
 * Tests that already fail at baseline are a warning (BF101): they are compared only by how they fail.
 */
import { PHASES } from '../../result.ts';
import { need } from '../context.ts';
import { type Step, verdict } from '../step.ts';

export const regressionRuns: Step = {
  name: (ctx) => `regression runs: ${PHASES.join(', ')} (${ctx.runner.name})`,
  needs: ['suite', 'states', 'runner', 'opts'],
  gives: ['observations'],
  run: async (ctx, ev) => {
    const { opts, result } = ctx;
    const phases = PHASES.map((phase) => ({ phase, state: need(ctx.states[phase], `the ${phase} state`) }));
    const runs = await ctx.runner.run({
      suite: need(ctx.suite, 'the suite'),
      phases,
      now: opts.now,
      reportDir: opts.reportDir,
      workers: opts.workers,
      ...(opts.shard ? { shard: opts.shard } : {}),
      ...(opts.userSpecs ? { userSpecs: opts.userSpecs } : {}),
      progress: (c) => ctx.io.raw?.(c),
      onInternalError: (e) => ctx.sandboxErrors.push(e),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    for (const { run, observations } of runs) {
      result.runs.push(run);
      ctx.observations[run.phase] = observations;
      ev.push(`${run.phase}: ${run.tests.passed} passed, ${run.tests.failed} failed, ${observations.length} observations`);
      for (const f of run.failures.slice(0, 5)) ev.push(`${run.phase}: failed: ${f.title}: ${f.error.split('\n')[0]}`);
    }
    for (const s of ctx.runner.leavesOut) result.notRun.push(s);
    const baseline = result.runs.find((r) => r.phase === 'baseline');
    if (baseline?.tests.failed) {
      ctx.hazard({
        kind: 'baseline-failure',
        code: 'BF101',
        severity: 'warning',
        message: `${baseline.tests.failed} test${baseline.tests.failed === 1 ? '' : 's'} already fail before the change: what they check is compared only by how they fail — fix them or the snapshot`,
        evidence: baseline.failures.slice(0, 10).map((f) => `${f.title}: ${f.error.split('\n')[0]}`),
      });
      result.notRun.push(`the checks of ${baseline.tests.failed} test(s) that fail at baseline (see the hazards)`);
    }
    return verdict(true);
  },
};
