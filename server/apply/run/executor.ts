/**
 * Running steps against production, one at a time, with the journal written ahead of every
 * write: production is read, the step's entities located by content (at its result: skipped; at
 * its start: run; elsewhere: production drifted, stop), the intent journaled with the prior state
 * and the issue values the step overwrites (read first), the writer or the operator does it, and
 * production is read back and compared with the plan. A write that leaves no clear answer is
 * settled by reading production, never by sending it again blindly.
 */
import type { CommandIo } from '../../cli/index.ts';
import { findIssues, valuesOf } from '../production/issues.ts';
import type { Production } from '../production/connect.ts';
import { readView, type View } from '../production/read.ts';
import { UncertainWrite } from '../production/writer.ts';
import { stepLine } from '../plan/render.ts';
import { keyAfter, type IssueValues, type Step } from '../plan/types.ts';
import { COLLECTIONS } from '../normalise/entities.ts';
import { writerNamed, type RunContext } from '../writers/index.ts';
import { event, type Journal, type JournalStore, type StepRecord } from './journal.ts';
import { currentOf, readBack, whereIs } from './step-state.ts';

/** The person at the terminal, for manual steps: 'done' once they made the change, 'abort' to stop. */
export interface Operator {
  confirm(step: Step, shown: readonly string[]): Promise<'done' | 'abort'>;
}

export interface Hooks {
  /** Called once, just before the first write of the run (the `started` notice, the banner). */
  beforeFirstWrite?: () => Promise<void>;
  /** Called when a step starts and ends (the notices' timers). */
  stepStarted?: (step: Step, n: number, total: number) => void;
  stepEnded?: (step: Step, rec: StepRecord) => void;
}

export interface Exec {
  prod: Production;
  store: JournalStore;
  journal: Journal;
  io: CommandIo;
  operator?: Operator;
  hooks: Hooks;
  stop: { requested: boolean; why?: string };
  /** performance.now() when the run started (progress lines say the time so far). */
  started: number;
  view?: View;
  wrote: boolean;
}

export class StepFailure extends Error {
  override readonly name = 'StepFailure';
  /** `collection/key` of the entities production changed behind apply's back (a drift). */
  constructor(
    readonly step: Step,
    message: string,
    readonly drifted: string[] = [],
  ) {
    super(message);
  }
}

export class Stopped extends Error {
  override readonly name = 'Stopped';
  constructor(readonly why: string) {
    super(why);
  }
}

export const refresh = async (x: Exec): Promise<View> => {
  x.view = await readView(x.prod.reader, x.prod.url);
  return x.view;
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const recordIssues = async (x: Exec, step: Step, view: View): Promise<IssueValues[] | undefined> => {
  const edit = step.issues;
  if (!edit || edit.restore) return undefined;
  const found = await findIssues(
    x.prod.reader,
    x.prod.dc,
    { ...(edit.jql ? { jql: edit.jql } : {}), ...(edit.keys ? { keys: edit.keys } : {}) },
    edit.fieldKeys.map((k) => edit.fields[k]!),
  );
  return valuesOf(found, edit.fields, view);
};

const contextFor = (x: Exec, rec: StepRecord, view: View): RunContext => {
  const rc: RunContext = {
    dc: x.prod.dc,
    api: x.prod.api,
    account: x.prod.account.id,
    reader: x.prod.reader,
    view,
    send: async (req) => {
      if (!x.wrote) {
        x.wrote = true;
        await x.hooks.beforeFirstWrite?.();
      }
      const answer = await x.prod.writer.send(req);
      if (answer.task) (rec.tasks ??= []).push(answer.task);
      return answer;
    },
    refresh: async () => {
      rc.view = await refresh(x);
      return rc.view;
    },
    ...(rec.record ? { record: rec.record } : {}),
    scratch: (rec.scratch ??= {}),
    saveScratch: () => x.store.write(x.journal),
    log: (line) => x.io.out(line),
  };
  return rc;
};

/** Carries out one step (journaled in `records`); throws StepFailure or Stopped. */
export const runStep = async (
  x: Exec,
  step: Step,
  records: Record<string, StepRecord>,
  n: number,
  total: number,
  converge = false,
): Promise<void> => {
  const prev = records[step.id];
  if (prev?.state === 'done' || prev?.state === 'skipped') return;
  if (x.stop.requested) throw new Stopped(x.stop.why ?? 'stopped');
  const view = x.view ?? (await refresh(x));
  const where = whereIs(step, view);
  const resuming = prev?.state === 'running' || prev?.state === 'failed';
  if (where.at === 'end' && !resuming && !step.issues) {
    records[step.id] = { state: 'skipped', startedAt: new Date().toISOString(), readBack: ['already as planned: nothing to do'] };
    event(x.journal, `${step.id}: already as planned, skipped`);
    await x.store.write(x.journal);
    x.io.out(`  = [${n}/${total}] ${step.title}: already done`);
    return;
  }
  let todo = step;
  if (where.at === 'elsewhere') {
    if (!resuming && !converge) throw new StepFailure(step, `production changed behind apply's back: ${where.what.join('; ')}`, where.entities);
    // Interrupted half way (or undoing a step that failed half way): go from where production is now.
    const now = currentOf(step, view);
    todo = { ...step, changes: step.changes.map((c) => ({ ...c, from: now[`${c.collection}/${c.key}`] ?? null })) };
  }
  const t0 = performance.now();
  const rec: StepRecord = {
    ...(prev ?? {}),
    state: 'running',
    startedAt: prev?.startedAt ?? new Date().toISOString(),
    prior: prev?.prior ?? currentOf(step, view),
  };
  if (!rec.record) {
    const record = await recordIssues(x, step, view);
    if (record) rec.record = record;
  }
  records[step.id] = rec;
  event(x.journal, `${step.id}: ${resuming ? 'resumed' : 'started'}`);
  await x.store.write(x.journal);
  x.hooks.stepStarted?.(step, n, total);
  try {
    if (where.at !== 'end' || step.issues) {
      if (step.class === 'manual') await confirmManual(x, todo, rec);
      else if (step.class === 'impossible') throw new StepFailure(step, 'an impossible step cannot be carried out');
      else await runWriter(x, todo, rec, view);
    }
    const after = await refresh(x);
    const differences = await readBack(step, after, x.prod.reader, x.prod.dc, rec.record);
    if (differences.length) throw new StepFailure(step, `the read-back differs from the plan: ${differences.join('; ')}`);
    Object.assign(rec, { state: 'done', endedAt: new Date().toISOString(), ms: Math.round(performance.now() - t0), readBack: ['as planned'] });
    const ids = createdIds(step, after);
    if (Object.keys(ids).length) rec.ids = ids;
    delete rec.error;
    event(x.journal, `${step.id}: done, read back as planned`);
    await x.store.write(x.journal);
    x.hooks.stepEnded?.(step, rec);
    x.io.out(`  ✔ [${n}/${total}] ${step.title} (${seconds(rec.ms!)}; ${seconds(performance.now() - x.started)} so far)`);
  } catch (e) {
    Object.assign(rec, { state: 'failed', endedAt: new Date().toISOString(), ms: Math.round(performance.now() - t0), error: messageOf(e) });
    event(x.journal, `${step.id}: failed: ${messageOf(e)}`);
    await x.store.write(x.journal);
    x.hooks.stepEnded?.(step, rec);
    x.io.out(`  ✘ [${n}/${total}] ${step.title}: ${messageOf(e)}`);
    if (e instanceof StepFailure || e instanceof Stopped) throw e;
    throw new StepFailure(step, messageOf(e));
  }
};

/** The ids Jira gave what the step created, by content key (the journal's map from content to production ids). */
const createdIds = (step: Step, view: View): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const c of step.changes) {
    const kind = COLLECTIONS[c.collection as keyof typeof COLLECTIONS]?.kind;
    if (c.from !== null || c.to === null || !kind) continue;
    const id = view.keys.id(kind, keyAfter(c));
    if (id !== undefined) out[`${c.collection}/${keyAfter(c)}`] = id;
  }
  return out;
};

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const runWriter = async (x: Exec, step: Step, rec: StepRecord, view: View): Promise<void> => {
  const writer = writerNamed(step.writer);
  for (let attempt = 0; ; attempt++) {
    const rc = contextFor(x, rec, x.view ?? view);
    try {
      await writer.run(step, rc);
      if (step.issues?.restore && step.writer !== 'issues') await writerNamed('issues').run(step, rc);
      return;
    } catch (e) {
      if (!(e instanceof UncertainWrite) || attempt >= 2) throw e;
      // Did it take effect? Read production: at the result, done; at the start, send it again; else a failure.
      const now = await refresh(x);
      const where = whereIs(step, now);
      x.io.out(
        `    ${e.message}: production reads ${where.at === 'end' ? 'as planned' : where.at === 'start' ? 'as before, sending it again' : 'half way'}`,
      );
      if (where.at === 'end' && !step.issues) return;
      if (where.at === 'elsewhere') throw e;
    }
  }
};

const confirmManual = async (x: Exec, step: Step, rec: StepRecord): Promise<void> => {
  if (!x.operator) throw new StepFailure(step, 'a manual step needs an operator at a terminal to confirm it');
  const shown = [stepLine(step), ...(step.reason ? [`why by hand: ${step.reason}`] : []), ...(step.instructions ?? []).map((i) => `- ${i}`)];
  for (let tries = 0; tries < 3; tries++) {
    const answer = await x.operator.confirm(step, shown);
    if (answer === 'abort') throw new Stopped(`the operator stopped at the manual step ${step.id}`);
    const view = await refresh(x);
    const where = whereIs(step, view);
    if (where.at === 'end') {
      rec.manualConfirmedAt = new Date().toISOString();
      return;
    }
    x.io.out(
      `    production does not read as the step plans yet${where.at === 'elsewhere' ? `: ${where.what.join('; ')}` : ' (nothing changed)'}; finish it and confirm again`,
    );
  }
  throw new StepFailure(step, 'the manual step was confirmed three times but production does not read as planned');
};
