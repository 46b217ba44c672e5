/**
 * The rollback proven in memory before any browser starts: the pending migrations applied to a copy
 * of the baseline (functions-form pairs proved as the engine does), reverted from their recorded
 * inverses last to first, and applied again. The canonical hash must come back to the baseline after
 * down and to the first up's after up again; the engine's chain on the instance proves it again, beside
 * the regression runs, which observe the states kept here (the chain must reach the same hashes).
 */
import { canonicalHash, type Config, type Issue } from '../model/index.ts';
import { applyMigration, type LoadedMigration, revertMigration } from '../migrate/index.ts';

export interface MemoryProof {
  baseline: string;
  afterUp: string;
  afterDown: string;
  afterUpAgain: string;
  /** The state after up (again): what the model's rules and the lockout check look at, and the after-up phase observes. */
  after: { config: Config; issues: Issue[] };
  /** The state after down (a copy taken then): what the after-down phase observes. */
  afterDownState: { config: Config; issues: Issue[] };
}

/** Throws the engine's MigrationError when a migration fails or its down() does not undo its up(). */
export const proveInMemory = (
  baseline: { config: Config; issues: readonly Issue[] },
  pending: readonly LoadedMigration[],
  now: string,
): MemoryProof => {
  const state = structuredClone({ config: baseline.config, issues: baseline.issues as Issue[] });
  const hash = () => canonicalHash(state.config, state.issues);
  const h0 = hash();
  const up = () =>
    pending.map((m) => ({
      id: m.id,
      inverse: applyMigration(state, m.migration, { migrationId: m.id, now, actor: null, discardOnFailure: true }).inverse,
    }));
  const applied = up();
  const afterUp = hash();
  for (const a of [...applied].reverse()) revertMigration(state, a.inverse, { migrationId: a.id, now });
  const afterDown = hash();
  const afterDownState = structuredClone(state);
  up();
  return { baseline: h0, afterUp, afterDown, afterUpAgain: hash(), after: state, afterDownState };
};
