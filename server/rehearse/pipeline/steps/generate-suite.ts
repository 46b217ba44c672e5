/** Step: the regression suite's plan, generated from the baseline (the same cases run in every phase). */
import { buildSuitePlan } from '../../suite/plan.ts';
import { need } from '../context.ts';
import { type Step, verdict } from '../step.ts';

export const generateSuite: Step = {
  name: 'generate the regression suite',
  needs: ['states', 'snap', 'opts'],
  gives: ['suite'],
  run: (ctx, ev) => {
    const plan = buildSuitePlan(
      need(ctx.states.baseline, 'the baseline state'),
      need(ctx.snap, 'the snapshot').integrations,
      ctx.opts.now,
      ctx.opts.limits,
    );
    ctx.suite = plan;
    ev.push(
      `${plan.creates.length} create cases (${plan.creates.filter((c) => c.ui).length} through the browser), ${plan.walks.length} transitions to walk (${plan.walks.filter((w) => w.ui).length} through the browser), ${plan.samples.length} sample issues × ${plan.samples[0]?.personas.length ?? 0} personas, ${plan.personas.length} personas × ${plan.projects.length} projects permission matrix, ${plan.filters.length} filters, ${plan.boards.length} boards, ${plan.integrations.length} integrations`,
    );
    for (const n of plan.notes) ev.push(`note: ${n}`);
    for (const u of plan.unwalkable) ev.push(`not walked: ${u.workflow} / ${u.transition}: ${u.reason}`);
    if (plan.unwalkable.length)
      ctx.result.notRun.push(`${plan.unwalkable.length} transitions no sample issue or persona could take at baseline (listed in the steps)`);
    return verdict(true);
  },
};
