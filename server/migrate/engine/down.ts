/**
 * `migrate:down`: reverts applied migrations, newest first, from the inverse recorded in the
 * ledger when they were applied — so it works when the file was edited or deleted. Each revert is
 * proven: the canonical hash must come back to the one recorded before the migration. If it does
 * not and the instance had not changed since the migration was applied, or the inverse itself
 * fails, the pre-revert state (still the current generation on disk) is kept and the ledger says
 * what happened. If it had changed since, the revert is saved and said not to restore the hash.
 * The state a revert starts from is taken to be the generation last saved (what a command that has
 * just opened the instance holds): that is what "changed since" is decided on.
 */
import { CheckFailed, UserError } from '../../common/errors.ts';
import type { Instance } from '../../store/index.ts';
import { revertMigration } from '../apply.ts';
import { recordConfigChange } from './config-audit.ts';
import type { LoadedMigration } from '../load.ts';
import { appliedEntries, dropCaptures, loadInverse, type LedgerEntry } from './ledger.ts';
import { operator } from './session.ts';

export interface DownOptions {
  steps?: number;
  to?: string;
  now?: string;
  log?: (line: string) => void;
}

export interface Reverted {
  entry: LedgerEntry;
  durationMs: number;
  /** The hash after the revert equals the one recorded before the migration. */
  restored: boolean;
  /**
   * The revert did not land on the recorded hash because the instance had changed since the
   * migration was applied (its hash before the revert was not the one recorded after it). Only
   * known, and only looked for, when the revert misses: a revert that restores the recorded state
   * reports false.
   */
  changedSince: boolean;
  /** The instance's canonical hash after the revert. */
  hash: string;
  fileNote?: string;
}

export const selectToRevert = (instance: Instance, opts: DownOptions): LedgerEntry[] => {
  const applied = appliedEntries(instance.records);
  if (opts.steps !== undefined && opts.to !== undefined) throw new UserError('give either --steps N or --to ID, not both');
  if (opts.to !== undefined) {
    const idx = applied.findIndex((e) => e.id === opts.to);
    if (idx === -1)
      throw new UserError(`--to ${opts.to}: no applied migration has that id`, {
        details: [`applied: ${applied.map((e) => e.id).join(', ') || '(none)'}`],
      });
    return applied.slice(idx + 1).reverse();
  }
  const steps = opts.steps ?? 1;
  return applied.slice(Math.max(0, applied.length - steps)).reverse();
};

const fileNote = (entry: LedgerEntry, loaded: readonly LoadedMigration[] | undefined): string | undefined => {
  if (!loaded) return undefined;
  const file = loaded.find((m) => m.id === entry.id);
  if (!file) return `its file ${entry.file} is gone; reverting from the inverse recorded when it was applied`;
  if (file.checksum !== entry.checksum)
    return `its file was edited since it was applied; reverting from the inverse recorded then, not from the file`;
  return undefined;
};

export const migrateDown = async (instance: Instance, opts: DownOptions = {}, loaded?: readonly LoadedMigration[]): Promise<Reverted[]> => {
  const log = opts.log ?? (() => {});
  const targets = selectToRevert(instance, opts);
  const done: Reverted[] = [];
  for (const entry of targets) {
    const note = fileNote(entry, loaded);
    if (note) log(`note: ${entry.id}: ${note}`);
    if (entry.irreversible)
      log(
        `note: ${entry.id} is declared irreversible in production (${entry.irreversible.reason}); on this instance its recorded inverse still applies. Recovery in production: ${entry.irreversible.recovery}`,
      );
    done.push(await revertOne(instance, entry, opts.now ?? new Date().toISOString(), note));
    const r = done[done.length - 1]!;
    log(
      `reverted ${entry.id} in ${r.durationMs} ms; hash ${r.hash} ${r.restored ? '== the hash before it was applied ✓' : `!= ${entry.hashBefore} (the instance had changed since)`}`,
    );
  }
  return done;
};

const revertOne = async (instance: Instance, entry: LedgerEntry, now: string, note: string | undefined): Promise<Reverted> => {
  const started = performance.now();
  const failed = async (why: string): Promise<never> => {
    // The current generation on disk is the pre-revert state: reload it, then record what happened.
    await instance.reload();
    const e = appliedEntries(instance.records).find((x) => x.id === entry.id)!;
    e.log.push({ at: new Date().toISOString(), action: 'revert-failed', by: operator(), note: why });
    await instance.save();
    throw new CheckFailed(`reverting ${entry.id} failed: ${why}`, [
      'the instance was restored to its state before this revert (hash unchanged) and the ledger records the failure',
      `instance hash: ${instance.hash()}`,
    ]);
  };
  /**
   * Saves the reverted state; the hash after comes from the same serialisation as the save. Unless
   * `changedSince` is known, a hash other than the one recorded before the migration throws
   * `Mismatch` before the ledger is written, so nothing of that attempt is saved.
   */
  const save = async (changedSince: boolean): Promise<Reverted> => {
    let restored = false;
    let durationMs = 0;
    const hash = await instance.saveHashed((h) => {
      restored = h === entry.hashBefore;
      if (!restored && !changedSince) throw new Mismatch(h);
      durationMs = Math.round(performance.now() - started);
      entry.state = 'reverted';
      entry.revertedAt = new Date().toISOString();
      entry.revertDurationMs = durationMs;
      entry.inverse = [];
      dropCaptures(instance.records, entry.id);
      entry.log.push({
        at: entry.revertedAt,
        action: 'reverted',
        by: operator(),
        ...(note || changedSince
          ? { note: [note, changedSince ? 'the instance had changed since the migration was applied' : ''].filter(Boolean).join('; ') }
          : {}),
      });
    });
    return { entry, durationMs, restored, changedSince, hash, ...(note ? { fileNote: note } : {}) };
  };

  const configBefore = structuredClone(instance.data.config);
  try {
    revertMigration(instance.data, loadInverse(instance.data, entry), { migrationId: entry.id, now });
  } catch (e) {
    return failed(`its recorded inverse could not be applied: ${(e as Error)?.message ?? String(e)}`);
  }
  recordConfigChange(instance.data, configBefore, entry.id, 'down', now);
  try {
    return await save(false);
  } catch (e) {
    if (!(e instanceof Mismatch)) throw e;
    // The revert missed the recorded state. Whether that is a failure depends on whether the
    // instance had changed since the migration was applied. The state before this revert is the
    // generation on disk (the aborted save left it current; the data in memory is taken to be what
    // was last saved, as a command that has just opened the instance has it), so that is what is
    // hashed — only on this path: a revert that lands on the recorded hash needs no hash of its start.
    if ((await instance.generationHash()) === entry.hashAfter)
      return failed(`after the inverse the hash is ${e.hash}, not the ${entry.hashBefore} recorded before the migration`);
    // Changed since: the reverted state is still in memory, and nothing of the ledger was touched.
    return save(true);
  }
};

/** A revert whose hash is not the one recorded before the migration (thrown before the ledger is written). */
class Mismatch extends Error {
  constructor(readonly hash: string) {
    super(`the hash after the revert is ${hash}`);
  }
}
