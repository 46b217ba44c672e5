/**
 * The model's rules after a migration, shared by up, verify and plan so that all three agree: a
 * migration that `migrate:up` refuses must not pass `migrate:verify` or look clean in the plan.
 */
import { formatProblem, type Problem, validateState } from '../../model/index.ts';
import type { TrackerState } from '../types.ts';

/** Errors the model's rules report on the state (warnings are not reasons to refuse). */
export const ruleErrors = (state: TrackerState): Problem[] => validateState(state.config, state.issues).filter((p) => p.severity === 'error');

/** One line for a plan or verify row: how many problems and the first one. */
export const invalidSummary = (problems: readonly Problem[]): string =>
  `leaves the instance invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}; migrate:up refuses it): ${formatProblem(problems[0]!)}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`;
