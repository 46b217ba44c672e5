/**
 * runSteps over lanes side by side: both lanes run at the same time; a stop in one lane aborts the
 * long step of the other (ctx.signal), which is then reported as stopped part-way, and the steps
 * after the group are listed as not run; an error in one lane ends the rehearsal with that error.
 */
import { describe, expect, it } from 'vitest';
import type { RehearsalContext } from '../../../../server/rehearse/pipeline/context.ts';
import { beside, runSteps, type Step, stopHere, verdict } from '../../../../server/rehearse/pipeline/step.ts';
import type { RehearsalResult } from '../../../../server/rehearse/result.ts';
import { StepLog } from '../../../../server/rehearse/steps.ts';

const context = (): { ctx: RehearsalContext; log: StepLog } => {
  const log = new StepLog({ progress: () => {} });
  const ctx = {
    result: { steps: log.steps, notRun: [], hazards: [] } as unknown as RehearsalResult,
    hazard() {},
  } as unknown as RehearsalContext;
  return { ctx, log };
};

/** A step that waits until it is aborted (or `ms` pass), like a regression run. */
const long = (name: string, ms: number, seen: string[]): Step => ({
  name,
  needs: [],
  gives: [],
  run: (ctx) =>
    new Promise((done, fail) => {
      const t = setTimeout(() => {
        seen.push(`${name} finished`);
        done(verdict(true));
      }, ms);
      ctx.signal?.addEventListener('abort', () => {
        clearTimeout(t);
        seen.push(`${name} aborted`);
        fail(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }));
      });
    }),
});
const quick = (name: string, seen: string[], v = verdict(true)): Step => ({
  name,
  needs: [],
  gives: [],
  run: async () => {
    await new Promise((r) => setTimeout(r, 5));
    seen.push(name);
    return v;
  },
});

describe('runSteps with lanes beside each other', () => {
  it('runs the lanes at the same time and the next step after both', async () => {
    const seen: string[] = [];
    const { ctx, log } = context();
    const started = performance.now();
    await runSteps([beside([quick('a1', seen), quick('a2', seen)], [long('b', 60, seen)]), quick('after', seen)], ctx, log);
    expect(seen).toEqual(['a1', 'a2', 'b finished', 'after']);
    expect(performance.now() - started).toBeLessThan(60 * 3);
    expect(ctx.result.steps.map((s) => s.name)).toEqual(['a1', 'a2', 'b', 'after']);
    expect(ctx.result.skippedSteps).toBeUndefined();
  });

  it('a stop in one lane aborts the other: stopped part-way, the rest not run', async () => {
    const seen: string[] = [];
    const { ctx, log } = context();
    await runSteps(
      [beside([quick('chain', seen, stopHere('the chain breaks')), quick('never', seen)], [long('runs', 10_000, seen)]), quick('compare', seen)],
      ctx,
      log,
    );
    expect(seen).toEqual(['chain', 'runs aborted']);
    expect(ctx.result.skippedSteps).toEqual([
      { name: 'never', reason: 'the chain breaks' },
      { name: 'compare', reason: 'the chain breaks' },
    ]);
    expect(ctx.result.notRun).toContain('runs: stopped part-way (the chain breaks)');
    expect(ctx.signal).toBeUndefined();
  });

  it('the steps not run are counted after the step that stopped, not after the last lane to end', async () => {
    const seen: string[] = [];
    const { ctx, log } = context();
    // A lane that does not listen to the signal ends after the one that stopped.
    const slow: Step = { name: 'plan for production', needs: [], gives: [], run: () => new Promise((r) => setTimeout(() => r(verdict(true)), 40)) };
    await runSteps([beside([quick('chain', seen, stopHere('the chain breaks'))], [slow]), quick('compare', seen)], ctx, log);
    expect(ctx.result.steps.at(-1)?.name).toBe('plan for production');
    expect(ctx.result.notRun).toContain('1 steps after "chain" (the chain breaks): listed as not run');
  });

  it('an error in one lane aborts the other and is the one thrown', async () => {
    const seen: string[] = [];
    const { ctx, log } = context();
    const boom: Step = { name: 'boom', needs: [], gives: [], run: () => Promise.reject(new Error('specs do not load')) };
    await expect(runSteps([beside([long('chain', 10_000, seen)], [boom]), quick('compare', seen)], ctx, log)).rejects.toThrow('specs do not load');
    expect(seen).toEqual(['chain aborted']);
  });

  it('the rehearsal’s own signal still reaches the lanes', async () => {
    const seen: string[] = [];
    const { ctx, log } = context();
    const ac = new AbortController();
    ctx.signal = ac.signal;
    setTimeout(() => ac.abort(), 20);
    await expect(runSteps([beside([long('chain', 10_000, seen)], [quick('x', seen)])], ctx, log)).rejects.toThrow('aborted');
    expect(seen).toEqual(['x', 'chain aborted']);
    expect(ctx.signal).toBe(ac.signal);
  });
});
