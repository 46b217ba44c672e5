/**
 * The `migrate:*` commands: parse the flags (their defaults from understudy.config.json), load the
 * migrations in a supervised worker (their code never runs in this thread), open the instance
 * (created from the snapshot on first use, locked while the command runs), call the engine and
 * print what it did. `migrate:unlock` clears a lock whose owner is provably dead.
 */
import { type CommandIo, parseFlags, parseIsoTime } from '../../cli/index.ts';
import { UserError } from '../../common/errors.ts';
import { loadSettings } from '../../settings/index.ts';
import { clearStaleLock, describeLock, instanceExists, readMarker, staleLockAdvice } from '../../store/index.ts';
import type { LoadedMigration } from '../load.ts';
import { DEFAULT_MIGRATION_TIMEOUT_S, loadSupervised, MigrationRunner } from '../supervise/index.ts';
import { createMigration } from './create.ts';
import { migrateDown } from './down.ts';
import { changedError, checkIntegrity } from './integrity.ts';
import { planMigrations, renderPlan } from './plan.ts';
import { openSession, type Session } from './session.ts';
import { migrationStatus, renderStatus } from './status.ts';
import { migrateUp, selectPending } from './up.ts';
import { renderVerify, verifyMigrations } from './verify.ts';

const SUBCOMMANDS = ['up', 'down', 'status', 'plan', 'verify', 'create', 'unlock'] as const;
type Sub = (typeof SUBCOMMANDS)[number];

const COMMON = '[--instance DIR] [--snapshot DIR] [--migrations DIR] [--migration-timeout SECONDS] [--config FILE]';
const USAGE: Record<Sub, string> = {
  up: `npm run migrate:up -- [--to ID] [--now ISO] [--rebaseline ID] [--out-of-order] ${COMMON}`,
  down: `npm run migrate:down -- [--steps N | --to ID] [--now ISO] ${COMMON}`,
  status: `npm run migrate:status -- ${COMMON}`,
  plan: `npm run migrate:plan -- [--to ID] ${COMMON}`,
  verify: `npm run migrate:verify -- [--to ID] ${COMMON}`,
  create: 'npm run migrate:create -- <slug> [--migrations DIR] [--config FILE]',
  unlock: 'npm run migrate:unlock -- [--instance DIR] [--config FILE]',
};

/** No defaults here: they come from understudy.config.json's `defaults` (whose own defaults are PRODUCT.md's). */
const OPTIONS = {
  instance: { type: 'string' },
  snapshot: { type: 'string' },
  migrations: { type: 'string' },
  config: { type: 'string' },
  'migration-timeout': { type: 'string' },
  to: { type: 'string' },
  steps: { type: 'string' },
  now: { type: 'string' },
  rebaseline: { type: 'string', multiple: true },
  'out-of-order': { type: 'boolean', default: false },
} as const;

const parseSteps = (v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(v)) throw new UserError(`--steps '${v}' is not a positive whole number`, { details: [USAGE.down] });
  return Number(v);
};

/** `--migration-timeout SECONDS`: how long a migration's import, `up` or `down` may run before it is stopped. */
const parseTimeout = (v: string | undefined, usage: string): number => {
  if (v === undefined) return DEFAULT_MIGRATION_TIMEOUT_S * 1000;
  const s = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || !(s > 0) || s > 86_400)
    throw new UserError(`--migration-timeout '${v}' is not a number of seconds`, {
      details: [
        `give how long a migration's import, up() or down() may run, from a fraction of a second to 86400, e.g. --migration-timeout 120 (default ${DEFAULT_MIGRATION_TIMEOUT_S})`,
        usage,
      ],
    });
  return s * 1000;
};

export const runMigrateCommand = async (argv: string[], io: CommandIo): Promise<number> => {
  const [sub, ...rest] = argv;
  if (!SUBCOMMANDS.includes(sub as Sub))
    throw new UserError(`unknown migrate command '${sub ?? ''}'`, { details: [`use one of: ${SUBCOMMANDS.map((s) => `migrate:${s}`).join(', ')}`] });
  const cmd = sub as Sub;
  const { values, positionals } = parseFlags(rest, OPTIONS, USAGE[cmd], cmd === 'create');
  // Read by every command, as by the others: a malformed file stops it here (exit 2, the file and the position).
  const settings = await loadSettings(values.config !== undefined ? { file: values.config } : {});
  const instance = values.instance ?? settings.defaults.instance;
  const snapshot = values.snapshot ?? settings.defaults.snapshot;
  const migrationsDir = values.migrations ?? settings.defaults.migrations;
  if (cmd === 'create') {
    if (positionals.length > 1) throw new UserError(`migrate:create takes one slug, got ${positionals.length}`, { details: [USAGE.create] });
    const file = await createMigration(migrationsDir, positionals[0]);
    io.out(`created ${file}`);
    return 0;
  }
  if (cmd === 'unlock') return unlock(instance, io);
  const now = parseIsoTime('--now', values.now);
  const steps = parseSteps(values.steps);
  const runner = new MigrationRunner({ timeoutMs: parseTimeout(values['migration-timeout'], USAGE[cmd]) });
  try {
    const loading = loadSupervised(migrationsDir, runner);
    loading.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    // status reads an instance whose lock is stale (its owner is dead): it is how one looks before clearing it.
    const open = () => openSession({ instance, snapshot }, `migrate:${cmd}`, { readUnderStaleLock: cmd === 'status' });
    // An instance that exists is opened while the worker imports the files (a bad file is still the error
    // reported first); one to be created from the snapshot is made only once the files have loaded.
    const opening = (await instanceExists(instance)) ? settled(open()) : undefined;
    // down reverts from the ledger alone: a broken or missing migrations folder must not block a backout.
    let loaded: LoadedMigration[] | undefined;
    try {
      loaded = await loading;
    } catch (e) {
      if (cmd !== 'down' || !(e instanceof UserError)) {
        await opening?.then((o) => ('session' in o ? o.session.release() : undefined));
        throw e;
      }
      io.out(`note: the migrations folder cannot be loaded (${e.message}); reverting from the inverses recorded in the ledger`);
    }
    const session = opening ? unwrap(await opening) : await open();
    try {
      if (session.created) io.out(`created instance ${instance} from ${snapshot}`);
      if (session.staleLock) {
        io.out(`note: instance '${instance}' has a stale lock: ${describeLock(session.staleLock)}, and that process is no longer running`);
        io.out(`  ${staleLockAdvice(instance)}`);
      }
      return await runOnSession(
        cmd,
        session,
        loaded,
        { instance, to: values.to, now, steps, rebaseline: values.rebaseline, outOfOrder: values['out-of-order'] },
        io,
      );
    } finally {
      await session.release();
    }
  } finally {
    await runner.close();
  }
};

type Settled = { session: Session } | { error: unknown };
const settled = (p: Promise<Session>): Promise<Settled> =>
  p.then(
    (session) => ({ session }),
    (error: unknown) => ({ error }),
  );
const unwrap = (o: Settled): Session => {
  if ('error' in o) throw o.error;
  return o.session;
};

/** `migrate:unlock`: clears a lock whose owner is provably dead; refuses a live one and one on another host. */
const unlock = async (instance: string, io: CommandIo): Promise<number> => {
  await readMarker(instance);
  const cleared = await clearStaleLock(instance);
  if (!cleared) {
    io.out(`instance '${instance}' is not locked; nothing to do`);
    return 0;
  }
  io.out(`cleared the stale lock of pid ${cleared.pid} on ${cleared.host} (taken at ${cleared.since} for '${cleared.purpose}')`);
  io.out(`the instance is as the last completed save left it: npm run migrate:status -- --instance ${instance} shows it`);
  return 0;
};

interface RunOptions {
  instance: string;
  to: string | undefined;
  now: string | undefined;
  steps: number | undefined;
  rebaseline: string[] | undefined;
  outOfOrder: boolean;
}

const runOnSession = async (
  cmd: Exclude<Sub, 'create' | 'unlock'>,
  session: Session,
  loaded: LoadedMigration[] | undefined,
  o: RunOptions,
  io: CommandIo,
): Promise<number> => {
  if (cmd === 'down') {
    const reverted = await migrateDown(session.instance, { steps: o.steps, to: o.to, now: o.now, log: io.out }, loaded);
    if (!reverted.length)
      io.out(o.to !== undefined ? `nothing to revert: ${o.to} is the newest applied migration` : 'nothing to revert: no migration is applied');
    return reverted.every((r) => r.restored) ? 0 : 1;
  }
  const migrations = loaded!;
  switch (cmd) {
    case 'status': {
      const rows = migrationStatus(session.instance.records, migrations);
      for (const line of renderStatus(rows)) io.out(line);
      // Just opened (or created): the instance answers with the hash its generation recorded.
      io.out(`instance ${o.instance}: hash ${session.instance.hash()}`);
      // The same error as migrate:up: the file and both checksums, and the two ways out.
      const changed = checkIntegrity(session.instance.records, migrations).changed;
      if (changed.length) throw changedError(changed);
      return 0;
    }
    case 'up': {
      const { applied } = await migrateUp(session.instance, migrations, {
        to: o.to,
        now: o.now,
        rebaseline: o.rebaseline,
        outOfOrder: o.outOfOrder,
        log: io.out,
      });
      // The last hash after is the hash of the instance as saved (nothing runs in between): no second pass over every issue.
      io.out(
        applied.length
          ? `${applied.length} migration${applied.length === 1 ? '' : 's'} applied; instance hash ${applied[applied.length - 1]!.hashAfter}`
          : 'nothing to apply: every migration is applied',
      );
      return 0;
    }
    case 'plan': {
      const items = await planMigrations(
        session.instance.data,
        selectPending(session.instance, migrations, { to: o.to, outOfOrder: true }),
        o.now ?? new Date().toISOString(),
      );
      for (const line of renderPlan(items)) io.out(line);
      return items.some((i) => i.error) ? 1 : 0;
    }
    case 'verify': {
      const pending = selectPending(session.instance, migrations, { to: o.to, outOfOrder: true });
      const rows = await verifyMigrations(session.instance.data, pending, o.now ?? new Date().toISOString());
      for (const line of renderVerify(rows)) io.out(line);
      if (!rows.length) io.out('nothing to verify: no migration is pending');
      return rows.every((r) => r.ok) ? 0 : 1;
    }
  }
};
