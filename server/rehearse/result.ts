/**
 * What a rehearsal produces: `result.json` in the report directory. The gate and the notices read
 * it; its schema is documented in docs/result-json.md. Add fields, never rename them.
 */
import type { ExpectCheck, PlanItem } from '../migrate/index.ts';
import type { StepRecord } from './steps.ts';

/** The checks observations belong to: the `expect` vocabulary plus the user's own specs. */
export type ObservationCheck = ExpectCheck;

/**
 * One fact a regression run recorded, keyed so that two runs compare. `id` is unique within a run
 * (e.g. `permissions|ACME|alice@acme.test|CREATE_ISSUES`); `keys` gives, per key name, every name the
 * entity may be called by (key and display name, id), which `expect` entries match against; `label`
 * is the sentence a person reads ("Alice Ng may create issues in Acme Web (ACME)").
 */
export interface Observation {
  check: ObservationCheck;
  id: string;
  label: string;
  keys: Record<string, string[]>;
  value: unknown;
}

/** A difference between two runs' observations. */
export interface Difference {
  check: ObservationCheck;
  id: string;
  label: string;
  keys: Record<string, string[]>;
  /** 'added' (only after), 'removed' (only before), or a check-specific change word (e.g. 'required', 'revoked', 'changed'). */
  change: string;
  before?: unknown;
  after?: unknown;
  /** The migration an `expect` entry of which declared it, and why. */
  expectedBy?: { migration: string; reason: string };
  /** For an undeclared difference: the migration most likely to have caused it (the last applied when unknown). */
  migration?: string;
}

/** The phases a rehearsal observes, in the order they are compared. */
export const PHASES = ['baseline', 'after-up', 'after-down'] as const;
export type Phase = (typeof PHASES)[number];

export interface TestFailure {
  title: string;
  file: string;
  error: string;
  /** Paths relative to the report directory; the trace is of a re-run of the failed test with tracing on. */
  trace?: string;
  screenshot?: string;
}

export interface RegressionRun {
  phase: Phase;
  /** Wall time of the run; phases observed together in one run share it. */
  ms: number;
  /** The phases observed in the same Playwright run as this one (side by side), when there were several. */
  together?: Phase[];
  tests: { passed: number; failed: number; skipped: number };
  observations: number;
  failures: TestFailure[];
}

export type HazardKind =
  | 'precondition'
  | 'rules'
  | 'regression'
  | 'rollback-hash'
  | 'rollback-observations'
  | 'notification-storm'
  | 'project-unreachable'
  | 'stale-snapshot'
  | 'unused-expectation'
  | 'irreversible'
  | 'shared-scheme'
  | 'rules-warning'
  | 'broad-expectation'
  | 'baseline-failure';

export interface Hazard {
  kind: HazardKind;
  /** The catalogue's code of what was found (e.g. `NS101`); README lists every code. */
  code?: string;
  /** The analyzer that found it (e.g. `notification-storm`); absent for a step's own verdict. */
  analyzer?: string;
  /** Errors fail the rehearsal; warnings fail it only with --strict (the gate). */
  severity: 'error' | 'warning';
  migration?: string;
  message: string;
  evidence: string[];
}

/** One operation's sentence with the area of the tracker it changes (statuses, fields, permissions…). */
export interface ChangeSentence {
  area: string;
  sentence: string;
}

export interface MigrationReport {
  id: string;
  description: string;
  sentences: string[];
  /** The same sentences with their area ('custom' for a function-form migration). */
  changes?: ChangeSentence[];
  /** The recorded inverse in words, in the order it is applied (last operation first). */
  backout?: string[];
  /** The configuration as it must be put back, in readable lines. */
  backoutConfigChanges?: string[];
  configChanges: string[];
  issues: PlanItem['issues'];
  notifications: PlanItem['notifications'];
  sharedSchemes: PlanItem['sharedSchemes'];
  irreversible?: { reason: string; recovery: string };
  /** Names of the workflows whose definition this migration changes (diagrams before/after in index.html). */
  workflowsChanged: string[];
  /** Applying it on the rehearsal instance (first up), and reverting it (down). */
  upMs?: number;
  downMs?: number;
}

export interface MigrationFile {
  id: string;
  file: string;
  checksum: string;
}

/** The steps `npm run apply` will carry out on production, per migration, with their class. */
export interface ProductionPlanSummary {
  deploymentType: 'Cloud' | 'DataCenter';
  migrations: {
    id: string;
    steps: { id: string; phase: string; class: string; title: string; reason?: string; privateApi?: boolean }[];
    notWritten: string[];
  }[];
}

export interface SkippedStep {
  name: string;
  reason: string;
}

export interface RehearsalResult {
  schemaVersion: 1;
  verdict: 'safe' | 'failed';
  /** 0 safe, 1 a problem found (2 is never written: bad input stops before a report). */
  exitCode: 0 | 1;
  strict: boolean;
  snapshot: {
    dir: string;
    kind: 'fixture' | 'clone' | string;
    createdAt?: string;
    issues: number;
    projects: number;
    /** Production's issue count the sample was drawn from (the manifest's productionTotals.issues). */
    productionIssues?: number;
    /** Where production lives, for a clone (the manifest's source.url). */
    sourceUrl?: string;
  };
  migrationsDir: string;
  /**
   * The migration files this rehearsal applied, in order, with the sha256 of their bytes (the
   * ledger's checksum): `npm run apply` carries the change to production only for exactly these.
   */
  migrationFiles?: MigrationFile[];
  /** How `npm run apply` will carry the change to production (planned on the snapshot); `error` when it could not be planned. */
  productionPlan?: ProductionPlanSummary | { error: string };
  /** The frozen clock of the whole rehearsal. */
  now: string;
  startedAt: string;
  durationMs: number;
  shard?: string;
  migrations: MigrationReport[];
  hashes: { baseline: string; afterUp?: string; afterDown?: string; afterUpAgain?: string };
  rollbackProven: boolean;
  /** Undeclared differences baseline → after up. */
  regressions: Difference[];
  /** Differences baseline → after up that an `expect` entry declares. */
  expected: Difference[];
  /** Differences baseline → after down (must be none). */
  rollbackDifferences: Difference[];
  hazards: Hazard[];
  runs: RegressionRun[];
  steps: StepRecord[];
  /** What this rehearsal did not check, in words. */
  notRun: string[];
  /**
   * Steps of the pipeline that did not run because an earlier one stopped it (a change that cannot be
   * applied or reverted stops before any regression run), with why. Absent when every step ran.
   */
  skippedSteps?: SkippedStep[];
  /**
   * Requests the sandbox answered with 500 (a bug in Understudy, not in the change): how many, and the
   * log in the report folder that holds each request and its stack. Absent when there were none.
   */
  sandboxErrors?: { count: number; file: string };
}
