/** Step: read and validate the snapshot (an invalid one is bad input: exit 2). */
import { UserError } from '../../../common/errors.ts';
import { formatProblem, hasErrors, validateSnapshotData } from '../../../model/index.ts';
import { readSnapshot } from '../../../store/index.ts';
import { type Step, verdict } from '../step.ts';

export const validateSnapshot: Step = {
  name: 'validate the snapshot',
  needs: ['opts'],
  gives: ['snap'],
  run: async (ctx, ev) => {
    const { snapshot } = ctx.opts;
    const s = await readSnapshot(snapshot);
    const problems = validateSnapshotData(s);
    const errors = problems.filter((p) => p.severity === 'error');
    ev.push(
      `${s.issues.length} issues, ${s.config?.projects.length ?? 0} projects, ${s.integrations.length} recorded integrations, ${errors.length} errors, ${problems.length - errors.length} warnings`,
    );
    if (hasErrors(problems)) {
      throw new UserError(`snapshot '${snapshot}' is not valid (${errors.length} errors)`, {
        details: [...errors.slice(0, 15).map(formatProblem), `run npm run validate -- --snapshot ${snapshot} for all of them`],
      });
    }
    ctx.snap = s;
    ctx.result.snapshot = {
      dir: snapshot,
      kind: s.manifest?.kind ?? 'unknown',
      createdAt: s.manifest?.createdAt,
      issues: s.issues.length,
      projects: s.config?.projects.length ?? 0,
      ...(s.manifest?.productionTotals?.issues !== undefined ? { productionIssues: s.manifest.productionTotals.issues } : {}),
      ...(s.manifest?.source?.url ? { sourceUrl: s.manifest.source.url } : {}),
    };
    return verdict(true);
  },
};
