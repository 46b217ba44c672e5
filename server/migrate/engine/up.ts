/**
 * `migrate:up`: applies pending migrations one at a time, each all or nothing. A migration is
 * applied in memory, checked against the model's rules, and only then saved as one new generation
 * of the instance (ledger entry and captured data included), so a process killed at any moment
 * leaves the instance before or after the migration, never between.
 */
import { CheckFailed, UserError } from '../../common/errors.ts';
import { formatProblem } from '../../model/index.ts';
import type { Instance } from '../../store/index.ts';
import { applyMigration, revertMigration, type AppliedMigration } from '../apply.ts';
import { MigrationError } from '../errors.ts';
import { type LoadedMigration, prepareMigration } from '../load.ts';
import { checkIntegrity, changedError, outOfOrderError } from './integrity.ts';
import { appliedEntries, entryFor, putEntry, storeInverse, type LedgerEntry } from './ledger.ts';
import { ruleErrors } from './rules-check.ts';
import { recordConfigChange } from './config-audit.ts';
import { operator } from './session.ts';

export interface UpOptions {
  to?: string;
  /** Frozen clock for history entries and `updated` (default: now). */
  now?: string;
  rebaseline?: readonly string[];
  outOfOrder?: boolean;
  log?: (line: string) => void;
}

export interface UpResult {
  applied: LedgerEntry[];
  instance: Instance;
}

const relative = (file: string) => file.replace(`${process.cwd()}/`, '');

export const selectPending = (instance: Instance, loaded: readonly LoadedMigration[], opts: UpOptions): LoadedMigration[] => {
  // The ledger only: reading it leaves the instance's recorded hash trusted.
  const state = instance.records;
  const integrity = checkIntegrity(state, loaded);
  const rebaseline = new Set(opts.rebaseline ?? []);
  for (const id of rebaseline) {
    if (!integrity.changed.some((c) => c.entry.id === id))
      throw new UserError(`--rebaseline ${id}: no applied migration with that id has changed`, {
        details: ['npm run migrate:status shows which migrations changed'],
      });
  }
  const refused = integrity.changed.filter((c) => !rebaseline.has(c.entry.id));
  if (refused.length) throw changedError(refused);
  for (const { entry, file } of integrity.changed) {
    entry.log.push({ at: new Date().toISOString(), action: 'rebaselined', by: operator(), note: `${entry.checksum} → ${file.checksum}` });
    entry.checksum = file.checksum;
  }
  if (integrity.outOfOrder.length && !opts.outOfOrder) {
    throw outOfOrderError(
      integrity.outOfOrder,
      appliedEntries(state)
        .map((e) => e.id)
        .sort()
        .pop()!,
    );
  }
  let pending = integrity.pending;
  if (opts.to !== undefined) {
    const idx = pending.findIndex((m) => m.id === opts.to);
    if (idx === -1) {
      const known = loaded.some((m) => m.id === opts.to);
      throw new UserError(known ? `--to ${opts.to}: that migration is already applied` : `--to ${opts.to}: no migration with that id in the folder`, {
        details: [`pending: ${pending.map((m) => m.id).join(', ') || '(none)'}`],
      });
    }
    pending = pending.slice(0, idx + 1);
  }
  return pending;
};

export const migrateUp = async (instance: Instance, loaded: readonly LoadedMigration[], opts: UpOptions = {}): Promise<UpResult> => {
  const log = opts.log ?? (() => {});
  const pending = selectPending(instance, loaded, opts);
  if (opts.rebaseline?.length) await instance.save();
  const applied: LedgerEntry[] = [];
  // Right after opening, this is the hash the generation recorded: no pass over every issue.
  let hash = instance.hash();
  for (const m of pending) {
    const entry = await applyOne(instance, m, hash, opts.now ?? new Date().toISOString());
    applied.push(entry);
    hash = entry.hashAfter!;
    log(
      `applied ${m.id} in ${entry.durationMs} ms: ${entry.sentences.length} change${entry.sentences.length === 1 ? '' : 's'}, ${entry.touchedIssues} issues touched`,
    );
  }
  return { applied, instance };
};

const applyOne = async (instance: Instance, m: LoadedMigration, hashBefore: string, now: string): Promise<LedgerEntry> => {
  const state = instance.data;
  const started = performance.now();
  const appliedAt = new Date().toISOString();
  const base = {
    id: m.id,
    file: relative(m.file),
    checksum: m.checksum,
    description: m.migration.description,
    appliedAt,
    appliedBy: operator(),
    hashBefore,
    ...(m.migration.irreversible ? { irreversible: m.migration.irreversible } : {}),
  };
  const previous = entryFor(state, m.id);
  const fail = async (error: string, restored: boolean, thrown: Error): Promise<never> => {
    // What a failed attempt leaves in memory is never trusted: read the instance again.
    if (!restored) await instance.reload();
    const s = instance.data;
    putEntry(s, {
      ...base,
      state: 'failed',
      durationMs: Math.round(performance.now() - started),
      hashAfter: null,
      sentences: [],
      inverse: [],
      touchedIssues: 0,
      error,
      log: [...(previous?.log ?? []), { at: new Date().toISOString(), action: 'failed', by: base.appliedBy, note: error }],
    });
    await instance.save();
    throw thrown;
  };

  let result: AppliedMigration;
  const configBefore = structuredClone(state.config);
  try {
    // A supervised functions-form migration runs its code in the worker first (nothing of the state changes).
    await prepareMigration(m, state, { now, actor: null, proveDown: true });
  } catch (e) {
    return fail(String((e as Error)?.message ?? e), true, e as Error);
  }
  try {
    result = applyMigration(state, m.migration, { migrationId: m.id, now, actor: null, hashBefore });
  } catch (e) {
    if (e instanceof MigrationError) return fail(e.message, e.restored, e);
    return fail(String((e as Error)?.message ?? e), false, e as Error);
  }

  const problems = ruleErrors(state);
  if (problems.length) {
    let restored = false;
    try {
      revertMigration(state, result.inverse, { migrationId: m.id, now });
      restored = instance.hash() === hashBefore;
    } catch {
      restored = false;
    }
    const lines = problems.slice(0, 15).map(formatProblem);
    return fail(
      `leaves the instance invalid: ${lines[0]}`,
      restored,
      new CheckFailed(
        `migration ${m.id} leaves the instance invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}); it was not applied`,
        [
          ...lines,
          ...(problems.length > 15 ? [`… and ${problems.length - 15} more`] : []),
          'fix the migration so that the configuration stays consistent (every reference resolves, every status reachable, …)',
        ],
      ),
    );
  }

  recordConfigChange(state, configBefore, m.id, 'up', now);
  const entry: LedgerEntry = {
    ...base,
    state: 'applied',
    durationMs: 0,
    hashAfter: null,
    sentences: result.sentences,
    inverse: storeInverse(state, m.id, result.inverse),
    touchedIssues: result.touched.issueIds.length,
    log: [...(previous?.log ?? []), { at: appliedAt, action: 'applied', by: base.appliedBy }],
  };
  // One serialisation of the issues gives both the saved files and the hash after, which the
  // ledger of the same generation records.
  await instance.saveHashed((hashAfter) => {
    entry.hashAfter = hashAfter;
    entry.durationMs = Math.round(performance.now() - started);
    putEntry(state, entry);
  });
  return entry;
};
