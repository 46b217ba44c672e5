/**
 * The rehearsal, step by step. Everything that needs no browser comes first, so a change that cannot
 * be applied or reverted (or is blocked by a hazard) stops with its verdict in seconds. Then the
 * engine's chain on a real instance runs beside the regression runs of all three phases (they observe
 * the states the proof in memory kept; the chain must reach the same hashes, or both stop) and the
 * production plan for the runbook, and the comparison comes last.
 */
import { beside, type StepEntry } from './step.ts';
import { checkChange } from './steps/check-change.ts';
import { checkFreshness } from './steps/check-freshness.ts';
import { compareAfterDown, compareAfterUp } from './steps/compare-phases.ts';
import { createInstance } from './steps/create-instance.ts';
import { findRunner } from './steps/find-runner.ts';
import { generateSuite } from './steps/generate-suite.ts';
import { loadMigrations } from './steps/load-migrations.ts';
import { migrateDown, migrateUp, migrateUpAgain } from './steps/migrate-chain.ts';
import { planMigrations } from './steps/plan-migrations.ts';
import { planProduction } from './steps/plan-production.ts';
import { proveInMemory } from './steps/prove-in-memory.ts';
import { regressionRuns } from './steps/regression-runs.ts';
import { validateSnapshot } from './steps/validate-snapshot.ts';

export const REHEARSAL_STEPS: readonly StepEntry[] = [
  findRunner,
  validateSnapshot,
  checkFreshness,
  loadMigrations,
  planMigrations,
  proveInMemory,
  checkChange,
  generateSuite,
  beside([createInstance, migrateUp, migrateDown, migrateUpAgain], [regressionRuns], [planProduction]),
  compareAfterUp,
  compareAfterDown,
];
