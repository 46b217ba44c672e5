/**
 * The seam between the pipeline and whatever drives the tracker in a regression run. The pipeline
 * hands over the suite's plan and the state of each phase; the runner answers each phase's
 * observations and test outcomes. PlaywrightRunner drives a real browser and the REST API; the
 * MemoryRunner (a double for the pipeline's own tests) asks the tracker directly.
 */
import type { InternalErrorEntry } from '../../http/index.ts';
import type { TrackerState } from '../../tracker/index.ts';
import type { Observation, Phase, RegressionRun } from '../result.ts';
import type { SuitePlan } from '../suite/plan.ts';

export interface PhaseState {
  phase: Phase;
  /** The state to observe; a runner never changes it (tests that write work on forks). */
  state: TrackerState;
}

export interface RegressionInput {
  suite: SuitePlan;
  phases: readonly PhaseState[];
  /** The frozen clock of the rehearsal. */
  now: string;
  reportDir: string;
  workers: number;
  shard?: string;
  /** The user's own specs folder (absolute), when given. */
  userSpecs?: string;
  /** Chunks of the runner's own progress output (Playwright's dots). */
  progress: (chunk: string) => void;
  /** Requests the sandbox answered with 500. */
  onInternalError: (e: InternalErrorEntry) => void;
  signal?: AbortSignal;
}

export interface PhaseRun {
  run: RegressionRun;
  observations: Observation[];
}

export interface RegressionRunner {
  /** How it drives the tracker, in a few words (shown in the steps). */
  readonly name: string;
  /** The name of the step that checks it can run here ('find a browser'). */
  readonly checkName: string;
  /** What a rehearsal with this runner does not check, in sentences (added to notRun). */
  readonly leavesOut: readonly string[];
  /** Whether it can run here, as evidence lines; throws UserError when it cannot (no browser: exit 2). */
  check(): Promise<string[]>;
  /** One result per phase, in the order given. */
  run(input: RegressionInput): Promise<PhaseRun[]>;
}
