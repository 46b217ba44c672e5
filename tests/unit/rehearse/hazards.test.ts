/** The hazards that are facts about the change: notification storms, irreversible steps, unreachable projects, unused `expect` entries. */
import { describe, expect, it } from 'vitest';
import { broadExpectationHazards } from '../../../server/rehearse/hazards/broad-expectation.ts';
import { irreversibleHazards } from '../../../server/rehearse/hazards/irreversible.ts';
import { stormHazards, totalNotificationHazards } from '../../../server/rehearse/hazards/notification-storm.ts';
import { reachabilityHazards } from '../../../server/rehearse/hazards/project-lockout.ts';
import { unusedExpectationHazards } from '../../../server/rehearse/hazards/unused-expectation.ts';
import type { PlanItem } from '../../../server/migrate/engine/plan.ts';
import type { Hazard, Observation } from '../../../server/rehearse/result.ts';

/** The two analyzers of a plan's facts, in the catalogue's order. */
const planHazards = (plan: readonly PlanItem[], limit: number): Hazard[] => [...stormHazards(plan, limit), ...irreversibleHazards(plan)];

const item = (id: string, extra: Partial<PlanItem> = {}): PlanItem => ({
  id,
  description: `about ${id}`,
  sentences: [],
  configChanges: [],
  issues: { total: 0, byProject: {}, byType: {}, byStatus: {} },
  notifications: { total: 0, perRecipient: [] },
  sharedSchemes: [],
  expect: [],
  ...extra,
});
const notifying = (id: string, counts: number[]): PlanItem =>
  item(id, {
    notifications: { total: counts.reduce((a, b) => a + b, 0), perRecipient: counts.map((count, i) => ({ recipient: `r${i}@tiny.example`, count })) },
  });

describe('planHazards', () => {
  it('nothing for a quiet, reversible plan', () => {
    expect(planHazards([item('A'), notifying('B', [50, 3])], 50)).toEqual([]);
  });
  it('a storm when a recipient gets more than the limit (not equal to it)', () => {
    const h = planHazards([notifying('20250101-000000-bulk', [51, 50, 2])], 50);
    expect(h).toEqual([
      {
        kind: 'notification-storm',
        severity: 'error',
        migration: '20250101-000000-bulk',
        message:
          '20250101-000000-bulk makes the tracker send 103 notifications; 1 recipient would get more than 50 (rehearse.notificationsPerRecipient in understudy.config.json)',
        evidence: ['r0@tiny.example: 51'],
      },
    ]);
  });
  it('counts recipients in the plural and lists at most ten of them', () => {
    const h = planHazards(
      [
        notifying(
          'M',
          Array.from({ length: 13 }, () => 5),
        ),
      ],
      4,
    );
    expect(h).toHaveLength(1);
    expect(h[0]!.message).toContain('13 recipients would get more than 4');
    expect(h[0]!.evidence).toHaveLength(11);
    expect(h[0]!.evidence.slice(0, 2)).toEqual(['r0@tiny.example: 5', 'r1@tiny.example: 5']);
    expect(h[0]!.evidence[10]).toBe('… and 3 more');
  });
  it('exactly ten recipients over the limit: no "more" line', () => {
    expect(
      planHazards(
        [
          notifying(
            'M',
            Array.from({ length: 10 }, () => 2),
          ),
        ],
        1,
      )[0]!.evidence,
    ).toHaveLength(10);
  });
  it('an irreversible migration is a warning naming its reason and recovery', () => {
    const h = planHazards(
      [item('X', { irreversible: { reason: 'it deletes the field Legacy', recovery: 'restore the field from the snapshot' } })],
      50,
    );
    expect(h).toEqual([
      {
        kind: 'irreversible',
        severity: 'warning',
        migration: 'X',
        message: 'X is irreversible: it deletes the field Legacy',
        evidence: ['recovery: restore the field from the snapshot'],
      },
    ]);
  });
  it('one hazard per migration and kind, in plan order', () => {
    const h = planHazards([notifying('A', [9]), item('B'), { ...notifying('C', [10]), irreversible: { reason: 'r', recovery: 'x' } }], 8);
    expect(h.map((x) => `${x.migration}:${x.kind}:${x.severity}`)).toEqual([
      'A:notification-storm:error',
      'C:notification-storm:error',
      'C:irreversible:warning',
    ]);
  });
});

const perm = (project: [string, string], email: string, permission: string, value: boolean): Observation => ({
  check: 'permissions',
  id: `permissions|${project[0]}|${email}|${permission}`,
  label: `${email} may ${permission}`,
  keys: { project: [...project], persona: [email], permission: [permission] },
  value,
});
const ACME: [string, string] = ['ACME', 'Acme Product'];
const OPS: [string, string] = ['OPS', 'Operations'];

describe('reachabilityHazards', () => {
  const baseline = [
    perm(ACME, 'alice@tiny.example', 'BROWSE_PROJECTS', true),
    perm(ACME, 'bob@tiny.example', 'BROWSE_PROJECTS', true),
    perm(ACME, 'alice@tiny.example', 'ADMINISTER_PROJECTS', true),
    perm(ACME, 'bob@tiny.example', 'ADMINISTER_PROJECTS', false),
    perm(OPS, 'alice@tiny.example', 'BROWSE_PROJECTS', true),
    perm(OPS, 'alice@tiny.example', 'ADMINISTER_PROJECTS', false),
    perm(ACME, 'alice@tiny.example', 'CREATE_ISSUES', true),
  ];
  const set = (list: Observation[], changes: Record<string, boolean>) => list.map((o) => (o.id in changes ? { ...o, value: changes[o.id] } : o));

  it('nothing when everybody keeps their access', () => {
    expect(reachabilityHazards(baseline, structuredClone(baseline), 'M')).toEqual([]);
  });
  it('nothing while one holder is left', () => {
    expect(reachabilityHazards(baseline, set(baseline, { 'permissions|ACME|bob@tiny.example|BROWSE_PROJECTS': false }), 'M')).toEqual([]);
  });
  it('a project nobody can browse any more, attributed to the last migration', () => {
    const after = set(baseline, {
      'permissions|ACME|bob@tiny.example|BROWSE_PROJECTS': false,
      'permissions|ACME|alice@tiny.example|BROWSE_PROJECTS': false,
    });
    expect(reachabilityHazards(baseline, after, '20250101-000000-lock')).toEqual([
      {
        kind: 'project-unreachable',
        severity: 'error',
        migration: '20250101-000000-lock',
        message: 'after the change nobody can browse Acme Product (ACME); 2 personas could before',
        evidence: ['permission BROWSE_PROJECTS is held by no active user in ACME'],
      },
    ]);
  });
  it('a project nobody can administer any more, in the singular; no migration when none is known', () => {
    const h = reachabilityHazards(baseline, set(baseline, { 'permissions|ACME|alice@tiny.example|ADMINISTER_PROJECTS': false }), undefined);
    expect(h).toHaveLength(1);
    expect(h[0]!.message).toBe('after the change nobody can administer Acme Product (ACME); 1 persona could before');
    expect(h[0]).not.toHaveProperty('migration');
  });
  it('not when nobody could at baseline already', () => {
    // Nobody administers OPS at baseline: that is not this change's doing.
    expect(reachabilityHazards(baseline, baseline, 'M')).toEqual([]);
  });
  it('a project missing from the later run counts as unreachable', () => {
    const h = reachabilityHazards(
      baseline,
      baseline.filter((o) => o.keys.project?.[0] !== 'OPS'),
      'M',
    );
    expect(h.map((x) => x.message)).toEqual(['after the change nobody can browse Operations (OPS); 1 persona could before']);
  });
  it('other permissions do not count, and browse hazards come before administer hazards', () => {
    const none = baseline.map((o) => ({ ...o, value: false }));
    const h = reachabilityHazards(baseline, none, 'M');
    expect(h.map((x) => x.evidence[0])).toEqual([
      'permission BROWSE_PROJECTS is held by no active user in ACME',
      'permission BROWSE_PROJECTS is held by no active user in OPS',
      'permission ADMINISTER_PROJECTS is held by no active user in ACME',
    ]);
  });
  it('ignores observations of other checks', () => {
    const look: Observation = { ...perm(ACME, 'x@tiny.example', 'BROWSE_PROJECTS', true), check: 'specs' };
    expect(reachabilityHazards([look], [], 'M')).toEqual([]);
  });
});

describe('unusedExpectationHazards', () => {
  it('one warning per unused entry, naming the migration and the index', () => {
    const entry = { check: 'permissions' as const, project: 'ACME', reason: 'tighten' };
    const h = unusedExpectationHazards({ regressions: [], expected: [], unused: [{ migration: 'M', index: 2, entry }] });
    expect(h).toEqual([
      {
        kind: 'unused-expectation',
        severity: 'warning',
        migration: 'M',
        message: 'M: expect[2] (permissions) matched no difference — the change may not do what it says, or the entry is misspelt',
        evidence: ['{"check":"permissions","project":"ACME","reason":"tighten"}'],
      },
    ]);
  });
  it('none when every entry matched', () => {
    expect(unusedExpectationHazards({ regressions: [], expected: [], unused: [] })).toEqual([]);
  });
});

describe('totalNotificationHazards: the change set together', () => {
  it('two migrations each under the limit, over it together: a storm, blamed on the one sending most', () => {
    const h = totalNotificationHazards([notifying('A', [30, 1]), notifying('B', [25])], 50);
    expect(h).toHaveLength(1);
    expect(h[0]!.kind).toBe('notification-storm');
    expect(h[0]!.migration).toBe('A');
    expect(h[0]!.evidence).toEqual(['r0@tiny.example: 55 (most from A)']);
  });
  it('nothing when the sum stays within the limit, or when one migration alone is over it (reported per migration)', () => {
    expect(totalNotificationHazards([notifying('A', [25]), notifying('B', [25])], 50)).toEqual([]);
    expect(totalNotificationHazards([notifying('A', [60]), notifying('B', [1])], 50)).toEqual([]);
  });
});

describe('broadExpectationHazards', () => {
  it('an entry naming nothing but its check is a warning; a named one is not', () => {
    const h = broadExpectationHazards([
      item('A', {
        expect: [
          { check: 'boards', reason: 'r' },
          { check: 'boards', board: 'OPS board', reason: 'r' },
          { check: 'filters', change: 'reordered', reason: 'r' },
        ],
      }),
    ]);
    expect(h.map((x) => [x.kind, x.severity, x.migration])).toEqual([['broad-expectation', 'warning', 'A']]);
    expect(h[0]!.message).toContain('expect[0]');
    expect(h[0]!.message).toContain('name the board');
  });
});
