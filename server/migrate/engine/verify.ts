/**
 * `migrate:verify`: proves each pending migration's way back, in memory (the instance is never
 * saved): up (which must leave the model's rules satisfied, as migrate:up requires), then down from the inverse as the ledger would store it (a JSON round trip), and the
 * hash must equal the start; then up again, and the hash must equal the first up's.
 */
import { canonicalHash } from '../../model/index.ts';
import type { InstanceState } from '../../store/index.ts';
import { applyMigration, revertMigration } from '../apply.ts';
import { type LoadedMigration, prepareMigration } from '../load.ts';
import { loadInverse, storeInverse, type LedgerEntry } from './ledger.ts';
import { invalidSummary, ruleErrors } from './rules-check.ts';

export interface VerifyRow {
  id: string;
  ok: boolean;
  start: string;
  afterUp?: string;
  afterDown?: string;
  afterUpAgain?: string;
  upMs?: number;
  downMs?: number;
  error?: string;
}

const timed = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const v = fn();
  return [v, Math.round(performance.now() - t)];
};

export const verifyMigrations = async (state: InstanceState, pending: readonly LoadedMigration[], now: string): Promise<VerifyRow[]> => {
  const rows: VerifyRow[] = [];
  const scratch = { captures: {} } as InstanceState;
  for (const m of pending) {
    const hash = () => canonicalHash(state.config, state.issues);
    const start = hash();
    const row: VerifyRow = { id: m.id, ok: false, start };
    rows.push(row);
    try {
      const ctx = { migrationId: m.id, now, actor: null, hashBefore: start };
      // A supervised migration's code runs in the worker before each apply, on the state it is applied to.
      await prepareMigration(m, state, { now, actor: null, proveDown: true });
      const [first, upMs] = timed(() => applyMigration(state, m.migration, ctx));
      row.upMs = upMs;
      row.afterUp = hash();
      // The same check as migrate:up: a migration it would refuse does not verify.
      const problems = ruleErrors(state);
      if (problems.length) {
        row.error = invalidSummary(problems);
        break;
      }
      const stored = { id: m.id, inverse: storeInverse(scratch, m.id, first.inverse) } as LedgerEntry;
      const [, downMs] = timed(() => revertMigration(state, loadInverse(scratch, stored), { migrationId: m.id, now }));
      row.downMs = downMs;
      row.afterDown = hash();
      if (row.afterDown !== start) {
        row.error = 'after up then down the hash differs from the start: the inverse does not restore everything';
        break;
      }
      await prepareMigration(m, state, { now, actor: null, proveDown: true });
      applyMigration(state, m.migration, { ...ctx, hashBefore: start });
      row.afterUpAgain = hash();
      if (row.afterUpAgain !== row.afterUp) {
        row.error = 'up again does not reach the same state as the first up: the migration is not deterministic';
        break;
      }
      row.ok = true;
    } catch (e) {
      row.error = (e as Error)?.message ?? String(e);
      break;
    }
  }
  return rows;
};

export const renderVerify = (rows: readonly VerifyRow[]): string[] =>
  rows.map((r) =>
    r.ok ? `ok       ${r.id}: up ${r.upMs} ms, down ${r.downMs} ms; down == start, up again == first up` : `FAILED   ${r.id}: ${r.error}`,
  );
