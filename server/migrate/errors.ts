/** Errors of the migration layer. Each names the migration, the operation's position and kind. */
import { UserError } from '../common/errors.ts';
import type { OpProblem, OpSite } from './types.ts';

export const siteLabel = (site: OpSite): string => `migration ${site.migrationId}, op ${site.position} (${site.kind})`;

/** A precondition failed: nothing was changed. */
export class OpError extends UserError {
  readonly site: OpSite;
  readonly problem: OpProblem;
  constructor(site: OpSite, problem: OpProblem) {
    super(`${siteLabel(site)}: ${problem.message}`, {
      details: problem.candidates?.length ? [`candidates: ${problem.candidates.join(', ')}`] : [],
    });
    this.site = site;
    this.problem = problem;
  }
}

/**
 * A migration failed while applying and was rolled back in memory. `restored` says whether the
 * canonical hash came back to the start; when false the caller must restore from its kept pre-state.
 * Given as undefined, nothing was compared: the caller discards the copy it ran on (`restored` false).
 */
export class MigrationError extends UserError {
  readonly migrationId: string;
  readonly position: number | undefined;
  readonly restored: boolean;
  override readonly exitCode: 1 | 2;
  /** `failedCheck`: the migration is well-formed but a proof failed (its `down` does not undo `up`): exit 1. */
  constructor(migrationId: string, position: number | undefined, what: string, cause: unknown, restored: boolean | undefined, failedCheck = false) {
    const causeMsg = cause instanceof OpError ? cause.problem.message : cause instanceof Error ? cause.message : String(cause);
    const where = position === undefined ? `migration ${migrationId}` : `migration ${migrationId}, op ${position} (${what})`;
    super(`${where} failed: ${causeMsg}`, {
      cause,
      details: [
        ...(cause instanceof OpError && cause.problem.candidates?.length ? [`candidates: ${cause.problem.candidates.join(', ')}`] : []),
        // The way out a user error of the migration's own names (a time limit to raise, …).
        ...(cause instanceof UserError && !(cause instanceof OpError) ? cause.details : []),
        restored === undefined
          ? 'nothing was changed: it ran in memory only (a plan or a proof), was rolled back and is discarded'
          : restored
            ? 'nothing was changed: the state was restored to its exact prior hash'
            : 'the in-memory state could NOT be restored to its prior hash; restore the instance from its kept pre-state',
      ],
    });
    this.migrationId = migrationId;
    this.position = position;
    this.restored = restored === true;
    this.exitCode = failedCheck ? 1 : 2;
  }
}
