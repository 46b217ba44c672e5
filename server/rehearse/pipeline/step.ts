/**
 * A step of the rehearsal: a name, the inputs it reads from the context, and a run that adds its
 * evidence and returns its verdict — ok, not ok, or stop (later steps are then listed as not run,
 * with the reason). runSteps runs a list of them through the StepLog (timed, shown live, reported)
 * and turns the engine's findings (a migration that fails, rules that refuse) into hazards. An entry
 * of the list may be `beside(...lanes)`: lanes of steps that run at the same time (the engine's chain
 * on disk beside the regression runs); a lane that stops aborts the others (ctx.signal).
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

/** Lanes of steps run at the same time; each lane's steps in order. */
export interface Beside {
  beside: readonly (readonly Step[])[];
}
export type StepEntry = Step | Beside;

export const beside = (...lanes: (readonly Step[])[]): Beside => ({ beside: lanes });
export const isBeside = (e: StepEntry): e is Beside => 'beside' in e;
/** The steps of a list, lanes flattened (lane by lane). */
export const flatSteps = (entries: readonly StepEntry[]): Step[] => entries.flatMap((e) => (isBeside(e) ? e.beside.flat() : [e]));

export const stepName = (s: Step, ctx: RehearsalContext) => (typeof s.name === 'string' ? s.name : s.name(ctx));
const nameOf = stepName;

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

interface Run {
  /** Why the steps stopped, once one did. */
  stopped?: string;
  /** The step that stopped them (with lanes, not always the last one to end). */
  stoppedAt?: string;
}

const skip = (ctx: RehearsalContext, name: string, reason: string) => (ctx.result.skippedSteps ??= []).push({ name, reason });

/** One step: skipped once the run stopped; a stop it returns ends the run (and aborts the lanes beside it). */
const runOne = async (step: Step, ctx: RehearsalContext, log: StepLog, run: Run, onStop?: () => void): Promise<void> => {
  if (step.applies && !step.applies(ctx)) return;
  const name = nameOf(step, ctx);
  if (run.stopped !== undefined) {
    skip(ctx, name, run.stopped);
    return;
  }
  let v: Verdict;
  try {
    v = await log.run(
      name,
      (ev) => step.run(ctx, ev),
      (x) => x.ok,
    );
  } catch (e) {
    // Aborted because a lane beside it stopped: reported as stopped, not as a failure of its own.
    if (run.stopped !== undefined && ctx.signal?.aborted) {
      ctx.result.notRun.push(`${name}: stopped part-way (${run.stopped})`);
      return;
    }
    const f = finding(e, ctx);
    if (!f) throw e;
    v = f;
  }
  if (v.stop !== undefined && run.stopped === undefined) {
    run.stopped = v.stop;
    run.stoppedAt = name;
    onStop?.();
  }
};

/** Lanes at the same time over the same context; the first stop aborts the others' long steps. */
const runBeside = async (lanes: readonly (readonly Step[])[], ctx: RehearsalContext, log: StepLog, run: Run): Promise<void> => {
  const outer = ctx.signal;
  const ac = new AbortController();
  ctx.signal = outer ? AbortSignal.any([outer, ac.signal]) : ac.signal;
  let error: { e: unknown } | undefined;
  try {
    await Promise.all(
      lanes.map(async (lane) => {
        let current: Step | undefined;
        try {
          for (const step of lane) {
            current = step;
            await runOne(step, ctx, log, run, () => ac.abort());
          }
        } catch (e) {
          // The first error is the rehearsal's; the lanes beside it stop instead of running on.
          if (!error) {
            error = { e };
            if (run.stopped === undefined) {
              run.stopped = `${(e as Error)?.message ?? String(e)}`;
              if (current) run.stoppedAt = nameOf(current, ctx);
            }
            ac.abort();
          }
        }
      }),
    );
    if (error) throw error.e;
  } finally {
    ctx.signal = outer;
  }
};

export const runSteps = async (steps: readonly StepEntry[], ctx: RehearsalContext, log: StepLog): Promise<void> => {
  const run: Run = {};
  for (const entry of steps) {
    if (isBeside(entry)) await runBeside(entry.beside, ctx, log, run);
    else await runOne(entry, ctx, log, run);
  }
  if (ctx.result.skippedSteps?.length)
    ctx.result.notRun.push(
      `${ctx.result.skippedSteps.length} steps after "${run.stoppedAt ?? ctx.result.steps.at(-1)?.name ?? 'the start'}" (${run.stopped}): listed as not run`,
    );
};
