/**
 * The rehearsal, step by step. Everything that needs no browser comes first, so a change that cannot
 * be applied or reverted (or is blocked by a hazard) stops with its verdict in seconds; the engine's
 * chain on a real instance follows, and the regression runs of all three phases come last.
 */
import type { Step } from './step.ts';
import { checkChange } from './steps/check-change.ts';
import { checkFreshness } from './steps/check-freshness.ts';
import { compareAfterDown, compareAfterUp } from './steps/compare-phases.ts';
import { createInstance } from './steps/create-instance.ts';
import { findRunner } from './steps/find-runner.ts';
import { generateSuite } from './steps/generate-suite.ts';
import { loadMigrations } from './steps/load-migrations.ts';
import { migrateDown, migrateUp, migrateUpAgain } from './steps/migrate-chain.ts';
import { planMigrations } from './steps/plan-migrations.ts';
import { proveInMemory } from './steps/prove-in-memory.ts';
import { regressionRuns } from './steps/regression-runs.ts';
import { validateSnapshot } from './steps/validate-snapshot.ts';

export const REHEARSAL_STEPS: readonly Step[] = [
  findRunner,
  validateSnapshot,
  checkFreshness,
  loadMigrations,
  planMigrations,
  proveInMemory,
  checkChange,
  createInstance,
  migrateUp,
  migrateDown,
  migrateUpAgain,
  generateSuite,
  regressionRuns,
  compareAfterUp,
  compareAfterDown,
];
