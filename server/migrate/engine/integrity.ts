/**
 * What the ledger and the migrations folder say about each other: changed applied files (refused
 * unless re-baselined), applied migrations whose file is gone, and pending ones that sort before the
 * last applied one (out of order).
 */
import { UserError } from '../../common/errors.ts';
import type { InstanceRecords } from '../../store/index.ts';
import type { LoadedMigration } from '../load.ts';
import { appliedEntries, type LedgerEntry } from './ledger.ts';

export interface Integrity {
  changed: { entry: LedgerEntry; file: LoadedMigration }[];
  missing: LedgerEntry[];
  pending: LoadedMigration[];
  outOfOrder: LoadedMigration[];
}

export const checkIntegrity = (state: InstanceRecords, loaded: readonly LoadedMigration[]): Integrity => {
  const applied = appliedEntries(state);
  const appliedIds = new Set(applied.map((e) => e.id));
  const byId = new Map(loaded.map((m) => [m.id, m]));
  const changed = applied.flatMap((entry) => {
    const file = byId.get(entry.id);
    return file && file.checksum !== entry.checksum ? [{ entry, file }] : [];
  });
  const missing = applied.filter((e) => !byId.has(e.id));
  const pending = loaded.filter((m) => !appliedIds.has(m.id));
  const last = applied
    .map((e) => e.id)
    .sort()
    .pop();
  const outOfOrder = last === undefined ? [] : pending.filter((m) => m.id < last);
  return { changed, missing, pending, outOfOrder };
};

export const changedError = (changed: Integrity['changed']): UserError =>
  new UserError(`${changed.length === 1 ? 'an applied migration was' : `${changed.length} applied migrations were`} changed after being applied`, {
    details: [
      ...changed.map(({ entry, file }) => `${file.file}: applied with ${entry.checksum}, the file is now ${file.checksum}`),
      'revert it first (npm run migrate:down -- --to <the one before>) and apply the new version, or accept the edit with --rebaseline <id>',
    ],
  });

export const outOfOrderError = (outOfOrder: readonly LoadedMigration[], lastApplied: string): UserError =>
  new UserError(
    `${outOfOrder.map((m) => m.id).join(', ')} ${outOfOrder.length === 1 ? 'sorts' : 'sort'} before the last applied migration ${lastApplied}`,
    {
      details: [
        'migrations apply in name order; rename the new file with a later timestamp (npm run migrate:create writes one), or apply it anyway with --out-of-order',
      ],
    },
  );
