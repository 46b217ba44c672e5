/**
 * The rehearsal (`npm run rehearse`, `npm run gate`): the pipeline (pipeline/: named steps over one
 * context, every check that needs no browser first), the hazard catalogue (hazards/: named analyzers
 * with codes), the regression runners (runner/: Playwright, and the tracker in memory for tests), the
 * suite generated from the configuration (suite/), the comparison of observations against `expect`
 * (observe/), and the report (report/: HTML, Markdown, runbook, JUnit, result.json, types in result.ts).
 */
export { ensureChromium, NO_BROWSER_HINT } from './browser/ensure-chromium.ts';
export { BrowserNotFound, findChromium, launchOptionsFor, type FoundBrowser } from './browser/find-chromium.ts';
export { runRehearseCommand } from './command.ts';
export { rehearse, type RehearsalOutcome, type RehearseOptions } from './pipeline.ts';
export { REHEARSAL_STEPS } from './pipeline/rehearsal-steps.ts';
export { beside, flatSteps } from './pipeline/step.ts';
export type { Beside, Step, StepEntry, Verdict } from './pipeline/step.ts';
export { analyze, ANALYZERS } from './hazards/catalogue.ts';
export type { Analyzer, AnyAnalyzer, Stage } from './hazards/analyzer.ts';
export { MemoryRunner } from './runner/memory-runner.ts';
export { PlaywrightRunner } from './runner/playwright-runner.ts';
export type { PhaseRun, PhaseState, RegressionInput, RegressionRunner } from './runner/regression-runner.ts';
export { runRegression, type RunOptions } from './regression-run.ts';
export {
  PHASES,
  type Difference,
  type Hazard,
  type ProductionPlanSummary,
  type MigrationReport,
  type Observation,
  type Phase,
  type RegressionRun,
  type RehearsalResult,
} from './result.ts';
export { buildSuitePlan, type PlanLimits, type SuitePlan } from './suite/plan.ts';
