/**
 * The shapes every migration operation shares: the state it changes in place, what it records so
 * that `migrate:down` can undo it without the migration file, and the context it runs in.
 */
import type { TrackerState } from '../model/index.ts';

/** What operations change, in place (the model's TrackerState). Issues are never copied wholesale: there may be a million. */
export type { TrackerState };

/**
 * An operation as data: what the ledger stores. `args` is plain JSON. Per-issue data (the values a
 * removal destroyed, the prior values a remap overwrote) goes in `bulk`, one entry per issue, so the
 * ledger can shard it; it never goes in `args`, which must stay small.
 */
export interface RecordedOp {
  kind: string;
  args: unknown;
  bulk?: unknown[];
}

/** What applying an operation returns: its inverse (data, applied first-to-last after reversal) and what it touched. */
export interface AppliedOp {
  /** Recorded operations that undo this one; `revertMigration` applies them last to first. */
  inverse: RecordedOp[];
  touched: Touched;
}

export interface Touched {
  /** Ids of issues whose values changed. */
  issueIds: string[];
  /** Ids of fields (or issue keys such as `status`) whose values changed on those issues. */
  fields: string[];
}

/** Where an operation sits: named in every error. `position` is 1-based. */
export interface OpSite {
  migrationId: string;
  position: number;
  kind: string;
}

/** The frozen clock and the actor an operation writes into history entries and `updated`. */
export interface OpContext {
  /** ISO timestamp used for every `updated` and history entry the operation writes. */
  now: string;
  /** Account id recorded as the author of history entries (null: the system). */
  actor: string | null;
  site: OpSite;
  /** Internal restore operations carry captured data; they must not write history of their own. */
  restoring?: boolean;
}

/** A precondition problem: what is wrong and, where a name did not resolve, the candidates. */
export interface OpProblem {
  message: string;
  candidates?: string[];
}

/**
 * The registry entry of one operation kind. Everything the plan, the engine and the ledger need.
 */
export interface OpDefinition<A = unknown> {
  kind: string;
  /** Where it belongs, for documentation and grouping: `statuses`, `fields`, ... or `internal`. */
  area: string;
  /** Argument names that must be present, and the ones that may be. Checked when a file is loaded. */
  required: readonly string[];
  optional: readonly string[];
  /** Internal kinds (restores) appear in ledgers only; migrations cannot call them. */
  internal?: boolean;
  /** One plain sentence, for the plan, the report and the notices. Never throws. */
  describe(args: A, state: TrackerState): string;
  /** Preconditions against the state; empty when the operation can be applied. */
  check(state: TrackerState, args: A, site?: OpSite): OpProblem[];
  /**
   * Applies in place and returns the inverse. Throws an OpError when a precondition fails (state
   * untouched). `bulk` is the per-issue data of a recorded operation (restores only).
   */
  apply(state: TrackerState, args: A, ctx: OpContext, bulk?: readonly unknown[]): AppliedOp;
}
