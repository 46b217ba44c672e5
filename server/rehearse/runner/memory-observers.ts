/**
 * The generated suite's checks answered by the tracker itself (no HTTP, no browser): the same cases,
 * the same observation ids and keys as the Playwright specs, so the pipeline compares phases and
 * matches `expect` entries exactly as it does with the browser. Writes go to a fork of the phase.
 */
import { forkState } from '../../http/index.ts';
import { fixedClock, isTrackerError, type OutboxEntry, Tracker, type TrackerState } from '../../tracker/index.ts';
import type { Observation } from '../result.ts';
import { notificationObservations } from '../suite/client.ts';
import { MATRIX_PERMISSIONS, PERMISSION_WORDS } from '../suite/permission-words.ts';
import type { SuitePlan } from '../suite/plan.ts';

type Errs = { messages: string[]; errors: Record<string, string> };
const NONE: Errs = { messages: [], errors: {} };

const refused = (e: unknown): Errs => {
  if (!isTrackerError(e)) throw e;
  return { messages: e.body.errorMessages ?? [], errors: e.body.errors ?? {} };
};

const tracker = (state: TrackerState, now: string, outbox: OutboxEntry[] = []) =>
  new Tracker(forkState(state, true), { clock: fixedClock(now), outbox });

/** What a test group's cases observed, per test title (so the runner can count tests as the browser run does). */
export type Observed = { test: string; observations: Observation[] }[];

export const observeCreates = (plan: SuitePlan, state: TrackerState, now: string): Observed =>
  plan.projects.flatMap((project) => {
    const cases = plan.creates.filter((c) => c.project === project.key);
    if (!cases.length) return [];
    const obs: Observation[] = [];
    const base = tracker(state, now);
    for (const c of cases) {
      const keys = { project: [c.project, c.projectName], issueType: [c.issueTypeName, c.issueType] };
      const where = `${c.issueTypeName} in ${c.projectName} (${c.project})`;
      const id = `createmeta|${c.project}|${c.issueTypeName}`;
      const label = `${c.persona.displayName} can open the create form of a ${where}`;
      let metas: ReturnType<Tracker['createMeta']> = [];
      try {
        metas = base.createMeta(c.persona.accountId, c.project, c.issueType);
        obs.push({ check: 'createmeta', id, label, keys, value: { available: true } });
      } catch (e) {
        if (!isTrackerError(e)) throw e;
        obs.push({ check: 'createmeta', id, label, keys, value: { available: false, status: e.status } });
      }
      for (const f of metas) {
        obs.push({
          check: 'createmeta',
          id: `${id}|${f.fieldId}`,
          label: `field ${f.name} on the create form of a ${where}`,
          keys: { ...keys, field: [f.fieldId, f.name] },
          value: { required: f.required, hasDefault: f.hasDefaultValue, allowed: f.allowedValues?.map((a) => a.name ?? a.id) },
        });
      }
      const outbox: OutboxEntry[] = [];
      const fork = tracker(state, now, outbox);
      const fields: Record<string, unknown> = { summary: c.summary };
      for (const f of c.fields) fields[f.fieldId] = f.model;
      let errs: Errs | undefined;
      try {
        fork.createIssue(c.persona.accountId, { project: c.project, issueType: c.issueType, fields });
      } catch (e) {
        errs = refused(e);
      }
      const names = new Map(metas.map((f) => [f.fieldId, f.name]));
      obs.push({
        check: 'createmeta',
        id: `${id}|create`,
        label: `${c.persona.displayName} creates a ${c.issueTypeName} in ${c.projectName} (${c.project}) through the tracker, filling what the baseline required`,
        keys: {
          ...keys,
          persona: [c.persona.email, c.persona.displayName],
          field: Object.keys(errs?.errors ?? {}).flatMap((k) => [k, names.get(k) ?? k]),
        },
        value: errs ? { created: false, ...errs } : { created: true },
      });
      obs.push(...notificationObservations(`${c.persona.displayName} creates a ${c.issueTypeName} in ${c.project}`, c.project, outbox));
    }
    return [{ test: `create: ${project.name} (${project.key})`, observations: obs }];
  });

export const observePermissions = (plan: SuitePlan, state: TrackerState, now: string): Observed => {
  const t = tracker(state, now);
  // As Jira answers mypermissions: a project the persona cannot see is not found, so nothing is held in it.
  const sees = (accountId: string, key: string) =>
    t.can(accountId, 'BROWSE_PROJECTS', key) || t.can(accountId, 'ADMINISTER_PROJECTS', key) || t.isAdmin(accountId);
  return plan.projects.map((project) => ({
    test: `permissions: ${project.name} (${project.key})`,
    observations: plan.personas.flatMap((p) =>
      MATRIX_PERMISSIONS.map(
        (perm): Observation => ({
          check: 'permissions',
          id: `permissions|${project.key}|${p.email}|${perm}`,
          label: `${p.displayName} may ${PERMISSION_WORDS[perm]} ${project.name} (${project.key})`,
          keys: { project: [project.key, project.name], persona: [p.email, p.displayName, p.accountId], permission: [perm] },
          value: sees(p.accountId, project.key) && t.can(p.accountId, perm, project.key),
        }),
      ),
    ),
  }));
};

export const observeTransitions = (plan: SuitePlan, state: TrackerState, now: string): Observed => {
  const out: Observed = [];
  for (const wf of [...new Set(plan.walks.map((w) => w.workflow))]) {
    const obs: Observation[] = [];
    for (const s of plan.walks.filter((w) => w.workflow === wf)) {
      const outbox: OutboxEntry[] = [];
      const fork = tracker(state, now, outbox);
      let r: { taken: boolean } & Errs;
      try {
        const offered = fork.transitions(s.persona.accountId, s.issueKey).find((t) => t.name === s.transitionName);
        if (!offered)
          r = { taken: false, messages: [`"${s.transitionName}" is not offered to ${s.persona.displayName} on ${s.issueKey}`], errors: {} };
        else {
          const fields: Record<string, unknown> = {};
          for (const f of s.fields) fields[f.fieldId] = f.model;
          fork.doTransition(s.persona.accountId, s.issueKey, offered.id, { fields, ...(s.comment ? { comment: s.comment } : {}) });
          r = { taken: true, ...NONE };
        }
      } catch (e) {
        r = { taken: false, ...refused(e) };
      }
      let after: { status: string; resolution: string | null };
      try {
        const issue = fork.getIssue(s.persona.accountId, s.issueKey);
        after = {
          status: fork.status(issue.status)?.name ?? issue.status,
          resolution: issue.resolution ? (fork.resolution(issue.resolution)?.name ?? null) : null,
        };
      } catch (e) {
        if (!isTrackerError(e)) throw e;
        after = { status: `HTTP ${e.status}`, resolution: null };
      }
      obs.push({
        check: 'transitions',
        id: `transitions|walk|${s.id}`,
        label: `${s.persona.displayName} takes "${s.transitionName}" on ${s.issueKey} (${s.issueTypeName} in ${s.project}, from ${s.fromStatus}) through the tracker`,
        keys: {
          project: [s.project],
          issueType: [s.issueTypeName],
          persona: [s.persona.email, s.persona.displayName, s.persona.accountId],
          issue: [s.issueKey],
          transition: [s.transitionName, s.transitionId],
          status: [s.fromStatus, s.toStatus],
          workflow: [s.workflow],
        },
        value: { taken: r.taken, ...after, ...(r.taken ? {} : { messages: r.messages, errors: r.errors }) },
      });
      obs.push(...notificationObservations(`${s.persona.displayName} takes "${s.transitionName}" on ${s.issueKey}`, s.project, outbox));
    }
    out.push({ test: `transitions: ${wf}`, observations: obs });
  }
  if (plan.samples.length) {
    const t = tracker(state, now);
    const obs: Observation[] = [];
    for (const s of plan.samples) {
      for (const p of s.personas) {
        let names: string[];
        try {
          names = t.transitions(p.accountId, s.issueKey).map((x) => `${x.name} → ${x.to.name}`);
        } catch (e) {
          if (!isTrackerError(e)) throw e;
          names = [`HTTP ${e.status}`];
        }
        obs.push({
          check: 'transitions',
          id: `transitions|sees|${s.issueKey}|${p.email}`,
          label: `the transitions ${p.displayName} sees on ${s.issueKey} (${s.issueTypeName} in ${s.project}, ${s.status})`,
          keys: {
            project: [s.project],
            issueType: [s.issueTypeName],
            persona: [p.email, p.displayName, p.accountId],
            issue: [s.issueKey],
            status: [s.status],
          },
          value: names,
        });
      }
    }
    out.push({ test: 'transitions each persona sees on sample issues', observations: obs });
  }
  return out;
};

export const observeFiltersAndBoards = (plan: SuitePlan, state: TrackerState, now: string): Observed => {
  const t = tracker(state, now);
  const out: Observed = [];
  if (plan.filters.length) {
    out.push({
      test: 'saved filters',
      observations: plan.filters.map((f): Observation => {
        const saved = t.config.filters.find((x) => x.id === f.id);
        let value: { keys?: string[]; error?: string[] };
        if (!saved || !t.canSeeFilter(f.viewer.accountId, saved)) value = { error: ['filter: HTTP 404'] };
        else {
          try {
            value = { keys: t.searchAll(f.viewer.accountId, saved.jql).map((i) => i.key) };
          } catch (e) {
            value = { error: [(e as Error).message] };
          }
        }
        return {
          check: 'filters',
          id: `filters|${f.id}`,
          label: `saved filter "${f.name}" run by ${f.viewer.displayName}`,
          keys: { filter: [f.name, f.id] },
          value,
        };
      }),
    });
  }
  for (const b of plan.boards) {
    const keys = { board: [b.name, b.id] };
    let view: ReturnType<Tracker['board']>;
    try {
      view = t.board(b.viewer.accountId, b.id);
    } catch (e) {
      if (!isTrackerError(e)) throw e;
      out.push({
        test: `board: ${b.name}`,
        observations: [
          { check: 'boards', id: `boards|${b.id}`, label: `board "${b.name}" as ${b.viewer.displayName}`, keys, value: { error: e.status } },
        ],
      });
      continue;
    }
    out.push({
      test: `board: ${b.name}`,
      observations: [
        { check: 'boards', id: `boards|${b.id}`, label: `the columns of board "${b.name}"`, keys, value: view.columns.map((c) => c.name) },
        ...view.columns.map(
          (c): Observation => ({
            check: 'boards',
            id: `boards|${b.id}|${c.name}`,
            label: `issues in column "${c.name}" of board "${b.name}"`,
            keys: { ...keys, column: [c.name] },
            value: c.issues.map((i) => i.key),
          }),
        ),
        {
          check: 'boards',
          id: `boards|${b.id}|(not on the board)`,
          label: `issues of board "${b.name}"'s filter in no column (invisible on the board)`,
          keys: { ...keys, column: ['(not on the board)'] },
          value: view.unmapped.flatMap((u) => u.issues.map((i) => i.key)),
        },
      ],
    });
  }
  return out;
};
