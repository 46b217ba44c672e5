/**
 * The rehearsal (`npm run rehearse`, `npm run gate`): the pipeline of timed steps from a snapshot to a
 * verdict (validate, throwaway instance, baseline, plan and hazards, up, compare, down, proof, up
 * again), one Playwright regression run, the suite generated from the configuration (suite/), the
 * comparison of observations against `expect` (observe/), the hazards, and the report (report/:
 * HTML, Markdown, runbook, JUnit, result.json, whose types live in result.ts).
 */
export { ensureChromium, NO_BROWSER_HINT } from './browser/ensure-chromium.ts';
export { BrowserNotFound, findChromium, launchOptionsFor, type FoundBrowser } from './browser/find-chromium.ts';
export { runRehearseCommand } from './command.ts';
export { rehearse, type RehearsalOutcome, type RehearseOptions } from './pipeline.ts';
export { runRegression, type RunOptions } from './regression-run.ts';
export type { Difference, Hazard, ProductionPlanSummary, MigrationReport, Observation, Phase, RegressionRun, RehearsalResult } from './result.ts';
export { buildSuitePlan, type PlanLimits, type SuitePlan } from './suite/plan.ts';
