/**
 * The migration ledger, kept inside the instance (InstanceState.ledger): one entry per migration
 * id with its latest state, the recorded inverse and a log of what happened to it. The per-issue
 * data of an inverse (`bulk`, up to a million records) is stored apart in InstanceState.captures,
 * which the store shards, and is referenced from the entry by key.
 */
import type { InstanceRecords } from '../../store/index.ts';
import type { Irreversible } from '../migration.ts';
import type { RecordedOp } from '../types.ts';

export const LEDGER_STATES = ['applied', 'failed', 'reverted'] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

/** A recorded inverse operation as stored: its bulk data lives in `captures[bulkRef]`. */
export interface StoredOp {
  kind: string;
  args: unknown;
  bulkRef?: string;
  bulkCount?: number;
}

export interface LedgerEvent {
  at: string;
  action: 'applied' | 'failed' | 'reverted' | 'revert-failed' | 'rebaselined';
  by: string;
  note?: string;
}

export interface LedgerEntry {
  id: string;
  /** The file as it was found when applied (path relative to the project). */
  file: string;
  /** sha256 of the file's bytes when applied (or re-baselined). */
  checksum: string;
  description: string;
  state: LedgerState;
  appliedAt: string;
  appliedBy: string;
  durationMs: number;
  /** Canonical hash of config + issues before and after the migration. */
  hashBefore: string;
  hashAfter: string | null;
  /** One plain sentence per operation. */
  sentences: string[];
  /** What undoes it, in forward order (reverted last to first). */
  inverse: StoredOp[];
  touchedIssues: number;
  irreversible?: Irreversible;
  error?: string;
  revertedAt?: string;
  revertDurationMs?: number;
  log: LedgerEvent[];
}

export const ledgerOf = (state: InstanceRecords): LedgerEntry[] => state.ledger as unknown as LedgerEntry[];

export const entryFor = (state: InstanceRecords, id: string): LedgerEntry | undefined => ledgerOf(state).find((e) => e.id === id);

/** Entries currently applied, in the order they were applied (ledger order). */
export const appliedEntries = (state: InstanceRecords): LedgerEntry[] => ledgerOf(state).filter((e) => e.state === 'applied');

/** Replaces or appends the entry for its id, keeping the ledger's order of first application. */
export const putEntry = (state: InstanceRecords, entry: LedgerEntry): void => {
  const ledger = ledgerOf(state);
  const i = ledger.findIndex((e) => e.id === entry.id);
  if (i === -1) ledger.push(entry);
  else {
    // A re-application moves the entry to the end: the ledger order is the order of application.
    ledger.splice(i, 1);
    ledger.push(entry);
  }
};

const captureKey = (id: string, index: number) => `${id}#${index}`;

/** Moves every inverse op's bulk data into captures; returns the storable ops. Clears old captures of the id. */
export const storeInverse = (state: InstanceRecords, id: string, inverse: readonly RecordedOp[]): StoredOp[] => {
  dropCaptures(state, id);
  return inverse.map((op, index) => {
    // A JSON round trip now, so what is stored is exactly what a later `down` will read back.
    const args = JSON.parse(JSON.stringify(op.args ?? null)) as unknown;
    if (!op.bulk?.length) return { kind: op.kind, args };
    const key = captureKey(id, index);
    // No copy: bulk data is never shared with the live state (operations clone the prior values
    // they capture; the functions form keeps the replaced issue objects), and copying a million
    // captured records would double the cost of a large migration.
    state.captures[key] = op.bulk as unknown[];
    return { kind: op.kind, args, bulkRef: key, bulkCount: op.bulk.length };
  });
};

/** Rebuilds the recorded inverse of an entry from the ledger and the captures. */
export const loadInverse = (state: InstanceRecords, entry: LedgerEntry): RecordedOp[] =>
  entry.inverse.map((op) => {
    if (!op.bulkRef) return { kind: op.kind, args: op.args };
    const bulk = state.captures[op.bulkRef];
    if (!bulk || bulk.length !== op.bulkCount) {
      throw new Error(
        `the ledger of ${entry.id} names captured data '${op.bulkRef}' (${op.bulkCount} records) that the instance does not hold in full (${bulk?.length ?? 0})`,
      );
    }
    return { kind: op.kind, args: op.args, bulk };
  });

export const dropCaptures = (state: InstanceRecords, id: string): void => {
  for (const key of Object.keys(state.captures)) if (key.startsWith(`${id}#`)) delete state.captures[key];
};
