/** Step: the rollback proven in memory (up, down, up) before any browser: the hash back to the baseline, then to the first up. */
import { proveInMemory as prove } from '../../memory-proof.ts';
import { need } from '../context.ts';
import { type Step, stopHere, verdict } from '../step.ts';

export const proveInMemory: Step = {
  name: 'prove the rollback in memory (up, down, up)',
  needs: ['memory', 'pending', 'opts'],
  gives: ['proof'],
  run: (ctx, ev) => {
    const pending = need(ctx.pending, 'the pending migrations');
    const p = prove(need(ctx.memory, 'the memory instance').data, pending, ctx.opts.now);
    ctx.proof = p;
    ev.push(`after up ${p.afterUp}`);
    ev.push(`after down ${p.afterDown} ${p.afterDown === p.baseline ? '== baseline' : '!= baseline'}`);
    ev.push(`after up again ${p.afterUpAgain} ${p.afterUpAgain === p.afterUp ? '== first up' : '!= first up'}`);
    if (p.afterDown === p.baseline && p.afterUpAgain === p.afterUp) return verdict(true);
    const down = p.afterDown !== p.baseline;
    const last = pending.at(-1)?.id;
    ctx.hazard({
      kind: 'rollback-hash',
      code: 'RB101',
      severity: 'error',
      ...(last ? { migration: last } : {}),
      message: down
        ? 'reverting the change in memory does not restore the baseline: the canonical hash differs'
        : 'applying the change again after reverting it does not reach the same state as the first up',
      evidence: [`baseline ${p.baseline}`, `after up ${p.afterUp}`, `after down ${p.afterDown}`, `after up again ${p.afterUpAgain}`],
    });
    return stopHere('the change cannot be reverted');
  },
};
