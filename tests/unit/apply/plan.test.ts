/**
 * Planning without sockets: entity diffs (a rename is one change, not a removal and an addition),
 * each writer's steps and classes on Cloud and Data Center, steps that compose to the rehearsed
 * state, and the inverse of a step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { entityChanges } from '../../../server/apply/plan/entity-diff.ts';
import { applyChanges } from '../../../server/apply/plan/planner.ts';
import { rehearseInMemory } from '../../../server/apply/plan/rehearse-in-memory.ts';
import { inverseStep, type Step } from '../../../server/apply/plan/types.ts';
import { viewOf } from '../../../server/apply/production/read.ts';
import { whereIs, expectedIssues } from '../../../server/apply/run/step-state.ts';
import { planIssueSteps, writerFor } from '../../../server/apply/writers/index.ts';
import { normalHash } from '../../../server/apply/normalise/index.ts';
import { loadMigrations, type LoadedMigration } from '../../../server/migrate/load.ts';
import type { Config, Issue } from '../../../server/model/types.ts';
import { readSnapshot } from '../../../server/store/index.ts';

let acme: Config;
let issues: Issue[];
let bundled: LoadedMigration[];
beforeAll(async () => {
  const s = await readSnapshot('fixtures/acme');
  acme = s.config!;
  issues = s.issues;
  bundled = await loadMigrations('migrations');
});

/** Steps of one bundled migration planned on the model (no sandbox round trip: enough for the planning logic). */
const stepsOf = (id: string, dc: boolean) => {
  const m = rehearseInMemory(
    acme,
    issues,
    bundled.filter((x) => x.id <= id),
    '2026-01-01T00:00:00.000Z',
  ).at(-1)!;
  const before = viewOf(m.before);
  const after = viewOf(m.after);
  const p = { dc, migration: m, before, after };
  const changes = entityChanges(before, after);
  const byCollection = new Map<string, typeof changes>();
  for (const c of changes) byCollection.set(c.collection, [...(byCollection.get(c.collection) ?? []), c]);
  const drafts = [...byCollection.values()].flatMap((cs) => writerFor(cs[0]!).plan(cs, p));
  const covered = new Set(drafts.flatMap((d) => (d.issues?.byJira ? [`${d.issues.fields[d.issues.fieldKeys[0]!]}|${d.issues.from}`] : [])));
  const all = [...drafts, ...planIssueSteps(p, covered)].map((d, i) => ({ ...d, id: `${m.id}#${i + 1}`, migration: m.id }) as Step);
  return { steps: all, before, after };
};

describe('the plan', () => {
  it('a renamed status is one change with the new key, not a removal and an addition', () => {
    const after = structuredClone(acme);
    after.statuses.find((s) => s.name === 'In Review')!.name = 'Reviewing';
    const changes = entityChanges(viewOf(acme), viewOf(after)).filter((c) => c.collection === 'statuses');
    expect(changes).toEqual([{ collection: 'statuses', key: 'In Review', rename: 'Reviewing', from: expect.anything(), to: expect.anything() }]);
  });

  it.each<[string, boolean, string[]]>([
    ['20261101-090000-add-needs-triage', false, ['expand automatic statuses', 'migrate automatic workflows']],
    ['20261101-090000-add-needs-triage', true, ['expand manual statuses', 'migrate manual manual']],
    [
      '20261102-090000-merge-wont-do-into-wont-fix',
      false,
      [
        'contract automatic-record resolutions',
        'migrate automatic workflows',
        'migrate automatic workflows',
        'migrate automatic workflows',
        'migrate automatic workflows',
        'migrate automatic workflows',
        'migrate automatic filters',
      ],
    ],
    ['20261103-090000-retire-ie11-option', false, ['contract automatic-record fields', 'migrate automatic filters', 'migrate automatic filters']],
    [
      '20261103-090000-retire-ie11-option',
      true,
      ['contract manual manual', 'migrate automatic filters', 'migrate automatic filters', 'migrate automatic-record issues'],
    ],
    ['20261104-090000-restrict-security-browse', true, ['contract automatic permissionSchemes']],
    [
      '20261105-090000-require-office-location',
      false,
      ['expand automatic screens', 'migrate automatic fieldConfigurations', 'migrate automatic-record issues'],
    ],
    ['20261105-090000-require-office-location', true, ['expand automatic screens', 'migrate manual manual', 'migrate automatic-record issues']],
    ['20261106-090000-archive-old-mobile-versions', true, ['migrate automatic projects']],
  ])('%s on %s: phases, classes and writers', (id, dc, expected) => {
    expect(stepsOf(id, dc).steps.map((s) => `${s.phase} ${s.class} ${s.writer}`)).toEqual(expected);
  });

  it('the steps compose to the rehearsed state (each migration)', () => {
    for (const m of bundled) {
      const { steps, before, after } = stepsOf(m.id, false);
      expect(normalHash(steps.reduce((n, s) => applyChanges(n, s.changes), before.normal)), m.id).toBe(normalHash(after.normal));
    }
  });

  it('a delete by Jira records its issues first and reads back the replacement on them', () => {
    const del = stepsOf('20261102-090000-merge-wont-do-into-wont-fix', false).steps.find((s) => s.writer === 'resolutions')!;
    expect(del.issues).toMatchObject({ jql: 'resolution = "Won\'t Do"', byJira: true, from: "Won't Do" });
    expect(del.replaceWith).toBe("Won't Fix");
    expect(expectedIssues(del, [{ key: 'WEB-1', values: { resolution: "Won't Do" } }])).toEqual([
      { key: 'WEB-1', values: { resolution: "Won't Fix" } },
    ]);
  });

  it('an ops-form backfill reaches every production issue that matches, not only the sample', () => {
    const fill = stepsOf('20261105-090000-require-office-location', false).steps.find((s) => s.writer === 'issues')!;
    expect(fill.issues!.jql).toMatch(/^project in \("HELP"\) AND issuetype in \(.+\) AND cf\[10045\] is EMPTY$/);
    expect(fill.issues!.set).toEqual({ 'Office Location': 'Remote' });
  });

  it('the inverse of a step swaps every change, undoes a rename and restores the record', () => {
    const step: Step = {
      id: 'm#1',
      migration: 'm',
      phase: 'contract',
      class: 'automatic-record',
      writer: 'resolutions',
      title: 'delete',
      replaceWith: 'B',
      changes: [
        { collection: 'resolutions', key: 'A', from: { name: 'A' }, to: null },
        { collection: 'resolutions', key: '#order', from: ['A', 'B'], to: ['B'] },
      ],
      issues: { fields: { resolution: 'resolution' }, fieldKeys: ['resolution'], jql: 'resolution = A', byJira: true, from: 'A' },
    };
    const back = inverseStep(step, [{ key: 'X-1', values: { resolution: 'A' } }]);
    expect(back.changes).toEqual([
      { collection: 'resolutions', key: '#order', from: ['B'], to: ['A', 'B'] },
      { collection: 'resolutions', key: 'A', from: null, to: { name: 'A' } },
    ]);
    expect(back.phase).toBe('expand');
    expect(back.issues).toEqual({
      fields: { resolution: 'resolution' },
      fieldKeys: ['resolution'],
      restore: [{ key: 'X-1', values: { resolution: 'A' } }],
    });
    expect(back.replaceWith).toBeUndefined();
    // Undoing the undo (a migrate:down that fails is backed out) is the step itself again.
    expect(inverseStep(back, undefined)).toEqual(step);
    const rename = inverseStep(
      { ...step, changes: [{ collection: 'statuses', key: 'Old', rename: 'New', from: { name: 'Old' }, to: { name: 'New' } }] },
      undefined,
    );
    expect(rename.changes[0]).toEqual({ collection: 'statuses', key: 'New', rename: 'Old', from: { name: 'New' }, to: { name: 'Old' } });
  });

  it('board columns: automatic through the private write where the site has it, with a warning; else manual', () => {
    const after = structuredClone(acme);
    after.boards[0]!.columns.reverse();
    const m = { id: 'm', description: '', sentences: [], before: acme, after, issueChanges: [] };
    const changes = entityChanges(viewOf(acme), viewOf(after));
    const p = { dc: false, migration: m, before: viewOf(acme), after: viewOf(after) };
    expect(writerFor(changes[0]!).plan(changes, p)[0]).toMatchObject({
      class: 'automatic',
      privateApi: true,
      writer: 'boards',
      warnings: [expect.stringMatching(/private write/)],
    });
    expect(writerFor(changes[0]!).plan(changes, { ...p, boardColumns: false })[0]).toMatchObject({
      class: 'manual',
      reason: expect.stringMatching(/no REST write for board columns/),
    });
  });

  it('locates production by content: at the start, at the result, or elsewhere (drift)', () => {
    const { steps, before, after } = stepsOf('20261101-090000-add-needs-triage', false);
    const create = steps[0]!;
    expect(whereIs(create, before).at).toBe('start');
    expect(whereIs(create, after).at).toBe('end');
    const drifted = structuredClone(after.config);
    drifted.statuses.find((s) => s.name === 'Needs Triage')!.category = 'done';
    expect(whereIs(create, viewOf(drifted))).toEqual({
      at: 'elsewhere',
      what: ["statuses 'Needs Triage' exists already, and not as the step would make it"],
      entities: ['statuses/Needs Triage'],
    });
  });
});
