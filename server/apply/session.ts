/**
 * Running a journaled plan to its end, for apply, its --resume and migrate:down --url alike:
 * Ctrl-C and SIGTERM ask it to stop after the current step (then it backs out), the notices go
 * out, the ledger is kept, the report is written and the outcome printed with its exit code.
 */
import { userInfo } from 'node:os';
import type { CommandIo } from '../cli/index.ts';
import { appliedOf, type ProductionLedger } from './ledger.ts';
import type { Notifier } from './notices.ts';
import { normalHash } from './normalise/index.ts';
import type { Production } from './production/connect.ts';
import { writeApplyReport } from './report.ts';
import { carryOut, type LedgerHooks, type RunOutcome } from './run/carry-out.ts';
import type { Operator } from './run/executor.ts';
import type { Journal, JournalStore, PlanFile } from './run/journal.ts';

export interface SessionOptions {
  prod: Production;
  store: JournalStore;
  journal: Journal;
  plan: PlanFile;
  ledger: ProductionLedger;
  io: CommandIo;
  operator?: Operator;
  notifier?: Notifier;
  reportDir?: string;
  /** Where signals come from (tests pass their own emitter). */
  signals?: NodeJS.EventEmitter;
  checksums?: Record<string, string>;
}

export const operatorName = (): string => {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
};

const ledgerHooks = (o: SessionOptions): LedgerHooks => ({
  applied: async (m, before, after) => {
    if (o.journal.mode === 'down') {
      // A backout run's "migration" is the undoing of one applied migration: the entry becomes reverted.
      const l = await o.ledger.read();
      const e = l.entries.find((x) => x.id === m.id);
      if (e) await o.ledger.put({ ...e, state: 'reverted', revertedAt: new Date().toISOString(), revertedBy: o.journal.by.user });
      return;
    }
    const records = Object.fromEntries(m.steps.flatMap((s) => (o.journal.steps[s.id]?.record ? [[s.id, o.journal.steps[s.id]!.record!]] : [])));
    await o.ledger.put(
      {
        id: m.id,
        description: m.description,
        ...(o.checksums?.[m.id] ? { checksum: o.checksums[m.id] } : {}),
        state: 'applied',
        runId: o.journal.runId,
        appliedAt: new Date().toISOString(),
        appliedBy: `${o.journal.by.user} (${o.journal.by.account.name})`,
        steps: m.steps,
        records,
        beforeHash: normalHash(before),
        afterHash: normalHash(after),
      },
      { before, after },
    );
  },
  reverted: async (ids) => {
    const l = await o.ledger.read();
    for (const id of ids) {
      const e = l.entries.find((x) => x.id === id);
      if (!e) continue;
      if (o.journal.mode === 'down') {
        // Backing out a backout: the migration is applied again.
        await o.ledger.put({ ...e, state: 'applied' });
      } else await o.ledger.put({ ...e, state: 'reverted', revertedAt: new Date().toISOString(), revertedBy: o.journal.by.user });
    }
  },
});

export const runSession = async (o: SessionOptions): Promise<number> => {
  const stop = { requested: false, why: undefined as string | undefined };
  const signals = o.signals ?? process;
  const onSignal = (name: string) => () => {
    if (stop.requested) {
      o.io.err(
        `understudy: ${name} again: the ${o.journal.state === 'backing-out' ? 'backout' : 'run'} goes on to a safe point; the journal is at ${o.store.file}`,
      );
      return;
    }
    stop.requested = true;
    stop.why = `${name}: stopped by the operator`;
    o.io.err(`understudy: ${name}: stopping after the current step${o.journal.backout ? ', then backing out what was done' : ''}`);
  };
  const handlers = { SIGINT: onSignal('Ctrl-C'), SIGTERM: onSignal('SIGTERM') };
  for (const [s, h] of Object.entries(handlers)) signals.on(s, h);
  const started = performance.now();
  let outcome: RunOutcome;
  try {
    outcome = await carryOut(
      {
        prod: o.prod,
        store: o.store,
        journal: o.journal,
        io: o.io,
        ...(o.operator ? { operator: o.operator } : {}),
        stop,
        started,
        wrote: false,
        hooks: {
          ...(o.notifier
            ? {
                beforeFirstWrite: () => o.notifier!.started(),
                stepStarted: (s) => o.notifier!.stepStarted(s),
                stepEnded: () => o.notifier!.stepEnded(),
              }
            : {}),
        },
      },
      o.plan,
      ledgerHooks(o),
    );
  } finally {
    for (const [s, h] of Object.entries(handlers)) signals.off(s, h);
  }
  const backedOut = Object.values(o.journal.back).filter((r) => r.state === 'done').length;
  await o.notifier?.finished({
    state: outcome.state,
    proofLines: outcome.proof?.lines ?? [],
    ...(outcome.failure ? { failure: outcome.failure.message } : {}),
    backedOut,
  });
  if (o.reportDir) {
    const files = await writeApplyReport(o.reportDir, o.journal, o.plan, o.store.file).catch((e: unknown) => {
      o.io.err(`understudy: the apply report could not be written: ${(e as Error).message}`);
      return [];
    });
    if (files.length) o.io.out(`report: ${files.join(', ')}`);
  }
  return printOutcome(o, outcome, (performance.now() - started) / 1000);
};

const printOutcome = async (o: SessionOptions, r: RunOutcome, s: number): Promise<number> => {
  const io = o.io;
  const resume = `npm run apply -- --url ${o.prod.url} --resume${o.store.dir.includes('.understudy/production/') ? '' : ` --ledger ${o.store.dir}`}`;
  const verb = o.journal.mode === 'down' ? 'backed out' : 'applied';
  if (r.state === 'applied') {
    io.out(`✔ ${verb} to ${o.prod.url} in ${s.toFixed(1)} s: every step read back as planned`);
    for (const l of r.proof?.lines ?? []) io.out(`  ${l}`);
    const applied = appliedOf(await o.ledger.read()).map((e) => e.id);
    io.out(`  production ledger: ${applied.length} migration${applied.length === 1 ? '' : 's'} applied on this site (${o.ledger.dir})`);
    return o.journal.banner?.error ? 1 : 0;
  }
  if (r.failure) io.out(`✘ ${r.failure.step ? `step ${r.failure.step} ` : ''}failed: ${r.failure.message}`);
  if (r.state === 'stopped') {
    io.out('  --no-backout: stopped where it was; production holds what the journal says was done:');
    for (const [id, rec] of Object.entries(o.journal.steps)) io.out(`    ${id}: ${rec.state}`);
    io.out(`  to back it out later: ${resume}`);
    return 1;
  }
  if (r.state === 'backed-out') {
    io.out(
      `✔ backed out: ${Object.values(o.journal.back).filter((x) => x.state === 'done').length} step(s) undone, production is as it was before (${s.toFixed(1)} s)`,
    );
    for (const l of r.proof?.lines ?? []) io.out(`  ${l}`);
    return 1;
  }
  io.out(`✘ THE BACKOUT DID NOT RESTORE PRODUCTION: ${o.prod.url} IS NOT AS IT WAS BEFORE THE RUN`);
  for (const l of r.proof?.lines ?? []) io.out(`  ${l}`);
  io.out(`  journal: ${o.store.file}`);
  io.out(`  fix what stops it (above), then: ${resume}`);
  return 1;
};
