/**
 * `npm run migrate:down -- --url URL` and `npm run migrate:status -- --url URL`: the migrate
 * commands on production, from the ledger apply keeps beside the journal. down backs out the
 * newest applied migration (or `--steps N`, or down to `--to ID`) with the steps recorded when it
 * was applied — so it works after the files were edited or deleted — through the same journal,
 * read-back and proof; production must still be as apply left it. No heads-up, no confirmation:
 * the on-call backs out at once; with --send the rolled-back notice goes out.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { runAnnounceCommand } from '../announce/index.ts';
import { parseFlags, type CommandIo } from '../cli/index.ts';
import { CheckFailed, UserError } from '../common/errors.ts';
import { siteDir, type ApplyDeps } from './command.ts';
import { appliedOf, ProductionLedger, type ProductionLedgerEntry } from './ledger.ts';
import { describeChange, normalChanges, normalHash } from './normalise/index.ts';
import { DOWN_USAGE, parseTimeout, STATUS_USAGE } from './options.ts';
import { inverseStep, type MigrationPlan } from './plan/types.ts';
import { connect } from './production/connect.ts';
import { readView } from './production/read.ts';
import { JournalStore, TERMINAL, type Journal, type PlanFile } from './run/journal.ts';
import { operatorName, runSession } from './session.ts';
import { lockSite } from './site-lock.ts';
import { processTerminal, terminalOperator } from './terminal.ts';
import { runApplyCommand } from './command.ts';

/** `migrate:down` and `migrate:status` with `--url` go to production; without it, to an instance. */
export const isProductionCommand = (argv: readonly string[]): boolean =>
  (argv[0] === 'down' || argv[0] === 'status') && argv.some((a) => a === '--url' || a.startsWith('--url='));

const toRevert = (applied: ProductionLedgerEntry[], steps: number | undefined, to: string | undefined): ProductionLedgerEntry[] => {
  if (steps !== undefined && to !== undefined)
    throw new UserError('give either --steps N or --to ID, not both', { details: [`usage: ${DOWN_USAGE}`] });
  if (to !== undefined) {
    const i = applied.findIndex((e) => e.id === to);
    if (i === -1)
      throw new UserError(`--to ${to}: no migration with that id is applied on this site`, {
        details: [`applied: ${applied.map((e) => e.id).join(', ') || '(none)'}`],
      });
    return applied.slice(i + 1).reverse();
  }
  return applied.slice(Math.max(0, applied.length - (steps ?? 1))).reverse();
};

export const runProductionDown = async (argv: string[], io: CommandIo, deps: ApplyDeps = {}): Promise<number> => {
  const { values: v } = parseFlags(
    argv,
    {
      url: { type: 'string' },
      steps: { type: 'string' },
      to: { type: 'string' },
      send: { type: 'boolean', default: false },
      ledger: { type: 'string' },
      report: { type: 'string' },
      timeout: { type: 'string' },
      resume: { type: 'boolean', default: false },
    },
    DOWN_USAGE,
  );
  const cwd = deps.cwd ?? process.cwd();
  const env = deps.env ?? process.env;
  if (v.resume)
    return runApplyCommand(
      ['--url', v.url ?? '', '--resume', ...(v.ledger ? ['--ledger', v.ledger] : []), ...(v.report ? ['--report', v.report] : [])],
      io,
      deps,
    );
  if (v.steps !== undefined && !/^[1-9]\d*$/.test(v.steps))
    throw new UserError(`--steps '${v.steps}' is not a positive whole number`, { details: [`usage: ${DOWN_USAGE}`] });
  const dir = siteDir(cwd, v.url, v.ledger);
  const store = new JournalStore(dir);
  const release = await lockSite(dir, 'migrate:down --url', io.err);
  try {
    const previous = await store.read();
    if (previous && !TERMINAL.includes(previous.state))
      throw new UserError(`an earlier run on ${previous.url} is unfinished (${previous.state}, journal ${store.file})`, {
        details: [`finish it first: npm run migrate:down -- --url ${previous.url} --resume`],
      });
    const prod = await connect(v.url, {
      env,
      timeoutMs: parseTimeout(v.timeout, DOWN_USAGE),
      ...(deps.transport ? { transport: deps.transport } : {}),
    });
    const ledger = new ProductionLedger(dir, prod.url);
    const applied = appliedOf(await ledger.read());
    const entries = toRevert(applied, v.steps === undefined ? undefined : Number(v.steps), v.to);
    if (!entries.length) {
      io.out(
        v.to !== undefined
          ? `nothing to back out: ${v.to} is the newest migration applied on ${prod.url}`
          : `nothing to back out: the production ledger in ${dir} holds no applied migration for ${prod.url}`,
      );
      return 0;
    }
    const states = [(await ledger.readStates(entries[0]!.id)).after];
    const migrations: MigrationPlan[] = [];
    for (const e of entries) {
      states.push((await ledger.readStates(e.id)).before);
      migrations.push({
        id: e.id,
        description: `back out: ${e.description}`,
        sentences: [],
        extChanges: [],
        steps: [...e.steps].reverse().map((s) => inverseStep(s, e.records[s.id])),
      });
    }
    const view = await readView(prod.reader, prod.url);
    if (normalHash(view.normal) !== normalHash(states[0]!)) {
      throw new CheckFailed(
        `production at ${prod.url} is no longer as apply left it after ${entries[0]!.id}: it changed since; nothing was written`,
        [
          ...normalChanges(states[0]!, view.normal)
            .slice(0, 20)
            .map((c) => `- ${describeChange(c)}`),
          'undo those changes by hand first (or accept them into a new rehearsal); the backout is planned against the state apply left',
        ],
      );
    }
    const runId = `${new Date().toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
    const pf: PlanFile = { formatVersion: 1, runId, mode: 'down', plan: { deploymentType: prod.deploymentType, migrations }, states };
    await store.writePlan(pf);
    const journal: Journal = {
      formatVersion: 1,
      runId,
      mode: 'down',
      url: prod.url,
      deploymentType: prod.deploymentType,
      by: { user: operatorName(), account: prod.account },
      startedAt: new Date().toISOString(),
      updatedAt: '',
      state: 'applying',
      backout: true,
      steps: {},
      back: {},
      events: [{ at: new Date().toISOString(), what: `run ${runId}: backing out ${entries.map((e) => e.id).join(', ')}` }],
    };
    await store.write(journal);
    io.out(
      `backing out ${entries.length} migration${entries.length === 1 ? '' : 's'} from ${prod.url}, newest first, from the production ledger (${dir})`,
    );
    const reportDir = resolve(cwd, v.report ?? 'reports/latest');
    const code = await runSession({
      prod,
      store,
      journal,
      plan: pf,
      ledger,
      io,
      operator: deps.operator ?? terminalOperator(deps.terminal ?? processTerminal(), io.out),
      reportDir,
      ...(deps.signals ? { signals: deps.signals } : {}),
    });
    if (v.send && journal.state === 'applied')
      await rolledBackNotice(
        io,
        deps,
        reportDir,
        `Backed out ${entries.map((e) => e.id).join(', ')} from ${prod.url}: ${migrations.reduce((n, m) => n + m.steps.length, 0)} steps, each read back as planned. ${journal.proof?.lines[0] ?? ''}`,
      );
    return code;
  } finally {
    await release();
  }
};

const rolledBackNotice = async (io: CommandIo, deps: ApplyDeps, reportDir: string, message: string): Promise<void> => {
  const lines: string[] = [];
  try {
    const code = await runAnnounceCommand(
      ['rolled-back', '--report', reportDir, '--send', '--message', message],
      { out: () => undefined, err: (l) => lines.push(l) },
      { env: deps.env ?? process.env, cwd: deps.cwd ?? process.cwd(), ...deps.announce },
    );
    io.out(`  notice 'rolled-back' ${code === 0 ? 'sent' : 'NOT delivered on every channel (see the communication log)'}`);
  } catch (e) {
    io.err(`understudy: the rolled-back notice could not be sent: ${(e as Error).message} (the backout itself is done)`);
  }
};

export const runProductionStatus = async (argv: string[], io: CommandIo, deps: ApplyDeps = {}): Promise<number> => {
  const { values: v } = parseFlags(argv, { url: { type: 'string' }, ledger: { type: 'string' }, timeout: { type: 'string' } }, STATUS_USAGE);
  const cwd = deps.cwd ?? process.cwd();
  const dir = siteDir(cwd, v.url, v.ledger);
  const store = new JournalStore(dir);
  const prod = await connect(v.url, {
    env: deps.env ?? process.env,
    timeoutMs: parseTimeout(v.timeout, STATUS_USAGE),
    ...(deps.transport ? { transport: deps.transport } : {}),
  });
  const ledger = new ProductionLedger(dir, prod.url);
  const l = await ledger.read();
  io.out(`${prod.url} (Jira ${prod.deploymentType === 'Cloud' ? 'Cloud' : 'Data Center'}), production ledger ${dir}:`);
  if (!l.entries.length) io.out('  nothing was ever applied to this site by npm run apply');
  for (const e of l.entries)
    io.out(
      `  ${e.state === 'applied' ? 'applied ' : 'reverted'} ${e.id}  ${e.appliedAt} by ${e.appliedBy}${e.revertedAt ? `; reverted ${e.revertedAt} by ${e.revertedBy}` : ''} — ${e.steps.length} step${e.steps.length === 1 ? '' : 's'}`,
    );
  const j = await store.read();
  if (j && !TERMINAL.includes(j.state))
    io.out(`  UNFINISHED: run ${j.runId} (${j.mode}) is ${j.state}; finish it: npm run apply -- --url ${j.url} --resume`);
  const applied = appliedOf(l);
  const view = await readView(prod.reader, prod.url);
  if (!applied.length) return 0;
  const left = (await ledger.readStates(applied.at(-1)!.id)).after;
  const changes = normalChanges(left, view.normal);
  if (!changes.length) {
    io.out(`  production still matches what apply left after ${applied.at(-1)!.id}`);
    return 0;
  }
  io.out(`  production CHANGED since apply left it after ${applied.at(-1)!.id} (${changes.length} change${changes.length === 1 ? '' : 's'}):`);
  for (const c of changes.slice(0, 30)) io.out(`    ${describeChange(c)}`);
  return 1;
};

export const runProductionCommand = (argv: string[], io: CommandIo, deps: ApplyDeps = {}): Promise<number> =>
  argv[0] === 'down' ? runProductionDown(argv.slice(1), io, deps) : runProductionStatus(argv.slice(1), io, deps);
