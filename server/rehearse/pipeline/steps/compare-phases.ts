/**
 * Steps: the observations compared. After up: every difference not declared by an `expect` entry is
 * a regression (RG101), then the `comparison` stage of the hazard catalogue. After down: any
 * difference at all means the rollback does not give people back what they had (RB104).
 */
import { analyze } from '../../hazards/catalogue.ts';
import { classifyDifferences } from '../../observe/classify.ts';
import { compareObservations } from '../../observe/compare.ts';
import { need } from '../context.ts';
import { type Step, verdict } from '../step.ts';

export const compareAfterUp: Step = {
  name: 'compare after up with the baseline',
  needs: ['observations', 'plan'],
  gives: [],
  run: (ctx, ev) => {
    const { result } = ctx;
    const baseline = need(ctx.observations.baseline, 'the baseline observations');
    const afterUp = need(ctx.observations['after-up'], 'the after-up observations');
    const plan = need(ctx.plan, 'the plan');
    const diffs = compareObservations(baseline, afterUp);
    const c = classifyDifferences(
      diffs,
      plan.map((p) => ({ id: p.id, expect: p.expect, text: [...p.sentences, ...p.configChanges, p.description] })),
    );
    result.regressions = c.regressions;
    result.expected = c.expected;
    ev.push(`${diffs.length} differences: ${c.expected.length} declared by expect, ${c.regressions.length} undeclared`);
    for (const r of c.regressions.slice(0, 10)) ev.push(`REGRESSION (${r.migration}) ${r.check}: ${r.label}: ${r.change}`);
    if (c.regressions.length) {
      ctx.hazard({
        kind: 'regression',
        code: 'RG101',
        severity: 'error',
        migration: c.regressions[0]!.migration,
        message: `${c.regressions.length} undeclared difference${c.regressions.length === 1 ? '' : 's'} after up (add an expect entry if intended)`,
        evidence: c.regressions.slice(0, 10).map((r) => `${r.migration}: ${r.check}: ${r.label} (${r.change})`),
      });
    }
    for (const h of analyze('comparison', { baseline, afterUp, classified: c, sharded: !!ctx.opts.shard, lastMigration: ctx.applied?.at(-1)?.id }))
      ctx.hazard(h);
    return verdict(c.regressions.length === 0);
  },
};

export const compareAfterDown: Step = {
  name: 'compare after down with the baseline',
  needs: ['observations'],
  gives: [],
  run: (ctx, ev) => {
    const { result } = ctx;
    result.rollbackDifferences = compareObservations(
      need(ctx.observations.baseline, 'the baseline observations'),
      need(ctx.observations['after-down'], 'the after-down observations'),
    );
    const n = result.rollbackDifferences.length;
    ev.push(n ? `${n} differences: the rollback does not give people back what they had` : 'identical observations');
    if (n) {
      ctx.hazard({
        kind: 'rollback-observations',
        code: 'RB104',
        severity: 'error',
        ...(ctx.applied?.length ? { migration: ctx.applied.at(-1)!.id } : {}),
        message: `after down, ${n} observation${n === 1 ? '' : 's'} differ from the baseline`,
        evidence: result.rollbackDifferences.slice(0, 10).map((d) => `${d.check}: ${d.label} (${d.change})`),
      });
    }
    return verdict(n === 0);
  },
};
