import { describe, expect, it } from 'vitest';
import { parseJql } from '../../../server/model/jql/parser.ts';
import { makeTracker, trackerError } from './setup.ts';

// Tiny's changelog: ACME-2 Open→In Progress by carol on Jan 4; ACME-3 Open→In Progress by bob on
// Jan 5, In Review→Done (+ Fixed) by bob on Jan 10; OPS-2 Backlog→Closed by nobody on Jan 6.
// Every issue was created on Jan 2 (09:00 UTC); the clock is frozen on Feb 10.
const tracker = makeTracker();
const keys = (jql: string) => tracker.search('u-alice', `${jql} ORDER BY key ASC`, { maxResults: 100 }).issues.map((i) => i.key);

describe('CHANGED', () => {
  const cases: Array<[string, string[]]> = [
    ['status changed', ['ACME-2', 'ACME-3', 'OPS-2']],
    ['status changed FROM Open TO "In Progress"', ['ACME-2', 'ACME-3']],
    ['status changed BY u-carol', ['ACME-2']],
    ['status changed TO Done BY "Bob Builder" AFTER 2025-01-09', ['ACME-3']],
    ['status changed BEFORE 2025-01-05', ['ACME-2']],
    ['status changed ON 2025-01-06', ['OPS-2']],
    ['status changed DURING (2025-01-04, 2025-01-06)', ['ACME-2', 'ACME-3']],
    ['resolution changed TO Fixed', ['ACME-3']],
    ['resolution changed FROM EMPTY', ['ACME-3']],
    ['assignee changed', []],
    ['NOT status changed AND project = OPS', ['OPS-1', 'OPS-3']],
  ];
  it.each(cases)('%s', (jql, expected) => expect(keys(jql)).toEqual(expected));
});

describe('WAS with predicates', () => {
  const cases: Array<[string, string[]]> = [
    ['status was "In Progress" BY u-bob', ['ACME-3']],
    ['status was Open BEFORE 2025-01-03', ['ACME-1', 'ACME-2', 'ACME-3', 'ACME-7', 'SEC-2']],
    ['status was "In Progress" ON 2025-01-07', ['ACME-2', 'ACME-3', 'OPS-1', 'SEC-1']],
    ['status was "In Progress" DURING (2025-01-11, now())', ['ACME-2', 'OPS-1', 'SEC-1']],
    ['status was Open AFTER 2025-01-06', ['ACME-1', 'ACME-7', 'SEC-2']],
    ['status was not "In Progress" BY u-bob AND project = ACME', ['ACME-1', 'ACME-2', 'ACME-4', 'ACME-5', 'ACME-6', 'ACME-7']],
    ['status was in (Done, Closed) BY membersOf("developers")', ['ACME-3']],
  ];
  it.each(cases)('%s', (jql, expected) => expect(keys(jql)).toEqual(expected));

  it('sees the history a transition writes', () => {
    const t = makeTracker();
    t.doTransition('u-carol', 'ACME-1', 't-start');
    expect(t.search('u-alice', 'status changed BY currentUser() ON startOfDay()').issues).toEqual([]);
    expect(t.search('u-carol', 'status changed BY currentUser() ON startOfDay()').issues.map((i) => i.key)).toEqual(['ACME-1']);
    expect(t.search('u-carol', 'assignee changed TO currentUser()').issues.map((i) => i.key)).toEqual(['ACME-1']);
  });
});

describe('history clause errors', () => {
  it.each([
    ['summary changed', "The operator 'CHANGED' is not supported by the 'summary' field."],
    ['status changed BY nobody', "The value 'nobody' does not exist for the field 'by'."],
    [
      'status changed AFTER yesterday',
      "Date value 'yesterday' for field 'status' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ],
  ])('%s', (jql, message) => {
    expect(trackerError(() => tracker.search('u-alice', jql)).body.errorMessages).toEqual([message]);
  });

  it.each([
    [
      'status was Open DURING (2025-01-01)',
      "Error in the JQL Query: The predicate 'DURING' expects a list of two dates, e.g. DURING ('2024/01/01', '2024/02/01'). (line 1, character 24)",
    ],
    ['status was Open FROM Done', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'FROM'. (line 1, character 17)"],
  ])('%s is a syntax error', (jql, message) => {
    expect(() => parseJql(jql)).toThrow(message);
  });
});
