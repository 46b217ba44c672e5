/**
 * JQL's text search (`~`) as the sandbox runs it: the tracker's matcher and the anonymiser's guard of
 * searched words share it, so a saved filter finds the same issues before and after anonymising.
 *
 * A term matches at the start of a word (a run of letters and digits); `*` stands for any letters or
 * digits, `?` for one. The matcher is a greedy wildcard match, no regular expression: one pass over
 * a word per piece between `*`s (V8's substring search, or a bit-parallel one for pieces with `?`),
 * so a term of m characters against a word of n costs O(n·m/32) at worst, whatever the pattern (a
 * backtracking regex took minutes on `a*a*a*a*a*a*b` over a word of 200 `a`s).
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

/** `?` among a piece's code points. */
const ANY = -1;
const QUESTION_MARK = 0x3f;

const codePoints = (text: string): number[] => {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0)!);
  return out;
};

/** Does a piece (code points, ANY for `?`) fit `word` at `at`? */
const fitsAt = (word: readonly number[], piece: readonly number[], at: number): boolean => {
  if (at + piece.length > word.length) return false;
  for (let k = 0; k < piece.length; k++) if (piece[k] !== ANY && piece[k] !== word[at + k]) return false;
  return true;
};

/**
 * A piece with `?`s as a bit-parallel (shift-and) search: where it first fits `word` at or after
 * `from`, or -1. One pass over the word, |piece|/32 machine words per code point.
 */
const pieceFinder = (piece: readonly number[]): ((word: readonly number[], from: number) => number) => {
  const words = (piece.length + 31) >>> 5;
  const any = new Uint32Array(words);
  const masks = new Map<number, Uint32Array>();
  piece.forEach((c, i) => {
    if (c === ANY) any[i >>> 5]! |= 1 << (i & 31);
    else {
      let mask = masks.get(c);
      if (!mask) masks.set(c, (mask = new Uint32Array(words)));
      mask[i >>> 5]! |= 1 << (i & 31);
    }
  });
  for (const mask of masks.values()) for (let k = 0; k < words; k++) mask[k]! |= any[k]!;
  const top = piece.length - 1;
  const state = new Uint32Array(words);
  return (word, from) => {
    state.fill(0);
    for (let j = from; j < word.length; j++) {
      const mask = masks.get(word[j]!) ?? any;
      let carry = 1;
      for (let k = 0; k < words; k++) {
        const d = state[k]!;
        state[k] = ((d << 1) | carry) & mask[k]!;
        carry = d >>> 31;
      }
      if (state[top >>> 5]! & (1 << (top & 31))) return j - top;
    }
    return -1;
  };
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
  const pattern = (piece: string) => codePoints(piece).map((c) => (c === QUESTION_MARK ? ANY : c));
  const first = pattern(head);
  const finders = pieces.map((p) => pieceFinder(pattern(p)));
  const lengths = pieces.map((p) => pattern(p).length);
  return (text) => {
    const word = codePoints(text);
    if (!fitsAt(word, first, 0)) return false;
    let at = first.length;
    for (let n = 0; n < finders.length; n++) {
      const found = finders[n]!(word, at);
      if (found < 0) return false;
      at = found + lengths[n]!;
    }
    return true;
  };
};
