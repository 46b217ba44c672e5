/**
 * The one context every step of the rehearsal works on: the options, the result being written, and
 * what earlier steps produced (the snapshot, the migrations, the plan, the states of the phases, the
 * observations). A step reads what it needs and adds what it produces; `need` names a missing input.
 */
import type { InternalErrorEntry } from '../../http/index.ts';
import type { LoadedMigration, PlanItem, UpResult } from '../../migrate/index.ts';
import type { Config } from '../../model/index.ts';
import type { Instance, RawSnapshot } from '../../store/index.ts';
import type { TrackerState } from '../../tracker/index.ts';
import type { MemoryProof } from '../memory-proof.ts';
import type { Hazard, Observation, Phase, ProductionPlanSummary, RehearsalResult } from '../result.ts';
import type { RegressionRunner } from '../runner/regression-runner.ts';
import type { StepIo } from '../steps.ts';
import type { PlanLimits, SuitePlan } from '../suite/plan.ts';

export interface RehearseOptions {
  snapshot: string;
  migrations: string;
  reportDir: string;
  to?: string;
  /** The frozen clock of the whole rehearsal. */
  now: string;
  strict: boolean;
  shard?: string;
  workers: number;
  notificationsPerRecipient: number;
  limits: PlanLimits;
  /** The user's own specs (default tests/regression). */
  userSpecs?: string;
  /** The gate's freshness rule for cloned snapshots (days); absent = no check. */
  freshness?: (manifest: {
    kind: string;
    createdAt: string;
    production?: { clonedAt: string };
  }) => { ok: true; note: string } | { ok: false; message: string; details: string[] };
  keepInstance?: boolean;
  signal?: AbortSignal;
  /**
   * How production would take the rehearsed migrations (by id), for the report of a safe rehearsal:
   * handed in by scripts/ (server/apply sits above the rehearsal), planned beside the regression runs;
   * `signal` stops it when the rehearsal is interrupted or a lane beside it stops.
   */
  productionPlan?: (ids: readonly string[], signal?: AbortSignal) => Promise<ProductionPlanSummary>;
}

export type RehearsalIo = StepIo & { raw?: (chunk: string) => void };

export interface RehearsalContext {
  readonly opts: RehearseOptions;
  readonly io: RehearsalIo;
  readonly runner: RegressionRunner;
  readonly result: RehearsalResult;
  /** The configuration before and after each migration (diagrams, the runbook). */
  readonly configs: Map<string, { before: Config; after: Config }>;
  baselineConfig?: Config;
  hazard(h: Hazard): void;
  /** Requests the sandbox answered with 500 during the regression runs. */
  readonly sandboxErrors: InternalErrorEntry[];
  /** Run when the rehearsal ends, however it ends (last added first). */
  readonly cleanups: (() => Promise<void>)[];
  /** Aborts long steps: the rehearsal's own signal, and a stop in a lane beside them (step.ts). */
  signal?: AbortSignal;

  snap?: RawSnapshot;
  loaded?: LoadedMigration[];
  /** The snapshot as an instance in memory: what the checks without a browser work on. */
  memory?: Instance;
  pending?: LoadedMigration[];
  plan?: PlanItem[];
  baselineWarnings?: Set<string>;
  proof?: MemoryProof;
  /** The throwaway instance on disk the engine migrates (the hash chain proven by the engine itself). */
  instance?: Instance;
  applied?: UpResult['applied'];
  /** The state of each phase, kept when the chain reached it: what the regression runs observe. */
  states: Partial<Record<Phase, TrackerState>>;
  suite?: SuitePlan;
  observations: Partial<Record<Phase, Observation[]>>;
}

/** A step's input from an earlier step; missing means the steps are in the wrong order (a bug). */
export const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`rehearsal steps out of order: ${what} is not ready`);
  return value;
};
