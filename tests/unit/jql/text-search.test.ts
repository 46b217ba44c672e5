/**
 * `~` without regular expressions: the wildcard matcher finds exactly what the backtracking regexes
 * it replaces found (checked against them on thousands of small random cases, where they are fast),
 * and answers a pathological pattern at once.
 */
import { describe, expect, it } from 'vitest';
import type { Operand } from '../../../server/model/index.ts';
import { escapeRegExp, searchTerms } from '../../../server/model/index.ts';
import { textMatcher } from '../../../server/tracker/jql/operands.ts';
import type { JqlField } from '../../../server/tracker/jql/field-types.ts';
import { buildSearchGuard } from '../../../server/clone/anonymize/search-guard.ts';

/** The regexes the sandbox used before (the reference on small inputs). */
const source = (term: string) => escapeRegExp(term).replace(/\\\*/g, '[\\p{L}\\p{N}]*').replace(/\\\?/g, '[\\p{L}\\p{N}]');
const oldText = (value: string, text: string): boolean => {
  const phrase = /^"(.*)"$/s.exec(value.trim());
  if (phrase) return text.toLowerCase().includes(phrase[1]!.toLowerCase());
  return searchTerms(value).every((t) => new RegExp(`(^|[^\\p{L}\\p{N}])${source(t)}`, 'u').test(text.toLowerCase()));
};
const oldGuard = (terms: string[], lower: string, pos: number): boolean =>
  terms.some((t) => {
    const p = new RegExp(source(t), 'uy');
    p.lastIndex = pos;
    return p.test(lower);
  });

const field: JqlField = { name: 'summary', kind: 'text', get: () => null };
const value = (v: string): Operand => ({ kind: 'value', value: v, quoted: true, pos: 0 });

/** A small deterministic generator (no flaky seeds). */
const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = (next: () => number, alphabet: string[], max: number) =>
  Array.from({ length: Math.floor(next() * (max + 1)) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');

const TEXT = ['a', 'b', 'a', 'B', 'é', '1', ' ', '-', '😀', 'ß', 'İ', 'ab', 'x', '\u0301'];
const TERM = ['a', 'b', '*', '?', 'é', '1', 'A', ' ', '*', '😀', 'ß', '-'];

describe('the wildcard matcher finds what the regexes found', () => {
  it('on 4,000 random terms and texts', () => {
    const next = random(17);
    let matched = 0;
    for (let n = 0; n < 4_000; n++) {
      const text = pick(next, TEXT, 10);
      const v = pick(next, TERM, 6);
      if (!searchTerms(v).length) continue;
      const expected = oldText(v, text);
      expect(textMatcher(field, value(v))(text), `${JSON.stringify(v)} in ${JSON.stringify(text)}`).toBe(expected);
      if (expected) matched++;
    }
    expect(matched).toBeGreaterThan(300);
  });

  it('with pieces longer than 32 and 64 code points between the stars (several machine words of state)', () => {
    const next = random(29);
    const letters = (alphabet: string[], length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]!);
    const seen = new Set<boolean>();
    for (let n = 0; n < 60; n++) {
      // 𝒜 is a letter outside the BMP: two UTF-16 units, one code point.
      const piece = letters(['a', 'b', '?', '?', '𝒜'], 33 + Math.floor(next() * 40));
      const term = `ab*${piece.join('')}`;
      // A text the term matches, then perhaps one letter changed.
      const fill = ['a', 'b', ...letters(['a', 'é'], 3), ...piece.map((c) => (c === '?' ? letters(['a', 'ß', '𝒜'], 1)[0]! : c))];
      if (next() < 0.5) fill[2 + Math.floor(next() * (fill.length - 2))] = 'b';
      const text = `x ${fill.join('')}`;
      const expected = oldText(term, text);
      expect(textMatcher(field, value(term))(text), `${term} in ${text}`).toBe(expected);
      seen.add(expected);
    }
    expect([...seen].sort()).toEqual([false, true]);
  });

  it('in the anonymiser guard, at every position', () => {
    const next = random(5);
    for (let n = 0; n < 1_500; n++) {
      const lower = pick(next, TEXT, 8).toLowerCase();
      const terms = [pick(next, TERM, 5), pick(next, TERM, 4)].flatMap(searchTerms);
      const guard = buildSearchGuard(terms);
      for (let pos = 0; pos <= lower.length; pos += lower.codePointAt(pos)! > 0xffff ? 2 : 1)
        expect(guard.matchesAt(lower, pos), `${JSON.stringify(terms)} at ${pos} of ${JSON.stringify(lower)}`).toBe(oldGuard(terms, lower, pos));
    }
  });

  it.each([
    ['sso', 'Login fails with SSO', true],
    ['rel*', 'Write release notes', true],
    ['*ease', 'Write release notes', true],
    ['r?lease', 'Write release notes', true],
    ['lease', 'Write release notes', false],
    ['releases', 'Write release notes', false],
    ['"release notes"', 'Write release notes', true],
    ['**', '!!!', true],
    ['?', '!!!', false],
    ['é*', 'café ÉCLAIR', true],
  ])('%s in %s: %s', (v, text, expected) => {
    expect(textMatcher(field, value(v))(text)).toBe(expected);
    expect(oldText(v, text)).toBe(expected);
  });
});

describe('a pathological pattern answers at once (hung with the regexes)', () => {
  const aaa = 'a'.repeat(200);
  it.each([
    ['a*a*a*a*a*a*b', aaa],
    ['a?a*a?a*a?a*a*a*b', aaa],
    ['*a*a*a*a*a*a*a*a*b', `${aaa} ${aaa}`],
  ])('%s over %#', { timeout: 20_000 }, (term, text) => {
    expect(textMatcher(field, value(term))(text)).toBe(false);
    expect(buildSearchGuard(searchTerms(term)).matchesAt(text, 0)).toBe(false);
  });
});
