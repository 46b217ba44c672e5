/**
 * Words that saved filters search for (`text ~ "checkout"`): kept in free text, and never produced
 * by a replacement, so a filter's text search finds the same issues after anonymising.
 * The semantics follow the sandbox's matcher: a term matches at the start of a word, `*` and `?` are wildcards
 * (the model's linear-time wildcard match: a pathological term in a production filter cannot stall a clone).
 */
import { searchTerms, termMatcher, wordAt } from '../../model/index.ts';

export interface SearchGuard {
  readonly terms: readonly string[];
  /** Does a term match at `pos` of `lowerText` (which must be at a word start)? */
  matchesAt(lowerText: string, pos: number): boolean;
}

/** Splits a `~` operand into terms exactly as the sandbox does (the model's JQL text search). */
export { searchTerms };

export const buildSearchGuard = (terms: Iterable<string>): SearchGuard => {
  const unique = [...new Set(terms)].sort();
  const matchers = unique.map(termMatcher);
  return {
    terms: unique,
    matchesAt: (lowerText, pos) => {
      const word = wordAt(lowerText, pos);
      return matchers.some((m) => m(word));
    },
  };
};
