/**
 * Hostile JQL through the tracker's search: text search runs in time linear in the text whatever
 * the pattern (no backtracking regex), over-long text terms, over-deep or over-long queries and
 * over-deep chains of saved filters are Jira's 400 — never a hang, a stack overflow or a 500.
 */
import { describe, expect, it } from 'vitest';
import type { SavedFilter } from '../../../server/model/types.ts';
import { makeTracker, trackerError } from './setup.ts';

const A200 = 'a'.repeat(200);
const tracker = makeTracker((config, issues) => {
  const i = issues.find((x) => x.key === 'ACME-5')!;
  i.summary = A200;
  i.description = `${A200} ${'ba'.repeat(100)}`;
  i.comments = [{ id: 'c-hostile', author: 'u-bob', body: A200, created: i.created }];
  // Saved filters that name the next one: 12 deep (the limit is 10).
  const chain: SavedFilter[] = Array.from({ length: 12 }, (_, n) => ({
    id: String(20000 + n),
    name: `chain ${n}`,
    owner: 'u-alice',
    jql: n === 11 ? 'project = ACME' : `filter = ${20000 + n + 1}`,
    shares: [{ type: 'global' }],
  }));
  config.filters.push(...chain);
});

describe('text search over a pathological pattern answers at once (rows hung for minutes with backtracking regexes)', () => {
  const cases: Array<[string, string, string[]]> = [
    ['six stars over 200 a', 'summary ~ "a*a*a*a*a*a*b"', []],
    ['seven stars over 200 a', 'summary ~ "a*a*a*a*a*a*a*b"', []],
    ['stars and ? over 200 a', 'summary ~ "a?a*a?a*a?a*a*a*b"', []],
    ['five pathological terms', `summary ~ "${Array(5).fill('a*a*a*a*a*a*b').join(' ')}"`, []],
    ['text ~ searches description and comments too', 'text ~ "a*a*a*a*a*a*b"', []],
    ['comment ~', 'comment ~ "a*a*a*a*a*a*a*b"', []],
    ['!~ keeps its meaning', 'project = ACME AND summary !~ "a*a*a*a*a*a*b" AND summary ~ "a*a*a*a*a*a*a"', ['ACME-5']],
  ];
  it.each(cases)('%s', { timeout: 20_000 }, (_name, jql, expected) => {
    expect(tracker.search('u-alice', jql, { maxResults: 100 }).issues.map((i) => i.key)).toEqual(expected);
  });
});

describe('hostile queries are 400s with a message that names the limit', () => {
  const TERM =
    /^The text to search for in the field '(summary|text)' is \d+ characters long; at most 1000 are allowed\. Search for fewer or shorter words\.$/;
  const cases: Array<[string, string, RegExp]> = [
    ['a 5,000-character term', `summary ~ "${'a'.repeat(5_000)}"`, TERM],
    ['a 1,200-character phrase', `text ~ "\\"${'ab '.repeat(400)}\\""`, TERM],
    ['a 1,001-character term of stars', `summary ~ "${'*a'.repeat(500)}a"`, TERM],
    [
      'a 100,000-character term',
      `summary ~ "${'a'.repeat(100_000)}"`,
      /^Error in the JQL Query: The query is 100012 characters long; at most 100000 are allowed\./,
    ],
    ['50,000 (', '('.repeat(50_000), /^Error in the JQL Query: The query nests parentheses and NOT more than 200 levels deep\./],
    [
      '20,000 NOT',
      `${'NOT '.repeat(20_000)}project = ACME`,
      /^Error in the JQL Query: The query nests parentheses and NOT more than 200 levels deep\./,
    ],
    [
      'saved filters naming saved filters 12 deep',
      'filter = 20000',
      /^Saved filters are nested more than 10 deep through the 'filter' clause: chain 0 → chain 1 → .* → chain 10\. /,
    ],
  ];
  it.each(cases)('%s', (_name, jql, message) => {
    const e = trackerError(() => tracker.search('u-alice', jql));
    expect(e.status).toBe(400);
    expect(e.body.errors).toEqual({});
    expect(e.body.errorMessages).toHaveLength(1);
    expect(e.body.errorMessages[0]).toMatch(message);
  });
});

describe('within the limits nothing changes', () => {
  it('a 1,000-character term and 10 chained filters still search', () => {
    expect(tracker.search('u-alice', `summary ~ "${'a'.repeat(1_000)}"`).total).toBe(0);
    expect(tracker.search('u-alice', `summary ~ "${'a'.repeat(199)}*"`).issues.map((i) => i.key)).toEqual(['ACME-5']);
    expect(tracker.search('u-alice', 'filter = 20002').total).toBe(7);
  });
  it('a field named again in ORDER BY sorts once, as the first time', () => {
    const order = (jql: string) => tracker.search('u-alice', jql, { maxResults: 100 }).issues.map((i) => i.key);
    expect(order(`ORDER BY status DESC, ${'key ASC, status ASC, '.repeat(2_000)}priority`)).toEqual(order('ORDER BY status DESC, key ASC'));
  });
  it('the deepest query allowed, through 10 saved filters each as deep, evaluates (no stack overflow)', () => {
    const deep = (inner: string) => `${'NOT ('.repeat(100)}${inner}${')'.repeat(100)}`;
    const t = makeTracker((config) => {
      for (let n = 0; n < 10; n++)
        config.filters.push({
          id: String(30000 + n),
          name: `deep ${n}`,
          owner: 'u-alice',
          shares: [{ type: 'global' }],
          jql: deep(n === 9 ? 'project = ACME' : `filter = ${30000 + n + 1}`),
        });
    });
    // 11 × 100 NOTs: an even count, so the ACME issues.
    expect(t.search('u-alice', deep('filter = 30000')).total).toBe(7);
  });
});
