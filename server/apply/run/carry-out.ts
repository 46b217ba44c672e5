/**
 * One run from its journal: forward through the plan, migration by migration (each whole, its
 * state checked against the rehearsed one before the next starts, and entered in the production
 * ledger), and on a failure, a stop or a failed resume, backward through what was done, last
 * first, until production is proven to be as it was before the run.
 */
import { normalChanges, normalHash, describeChange, type NormalConfig } from '../normalise/index.ts';
import { inverseStep, type Step } from '../plan/types.ts';
import type { ProductionLedger } from '../ledger.ts';
import { refresh, runStep, StepFailure, Stopped, messageOf, type Exec } from './executor.ts';
import { event, type PlanFile } from './journal.ts';
import { PROOF_LIMITS, prove, type IssueExpectation, type Proof } from './proof.ts';

export interface RunOutcome {
  state: 'applied' | 'backed-out' | 'stopped' | 'backout-failed';
  failure?: { step?: string; message: string };
  proof?: Proof;
  /** Migrations entered in the ledger as applied by this run (and not backed out). */
  applied: string[];
}

export interface LedgerHooks {
  applied: (migration: PlanFile['plan']['migrations'][number], before: NormalConfig, after: NormalConfig) => Promise<void>;
  reverted: (ids: string[]) => Promise<void>;
}

const allSteps = (pf: PlanFile): Step[] => pf.plan.migrations.flatMap((m) => m.steps);

const forward = async (x: Exec, pf: PlanFile, ledger: LedgerHooks): Promise<string[]> => {
  const total = allSteps(pf).length;
  const applied: string[] = [];
  let n = 0;
  for (const [mi, m] of pf.plan.migrations.entries()) {
    x.io.out(`${m.id} — ${m.description}`);
    for (const s of m.steps) await runStep(x, s, x.journal.steps, ++n, total);
    const view = x.view ?? (await refresh(x));
    if (normalHash(view.normal) !== normalHash(pf.states[mi + 1]!)) {
      const where = normalChanges(pf.states[mi + 1]!, view.normal).map(describeChange);
      throw new StepFailure(
        m.steps.at(-1) ?? ({ id: m.id } as Step),
        `after ${m.id} production is not the rehearsed state: ${where.slice(0, 8).join('; ')}`,
      );
    }
    if (!x.journal.events.some((e) => e.what === `${m.id}: applied`)) {
      await ledger.applied(m, pf.states[mi]!, pf.states[mi + 1]!);
      event(x.journal, `${m.id}: applied`);
      await x.store.write(x.journal);
    }
    applied.push(m.id);
  }
  return applied;
};

/** The issue values to find back after a backout: each recorded step's record. */
const recordedIssues = (pf: PlanFile, x: Exec): IssueExpectation[] =>
  allSteps(pf).flatMap((s) => {
    const rec = x.journal.steps[s.id];
    return s.issues && rec?.record ? [{ edit: s.issues, values: rec.record }] : [];
  });

export const backOut = async (x: Exec, pf: PlanFile, ledger: LedgerHooks): Promise<RunOutcome> => {
  x.journal.state = 'backing-out';
  event(x.journal, 'backout started');
  await x.store.write(x.journal);
  x.io.out('backing out, last step first:');
  const touched = allSteps(pf).filter((s) => ['done', 'running', 'failed'].includes(x.journal.steps[s.id]?.state ?? ''));
  const total = touched.length;
  let n = 0;
  try {
    for (const s of [...touched].reverse()) {
      const rec = x.journal.steps[s.id]!;
      await runStep(x, inverseStep(s, rec.record), x.journal.back, ++n, total, rec.state !== 'done');
    }
  } catch (e) {
    const proof = await prove(x, pf.states[0]!, recordedIssues(pf, x), 'now, against before the run', x.journal.failure?.drifted ?? []);
    x.journal.state = 'backout-failed';
    x.journal.proof = { ok: false, lines: proof.lines };
    event(x.journal, `backout failed: ${messageOf(e)}`);
    await x.store.write(x.journal);
    return {
      state: 'backout-failed',
      failure: { ...(e instanceof StepFailure ? { step: e.step.id } : {}), message: messageOf(e) },
      proof,
      applied: [],
    };
  }
  // What others changed behind apply's back stays theirs: the proof covers the rest and says so.
  const drifted = x.journal.failure?.drifted ?? [];
  const proof = await prove(x, pf.states[0]!, recordedIssues(pf, x), 'after the backout, against before the run', drifted);
  await ledger.reverted(pf.plan.migrations.map((m) => m.id).filter((id) => x.journal.events.some((e) => e.what === `${id}: applied`)));
  x.journal.state = proof.ok ? 'backed-out' : 'backout-failed';
  x.journal.proof = { ok: proof.ok, lines: [...proof.lines, ...PROOF_LIMITS] };
  event(x.journal, proof.ok ? 'backed out, proven' : 'backed out, but the proof FAILED');
  await x.store.write(x.journal);
  return { state: proof.ok ? 'backed-out' : 'backout-failed', proof, applied: [] };
};

/** Runs (or resumes) what the journal says: forward while every step reads back as planned, else backward. */
export const carryOut = async (x: Exec, pf: PlanFile, ledger: LedgerHooks): Promise<RunOutcome> => {
  if (x.journal.state === 'applying') {
    try {
      const applied = await forward(x, pf, ledger);
      const proof = await prove(
        x,
        pf.states.at(-1)!,
        [],
        x.journal.mode === 'down' ? 'after the backout, against before the change was applied' : 'after the change, against the rehearsed state',
      );
      x.journal.state = 'applied';
      x.journal.proof = { ok: proof.ok, lines: proof.lines };
      event(x.journal, 'applied: every step read back as planned');
      await x.store.write(x.journal);
      return { state: 'applied', proof, applied };
    } catch (e) {
      const failure = {
        ...(e instanceof StepFailure ? { step: e.step.id, ...(e.drifted.length ? { drifted: e.drifted } : {}) } : {}),
        message: messageOf(e),
      };
      x.journal.failure = failure;
      event(x.journal, `${e instanceof Stopped ? 'stopped' : 'failed'}: ${failure.message}`);
      await x.store.write(x.journal);
      if (!(e instanceof StepFailure) && !(e instanceof Stopped)) x.io.err(`understudy: ${failure.message}`);
      if (!x.journal.backout) {
        x.journal.state = 'stopped';
        await x.store.write(x.journal);
        return { state: 'stopped', failure, applied: [] };
      }
      x.stop.requested = false;
      const out = await backOut(x, pf, ledger);
      return { ...out, failure };
    }
  }
  // A backout under way, a run stopped by --no-backout, a backout that failed: (re)run the backout.
  if (x.journal.state !== 'applied' && x.journal.state !== 'backed-out')
    return { ...(await backOut(x, pf, ledger)), ...(x.journal.failure ? { failure: x.journal.failure } : {}) };
  return { state: x.journal.state, applied: [] };
};

export type { ProductionLedger };
