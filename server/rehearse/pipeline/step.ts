/**
 * A step of the rehearsal: a name, the inputs it reads from the context, and a run that adds its
 * evidence and returns its verdict — ok, not ok, or stop (later steps are then listed as not run,
 * with the reason). runSteps runs a list of them through the StepLog (timed, shown live, reported)
 * and turns the engine's findings (a migration that fails, rules that refuse) into hazards.
 */
import { CheckFailed } from '../../common/errors.ts';
import { MigrationError } from '../../migrate/index.ts';
import type { StepLog } from '../steps.ts';
import type { RehearsalContext } from './context.ts';

export interface Verdict {
  ok: boolean;
  /** Why the rehearsal stops here; the steps after this one do not run. */
  stop?: string;
}

export const verdict = (ok: boolean): Verdict => ({ ok });
export const stopHere = (reason: string): Verdict => ({ ok: false, stop: reason });

export interface Step {
  name: string | ((ctx: RehearsalContext) => string);
  /** The context fields it reads (documentation, and the order check of the tests). */
  needs: readonly (keyof RehearsalContext)[];
  /** The context fields it sets. */
  gives: readonly (keyof RehearsalContext)[];
  /** A step that does not apply (the freshness rule outside the gate) is left out silently. */
  applies?: (ctx: RehearsalContext) => boolean;
  run: (ctx: RehearsalContext, evidence: string[]) => Promise<Verdict> | Verdict;
}

const nameOf = (s: Step, ctx: RehearsalContext) => (typeof s.name === 'string' ? s.name : s.name(ctx));

/** A migration that fails on the snapshot is a finding (exit 1), not bad input. */
const finding = (e: unknown, ctx: RehearsalContext): Verdict | undefined => {
  if (e instanceof MigrationError) {
    const proof = e.exitCode === 1;
    ctx.hazard({
      kind: proof ? 'rollback-hash' : 'precondition',
      code: proof ? 'RB105' : 'PC101',
      severity: 'error',
      migration: e.migrationId,
      message: proof ? `${e.migrationId}: its down() does not undo its up() — the rollback would not restore production` : e.message,
      evidence: [e.message, ...e.details],
    });
    return stopHere(proof ? `${e.migrationId} cannot be reverted` : `${e.migrationId} cannot be applied`);
  }
  if (e instanceof CheckFailed) {
    ctx.hazard({ kind: 'rules', code: 'MR101', severity: 'error', message: e.message, evidence: [...e.details] });
    return stopHere("the model's rules refuse the result");
  }
  return undefined;
};

export const runSteps = async (steps: readonly Step[], ctx: RehearsalContext, log: StepLog): Promise<void> => {
  let stopped: string | undefined;
  for (const step of steps) {
    if (step.applies && !step.applies(ctx)) continue;
    const name = nameOf(step, ctx);
    if (stopped !== undefined) {
      (ctx.result.skippedSteps ??= []).push({ name, reason: stopped });
      continue;
    }
    let v: Verdict;
    try {
      v = await log.run(
        name,
        (ev) => step.run(ctx, ev),
        (x) => x.ok,
      );
    } catch (e) {
      const f = finding(e, ctx);
      if (!f) throw e;
      v = f;
    }
    if (v.stop !== undefined) stopped = v.stop;
  }
  if (ctx.result.skippedSteps?.length)
    ctx.result.notRun.push(`${ctx.result.skippedSteps.length} steps after "${stoppedAt(ctx)}" (${stopped}): listed as not run`);
};

const stoppedAt = (ctx: RehearsalContext) => ctx.result.steps.at(-1)?.name ?? 'the start';
