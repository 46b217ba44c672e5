/** classifyDifferences: which differences an `expect` entry declares, which entries matched nothing, and who caused the rest. */
import { describe, expect, it } from 'vitest';
import { classifyDifferences, type MigrationExpectations } from '../../../../server/rehearse/observe/classify.ts';
import type { ExpectedDifference } from '../../../../server/migrate/expect.ts';
import type { Difference } from '../../../../server/rehearse/result.ts';

const revoked: Difference = {
  check: 'permissions',
  id: 'permissions|ACME|bob@tiny.example|CREATE_ISSUES',
  label: 'Bob may create issues in Acme Product (ACME)',
  keys: {
    project: ['ACME', 'Acme Product'],
    persona: ['bob@tiny.example', 'Bob Builder', 'u-bob'],
    permission: ['CREATE_ISSUES'],
    change: ['revoked'],
  },
  change: 'revoked',
  before: true,
  after: false,
};
/** The same fact the other way: not a breaking change, so entries that do not name the change accept it. */
const granted: Difference = { ...revoked, keys: { ...revoked.keys, change: ['granted'] }, change: 'granted', before: false, after: true };
const required: Difference = {
  check: 'createmeta',
  id: 'createmeta|ACME|Bug|customfield_10010',
  label: 'field Severity on the create form of a Bug in Acme Product (ACME)',
  keys: { project: ['ACME', 'Acme Product'], issueType: ['Bug', '10001'], field: ['customfield_10010', 'Severity'], change: ['required'] },
  change: 'required',
  before: { required: false },
  after: { required: true },
};
const filterChanged: Difference = {
  check: 'filters',
  id: 'filters|10100',
  label: 'saved filter "Open ACME bugs"',
  keys: { filter: ['Open ACME bugs', '10100'], change: ['changed'] },
  change: 'changed',
  before: ['ACME-1'],
  after: [],
};

const m = (id: string, expectList: ExpectedDifference[], text: string[] = []): MigrationExpectations => ({ id, expect: expectList, text });

describe('classifyDifferences: matching expect entries', () => {
  const cases: Array<{ name: string; entry: ExpectedDifference; diff: Difference; matches: boolean }> = [
    { name: 'check only', entry: { check: 'permissions', reason: 'r' }, diff: granted, matches: true },
    { name: 'another check', entry: { check: 'createmeta', reason: 'r' }, diff: revoked, matches: false },
    { name: 'project by key', entry: { check: 'permissions', project: 'ACME', reason: 'r' }, diff: granted, matches: true },
    { name: 'project by name, other case', entry: { check: 'permissions', project: 'acme PRODUCT', reason: 'r' }, diff: granted, matches: true },
    { name: 'another project', entry: { check: 'permissions', project: 'OPS', reason: 'r' }, diff: revoked, matches: false },
    { name: 'persona by e-mail', entry: { check: 'permissions', persona: 'BOB@tiny.example', reason: 'r' }, diff: granted, matches: true },
    { name: 'persona by account id', entry: { check: 'permissions', persona: 'u-bob', reason: 'r' }, diff: granted, matches: true },
    { name: 'persona by display name', entry: { check: 'permissions', persona: 'bob builder', reason: 'r' }, diff: granted, matches: true },
    { name: 'a part of a name is not a name', entry: { check: 'permissions', persona: 'bob', reason: 'r' }, diff: revoked, matches: false },
    {
      name: 'a breaking change (revoked) needs the change named',
      entry: { check: 'permissions', project: 'ACME', reason: 'r' },
      diff: revoked,
      matches: false,
    },
    { name: 'the change word', entry: { check: 'permissions', change: 'revoked', reason: 'r' }, diff: revoked, matches: true },
    { name: 'the opposite change word', entry: { check: 'permissions', change: 'granted', reason: 'r' }, diff: revoked, matches: false },
    {
      name: 'every key given matches',
      entry: { check: 'permissions', project: 'ACME', persona: 'u-bob', permission: 'CREATE_ISSUES', change: 'revoked', reason: 'r' },
      diff: revoked,
      matches: true,
    },
    {
      name: 'one key of several differs',
      entry: { check: 'permissions', project: 'ACME', persona: 'u-bob', permission: 'EDIT_ISSUES', reason: 'r' },
      diff: revoked,
      matches: false,
    },
    {
      name: 'a key the difference lacks',
      entry: { check: 'createmeta', field: 'Severity', reason: 'r' },
      diff: { ...required, keys: { project: ['ACME'], change: ['required'] } },
      matches: false,
    },
    { name: 'field by name', entry: { check: 'createmeta', field: 'severity', change: 'required', reason: 'r' }, diff: required, matches: true },
    { name: 'field by id', entry: { check: 'createmeta', field: 'customfield_10010', reason: 'r' }, diff: required, matches: true },
    {
      name: 'required is not optional',
      entry: { check: 'createmeta', field: 'Severity', change: 'optional', reason: 'r' },
      diff: required,
      matches: false,
    },
    { name: 'issue type by id', entry: { check: 'createmeta', issueType: '10001', reason: 'r' }, diff: required, matches: true },
  ];
  it.each(cases)('$name → $matches', ({ entry, diff, matches }) => {
    const c = classifyDifferences([diff], [m('20250101-000000-a', [entry])]);
    if (matches) {
      expect(c.expected).toEqual([{ ...diff, expectedBy: { migration: '20250101-000000-a', reason: 'r' } }]);
      expect(c.regressions).toEqual([]);
      expect(c.unused).toEqual([]);
    } else {
      expect(c.expected).toEqual([]);
      expect(c.regressions).toEqual([{ ...diff, migration: '20250101-000000-a' }]);
      expect(c.unused).toEqual([{ migration: '20250101-000000-a', index: 0, entry }]);
    }
  });
});

describe('classifyDifferences: several migrations', () => {
  it('the first matching entry of the first matching migration declares a difference; the others are unused', () => {
    const a = m('A', [
      { check: 'filters', reason: 'a0' },
      { check: 'permissions', project: 'ACME', change: 'revoked', reason: 'a1' },
      { check: 'permissions', change: 'revoked', reason: 'a2' },
    ]);
    const b = m('B', [{ check: 'permissions', change: 'revoked', reason: 'b0' }]);
    const c = classifyDifferences([revoked], [a, b]);
    expect(c.expected).toHaveLength(1);
    expect(c.expected[0]!.expectedBy).toEqual({ migration: 'A', reason: 'a1' });
    expect(c.unused).toEqual([
      { migration: 'A', index: 0, entry: a.expect[0] },
      { migration: 'A', index: 2, entry: a.expect[2] },
      { migration: 'B', index: 0, entry: b.expect[0] },
    ]);
  });
  it('a later migration declares what an earlier one does not', () => {
    const c = classifyDifferences(
      [revoked, required],
      [m('A', [{ check: 'createmeta', reason: 'a' }]), m('B', [{ check: 'permissions', change: 'revoked', reason: 'b' }])],
    );
    expect(c.expected.map((d) => [d.id, d.expectedBy])).toEqual([
      [revoked.id, { migration: 'B', reason: 'b' }],
      [required.id, { migration: 'A', reason: 'a' }],
    ]);
    expect(c.regressions).toEqual([]);
    expect(c.unused).toEqual([]);
  });
  it('one entry may declare several differences, and keeps their order', () => {
    const other = { ...revoked, id: 'permissions|ACME|carol@tiny.example|CREATE_ISSUES', keys: { ...revoked.keys, persona: ['carol@tiny.example'] } };
    const c = classifyDifferences(
      [revoked, other, filterChanged],
      [m('A', [{ check: 'permissions', permission: 'CREATE_ISSUES', change: 'revoked', reason: 'tighten' }])],
    );
    expect(c.expected.map((d) => d.id)).toEqual([revoked.id, other.id]);
    expect(c.regressions.map((d) => d.id)).toEqual([filterChanged.id]);
    expect(c.unused).toEqual([]);
  });
  it('does not change the differences it classifies', () => {
    const diffs = [structuredClone(revoked), structuredClone(filterChanged)];
    classifyDifferences(diffs, [m('A', [{ check: 'permissions', reason: 'r' }])]);
    expect(diffs).toEqual([revoked, filterChanged]);
  });
  it('with no migrations every difference is a regression of nobody', () => {
    const c = classifyDifferences([revoked], []);
    expect(c.regressions).toHaveLength(1);
    expect(c.regressions[0]!.migration).toBeUndefined();
    expect(c.expected).toEqual([]);
    expect(c.unused).toEqual([]);
  });
  it('with no differences every entry is unused, numbered within its migration', () => {
    const c = classifyDifferences(
      [],
      [
        m('A', [{ check: 'filters', reason: 'x' }]),
        m('B', [
          { check: 'boards', reason: 'y' },
          { check: 'specs', reason: 'z' },
        ]),
      ],
    );
    expect(c.unused.map((u) => `${u.migration}#${u.index}:${u.entry.check}`)).toEqual(['A#0:filters', 'B#0:boards', 'B#1:specs']);
  });
});

describe('classifyDifferences: attributing a regression', () => {
  const three = [
    m('M1', [], ['Rename status In Review to Peer Review in Software Workflow']),
    m('M2', [], ['Make field Severity required in the Default field configuration', 'Grant CREATE_ISSUES to Developers in Acme Product']),
    m('M3', [], ['Add a board']),
  ];
  const attributed = (d: Difference, ms = three) => classifyDifferences([d], ms).regressions[0]!.migration;

  it('to the migration whose text names one of its entities (case-insensitively)', () => {
    expect(attributed(required)).toBe('M2');
    expect(attributed({ ...filterChanged, keys: { filter: ['Open ACME bugs'], status: ['in review'] } })).toBe('M1');
  });
  it('the most specific key first: a field before a project', () => {
    const ms = [m('NamesField', [], ['severity is now required']), m('NamesProject', [], ['Acme Product gets a new scheme'])];
    expect(attributed(required, ms)).toBe('NamesField');
    expect(attributed(required, [...ms].reverse())).toBe('NamesField');
  });
  it('a value before a field, and a transition before a project', () => {
    const d: Difference = { ...required, change: 'allowedValues', keys: { ...required.keys, value: ['Blocker'] } };
    expect(attributed(d, [m('F', [], ['Severity']), m('V', [], ['add option Blocker'])])).toBe('V');
    const t: Difference = { ...filterChanged, check: 'transitions', keys: { project: ['Acme Product'], transition: ['Start Progress'] } };
    expect(attributed(t, [m('P', [], ['Acme Product']), m('T', [], ['remove transition start progress'])])).toBe('T');
  });
  it('among migrations naming the same entity, the first', () => {
    expect(attributed(required, [m('X', [], ['Severity one']), m('Y', [], ['Severity two'])])).toBe('X');
  });
  it('ignores names shorter than three characters', () => {
    const d: Difference = { ...filterChanged, keys: { filter: ['QA'] } };
    expect(attributed(d, [m('NamesQA', [], ['QA team filter']), m('Last', [], ['something else'])])).toBe('Last');
  });
  it('never attributes by the change word', () => {
    expect(attributed({ ...filterChanged, keys: { change: ['changed'] } }, [m('Says', [], ['changed everything']), m('Last', [], [])])).toBe('Last');
  });
  it('to the last migration when no text names an entity', () => {
    expect(attributed({ ...filterChanged, keys: { filter: ['Nobody mentions me'] } })).toBe('M3');
  });
  it('an expected difference carries no attribution', () => {
    const c = classifyDifferences([required], [m('M', [{ check: 'createmeta', reason: 'r' }], ['Severity'])]);
    expect(c.expected[0]).not.toHaveProperty('migration');
  });
});
