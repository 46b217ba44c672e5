import type { Config, Issue } from '../model/types.ts';

/** Everything an instance holds, used through lowdb's `Low<InstanceState>`. */
export interface InstanceState {
  config: Config;
  issues: Issue[];
  /** The migration ledger (owned by the migration engine). */
  ledger: Record<string, unknown>[];
  /** The notification outbox (owned by the tracker server). */
  outbox: Record<string, unknown>[];
  /** Data migrations capture so that inverses can restore it, by capture name; may hold millions of records. */
  captures: Record<string, unknown[]>;
  /** The tracker's administration records (ids, versions, audit log, tasks, banner; owned by the tracker), outside the canonical hash. */
  admin?: unknown;
}

export const DEFAULT_SHARD_SIZE = 20_000;
