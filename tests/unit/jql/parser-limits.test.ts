/**
 * Hostile JQL for the parser: queries nested deeper than MAX_JQL_DEPTH or longer than MAX_JQL_LENGTH
 * are JQL syntax errors (so every search route answers Jira's 400), never a stack overflow.
 */
import { describe, expect, it } from 'vitest';
import { JqlError, MAX_JQL_DEPTH, MAX_JQL_LENGTH, parseJql } from '../../../server/model/jql/index.ts';

const DEEP =
  /^Error in the JQL Query: The query nests parentheses and NOT more than 200 levels deep\. Write it with fewer nested groups\. \(line 1, character \d+\)$/;
const LONG = /^Error in the JQL Query: The query is \d+ characters long; at most 100000 are allowed\. Split it into smaller queries\.$/;

const errorOf = (jql: string): unknown => {
  try {
    parseJql(jql);
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('parseJql refuses what would overflow its stack or run unbounded', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['50,000 (', '('.repeat(50_000), DEEP],
    ['20,000 NOT', `${'NOT '.repeat(20_000)}status = Open`, DEEP],
    ['50,000 NOT (200,013 characters)', `${'NOT '.repeat(50_000)}status = Open`, LONG],
    ['50,000 !', `${'!'.repeat(50_000)}status = Open`, DEEP],
    ['5,000 unbalanced (', `${'('.repeat(5_000)}status = Open`, DEEP],
    ['5,000 balanced ( )', `${'('.repeat(5_000)}status = Open${')'.repeat(5_000)}`, DEEP],
    ['201 balanced ( )', `${'('.repeat(201)}status = Open${')'.repeat(201)}`, DEEP],
    ['NOT ( alternating 101 times', `${'NOT ('.repeat(101)}status = Open${')'.repeat(101)}`, DEEP],
    [
      'a list of 50,000 (',
      `status in ${'('.repeat(50_000)}Open`,
      /^Error in the JQL Query: Expecting either a value or function but got a list\. \(line 1, character 12\)$/,
    ],
    [
      'a WAS predicate list of 50,000 (',
      `status was Open BY ${'('.repeat(50_000)}u`,
      /^Error in the JQL Query: Expecting either a value or function but got a list\./,
    ],
    ['100,001 characters', `status = "${'x'.repeat(100_000 - 10)}"`, LONG],
    ['1,000,000 characters', 'x'.repeat(1_000_000), LONG],
  ];
  it.each(cases)('%s', (_name, jql, message) => {
    const e = errorOf(jql);
    expect(e).toBeInstanceOf(JqlError);
    expect((e as JqlError).kind).toBe('syntax');
    expect((e as JqlError).message).toMatch(message);
  });
});

describe('the limits leave ordinary queries alone', () => {
  it(`${MAX_JQL_DEPTH} levels of parentheses and NOT parse`, () => {
    const half = MAX_JQL_DEPTH / 2;
    const q = parseJql(`${'NOT ('.repeat(half)}status = Open${')'.repeat(half)}`);
    expect(q.where?.kind).toBe('not');
    expect(parseJql(`${'('.repeat(MAX_JQL_DEPTH)}status = Open${')'.repeat(MAX_JQL_DEPTH)}`).where?.kind).toBe('terminal');
  });
  it('a long flat query of exactly the length limit parses', () => {
    const clause = 'status = Open OR ';
    const body = clause.repeat(Math.floor((MAX_JQL_LENGTH - 20) / clause.length));
    const jql = `${body}status = "${'x'.repeat(MAX_JQL_LENGTH - body.length - 'status = ""'.length)}"`;
    expect(jql.length).toBe(MAX_JQL_LENGTH);
    expect(parseJql(jql).where?.kind).toBe('or');
  });
});
