/**
 * A hazard analyzer: one named check with an id and the codes of what it finds (the way Atlas names
 * its analyzers, `destructive` with `DS102`…). The pipeline runs every analyzer of the catalogue at
 * its stage; adding a hazard adds a file and a line in catalogue.ts, not a branch in the pipeline.
 */
import type { Config, Issue } from '../../model/index.ts';
import type { PlanItem } from '../../migrate/index.ts';
import type { Classified } from '../observe/classify.ts';
import type { Hazard, Observation } from '../result.ts';

/** What the analyzers of the `change` stage see: the change planned and applied in memory, before any browser. */
export interface ChangeInput {
  plan: readonly PlanItem[];
  baseline: { config: Config; issues: readonly Issue[] };
  /** The state after every pending migration (applied in memory). */
  after: { config: Config; issues: readonly Issue[] };
  /** The model's warnings at baseline (formatted), so only new ones count. */
  baselineWarnings: ReadonlySet<string>;
  notificationsPerRecipient: number;
  lastMigration: string | undefined;
  now: string;
}

/** What the analyzers of the `comparison` stage see: the regression runs' observations, compared. */
export interface ComparisonInput {
  baseline: readonly Observation[];
  afterUp: readonly Observation[];
  classified: Classified;
  /** A shard sees only part of the suite. */
  sharded: boolean;
  lastMigration: string | undefined;
}

export interface StageInputs {
  change: ChangeInput;
  comparison: ComparisonInput;
}
export type Stage = keyof StageInputs;

export interface Analyzer<S extends Stage = Stage> {
  /** Its name, e.g. `notification-storm`. */
  id: string;
  stage: S;
  /** One line: what it looks for. */
  summary: string;
  /** Each code it reports, with what it means (the README's catalogue lists them). */
  codes: Record<string, string>;
  analyze: (input: StageInputs[S]) => Hazard[];
}

/** An analyzer of any stage (what the catalogue holds). */
export type AnyAnalyzer = { [S in Stage]: Analyzer<S> }[Stage];

/** Stamps a code on hazards found by a plain function. */
export const coded = (code: string, hazards: readonly Hazard[]): Hazard[] => hazards.map((h) => ({ ...h, code }));
