/**
 * `npm run apply`: every refusal before anything is written (the rehearsal green for exactly these
 * files, a heads-up delivered, administrator credentials, the clone's own site, production not
 * drifted, no impossible step, manual steps only with a terminal, a confirmation), then the plan,
 * journaled, carried out by the session. `--resume` finishes the journal's run instead.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { AnnounceDeps } from '../announce/index.ts';
import type { CommandIo } from '../cli/index.ts';
import { CheckFailed, UserError } from '../common/errors.ts';
import { loadSettings } from '../settings/index.ts';
import { checkBaseline, readBaseline } from './baseline.ts';
import { appliedOf, ProductionLedger } from './ledger.ts';
import { Notifier } from './notices.ts';
import { APPLY_USAGE, parseApplyOptions, type ApplyOptions } from './options.ts';
import { planProduction } from './plan/planner.ts';
import { renderPlan } from './plan/render.ts';
import { allSteps } from './plan/types.ts';
import { connect, parseSiteUrl, siteOf, type ConnectOptions, type Production } from './production/connect.ts';
import { readView } from './production/read.ts';
import { checkRehearsal, headsUpDelivered } from './rehearsal.ts';
import { TERMINAL, JournalStore, type Journal } from './run/journal.ts';
import { runSession, operatorName } from './session.ts';
import { lockSite } from './site-lock.ts';
import { processTerminal, terminalOperator, type Terminal } from './terminal.ts';
import type { Operator } from './run/executor.ts';
import { dryRunChecks } from './dry-run.ts';

export interface ApplyDeps {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  terminal?: Terminal;
  /** Transport knobs for tests (short backoff, a fetch to intercept). */
  transport?: ConnectOptions['transport'];
  announce?: AnnounceDeps;
  signals?: NodeJS.EventEmitter;
  /** Who confirms manual steps (default: the person at the terminal). */
  operator?: Operator;
  /** An update goes out when a step runs longer than this (default: from the rehearsal's timings). */
  stepAllowanceMs?: number;
  now?: string;
}

/** The site's folder: `--ledger DIR`, else `.understudy/production/<host>-<port>/` under the project. */
export const siteDir = (cwd: string, url: string | undefined, ledger: string | undefined, flag = '--url'): string =>
  ledger !== undefined ? resolve(cwd, ledger) : join(cwd, '.understudy', 'production', siteOf(parseSiteUrl(url, flag)));

export const runApplyCommand = async (argv: string[], io: CommandIo, deps: ApplyDeps = {}): Promise<number> => {
  const o = parseApplyOptions(argv);
  const cwd = deps.cwd ?? process.cwd();
  const env = deps.env ?? process.env;
  parseSiteUrl(o.url);
  const settings = await loadSettings({ cwd, ...(o.config !== undefined ? { file: o.config } : {}) });
  const shownReport = o.report ?? settings.defaults.report;
  const reportDir = resolve(cwd, shownReport);
  const dir = siteDir(cwd, o.url, o.ledger);
  const store = new JournalStore(dir);
  const release = await lockSite(dir, o.resume ? 'apply --resume' : 'apply', io.err);
  try {
    const previous = await store.read();
    if (previous && !TERMINAL.includes(previous.state) && !o.resume) {
      throw new UserError(`an earlier run on ${previous.url} is unfinished (${previous.state}, journal ${store.file})`, {
        details: [`finish it first: npm run apply -- --url ${previous.url} --resume${o.ledger ? ` --ledger ${o.ledger}` : ''}`],
      });
    }
    const terminal = deps.terminal ?? processTerminal();
    const connectOpts: ConnectOptions = { env, timeoutMs: o.timeoutMs, ...(deps.transport ? { transport: deps.transport } : {}) };
    if (o.resume) return await resume(o, io, deps, { store, previous, connectOpts, terminal, reportDir, settings });

    const rehearsal = await checkRehearsal(reportDir, shownReport, o.to, cwd);
    const heard = await headsUpDelivered(reportDir, rehearsal.result);
    if (!heard && o.noHeadsUp === undefined && !o.dryRun) {
      throw new UserError(
        `no heads-up was delivered for the rehearsal in ${shownReport}: the people affected must hear of the change before it happens`,
        {
          details: [
            `send one: npm run announce -- heads-up --report ${shownReport} --send`,
            'or, when there is a reason not to, say it: --no-heads-up "reason" (it is logged and put in the notices)',
          ],
        },
      );
    }
    const prod = await connect(o.url, connectOpts);
    const ledger = new ProductionLedger(dir, prod.url);
    const view = await readView(prod.reader, prod.url);
    const base = await readBaseline(resolve(cwd, rehearsal.result.snapshot.dir));
    const applied = appliedOf(await ledger.read());
    const ids = rehearsal.migrations.map((m) => m.id);
    const done = applied.filter((e) => ids.includes(e.id));
    if (done.some((e, i) => e.id !== ids[i]) || applied.length !== done.length) {
      throw new CheckFailed(
        `the production ledger of ${prod.url} holds migrations this rehearsal does not start with (${applied.map((e) => e.id).join(', ')})`,
        [`back them out first (npm run migrate:down -- --url ${prod.url}), or rehearse on a clone of production as it is now`],
      );
    }
    const pending = rehearsal.migrations.slice(done.length);
    if (!pending.length) {
      io.out(`nothing to apply: every rehearsed migration is applied on ${prod.url} (production ledger ${dir})`);
      return 0;
    }
    await checkBaseline(prod, view, rehearsal.result.snapshot.dir, base, done.length ? (await ledger.readStates(done.at(-1)!.id)).after : undefined);
    io.out(
      `production at ${prod.url} (Jira ${prod.deploymentType === 'Cloud' ? 'Cloud' : 'Data Center'}) is the configuration the rehearsal started from${done.length ? ` after ${done.length} migration(s) applied earlier` : ''}`,
    );
    const planned = await planProduction({
      base: view.config,
      issues: base.snapshot.issues,
      migrations: pending,
      deploymentType: prod.deploymentType,
      now: deps.now ?? new Date().toISOString(),
      boardColumns: prod.boardColumns,
    });
    for (const l of renderPlan(planned.plan)) io.out(l);
    const steps = allSteps(planned.plan);
    const impossible = steps.filter((s) => s.class === 'impossible');
    if (impossible.length)
      throw new UserError(
        `the plan has ${impossible.length} step${impossible.length === 1 ? '' : 's'} no REST API and no person can carry out; nothing was written`,
        { details: impossible.map((s) => `${s.id}: ${s.title}: ${s.reason}`) },
      );
    if (o.dryRun) return await dryRunChecks(prod, view, planned.plan, io, heard, o.noHeadsUp);
    const manual = steps.filter((s) => s.class === 'manual');
    if (manual.length && !terminal.interactive) {
      throw new UserError(
        `the plan has ${manual.length} manual step${manual.length === 1 ? '' : 's'}, which need a person at a terminal to confirm them; nothing was written`,
        { details: manual.map((s) => `${s.id}: ${s.title}`) },
      );
    }
    if (!o.yes) {
      if (!terminal.interactive)
        throw new UserError(
          'apply asks before it writes to production, and there is no terminal to ask: pass --yes to go ahead without asking; nothing was written',
          { details: [`usage: ${APPLY_USAGE}`] },
        );
      const a = await terminal.ask(`write these ${steps.length} steps to ${prod.url}? type 'yes' to go ahead: `);
      if (a.toLowerCase() !== 'yes') {
        io.out('not confirmed: nothing was written');
        return 1;
      }
    }
    const runId = `${new Date().toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
    const pf = { formatVersion: 1 as const, runId, mode: 'apply' as const, plan: planned.plan, states: planned.states };
    await store.writePlan(pf);
    const journal: Journal = {
      formatVersion: 1,
      runId,
      mode: 'apply',
      url: prod.url,
      deploymentType: prod.deploymentType,
      by: { user: operatorName(), account: prod.account },
      rehearsal: { report: shownReport, startedAt: rehearsal.result.startedAt },
      startedAt: new Date().toISOString(),
      updatedAt: '',
      state: 'applying',
      backout: o.backout,
      steps: {},
      back: {},
      events: [
        {
          at: new Date().toISOString(),
          what: `run ${runId} planned: ${steps.length} steps${heard ? `; heads-up delivered ${heard.at} (${heard.channel})` : `; no heads-up: ${o.noHeadsUp}`}`,
        },
      ],
    };
    await store.write(journal);
    const notifier = new Notifier(
      {
        reportDir,
        result: rehearsal.result,
        send: o.send,
        ...(o.config ? { config: o.config } : {}),
        ...(o.noHeadsUp ? { noHeadsUp: o.noHeadsUp } : {}),
        updateEveryMinutes: settings.announce.updateEveryMinutes,
        ...(deps.stepAllowanceMs !== undefined ? { stepAllowanceMs: deps.stepAllowanceMs } : {}),
        deps: { env, cwd, ...deps.announce },
        io,
      },
      prod,
      journal,
      store,
      steps.length,
    );
    return await runSession({
      prod,
      store,
      journal,
      plan: pf,
      ledger,
      io,
      operator: deps.operator ?? terminalOperator(terminal, io.out),
      notifier,
      reportDir,
      ...(deps.signals ? { signals: deps.signals } : {}),
      checksums: Object.fromEntries(pending.map((m) => [m.id, m.checksum])),
    });
  } finally {
    await release();
  }
};

interface ResumeContext {
  store: JournalStore;
  previous: Journal | undefined;
  connectOpts: ConnectOptions;
  terminal: Terminal;
  reportDir: string;
  settings: Awaited<ReturnType<typeof loadSettings>>;
}

const resume = async (o: ApplyOptions, io: CommandIo, deps: ApplyDeps, c: ResumeContext): Promise<number> => {
  const j = c.previous;
  if (!j || TERMINAL.includes(j.state)) {
    io.out(`nothing to resume: ${j ? `the last run (${j.runId}) ended ${j.state}` : `no journal in ${c.store.dir}`}`);
    return 0;
  }
  const given = parseSiteUrl(o.url).toString().replace(/\/+$/, '');
  if (given !== j.url)
    throw new UserError(`the journal in ${c.store.dir} is of a run on ${j.url}, not ${given}`, { details: [`resume it with --url ${j.url}`] });
  const pf = await c.store.readPlan();
  if (pf.runId !== j.runId)
    throw new UserError(`${c.store.dir} holds the plan of run ${pf.runId} but the journal of run ${j.runId}`, {
      details: ['the folder was edited by hand; restore it from a backup'],
    });
  const prod: Production = await connect(o.url, c.connectOpts);
  io.out(`resuming run ${j.runId} (${j.state}${j.failure ? `, after: ${j.failure.message}` : ''}) from ${c.store.file}`);
  const ledger = new ProductionLedger(c.store.dir, prod.url);
  const result = await import('../announce/index.ts').then((m) => m.loadResult(c.reportDir)).catch(() => undefined);
  const notifier =
    result && j.mode === 'apply'
      ? new Notifier(
          {
            reportDir: c.reportDir,
            result,
            send: o.send,
            updateEveryMinutes: c.settings.announce.updateEveryMinutes,
            deps: { env: c.connectOpts.env, cwd: deps.cwd ?? process.cwd(), ...deps.announce },
            io,
          },
          prod,
          j,
          c.store,
          allSteps(pf.plan).length,
        )
      : undefined;
  return runSession({
    prod,
    store: c.store,
    journal: j,
    plan: pf,
    ledger,
    io,
    operator: deps.operator ?? terminalOperator(c.terminal, io.out),
    ...(notifier ? { notifier } : {}),
    reportDir: c.reportDir,
    ...(deps.signals ? { signals: deps.signals } : {}),
  });
};
