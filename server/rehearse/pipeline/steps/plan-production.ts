/**
 * Step: how production would take the change (the steps `apply` would write, those it cannot), for
 * the runbook — planned beside the regression runs instead of after them (on acme 10–15 s of the
 * main process, shared with the sandbox the runs talk to: on 2 busy cores the command ends only about
 * 3 % sooner). Only a safe rehearsal's report keeps it (pipeline.ts). A plan that fails is reported and
 * fails nothing; a lane beside it that stops, or Ctrl-C, stops it between migrations.
 */
import type { ProductionPlanSummary } from '../../result.ts';
import { need } from '../context.ts';
import { type Step, verdict } from '../step.ts';

export const planProduction: Step = {
  name: 'plan the change for production (for the runbook)',
  needs: ['pending', 'opts'],
  gives: [],
  applies: (ctx) => ctx.opts.productionPlan !== undefined,
  run: async (ctx, ev) => {
    const ids = need(ctx.pending, 'the pending migrations').map((m) => m.id);
    let plan: ProductionPlanSummary | { error: string };
    try {
      plan = await ctx.opts.productionPlan!(ids, ctx.signal);
    } catch (e) {
      // Stopped by the rehearsal (reported as stopped part-way), not a plan that failed.
      if (ctx.signal?.aborted) throw e;
      plan = { error: (e as Error)?.message ?? String(e) };
    }
    ctx.result.productionPlan = plan;
    if ('error' in plan) ev.push(`cannot plan it: ${plan.error}`);
    else
      ev.push(`${plan.deploymentType}: ${plan.migrations.reduce((n, m) => n + m.steps.length, 0)} steps for ${plan.migrations.length} migration(s)`);
    return verdict(true);
  },
};
