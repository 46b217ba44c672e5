/**
 * The hazard catalogue: every analyzer the rehearsal runs, by stage. A new hazard is a new file here
 * and one line in this list; the pipeline's steps run `analyze(stage, input)` and nothing else.
 */
import type { Hazard } from '../result.ts';
import type { Analyzer, AnyAnalyzer, Stage, StageInputs } from './analyzer.ts';
import { broadExpectation } from './broad-expectation.ts';
import { irreversible } from './irreversible.ts';
import { notificationStorm } from './notification-storm.ts';
import { observedLockout, projectLockout } from './project-lockout.ts';
import { rulesWarning } from './rules-warning.ts';
import { unusedExpectation } from './unused-expectation.ts';

export const ANALYZERS: readonly AnyAnalyzer[] = [
  notificationStorm,
  projectLockout,
  irreversible,
  broadExpectation,
  rulesWarning,
  unusedExpectation,
  observedLockout,
];

/** Runs every analyzer of a stage, in catalogue order; each hazard names the analyzer that found it. */
export const analyze = <S extends Stage>(stage: S, input: StageInputs[S], catalogue: readonly AnyAnalyzer[] = ANALYZERS): Hazard[] =>
  catalogue.filter((a) => a.stage === stage).flatMap((a) => (a as unknown as Analyzer<S>).analyze(input).map((h) => ({ ...h, analyzer: a.id })));
