/**
 * The migration engine: the public migration API (api.ts, what `import { defineMigration, op } from
 * 'understudy'` gives a migration file), operations (ops/) whose inverses are computed for every
 * operation in ops/define.ts (the configuration diff and the issue recorder), loading migration files,
 * applying and reverting them in memory, and engine/ for instances: the ledger of recorded inverses,
 * up, down, status, plan, verify, create. Other parts use the engine through this face.
 */
export { defineMigration, op } from './api.ts';
export { deepEqual } from './config-diff.ts';
export { runMigrateCommand } from './engine/command.ts';
export { configChanges } from './engine/config-changes.ts';
export { migrateDown } from './engine/down.ts';
export { appliedEntries, ledgerOf, type LedgerEntry, type LedgerState } from './engine/ledger.ts';
export { planMigrations, renderPlan, type PlanItem } from './engine/plan.ts';
export { migrateUp, selectPending, type UpOptions, type UpResult } from './engine/up.ts';
export { verifyMigrations } from './engine/verify.ts';
export { MigrationError, OpError } from './errors.ts';
export { EXPECT_CHECKS, expectationMatches, isBroad, type ExpectCheck, type ExpectedDifference } from './expect.ts';
export { listMigrationFiles, loadMigration, loadMigrations, type LoadedMigration } from './load.ts';
export { isMigration, isOpsMigration, type Migration, type MigrationSpec } from './migration.ts';
export { opDefinition } from './ops/registry.ts';
export { diff } from './config-diff.ts';
export { applyMigration, revertMigration, type AppliedMigration } from './apply.ts';
export type { IssueRestore } from './issue-changes.ts';
export type { RecordedOp } from './types.ts';
