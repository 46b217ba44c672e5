/**
 * JQL's text search (`~`) as the sandbox runs it: the tracker's matcher and the anonymiser's guard of
 * searched words share it, so a saved filter finds the same issues before and after anonymising.
 *
 * A term matches at the start of a word (a run of letters and digits); `*` stands for any letters or
 * digits, `?` for one. The matcher is a greedy wildcard match, no regular expression: a term of m
 * characters against a word of n costs O(n·m) at worst, whatever the pattern (a backtracking regex
 * took minutes on `a*a*a*a*a*a*b` over a word of 200 `a`s).
 */

/** A text as a regular expression that matches exactly it. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits a `~` operand into lower-case terms (a phrase into its words; a lone `*` is no term). */
export const searchTerms = (operand: string): string[] =>
  operand
    .toLowerCase()
    .split(/[^\p{L}\p{N}*?]+/u)
    .filter((t) => t && t !== '*');

/** The words of a lower-case text: its runs of letters and digits. */
export const wordsOf = (lower: string): string[] => lower.match(/[\p{L}\p{N}]+/gu) ?? [];

const WORD_AT = /[\p{L}\p{N}]*/uy;
/** The run of letters and digits that starts at `pos` ('' when none does). */
export const wordAt = (lower: string, pos: number): string => {
  WORD_AT.lastIndex = pos;
  return WORD_AT.exec(lower)![0];
};

/** Does a `*`-free pattern (code points, `?` for any one) fit `word` at `at`? */
const fitsAt = (word: readonly string[], seg: readonly string[], at: number): boolean => {
  if (at + seg.length > word.length) return false;
  for (let k = 0; k < seg.length; k++) if (seg[k] !== '?' && seg[k] !== word[at + k]) return false;
  return true;
};

/**
 * A term (from searchTerms) as a test of one word (from wordsOf or wordAt): does the term match the
 * start of the word? The pieces between `*`s are placed left to right, each at its first fit: with
 * fixed-length pieces the leftmost placement never loses a match, so no backtracking is needed.
 */
export const termMatcher = (term: string): ((word: string) => boolean) => {
  const [head = '', ...rest] = term.split('*');
  const pieces = rest.filter(Boolean);
  if (!term.includes('?')) {
    if (!rest.length) return (word) => word.startsWith(head);
    return (word) => {
      if (!word.startsWith(head)) return false;
      let at = head.length;
      for (const piece of pieces) {
        const found = word.indexOf(piece, at);
        if (found < 0) return false;
        at = found + piece.length;
      }
      return true;
    };
  }
  // `?` is one code point, which may be two UTF-16 units: compare code point by code point.
  const first = Array.from(head);
  const segs = pieces.map((p) => Array.from(p));
  return (text) => {
    const word = Array.from(text);
    if (!fitsAt(word, first, 0)) return false;
    let at = first.length;
    for (const seg of segs) {
      while (!fitsAt(word, seg, at)) if (++at + seg.length > word.length) return false;
      at += seg.length;
    }
    return true;
  };
};
