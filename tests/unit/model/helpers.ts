import { validateState } from '../../../server/model/validate.ts';
import { formatProblem, type Problem } from '../../../server/model/problems.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';

export type Content = ReturnType<typeof tinyContent>;

/** Validates tiny content after a mutation, in memory. */
export const validateMutated = (mutate: (c: Content) => void): Problem[] => {
  const c = tinyContent();
  mutate(c);
  return validateState(c.config, c.issues);
};

export const lines = (problems: readonly Problem[]): string[] => problems.map(formatProblem);
