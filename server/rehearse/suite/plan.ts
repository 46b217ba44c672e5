/**
 * The generated regression suite's plan, computed once from the BASELINE state and reused in every
 * phase, so the same checks run before and after the change (a create that filled what production
 * required yesterday, a transition a persona could take yesterday). Nothing in it is written per
 * tracker: every case comes from the configuration and the sample issues.
 *
 * Each case is tried in memory on a scratch copy first, to find a persona who may and the fields a
 * form needs; the Playwright specs then replay it through the browser or REST in each phase.
 */
import {
  type Config,
  type ConfigIndex,
  type Integration,
  type Issue,
  issueTypesOf,
  type Project,
  type Workflow,
  workflowFor,
} from '../../model/index.ts';
import { type FieldMeta, fixedClock, isTrackerError, Tracker } from '../../tracker/index.ts';
import { forkState, type FormValue } from '../../http/index.ts';
import { formValueFor, modelValueFor, restValueFor } from './values.ts';

export interface PlanPersona {
  accountId: string;
  email: string;
  displayName: string;
}
export interface PlanField {
  fieldId: string;
  name: string;
  type: string;
  /** The value in the model's terms (what the in-memory runner hands the tracker). */
  model: unknown;
  rest: unknown;
  form: FormValue;
}

export interface CreateCase {
  id: string;
  project: string;
  projectName: string;
  issueType: string;
  issueTypeName: string;
  persona: PlanPersona;
  summary: string;
  /** The fields the baseline required (and had no default for), filled. */
  fields: PlanField[];
  /** Through the web UI (else REST). */
  ui: boolean;
}

export interface WalkStep {
  id: string;
  workflow: string;
  transitionId: string;
  transitionName: string;
  fromStatus: string;
  toStatus: string;
  issueKey: string;
  project: string;
  issueTypeName: string;
  persona: PlanPersona;
  fields: PlanField[];
  comment?: string;
  ui: boolean;
}

export interface TransitionSample {
  issueKey: string;
  project: string;
  issueTypeName: string;
  status: string;
  personas: PlanPersona[];
}

export interface SuitePlan {
  now: string;
  /** Every active user: the permission matrix's rows. */
  personas: PlanPersona[];
  projects: { key: string; name: string }[];
  creates: CreateCase[];
  walks: WalkStep[];
  /** Transitions no sample issue and no persona could take at baseline (reported, not replayed). */
  unwalkable: { workflow: string; transition: string; reason: string }[];
  samples: TransitionSample[];
  filters: { id: string; name: string; viewer: PlanPersona }[];
  boards: { id: string; name: string; viewer: PlanPersona }[];
  integrations: { name: string; file: string; as: string; requests: Integration['requests'] }[];
  notes: string[];
}

export interface PlanLimits {
  /** Transitions per workflow walked through the browser (the rest through REST). */
  uiSample: number;
  /** Personas whose visible transitions are compared on each sample issue. */
  personaSample: number;
  /** Sample issues per workflow × status for the visible-transitions check. */
  issuesPerStatus: number;
  /** Create cases through the browser per project (the rest through REST). */
  uiCreatesPerProject: number;
}

const personaOf = (config: Config, accountId: string): PlanPersona | undefined => {
  const u = config.users.find((x) => x.accountId === accountId && x.active);
  return u ? { accountId: u.accountId, email: u.email, displayName: u.displayName } : undefined;
};

/** Configuration indexes shared by the plan's tracker and its scratch copies (they never change the configuration in place). */
const indexes = new WeakMap<Config, ConfigIndex>();

/**
 * A throwaway copy of the plan tracker's issues to try a case on: it shares that tracker's
 * configuration and index (a case writes issues, never the configuration) and takes its counters
 * instead of scanning every issue (they are the counters of the list it copies).
 */
const scratch = (like: Tracker, now: string) =>
  new Tracker(forkState({ config: like.config, issues: like.issues }, true), {
    clock: fixedClock(now),
    outbox: [],
    sharedIndexes: indexes,
    issueCounters: like.issueCounters(),
  });

const fill = (
  metas: readonly FieldMeta[],
  accountId: string,
  groupId: string | undefined,
  now: string,
  only: (m: FieldMeta) => boolean,
): { model: Record<string, unknown>; fields: PlanField[] } => {
  const model: Record<string, unknown> = {};
  const fields: PlanField[] = [];
  for (const m of metas) {
    if (!only(m)) continue;
    const v = modelValueFor(m, { accountId, groupId, now });
    if (v === undefined) continue;
    model[m.fieldId] = v;
    fields.push({ fieldId: m.fieldId, name: m.name, type: m.type, model: v, rest: restValueFor(m.type, v), form: formValueFor(m.type, v) });
  }
  return { model, fields };
};

/** The value, or undefined when the tracker refuses (the persona cannot see the issue or project). */
const seen = <T>(f: () => T): T | undefined => {
  try {
    return f();
  } catch (e) {
    if (isTrackerError(e)) return undefined;
    throw e;
  }
};

const SKIP_CREATE = new Set(['summary', 'issuetype', 'project', 'reporter']);

/** Personas with distinct group memberships (admins first), up to `n`: who sees what differs by group. */
const samplePersonas = (config: Config, tracker: Tracker, n: number): PlanPersona[] => {
  const seen = new Set<string>();
  const out: PlanPersona[] = [];
  const users = config.users.filter((u) => u.active).sort((a, b) => Number(tracker.isAdmin(b.accountId)) - Number(tracker.isAdmin(a.accountId)));
  for (const u of users) {
    const sig = `${tracker.isAdmin(u.accountId)}|${[...u.groups].sort().join(',')}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    out.push({ accountId: u.accountId, email: u.email, displayName: u.displayName });
    if (out.length >= n) break;
  }
  return out;
};

const createCases = (
  state: { config: Config; issues: readonly Issue[] },
  tracker: Tracker,
  candidates: (p: Project) => PlanPersona[],
  now: string,
  limits: PlanLimits,
  notes: string[],
): CreateCase[] => {
  const { config } = state;
  const out: CreateCase[] = [];
  for (const project of config.projects.filter((p) => !p.archived)) {
    let ui = 0;
    for (const typeId of issueTypesOf(config, project)) {
      const type = config.issueTypes.find((t) => t.id === typeId);
      if (!type || type.subtask) continue;
      const persona = candidates(project).find((p) => tracker.can(p.accountId, 'CREATE_ISSUES', project.key));
      if (!persona) {
        notes.push(`nobody may create ${type.name} in ${project.name} (${project.key}) at baseline: its create check is skipped`);
        continue;
      }
      const metas = seen(() => tracker.createMeta(persona.accountId, project.key, typeId));
      if (!metas) {
        notes.push(
          `${persona.displayName} may create in ${project.key} but cannot open the create form of a ${type.name}: its create check is skipped`,
        );
        continue;
      }
      const groupId = config.users.find((u) => u.accountId === persona.accountId)?.groups[0];
      const { model, fields } = fill(metas, persona.accountId, groupId, now, (m) => m.required && !m.hasDefaultValue && !SKIP_CREATE.has(m.fieldId));
      const summary = `Rehearsal: new ${type.name} in ${project.key}`;
      try {
        scratch(tracker, now).createIssue(persona.accountId, { project: project.key, issueType: typeId, fields: { ...model, summary } });
      } catch (e) {
        notes.push(
          `creating a ${type.name} in ${project.key} as ${persona.displayName} fails at baseline already (${(e as Error).message}); it is still compared`,
        );
      }
      out.push({
        id: `${project.key}/${type.name}`,
        project: project.key,
        projectName: project.name,
        issueType: typeId,
        issueTypeName: type.name,
        persona,
        summary,
        fields,
        ui: ui++ < limits.uiCreatesPerProject,
      });
    }
  }
  return out;
};

const matchesFrom = (t: Workflow['transitions'][number], status: string) =>
  (t.type === 'directed' && t.from.includes(status)) || (t.type === 'global' && t.to !== status);

const walks = (
  state: { config: Config; issues: readonly Issue[] },
  tracker: Tracker,
  candidates: (p: Project, i?: Issue) => PlanPersona[],
  now: string,
  limits: PlanLimits,
  unwalkable: SuitePlan['unwalkable'],
): WalkStep[] => {
  const { config } = state;
  const statusName = (id: string) => config.statuses.find((s) => s.id === id)?.name ?? id;
  const typeName = (id: string) => config.issueTypes.find((t) => t.id === id)?.name ?? id;
  const byWorkflow = new Map<string, Issue[]>();
  for (const issue of state.issues) {
    const project = config.projects.find((p) => p.key === issue.project);
    if (!project || project.archived) continue;
    const wf = workflowFor(config, project, issue.issueType);
    if (!wf) continue;
    const list = byWorkflow.get(wf.id) ?? [];
    list.push(issue);
    byWorkflow.set(wf.id, list);
  }
  const out: WalkStep[] = [];
  for (const wf of config.workflows) {
    const issues = byWorkflow.get(wf.id) ?? [];
    let ui = 0;
    for (const t of wf.transitions) {
      if (t.type === 'initial') continue;
      const step = findStep(state, tracker, wf, t, issues.filter((i) => matchesFrom(t, i.status)).slice(0, 8), candidates, now);
      if (typeof step === 'string') {
        unwalkable.push({ workflow: wf.name, transition: t.name, reason: step });
        continue;
      }
      out.push({
        ...step,
        id: `${wf.name}/${t.name}/${step.fromStatus}`,
        workflow: wf.name,
        transitionId: t.id,
        transitionName: t.name,
        toStatus: statusName(t.to),
        issueTypeName: typeName(step.issueType),
        ui: ui++ < limits.uiSample,
      });
    }
  }
  return out;
};

type Found = Omit<WalkStep, 'id' | 'workflow' | 'transitionId' | 'transitionName' | 'toStatus' | 'issueTypeName' | 'ui'> & { issueType: string };

const findStep = (
  state: { config: Config; issues: readonly Issue[] },
  tracker: Tracker,
  _wf: Workflow,
  t: Workflow['transitions'][number],
  issues: Issue[],
  candidates: (p: Project, i?: Issue) => PlanPersona[],
  now: string,
): Found | string => {
  if (!issues.length) return 'no sample issue is in a status it starts from';
  const { config } = state;
  let lastError = 'no persona sees it on any sample issue';
  for (const issue of issues) {
    const project = config.projects.find((p) => p.key === issue.project)!;
    for (const persona of candidates(project, issue)) {
      const view = seen(() => tracker.transitions(persona.accountId, issue.key))?.find((v) => v.id === t.id);
      if (!view) continue;
      const groupId = config.users.find((u) => u.accountId === persona.accountId)?.groups[0];
      const { model, fields } = fill(view.fields, persona.accountId, groupId, now, (m) => m.required && m.fieldId !== 'resolution');
      const resolution = view.fields.find((m) => m.fieldId === 'resolution' && m.required);
      if (resolution?.allowedValues?.[0]) {
        model.resolution = resolution.allowedValues[0].id;
        fields.push({
          fieldId: 'resolution',
          name: resolution.name,
          type: 'resolution',
          model: resolution.allowedValues[0].id,
          rest: { id: resolution.allowedValues[0].id },
          form: resolution.allowedValues[0].id,
        });
      }
      // Validators may ask for more than the screen marks required: try as is, then with a comment,
      // then also filling every field the refusal names — as a person would.
      let comment: string | undefined;
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          scratch(tracker, now).doTransition(persona.accountId, issue.key, t.id, { fields: model, ...(comment ? { comment } : {}) });
          return {
            issueKey: issue.key,
            project: issue.project,
            issueType: issue.issueType,
            fromStatus: config.statuses.find((s) => s.id === issue.status)?.name ?? issue.status,
            persona,
            fields,
            ...(comment ? { comment } : {}),
          };
        } catch (e) {
          if (!isTrackerError(e)) throw e;
          lastError = `${persona.displayName} on ${issue.key}: ${e.message}`;
          comment = 'Rehearsal: taking this transition.';
          if (attempt === 1) {
            const named = Object.keys(e.body.errors).filter((id) => !(id in model) && id !== 'comment');
            const metas = named.length
              ? [
                  ...view.fields,
                  ...(seen(() => tracker.editMeta(persona.accountId, issue.key)) ?? []),
                  ...(seen(() => tracker.createMeta(persona.accountId, issue.project, issue.issueType)) ?? []),
                ]
              : [];
            const more = fill(
              metas.filter((m, i) => metas.findIndex((x) => x.fieldId === m.fieldId) === i),
              persona.accountId,
              groupId,
              now,
              (m) => named.includes(m.fieldId),
            );
            if (!more.fields.length) break;
            Object.assign(model, more.model);
            fields.push(...more.fields);
          }
        }
      }
    }
  }
  return lastError;
};

export const buildSuitePlan = (
  state: { config: Config; issues: readonly Issue[] },
  integrations: readonly { file: string; data: Integration }[],
  now: string,
  limits: PlanLimits,
): SuitePlan => {
  const { config } = state;
  const tracker = new Tracker(forkState(state), { clock: fixedClock(now), outbox: [], sharedIndexes: indexes });
  const notes: string[] = [];
  const personas = config.users.filter((u) => u.active).map((u) => ({ accountId: u.accountId, email: u.email, displayName: u.displayName }));
  const sample = samplePersonas(config, tracker, limits.personaSample);
  const candidates = (p: Project, i?: Issue): PlanPersona[] => {
    const ids = [p.lead, i?.assignee, i?.reporter].filter((x): x is string => typeof x === 'string');
    const first = ids.map((id) => personaOf(config, id)).filter((x): x is PlanPersona => !!x);
    const seen = new Set(first.map((x) => x.accountId));
    return [...first, ...sample.filter((x) => !seen.has(x.accountId)), ...personas.filter((x) => !seen.has(x.accountId) && !sample.includes(x))];
  };
  const unwalkable: SuitePlan['unwalkable'] = [];
  const samples: TransitionSample[] = [];
  const perStatus = new Map<string, number>();
  for (const issue of state.issues) {
    const project = config.projects.find((p) => p.key === issue.project);
    if (!project || project.archived) continue;
    const k = `${workflowFor(config, project, issue.issueType)?.id}|${issue.status}`;
    if ((perStatus.get(k) ?? 0) >= limits.issuesPerStatus) continue;
    perStatus.set(k, (perStatus.get(k) ?? 0) + 1);
    samples.push({
      issueKey: issue.key,
      project: issue.project,
      issueTypeName: config.issueTypes.find((t) => t.id === issue.issueType)?.name ?? issue.issueType,
      status: config.statuses.find((s) => s.id === issue.status)?.name ?? issue.status,
      personas: sample,
    });
  }
  const admin = sample.find((p) => tracker.isAdmin(p.accountId)) ?? personas[0]!;
  return {
    now,
    personas,
    notes,
    unwalkable,
    samples,
    projects: config.projects.map((p) => ({ key: p.key, name: p.name })),
    creates: createCases(state, tracker, (p) => candidates(p), now, limits, notes),
    walks: walks(state, tracker, candidates, now, limits, unwalkable),
    filters: config.filters.map((f) => ({ id: f.id, name: f.name, viewer: personaOf(config, f.owner) ?? admin })),
    boards: config.boards.map((b) => ({
      id: b.id,
      name: b.name,
      viewer: personaOf(config, config.filters.find((f) => f.id === b.filter)?.owner ?? '') ?? admin,
    })),
    integrations: integrations.map((i) => ({ name: i.data.name, file: i.file, as: i.data.as, requests: i.data.requests })),
  };
};
