/**
 * Words that saved filters search for (`text ~ "checkout"`): kept in free text, and never produced
 * by a replacement, so a filter's text search finds the same issues after anonymising.
 * The semantics follow the sandbox's matcher: a term matches at the start of a word, `*` and `?` are wildcards.
 */
export interface SearchGuard {
  readonly terms: readonly string[];
  /** Does a term match at `pos` of `lowerText` (which must be at a word start)? */
  matchesAt(lowerText: string, pos: number): boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits a `~` operand into terms exactly as the sandbox does (phrases are split into their words). */
export const searchTerms = (operand: string): string[] =>
  operand.toLowerCase().split(/[^\p{L}\p{N}*?]+/u).filter((t) => t && t !== '*');

export const buildSearchGuard = (terms: Iterable<string>): SearchGuard => {
  const unique = [...new Set(terms)].sort();
  const patterns = unique.map((t) => new RegExp(escape(t).replace(/\\\*/g, '[\\p{L}\\p{N}]*').replace(/\\\?/g, '[\\p{L}\\p{N}]'), 'uy'));
  return {
    terms: unique,
    matchesAt: (lowerText, pos) => patterns.some((p) => { p.lastIndex = pos; return p.test(lowerText); }),
  };
};
