/**
 * Worklogs and time tracking as Jira keeps them: logging work needs WORK_ON_ISSUES; editing and
 * deleting need the OWN or ALL worklog permission. The remaining estimate follows `adjustEstimate`
 * (auto: reduced by the time spent, never below zero; new; manual with reduceBy/increaseBy; leave).
 * Each change writes Jira's history items (timespent, timeestimate, WorklogId) and sends "Work
 * Logged On Issue", "Issue Worklog Updated" or "Issue Worklog Deleted" to whom the scheme names
 * (only to those who may see a restricted worklog).
 */
import type { ChangeItem, Issue, TimeTracking, Worklog } from '../model/index.ts';
import { mayView, need, needOwnOrAll, recordActivity, setList } from './activity.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { checkLongText } from './field-values.ts';
import { badRequest, fieldErrors, notFound } from './errors.ts';
import { parseDuration } from './durations.ts';
import type { Actor } from './types.ts';
import { visibilityOf, type VisibilityInput } from './visibility-input.ts';

export interface WorklogInput {
  timeSpent?: unknown;
  timeSpentSeconds?: unknown;
  started?: unknown;
  comment?: string;
  visibility?: VisibilityInput | null;
}
export interface EstimateAdjust {
  adjustEstimate?: string;
  newEstimate?: string;
  reduceBy?: string;
  increaseBy?: string;
}

export const timeSpentOf = (issue: Issue): number => (issue.worklogs ?? []).reduce((n, w) => n + w.timeSpentSeconds, 0);

const spentOf = (input: WorklogInput, required: boolean): number | undefined => {
  if (input.timeSpentSeconds !== undefined) {
    const n = Number(input.timeSpentSeconds);
    if (!Number.isSafeInteger(n) || n < 1) throw fieldErrors({ timeLogged: 'Time Spent must be a positive number of seconds.' });
    return n;
  }
  if (input.timeSpent !== undefined) {
    const n = parseDuration(input.timeSpent);
    if (n === undefined || n < 1)
      throw fieldErrors({ timeLogged: `Invalid time duration entered: '${String(input.timeSpent)}'. Use the form 1w 2d 3h 30m.` });
    return n;
  }
  if (required) throw fieldErrors({ timeLogged: 'You must indicate the time spent working.' });
  return undefined;
};

const startedOf = (value: unknown, fallback: string): string => {
  if (value === undefined || value === null) return fallback;
  const ms = Date.parse(String(value).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (typeof value !== 'string' || Number.isNaN(ms))
    throw fieldErrors({ started: `Invalid date: '${String(value)}'. Use Jira's form 2025-01-17T12:34:00.000+0000.` });
  return new Date(ms).toISOString();
};

/** The remaining estimate after a change of `delta` seconds spent (negative: time given back). */
const adjust = (tt: TimeTracking, delta: number, a: EstimateAdjust): number | undefined => {
  const mode = a.adjustEstimate ?? 'auto';
  const remaining = tt.remainingEstimateSeconds ?? tt.originalEstimateSeconds;
  const dur = (name: keyof EstimateAdjust) => {
    const n = parseDuration(a[name]);
    if (n === undefined) throw badRequest([`adjustEstimate=${mode} needs a valid ${name} (e.g. 2h 30m).`]);
    return n;
  };
  switch (mode) {
    case 'auto':
      return remaining === undefined ? undefined : Math.max(0, remaining - delta);
    case 'leave':
      return tt.remainingEstimateSeconds;
    case 'new':
      return dur('newEstimate');
    case 'manual':
      return Math.max(0, (remaining ?? 0) + (a.increaseBy !== undefined ? dur('increaseBy') : 0) - (a.reduceBy !== undefined ? dur('reduceBy') : 0));
    default:
      throw badRequest([`adjustEstimate '${mode}' is not known: use auto, new, manual or leave.`]);
  }
};

const applyTime = (
  issue: Issue,
  before: { spent: number; remaining: number | undefined },
  remaining: number | undefined,
  worklogId: string,
): ChangeItem[] => {
  const items: ChangeItem[] = [];
  const spent = timeSpentOf(issue);
  const n = (x: number | undefined) => (x === undefined ? null : String(x));
  if (spent !== before.spent)
    items.push({
      field: 'timespent',
      fieldId: 'timespent',
      from: n(before.spent || undefined),
      fromString: n(before.spent || undefined),
      to: n(spent || undefined),
      toString: n(spent || undefined),
    });
  if (remaining !== before.remaining) {
    const tt: TimeTracking = { ...(issue.timeTracking ?? {}) };
    if (remaining === undefined) delete tt.remainingEstimateSeconds;
    else tt.remainingEstimateSeconds = remaining;
    if (Object.keys(tt).length) issue.timeTracking = tt;
    else delete issue.timeTracking;
    items.push({
      field: 'timeestimate',
      fieldId: 'timeestimate',
      from: n(before.remaining),
      fromString: n(before.remaining),
      to: n(remaining),
      toString: n(remaining),
    });
  }
  items.push({ field: 'WorklogId', fieldId: 'worklogId', from: null, fromString: null, to: worklogId, toString: worklogId });
  return items;
};

const snapshot = (issue: Issue) => ({ spent: timeSpentOf(issue), remaining: issue.timeTracking?.remainingEstimateSeconds });

export const worklogsOf = (ctx: Ctx, actor: Actor, key: string): { issue: Issue; worklogs: Worklog[] } => {
  const { issue } = visibleIssue(ctx, actor, key);
  return { issue, worklogs: (issue.worklogs ?? []).filter((w) => mayView(ctx, actor, issue, w.visibility)) };
};

export const getWorklog = (ctx: Ctx, actor: Actor, key: string, id: string): { issue: Issue; worklog: Worklog } => {
  const { issue, worklogs } = worklogsOf(ctx, actor, key);
  const worklog = worklogs.find((w) => w.id === id);
  if (!worklog) throw notFound(`Cannot find worklog with id: '${id}'.`);
  return { issue, worklog };
};

export const addWorklog = (ctx: Ctx, actor: Actor, key: string, input: WorklogInput, a: EstimateAdjust = {}): Worklog => {
  const { issue, project } = visibleIssue(ctx, actor, key);
  need(ctx, actor, 'WORK_ON_ISSUES', project, issue, 'You do not have the permission to log work on this issue.');
  const spent = spentOf(input, true)!;
  checkLongText('comment', input.comment);
  const now = ctx.clock.now();
  const visibility = input.visibility ? visibilityOf(ctx.ix, project, input.visibility, actor) : undefined;
  const before = snapshot(issue);
  const remaining = adjust(issue.timeTracking ?? {}, spent, a);
  const worklog: Worklog = {
    id: ctx.issues.nextWorklogId(),
    author: actor,
    updateAuthor: actor,
    started: startedOf(input.started, now),
    timeSpentSeconds: spent,
    created: now,
    updated: now,
    ...(input.comment ? { comment: String(input.comment) } : {}),
    ...(visibility ? { visibility } : {}),
  };
  setList(issue, 'worklogs', [...(issue.worklogs ?? []), worklog]);
  recordActivity(ctx, issue, actor, {
    items: applyTime(issue, before, remaining, worklog.id),
    event: 'worklogged',
    ...(visibility ? { visibility } : {}),
  });
  return worklog;
};

export const updateWorklog = (ctx: Ctx, actor: Actor, key: string, id: string, input: WorklogInput, a: EstimateAdjust = {}): Worklog => {
  const { issue, worklog } = getWorklog(ctx, actor, key, id);
  const project = ctx.ix.projects.get(issue.project)!;
  needOwnOrAll(
    ctx,
    actor,
    project,
    issue,
    worklog.author,
    'EDIT_OWN_WORKLOGS',
    'EDIT_ALL_WORKLOGS',
    'You do not have the permission to edit this worklog.',
  );
  checkLongText('comment', input.comment);
  const spent = spentOf(input, false) ?? worklog.timeSpentSeconds;
  const visibility =
    input.visibility === null
      ? undefined
      : input.visibility === undefined
        ? worklog.visibility
        : visibilityOf(ctx.ix, project, input.visibility, actor);
  const before = snapshot(issue);
  const remaining = adjust(issue.timeTracking ?? {}, spent - worklog.timeSpentSeconds, a);
  const next: Worklog = {
    ...worklog,
    timeSpentSeconds: spent,
    started: startedOf(input.started, worklog.started),
    updated: ctx.clock.now(),
    updateAuthor: actor,
  };
  if (input.comment !== undefined) next.comment = String(input.comment);
  if (visibility) next.visibility = visibility;
  else delete next.visibility;
  setList(
    issue,
    'worklogs',
    (issue.worklogs ?? []).map((w) => (w.id === id ? next : w)),
  );
  recordActivity(ctx, issue, actor, {
    items: applyTime(issue, before, remaining, id),
    event: 'worklogUpdated',
    ...(visibility ? { visibility } : {}),
  });
  return next;
};

export const deleteWorklog = (ctx: Ctx, actor: Actor, key: string, id: string, a: EstimateAdjust = {}): void => {
  const { issue, worklog } = getWorklog(ctx, actor, key, id);
  const project = ctx.ix.projects.get(issue.project)!;
  needOwnOrAll(
    ctx,
    actor,
    project,
    issue,
    worklog.author,
    'DELETE_OWN_WORKLOGS',
    'DELETE_ALL_WORKLOGS',
    'You do not have the permission to delete this worklog.',
  );
  const before = snapshot(issue);
  const remaining = adjust(issue.timeTracking ?? {}, -worklog.timeSpentSeconds, a);
  setList(
    issue,
    'worklogs',
    (issue.worklogs ?? []).filter((w) => w.id !== id),
  );
  recordActivity(ctx, issue, actor, {
    items: applyTime(issue, before, remaining, id),
    event: 'worklogDeleted',
    ...(worklog.visibility ? { visibility: worklog.visibility } : {}),
  });
};

/** Sets the estimates (the `timetracking` field); EDIT_ISSUES, history items timeoriginalestimate/timeestimate. */
export const setEstimates = (ctx: Ctx, actor: Actor, key: string, input: { originalEstimate?: unknown; remainingEstimate?: unknown }): void => {
  const { issue, project } = visibleIssue(ctx, actor, key);
  need(ctx, actor, 'EDIT_ISSUES', project, issue, 'You do not have permission to edit issues in this project.');
  const tt: TimeTracking = { ...(issue.timeTracking ?? {}) };
  const items: ChangeItem[] = [];
  const put = (name: 'originalEstimate' | 'remainingEstimate', field: string, prop: keyof TimeTracking) => {
    if (input[name] === undefined) return;
    const n = parseDuration(input[name]);
    if (n === undefined) throw fieldErrors({ timetracking: `Invalid time duration entered: '${String(input[name])}'.` });
    if (tt[prop] !== n)
      items.push({
        field,
        fieldId: field,
        from: tt[prop] === undefined ? null : String(tt[prop]),
        fromString: tt[prop] === undefined ? null : String(tt[prop]),
        to: String(n),
        toString: String(n),
      });
    tt[prop] = n;
  };
  put('originalEstimate', 'timeoriginalestimate', 'originalEstimateSeconds');
  put('remainingEstimate', 'timeestimate', 'remainingEstimateSeconds');
  if (input.originalEstimate !== undefined && input.remainingEstimate === undefined && issue.timeTracking?.remainingEstimateSeconds === undefined)
    tt.remainingEstimateSeconds = tt.originalEstimateSeconds;
  issue.timeTracking = tt;
  if (items.length) recordActivity(ctx, issue, actor, { items, event: 'updated' });
};
