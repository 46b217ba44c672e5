/**
 * Step: the rollback proven in memory (up, down, up) before any browser: the hash back to the baseline,
 * then to the first up. The states it reaches are the phases the regression runs observe (the engine's
 * chain on disk, run beside them, must reach the same hashes).
 */
import { type Config, type Issue, sortedById } from '../../../model/index.ts';
import { proveInMemory as prove } from '../../memory-proof.ts';
import { need } from '../context.ts';
import { type Step, stopHere, verdict } from '../step.ts';

export const proveInMemory: Step = {
  name: 'prove the rollback in memory (up, down, up)',
  needs: ['memory', 'pending', 'opts'],
  gives: ['proof', 'states'],
  run: (ctx, ev) => {
    const pending = need(ctx.pending, 'the pending migrations');
    const memory = need(ctx.memory, 'the memory instance');
    const p = prove(memory.data, pending, ctx.opts.now);
    ctx.proof = p;
    // What the runs observe is theirs alone: the instance on disk, migrated beside them, starts from the
    // snapshot's very objects, so the baseline is a copy. Issues in id order, as an instance stores them:
    // a revert may put an issue back elsewhere in the list (the hash ignores where), and a search's
    // ties must not turn that into a difference.
    const served = (s: { config: Config; issues: readonly Issue[] }) => ({ config: s.config, issues: sortedById(s.issues) as Issue[] });
    ctx.states.baseline = served(structuredClone({ config: memory.data.config, issues: memory.data.issues }));
    ctx.states['after-up'] = served(p.after);
    ctx.states['after-down'] = served(p.afterDownState);
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
