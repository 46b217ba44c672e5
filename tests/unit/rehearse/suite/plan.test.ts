/** buildSuitePlan on the tiny fixture: the create cases, the walks, the samples and viewers, determinism, and a state left untouched. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSuitePlan, type PlanLimits, type SuitePlan } from '../../../../server/rehearse/suite/plan.ts';
import { readSnapshot, type RawSnapshot } from '../../../../server/store/snapshot-read.ts';
import { canonicalHash } from '../../../../server/model/hash.ts';
import { issueTypesOf, workflowFor } from '../../../../server/model/resolve.ts';
import { fixedClock, Tracker } from '../../../../server/tracker/index.ts';
import { toModel } from '../../../../server/http/ui/form-values.ts';
import type { Config, Issue } from '../../../../server/model/types.ts';

const NOW = '2025-06-01T12:00:00.000Z';
const LIMITS: PlanLimits = { uiSample: 1, personaSample: 3, issuesPerStatus: 1, uiCreatesPerProject: 1 };

let snap: RawSnapshot;
let plan: SuitePlan;
const fresh = (): { config: Config; issues: Issue[] } => structuredClone({ config: snap.config!, issues: snap.issues });
const trackerOn = (state: { config: Config; issues: Issue[] }) => new Tracker(state, { clock: fixedClock(NOW), outbox: [] });
const modelOf = (fields: SuitePlan['creates'][number]['fields']) => Object.fromEntries(fields.map((f) => [f.fieldId, toModel(f.type, f.form)]));

beforeAll(async () => {
  snap = await readSnapshot('fixtures/tiny');
  expect(snap.problems).toEqual([]);
  plan = buildSuitePlan(fresh(), snap.integrations, NOW, LIMITS);
});

describe('buildSuitePlan: create cases', () => {
  it('one per non-archived project × non-subtask issue type', () => {
    const config = snap.config!;
    const want = config.projects
      .filter((p) => !p.archived)
      .flatMap((p) =>
        issueTypesOf(config, p)
          .map((id) => config.issueTypes.find((t) => t.id === id)!)
          .filter((t) => !t.subtask)
          .map((t) => `${p.key}/${t.name}`),
      );
    expect(plan.creates.map((c) => c.id)).toEqual(want);
    expect(want).toEqual(['ACME/Bug', 'ACME/Task', 'OPS/Task', 'SEC/Bug', 'SEC/Task']);
  });
  it('each as a persona who may create there, the project lead first', () => {
    const t = trackerOn(fresh());
    for (const c of plan.creates) expect(t.can(c.persona.accountId, 'CREATE_ISSUES', c.project), c.id).toBe(true);
    expect(Object.fromEntries(plan.creates.map((c) => [c.id, c.persona.accountId]))).toEqual({
      'ACME/Bug': 'u-bob',
      'ACME/Task': 'u-bob',
      'OPS/Task': 'u-carol',
      'SEC/Bug': 'u-dave',
      'SEC/Task': 'u-dave',
    });
  });
  it('fills what the baseline requires without a default, in REST and form shapes', () => {
    expect(plan.creates.find((c) => c.id === 'SEC/Bug')!.fields).toEqual([
      { fieldId: 'customfield_10010', name: 'Severity', type: 'select', model: 'opt-sev-s1', rest: { id: 'opt-sev-s1' }, form: 'opt-sev-s1' },
    ]);
    expect(plan.creates.find((c) => c.id === 'ACME/Bug')!.fields).toEqual([]);
    expect(plan.creates.find((c) => c.id === 'SEC/Bug')!.summary).toBe('Rehearsal: new Bug in SEC');
  });
  it('every create case succeeds on the baseline with what it fills', () => {
    expect(plan.notes).toEqual([]);
    for (const c of plan.creates) {
      const created = trackerOn(fresh()).createIssue(c.persona.accountId, {
        project: c.project,
        issueType: c.issueType,
        fields: { ...modelOf(c.fields), summary: c.summary },
      });
      expect(created.key, c.id).toMatch(new RegExp(`^${c.project}-\\d+$`));
    }
  });
  it('the first uiCreatesPerProject cases of each project go through the browser', () => {
    expect(plan.creates.filter((c) => c.ui).map((c) => c.id)).toEqual(['ACME/Bug', 'OPS/Task', 'SEC/Bug']);
    const two = buildSuitePlan(fresh(), [], NOW, { ...LIMITS, uiCreatesPerProject: 0 });
    expect(two.creates.some((c) => c.ui)).toBe(false);
  });
  it('skips archived projects everywhere', () => {
    const state = fresh();
    state.config.projects.find((p) => p.key === 'OPS')!.archived = true;
    const p = buildSuitePlan(state, [], NOW, LIMITS);
    expect(p.creates.map((c) => c.id)).toEqual(['ACME/Bug', 'ACME/Task', 'SEC/Bug', 'SEC/Task']);
    expect(p.samples.some((s) => s.project === 'OPS')).toBe(false);
    expect(p.walks.some((w) => w.project === 'OPS')).toBe(false);
  });
  it('says so when nobody may create in a project', () => {
    const state = fresh();
    const restricted = state.config.permissionSchemes.find((s) => s.id === 'ps-restricted')!;
    restricted.grants = restricted.grants.filter((g) => g.permission !== 'CREATE_ISSUES');
    const p = buildSuitePlan(state, [], NOW, LIMITS);
    expect(p.creates.map((c) => c.id)).toEqual(['ACME/Bug', 'ACME/Task', 'OPS/Task']);
    expect(p.notes).toEqual([
      'nobody may create Bug in Security (SEC) at baseline: its create check is skipped',
      'nobody may create Task in Security (SEC) at baseline: its create check is skipped',
    ]);
  });
});

describe('buildSuitePlan: walks', () => {
  it('every non-initial transition is walked or reported unwalkable, once', () => {
    const config = snap.config!;
    const all = config.workflows.flatMap((w) => w.transitions.filter((t) => t.type !== 'initial').map((t) => `${w.name}/${t.name}`));
    const covered = [...plan.walks.map((w) => `${w.workflow}/${w.transitionName}`), ...plan.unwalkable.map((u) => `${u.workflow}/${u.transition}`)];
    expect([...covered].sort()).toEqual([...all].sort());
    expect(plan.walks.length).toBeGreaterThanOrEqual(all.length - 1);
    for (const u of plan.unwalkable) expect(u.reason.length, `${u.workflow}/${u.transition}`).toBeGreaterThan(10);
  });
  it('each walk starts from a status the transition leaves, as a persona who sees it there', () => {
    const config = snap.config!;
    const t = trackerOn(fresh());
    for (const w of plan.walks) {
      const issue = snap.issues.find((i) => i.key === w.issueKey)!;
      const wf = workflowFor(config, config.projects.find((p) => p.key === issue.project)!, issue.issueType)!;
      expect(wf.name, w.id).toBe(w.workflow);
      expect(config.statuses.find((s) => s.id === issue.status)!.name, w.id).toBe(w.fromStatus);
      expect(
        t.transitions(w.persona.accountId, w.issueKey).map((v) => v.id),
        w.id,
      ).toContain(w.transitionId);
      expect(w.id).toBe(`${w.workflow}/${w.transitionName}/${w.fromStatus}`);
    }
  });
  it('each walk succeeds on the baseline with what it fills, and lands where it says', () => {
    for (const w of plan.walks) {
      const state = fresh();
      const after = trackerOn(state).doTransition(w.persona.accountId, w.issueKey, w.transitionId, {
        fields: modelOf(w.fields),
        ...(w.comment ? { comment: w.comment } : {}),
      });
      expect(state.config.statuses.find((s) => s.id === after.status)!.name, w.id).toBe(w.toStatus);
    }
  });
  it('names the known walks of the tiny fixture', () => {
    expect(plan.walks.map((w) => `${w.id} as ${w.persona.accountId} on ${w.issueKey}`)).toEqual(
      expect.arrayContaining(['Software Workflow/Start Progress/Open as u-bob on ACME-1', 'Simple Workflow/Reopen/Closed as u-bob on ACME-4']),
    );
  });
  it('the first uiSample transitions of each workflow go through the browser', () => {
    const ui = plan.walks.filter((w) => w.ui);
    expect(ui.map((w) => w.workflow)).toEqual(['Software Workflow', 'Simple Workflow']);
    expect(ui[0]).toBe(plan.walks.find((w) => w.workflow === 'Software Workflow'));
  });
  it('a transition from a status no sample issue is in is unwalkable, with that reason', () => {
    const state = fresh();
    state.issues = state.issues.filter((i) => i.status !== '6');
    const p = buildSuitePlan(state, [], NOW, LIMITS);
    expect(p.unwalkable).toContainEqual({
      workflow: 'Simple Workflow',
      transition: 'Reopen',
      reason: 'no sample issue is in a status it starts from',
    });
    expect(p.walks.some((w) => w.workflow === 'Simple Workflow' && w.transitionName === 'Reopen')).toBe(false);
  });
});

describe('buildSuitePlan: samples, personas, viewers', () => {
  it('personas are the active users; samples use personaSample of them, an admin first', () => {
    expect(plan.personas.map((p) => p.accountId)).toEqual(['u-alice', 'u-bob', 'u-carol', 'u-dave', 'u-erin']);
    for (const s of plan.samples) expect(s.personas.map((p) => p.accountId)).toEqual(['u-alice', 'u-bob', 'u-dave']);
  });
  it('at most issuesPerStatus sample issues per workflow × status', () => {
    const seen = new Map<string, number>();
    for (const s of plan.samples) {
      const issue = snap.issues.find((i) => i.key === s.issueKey)!;
      const wf = workflowFor(snap.config!, snap.config!.projects.find((p) => p.key === issue.project)!, issue.issueType)!.id;
      seen.set(`${wf}|${s.status}`, (seen.get(`${wf}|${s.status}`) ?? 0) + 1);
    }
    expect(Math.max(...seen.values())).toBe(1);
    expect(plan.samples.map((s) => s.issueKey)).toEqual(['ACME-1', 'ACME-2', 'ACME-3', 'ACME-4', 'ACME-5', 'ACME-6', 'OPS-1']);
    expect(buildSuitePlan(fresh(), [], NOW, { ...LIMITS, issuesPerStatus: 5 }).samples).toHaveLength(12);
  });
  it('filters and boards are viewed by their filter owner; projects and integrations are listed', () => {
    expect(plan.filters.map((f) => [f.id, f.viewer.accountId])).toEqual([
      ['10100', 'u-bob'],
      ['10101', 'u-carol'],
    ]);
    expect(plan.boards.map((b) => [b.id, b.viewer.accountId])).toEqual([['1', 'u-carol']]);
    expect(plan.projects).toEqual([
      { key: 'ACME', name: 'Acme Product' },
      { key: 'OPS', name: 'Operations' },
      { key: 'SEC', name: 'Security' },
    ]);
    expect(plan.integrations.map((i) => [i.name, i.file])).toEqual(snap.integrations.map((i) => [i.data.name, i.file]));
    expect(plan.integrations.length).toBe(1);
    expect(plan.now).toBe(NOW);
  });
  it('a filter whose owner is inactive is viewed by an admin', () => {
    const state = fresh();
    state.config.filters[0]!.owner = 'u-frank';
    expect(buildSuitePlan(state, [], NOW, LIMITS).filters[0]!.viewer.accountId).toBe('u-alice');
  });
});

describe('buildSuitePlan: purity', () => {
  it('is deterministic: two builds are equal', () => {
    expect(buildSuitePlan(fresh(), snap.integrations, NOW, LIMITS)).toEqual(plan);
  });
  it('does not change the state it plans from', () => {
    const state = fresh();
    const hash = canonicalHash(state.config, state.issues);
    const copy = structuredClone(state);
    buildSuitePlan(state, snap.integrations, NOW, LIMITS);
    expect(canonicalHash(state.config, state.issues)).toBe(hash);
    expect(state).toEqual(copy);
  });
});
