/**
 * Step: the `change` stage of the hazard catalogue on the plan and the state after up in memory
 * (notification storms, lockouts, irreversible migrations, broad `expect`, new rules warnings). A
 * blocking hazard stops the rehearsal before any browser starts.
 */
import { analyze } from '../../hazards/catalogue.ts';
import { need } from '../context.ts';
import { type Step, stopHere, verdict } from '../step.ts';

export const checkChange: Step = {
  name: 'check the change (notification storms, lockouts, rules, expect)',
  needs: ['plan', 'memory', 'proof', 'baselineWarnings', 'opts'],
  gives: [],
  run: (ctx, ev) => {
    const found = analyze('change', {
      plan: need(ctx.plan, 'the plan'),
      baseline: need(ctx.memory, 'the memory instance').data,
      after: need(ctx.proof, 'the proof in memory').after,
      baselineWarnings: need(ctx.baselineWarnings, 'the baseline warnings'),
      notificationsPerRecipient: ctx.opts.notificationsPerRecipient,
      lastMigration: ctx.pending?.at(-1)?.id,
      now: ctx.opts.now,
    });
    for (const h of found) ctx.hazard(h);
    ev.push(found.length ? `${found.length} hazards: ${found.map((h) => `${h.code} ${h.kind} (${h.severity})`).join(', ')}` : 'no hazard');
    if (!ctx.pending?.length) ctx.result.notRun.push('no pending migration: the rehearsal compared the baseline with itself');
    return found.some((h) => h.severity === 'error') ? stopHere('the change is blocked before any regression run') : verdict(true);
  },
};
