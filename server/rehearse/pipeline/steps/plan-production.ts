/**
 * Step: how production would take the change (the steps `apply` would write, those it cannot), for
 * the report — planned beside the regression runs, which leave a core idle at their start. Only a
 * safe rehearsal's report keeps it (pipeline.ts); a plan that fails is reported, it fails nothing.
 */
import { need } from '../context.ts';
import { type Step, verdict } from '../step.ts';

export const planProduction: Step = {
  name: 'plan the change for production (for the runbook)',
  needs: ['pending', 'opts'],
  gives: [],
  applies: (ctx) => ctx.opts.productionPlan !== undefined,
  run: async (ctx, ev) => {
    const ids = need(ctx.pending, 'the pending migrations').map((m) => m.id);
    const plan = await ctx.opts.productionPlan!(ids).catch((e: unknown) => ({ error: (e as Error)?.message ?? String(e) }));
    ctx.result.productionPlan = plan;
    if ('error' in plan) ev.push(`cannot plan it: ${plan.error}`);
    else
      ev.push(`${plan.deploymentType}: ${plan.migrations.reduce((n, m) => n + m.steps.length, 0)} steps for ${plan.migrations.length} migration(s)`);
    return verdict(true);
  },
};
