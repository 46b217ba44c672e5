/**
 * The `migrate:*` commands: parse the flags, open the instance (created from the snapshot on first
 * use, locked while the command runs), call the engine and print what it did.
 */
import { type CommandIo, parseFlags, parseIsoTime } from '../../cli/index.ts';
import { UserError } from '../../common/errors.ts';
import { loadMigrations, type LoadedMigration } from '../load.ts';
import { createMigration } from './create.ts';
import { migrateDown } from './down.ts';
import { changedError, checkIntegrity } from './integrity.ts';
import { planMigrations, renderPlan } from './plan.ts';
import { openSession } from './session.ts';
import { migrationStatus, renderStatus } from './status.ts';
import { migrateUp, selectPending } from './up.ts';
import { renderVerify, verifyMigrations } from './verify.ts';

const SUBCOMMANDS = ['up', 'down', 'status', 'plan', 'verify', 'create'] as const;
type Sub = (typeof SUBCOMMANDS)[number];

const USAGE: Record<Sub, string> = {
  up: 'npm run migrate:up -- [--to ID] [--now ISO] [--rebaseline ID] [--out-of-order] [--instance DIR] [--snapshot DIR] [--migrations DIR]',
  down: 'npm run migrate:down -- [--steps N | --to ID] [--now ISO] [--instance DIR] [--snapshot DIR] [--migrations DIR]',
  status: 'npm run migrate:status -- [--instance DIR] [--snapshot DIR] [--migrations DIR]',
  plan: 'npm run migrate:plan -- [--to ID] [--instance DIR] [--snapshot DIR] [--migrations DIR]',
  verify: 'npm run migrate:verify -- [--to ID] [--instance DIR] [--snapshot DIR] [--migrations DIR]',
  create: 'npm run migrate:create -- <slug> [--migrations DIR]',
};

const OPTIONS = {
  instance: { type: 'string', default: '.understudy/instance' },
  snapshot: { type: 'string', default: 'fixtures/acme' },
  migrations: { type: 'string', default: 'migrations' },
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

export const runMigrateCommand = async (argv: string[], io: CommandIo): Promise<number> => {
  const [sub, ...rest] = argv;
  if (!SUBCOMMANDS.includes(sub as Sub))
    throw new UserError(`unknown migrate command '${sub ?? ''}'`, { details: [`use one of: ${SUBCOMMANDS.map((s) => `migrate:${s}`).join(', ')}`] });
  const cmd = sub as Sub;
  const { values, positionals } = parseFlags(rest, OPTIONS, USAGE[cmd], cmd === 'create');
  if (cmd === 'create') {
    if (positionals.length > 1) throw new UserError(`migrate:create takes one slug, got ${positionals.length}`, { details: [USAGE.create] });
    const file = await createMigration(values.migrations, positionals[0]);
    io.out(`created ${file}`);
    return 0;
  }
  const now = parseIsoTime('--now', values.now);
  const steps = parseSteps(values.steps);
  // down reverts from the ledger alone: a broken or missing migrations folder must not block a backout.
  let loaded: LoadedMigration[] | undefined;
  try {
    loaded = await loadMigrations(values.migrations);
  } catch (e) {
    if (cmd !== 'down' || !(e instanceof UserError)) throw e;
    io.out(`note: the migrations folder cannot be loaded (${e.message}); reverting from the inverses recorded in the ledger`);
  }
  const session = await openSession({ instance: values.instance, snapshot: values.snapshot }, `migrate:${cmd}`);
  try {
    if (session.created) io.out(`created instance ${values.instance} from ${values.snapshot}`);
    if (cmd === 'down') {
      const reverted = await migrateDown(session.instance, { steps, to: values.to, now, log: io.out }, loaded);
      if (!reverted.length)
        io.out(
          values.to !== undefined ? `nothing to revert: ${values.to} is the newest applied migration` : 'nothing to revert: no migration is applied',
        );
      return reverted.every((r) => r.restored) ? 0 : 1;
    }
    const migrations = loaded!;
    switch (cmd) {
      case 'status': {
        const rows = migrationStatus(session.instance.records, migrations);
        for (const line of renderStatus(rows)) io.out(line);
        // Just opened (or created): the instance answers with the hash its generation recorded.
        io.out(`instance ${values.instance}: hash ${session.instance.hash()}`);
        // The same error as migrate:up: the file and both checksums, and the two ways out.
        const changed = checkIntegrity(session.instance.records, migrations).changed;
        if (changed.length) throw changedError(changed);
        return 0;
      }
      case 'up': {
        const { applied } = await migrateUp(session.instance, migrations, {
          to: values.to,
          now,
          rebaseline: values.rebaseline,
          outOfOrder: values['out-of-order'],
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
        const items = planMigrations(
          session.instance.data,
          selectPending(session.instance, migrations, { to: values.to, outOfOrder: true }),
          now ?? new Date().toISOString(),
        );
        for (const line of renderPlan(items)) io.out(line);
        return items.some((i) => i.error) ? 1 : 0;
      }
      case 'verify': {
        const pending = selectPending(session.instance, migrations, { to: values.to, outOfOrder: true });
        const rows = verifyMigrations(session.instance.data, pending, now ?? new Date().toISOString());
        for (const line of renderVerify(rows)) io.out(line);
        if (!rows.length) io.out('nothing to verify: no migration is pending');
        return rows.every((r) => r.ok) ? 0 : 1;
      }
    }
  } finally {
    await session.release();
  }
};
