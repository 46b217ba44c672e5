/** compareObservations: the change word, the keys and the order of every kind of difference between two runs. */
import { describe, expect, it } from 'vitest';
import { compareObservations } from '../../../../server/rehearse/observe/compare.ts';
import type { Observation } from '../../../../server/rehearse/result.ts';

const ACME = { project: ['ACME', 'Acme Product'], issueType: ['Bug', '10001'] };

const field = (value: unknown, keys: Record<string, string[]> = {}): Observation => ({
  check: 'createmeta',
  id: 'createmeta|ACME|Bug|customfield_10010',
  label: 'field Severity on the create form of a Bug',
  keys: { ...ACME, field: ['customfield_10010', 'Severity'], ...keys },
  value,
});
const create = (value: unknown, keys: Record<string, string[]> = {}): Observation => ({
  check: 'createmeta',
  id: 'createmeta|ACME|Bug|create',
  label: 'Bob creates a Bug',
  keys: { ...ACME, persona: ['bob@tiny.example'], ...keys },
  value,
});
const form = (value: unknown): Observation => ({
  check: 'createmeta',
  id: 'createmeta|ACME|Bug',
  label: 'Bob can open the create form',
  keys: { ...ACME },
  value,
});
const perm = (value: boolean, perm = 'CREATE_ISSUES'): Observation => ({
  check: 'permissions',
  id: `permissions|ACME|bob@tiny.example|${perm}`,
  label: `Bob may ${perm}`,
  keys: { project: ['ACME', 'Acme Product'], persona: ['bob@tiny.example', 'Bob Builder', 'u-bob'], permission: [perm] },
  value,
});
const sees = (value: string[]): Observation => ({
  check: 'transitions',
  id: 'transitions|sees|ACME-1|bob@tiny.example',
  label: 'the transitions Bob sees on ACME-1',
  keys: { project: ['ACME'], issueType: ['Bug'], persona: ['bob@tiny.example'], issue: ['ACME-1'], status: ['Open'] },
  value,
});
const walk = (value: unknown): Observation => ({
  check: 'transitions',
  id: 'transitions|walk|Software Workflow/Done/In Review',
  label: 'Bob takes "Done" on ACME-6',
  keys: { project: ['ACME'], transition: ['Done', 't-done'], status: ['In Review', 'Done'], workflow: ['Software Workflow'] },
  value,
});
const filter = (value: unknown): Observation => ({
  check: 'filters',
  id: 'filters|10100',
  label: 'saved filter "Open ACME bugs"',
  keys: { filter: ['Open ACME bugs', '10100'] },
  value,
});

const one = (before: Observation[], after: Observation[]) => {
  const d = compareObservations(before, after);
  expect(d).toHaveLength(1);
  return d[0]!;
};

describe('compareObservations: change words', () => {
  const sev = { required: false, hasDefault: false, allowed: ['Critical', 'Major', 'Minor'] };
  const cases: Array<{ name: string; before: Observation; after: Observation; change: string }> = [
    { name: 'a field becomes required', before: field(sev), after: field({ ...sev, required: true }), change: 'required' },
    { name: 'a field becomes optional', before: field({ ...sev, required: true }), after: field(sev), change: 'optional' },
    { name: 'a field gains a default', before: field(sev), after: field({ ...sev, hasDefault: true }), change: 'default' },
    {
      name: 'required wins over a default change',
      before: field(sev),
      after: field({ ...sev, required: true, hasDefault: true }),
      change: 'required',
    },
    { name: 'the allowed values change', before: field(sev), after: field({ ...sev, allowed: ['Critical', 'Major'] }), change: 'allowedValues' },
    { name: 'another value change on a field', before: field({ ...sev, extra: 1 }), after: field({ ...sev, extra: 2 }), change: 'changed' },
    {
      name: 'a create starts failing',
      before: create({ created: true }),
      after: create({ created: false, messages: [], errors: { customfield_10010: 'Severity is required' } }),
      change: 'create-fails',
    },
    {
      name: 'a create starts succeeding',
      before: create({ created: false, messages: ['no'], errors: {} }),
      after: create({ created: true }),
      change: 'create-succeeds',
    },
    {
      name: 'the create form becomes unavailable',
      before: form({ available: true }),
      after: form({ available: false, status: 403 }),
      change: 'unavailable',
    },
    {
      name: 'the create form becomes available',
      before: form({ available: false, status: 403 }),
      after: form({ available: true }),
      change: 'available',
    },
    { name: 'a permission is revoked', before: perm(true), after: perm(false), change: 'revoked' },
    { name: 'a permission is granted', before: perm(false), after: perm(true), change: 'granted' },
    { name: 'an issue becomes invisible', before: sees(['Start Progress → In Progress']), after: sees(['HTTP 404']), change: 'hidden' },
    { name: 'an issue becomes visible', before: sees(['HTTP 404']), after: sees(['Start Progress → In Progress']), change: 'shown' },
    {
      name: 'the visible transitions change',
      before: sees(['Start Progress → In Progress']),
      after: sees(['Start → In Progress']),
      change: 'changed',
    },
    { name: 'HTTP 404 → HTTP 403 is not hidden nor shown', before: sees(['HTTP 404']), after: sees(['HTTP 403']), change: 'changed' },
    {
      name: 'a walk ends elsewhere',
      before: walk({ taken: true, status: 'Done' }),
      after: walk({ taken: true, status: 'Closed' }),
      change: 'changed',
    },
    { name: 'a filter result changes', before: filter(['ACME-1', 'ACME-6']), after: filter(['ACME-1']), change: 'changed' },
  ];
  it.each(cases)('$name → $change', ({ before, after, change }) => {
    const d = one([before], [after]);
    expect(d.change).toBe(change);
    expect(d.keys.change).toEqual([change]);
    expect(d.id).toBe(before.id);
    expect(d.check).toBe(before.check);
    expect(d.label).toBe(before.label);
    expect(d.before).toEqual(before.value);
    expect(d.after).toEqual(after.value);
  });
});

describe('compareObservations: sets', () => {
  it('identical runs have no differences, whatever the order of observations and of object keys', () => {
    const before = [perm(true), field({ required: false, hasDefault: true, allowed: ['A'] }), sees(['Done → Done'])];
    const after = [sees(['Done → Done']), field({ allowed: ['A'], hasDefault: true, required: false }), perm(true)];
    expect(compareObservations(before, after)).toEqual([]);
  });
  it('an undefined member equals a missing one', () => {
    expect(
      compareObservations([field({ required: true, hasDefault: false, allowed: undefined })], [field({ required: true, hasDefault: false })]),
    ).toEqual([]);
  });
  it('order inside a list is a difference: the same issues in another order are reordered', () => {
    expect(one([filter(['ACME-1', 'ACME-6'])], [filter(['ACME-6', 'ACME-1'])]).change).toBe('reordered');
    expect(one([filter(['ACME-1', 'ACME-6'])], [filter(['ACME-6'])]).change).toBe('changed');
  });
  it('an observation only before is removed, with its keys and no after', () => {
    const d = one([perm(true)], []);
    expect(d).toEqual({
      check: 'permissions',
      id: perm(true).id,
      label: perm(true).label,
      keys: { ...perm(true).keys, change: ['removed'] },
      change: 'removed',
      before: true,
    });
    expect(d).not.toHaveProperty('after');
  });
  it('an observation only after is added, with its keys and no before', () => {
    const d = one([], [filter(['ACME-1'])]);
    expect(d).toEqual({
      check: 'filters',
      id: 'filters|10100',
      label: filter([]).label,
      keys: { filter: ['Open ACME bugs', '10100'], change: ['added'] },
      change: 'added',
      after: ['ACME-1'],
    });
    expect(d).not.toHaveProperty('before');
  });
  it('does not change the observations it compares', () => {
    const before = [perm(true)];
    const after = [perm(false)];
    const copy = structuredClone([before, after]);
    compareObservations(before, after);
    expect([before, after]).toEqual(copy);
  });
  it('sorts by check, then by id', () => {
    const p2 = { ...perm(true, 'ADMINISTER_PROJECTS') };
    const before = [walk({ taken: true }), perm(true), filter(['A']), p2, sees(['X → Y']), field({ required: false })];
    const after = [walk({ taken: false }), perm(false), filter(['B']), { ...p2, value: false }, sees(['HTTP 404']), field({ required: true })];
    const d = compareObservations(before, after);
    expect(d.map((x) => x.id)).toEqual([
      'createmeta|ACME|Bug|customfield_10010',
      'filters|10100',
      'permissions|ACME|bob@tiny.example|ADMINISTER_PROJECTS',
      'permissions|ACME|bob@tiny.example|CREATE_ISSUES',
      'transitions|sees|ACME-1|bob@tiny.example',
      'transitions|walk|Software Workflow/Done/In Review',
    ]);
  });
});

describe('compareObservations: keys', () => {
  it('unions the keys of both sides, without duplicates', () => {
    const d = one(
      [field({ required: false }, { persona: ['bob@tiny.example'] })],
      [field({ required: true }, { persona: ['bob@tiny.example', 'Bob Builder'], issueType: ['Bug', 'Defect'] })],
    );
    expect(d.keys).toEqual({
      project: ['ACME', 'Acme Product'],
      issueType: ['Bug', '10001', 'Defect'],
      field: ['customfield_10010', 'Severity'],
      persona: ['bob@tiny.example', 'Bob Builder'],
      change: ['required'],
    });
  });
  it('names the allowed values offered on one side only (removed first, then added)', () => {
    const d = one(
      [field({ required: false, allowed: ['Critical', 'Major', 'Minor'] })],
      [field({ required: false, allowed: ['Critical', 'Minor', 'Blocker'] })],
    );
    expect(d.change).toBe('allowedValues');
    expect(d.keys.value).toEqual(['Major', 'Blocker']);
  });
  it('names every allowed value when a field starts offering a list', () => {
    expect(one([field({ required: false })], [field({ required: false, allowed: ['A', 'B'] })]).keys.value).toEqual(['A', 'B']);
  });
  it('gives no value key when only the order of allowed values changes… but still reports it', () => {
    const d = one([field({ required: false, allowed: ['A', 'B'] })], [field({ required: false, allowed: ['B', 'A'] })]);
    expect(d.change).toBe('allowedValues');
    expect(d.keys.value).toEqual([]);
  });
  it('names the transitions a persona sees on one side only, by the part before the arrow', () => {
    const d = one([sees(['Start Progress → In Progress', 'Reopen → Open'])], [sees(['Reopen → Open', 'Start → In Progress', 'Close → Closed'])]);
    expect(d.change).toBe('changed');
    expect(d.keys.transition).toEqual(['Start Progress', 'Start', 'Close']);
  });
  it('gives no transition key when only a target status changes', () => {
    const d = one([sees(['Done → Done'])], [sees(['Done → Closed'])]);
    expect(d.change).toBe('changed');
    expect(d.keys).not.toHaveProperty('transition');
  });
  it('a hidden or shown issue names the transitions lost or gained, not the HTTP status', () => {
    expect(one([sees(['Start Progress → In Progress', 'Reopen → Open'])], [sees(['HTTP 404'])]).keys.transition).toEqual([
      'Start Progress',
      'Reopen',
    ]);
    expect(one([sees(['HTTP 404'])], [sees(['Reopen → Open'])]).keys.transition).toEqual(['Reopen']);
    expect(one([sees(['HTTP 404'])], [sees(['HTTP 403'])]).keys).not.toHaveProperty('transition');
  });
  it('walks name the resolution set before and after', () => {
    const d = one([walk({ taken: true, status: 'Done', resolution: 'Fixed' })], [walk({ taken: true, status: 'Done', resolution: "Won't Do" })]);
    expect(d.keys.resolution).toEqual(['Fixed', "Won't Do"]);
    expect(d.keys.transition).toEqual(['Done', 't-done']);
  });
  it('walks name a resolution set on one side only, once', () => {
    expect(one([walk({ taken: true, resolution: 'Fixed' })], [walk({ taken: true, resolution: null })]).keys.resolution).toEqual(['Fixed']);
    expect(
      one([walk({ taken: true, resolution: 'Fixed', status: 'A' })], [walk({ taken: true, resolution: 'Fixed', status: 'B' })]).keys.resolution,
    ).toEqual(['Fixed']);
    expect(one([walk({ taken: true })], [walk({ taken: false })]).keys).not.toHaveProperty('resolution');
  });
  it('a resolution only matters on walks', () => {
    expect(one([filter({ resolution: 'Fixed' })], [filter({ resolution: 'Done' })]).keys).not.toHaveProperty('resolution');
  });
});
