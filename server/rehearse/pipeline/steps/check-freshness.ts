/** Step (the gate): is the cloned snapshot fresh enough? Rehearsing on a stale copy proves nothing about production today. */
import { need } from '../context.ts';
import { type Step, stopHere, verdict } from '../step.ts';

export const checkFreshness: Step = {
  name: 'snapshot freshness',
  needs: ['opts', 'snap'],
  gives: [],
  applies: (ctx) => !!ctx.opts.freshness && !!ctx.snap?.manifest,
  run: (ctx, ev) => {
    const f = ctx.opts.freshness!(need(ctx.snap?.manifest, 'the snapshot manifest'));
    if (f.ok) {
      ev.push(f.note);
      return verdict(true);
    }
    ctx.hazard({ kind: 'stale-snapshot', code: 'SN101', severity: 'error', message: f.message, evidence: f.details });
    ev.push(f.message);
    return stopHere('the snapshot is too old to rehearse on');
  },
};
