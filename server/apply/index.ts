/**
 * apply: the write side of the production adapter. `npm run apply` carries a green rehearsal's
 * change to a Jira site (Cloud or Data Center) through its REST API — planned entity by entity
 * from the rehearsed configurations (plan/), one writer per kind of entity (writers/), a
 * write-ahead journal, a read-back after every step and a proven backout (run/), notices and the
 * announcement banner as it goes (notices.ts) — and keeps production's ledger (ledger.ts), from
 * which `migrate:down --url` backs a change out and `migrate:status --url` says what is applied.
 * Configurations are compared normalised (normalise/): ids Jira re-assigns are replaced by content keys.
 */
export { runApplyCommand, siteDir, type ApplyDeps } from './command.ts';
export { APPLY_USAGE, DOWN_USAGE, STATUS_USAGE } from './options.ts';
export { planProduction, type PlanInput, type PlannedChange } from './plan/planner.ts';
export { renderPlan, classCounts, CLASS_WORDS } from './plan/render.ts';
export type { ProductionPlan, MigrationPlan, Step, StepClass, Phase } from './plan/types.ts';
export { normalise, normalHash, normalChanges, type NormalConfig } from './normalise/index.ts';
export { asRead, viewOf, type View } from './production/read.ts';
export { PROOF_LIMITS } from './run/proof.ts';
export { isProductionCommand, runProductionCommand, runProductionDown, runProductionStatus } from './production-commands.ts';
export { connect } from './production/connect.ts';
export { readView } from './production/read.ts';
export { carryOut } from './run/carry-out.ts';
export { JournalStore, type Journal } from './run/journal.ts';
export { productionPlanSummary } from './plan/summary.ts';
