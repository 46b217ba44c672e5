/** `migrate:status`: every migration of the folder and of the ledger, with its state and times. */
import type { InstanceRecords } from '../../store/index.ts';
import type { LoadedMigration } from '../load.ts';
import { checkIntegrity } from './integrity.ts';
import { ledgerOf } from './ledger.ts';

export type StatusState = 'applied' | 'pending' | 'changed' | 'missing';

export interface StatusRow {
  id: string;
  state: StatusState;
  appliedAt?: string;
  durationMs?: number;
  /** Why a pending migration is pending again, or what changed. */
  note?: string;
  outOfOrder?: boolean;
}

export const migrationStatus = (state: InstanceRecords, loaded: readonly LoadedMigration[]): StatusRow[] => {
  const integrity = checkIntegrity(state, loaded);
  const changed = new Map(integrity.changed.map((c) => [c.entry.id, c]));
  const missing = new Set(integrity.missing.map((e) => e.id));
  const outOfOrder = new Set(integrity.outOfOrder.map((m) => m.id));
  const ledger = new Map(ledgerOf(state).map((e) => [e.id, e]));
  const ids = [...new Set([...loaded.map((m) => m.id), ...ledger.keys()])].sort();
  const rows: StatusRow[] = [];
  for (const id of ids) {
    const entry = ledger.get(id);
    if (entry?.state === 'applied') {
      const c = changed.get(id);
      rows.push({
        id,
        appliedAt: entry.appliedAt,
        durationMs: entry.durationMs,
        state: c ? 'changed' : missing.has(id) ? 'missing' : 'applied',
        ...(c ? { note: `applied with ${entry.checksum}, the file is now ${c.file.checksum}` } : {}),
        ...(missing.has(id) ? { note: `file ${entry.file} is gone; migrate:down can still revert it from the ledger` } : {}),
      });
    } else if (loaded.some((m) => m.id === id)) {
      const note =
        entry?.state === 'failed'
          ? `failed at ${entry.appliedAt}: ${entry.error ?? ''}`
          : entry?.state === 'reverted'
            ? `reverted at ${entry.revertedAt}`
            : undefined;
      rows.push({ id, state: 'pending', ...(note ? { note } : {}), ...(outOfOrder.has(id) ? { outOfOrder: true } : {}) });
    }
    // A failed or reverted entry whose file is gone is history only: not shown.
  }
  return rows;
};

export const renderStatus = (rows: readonly StatusRow[]): string[] => {
  if (!rows.length) return ['no migrations in the folder and none applied'];
  const width = Math.max(...rows.map((r) => r.id.length));
  return rows.map((r) => {
    const when = r.appliedAt ? ` ${r.appliedAt} (${r.durationMs} ms)` : '';
    const extra = [r.outOfOrder ? 'out of order: sorts before the last applied migration' : '', r.note ?? ''].filter(Boolean).join('; ');
    return `${r.state.padEnd(8)} ${r.id.padEnd(width)}${when}${extra ? `  — ${extra}` : ''}`;
  });
};
