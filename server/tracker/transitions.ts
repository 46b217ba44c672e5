/**
 * Transitions of an issue: directed ones from its status plus global ones (not to its status),
 * for actors with TRANSITION_ISSUES, filtered by condition trees. Doing one applies the screen's
 * values, runs validators, post functions, resolution handling, one history entry and the event.
 *
 * Resolution handling (stated, since Jira has two behaviours): like company-managed Jira, entering
 * a done status sets a resolution only through a post function or the screen, never by itself;
 * like Jira's current workflow editor (and team-managed projects), a transition that leaves the
 * done category for a status outside it clears the resolution.
 */
import {
  type ConditionTree,
  fieldConfigurationFor,
  type Issue,
  type NotificationEvent,
  type Project,
  type Transition,
  type Workflow,
  workflowFor,
} from '../model/index.ts';
import { applyFieldValues, checkAssignee, requiredMessage } from './apply-fields.ts';
import { commitChange } from './commit.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { TrackerError, badRequest, fieldErrors } from './errors.ts';
import { fieldMetaList, isRequired, settableFieldIds, type FieldMeta } from './field-meta.ts';
import { checkLongText } from './field-values.ts';
import { diffItems } from './history.ts';
import { cloneIssue, getValue, isEmptyValue } from './issue-fields.ts';
import { can } from './permissions.ts';
import type { Actor, TransitionInput } from './types.ts';
import { applyPostFunctions, conditionsHold, hasFailures, runValidators } from './workflow-rules.ts';

export interface TransitionView {
  id: string;
  name: string;
  to: { id: string; name: string; category: string };
  hasScreen: boolean;
  isGlobal: boolean;
  isInitial: boolean;
  isAvailable: true;
  fields: FieldMeta[];
}

const candidates = (workflow: Workflow, status: string): Transition[] =>
  workflow.transitions.filter((t) => (t.type === 'directed' && t.from.includes(status)) || (t.type === 'global' && t.to !== status));

export const available = (ctx: Ctx, actor: Actor, issue: Issue, project: Project): Transition[] => {
  const workflow = workflowFor(ctx.ix.config, project, issue.issueType);
  if (!workflow || !can(ctx.ix, actor, 'TRANSITION_ISSUES', project, issue)) return [];
  return candidates(workflow, issue.status).filter((t) =>
    conditionsHold({ ix: ctx.ix, actor, project, issue }, t.rules.conditions as ConditionTree | undefined),
  );
};

/**
 * The screen's settable fields. Jira shows a screen's Resolution only to those who may resolve
 * (RESOLVE_ISSUES) and then always requires it; fieldRequired validators also mark their fields.
 */
const screenFields = (ctx: Ctx, actor: Actor, project: Project, issue: Issue, t: Transition) => {
  const screen = t.screen ? ctx.ix.config.screens.find((s) => s.id === t.screen) : undefined;
  const fc = fieldConfigurationFor(ctx.ix.config, project, issue.issueType);
  let allowed = settableFieldIds(ctx.ix, screen, fc, project, issue.issueType);
  if (allowed.includes('resolution') && !can(ctx.ix, actor, 'RESOLVE_ISSUES', project, issue)) allowed = allowed.filter((id) => id !== 'resolution');
  const required = new Set(t.rules.validators.flatMap((v) => (v.type === 'fieldRequired' ? v.fields : [])));
  if (allowed.includes('resolution')) required.add('resolution');
  return { screen, fc, allowed, required };
};

export const transitionsOf = (ctx: Ctx, actor: Actor, key: string): TransitionView[] => {
  const { issue, project } = visibleIssue(ctx, actor, key);
  return available(ctx, actor, issue, project).map((t) => {
    const { screen, fc, allowed, required } = screenFields(ctx, actor, project, issue, t);
    const status = ctx.ix.statuses.get(t.to);
    return {
      id: t.id,
      name: t.name,
      to: { id: t.to, name: status?.name ?? t.to, category: status?.category ?? 'todo' },
      hasScreen: screen !== undefined,
      isGlobal: t.type === 'global',
      isInitial: false,
      isAvailable: true,
      fields: fieldMetaList(ctx.ix, allowed, fc, project, issue.issueType, required),
    };
  });
};

const categoryOf = (ctx: Ctx, status: string) => ctx.ix.statuses.get(status)?.category;

/** Jira's event for a transition: resolved / closed on entering done, reopened on leaving it. */
const eventFor = (ctx: Ctx, before: Issue, after: Issue): NotificationEvent => {
  const wasDone = categoryOf(ctx, before.status) === 'done';
  const isDone = categoryOf(ctx, after.status) === 'done';
  if (!wasDone && isDone) return before.resolution === null && after.resolution !== null ? 'resolved' : 'closed';
  if (wasDone && isDone) return 'closed';
  if (wasDone && !isDone) return 'reopened';
  return 'transitioned';
};

const CHANGE_ORDER = ['status', 'resolution', 'assignee'];

export const doTransition = (ctx: Ctx, actor: Actor, key: string, transitionId: string, input: TransitionInput = {}): Issue => {
  const { ix } = ctx;
  const { issue, project } = visibleIssue(ctx, actor, key);
  const t = available(ctx, actor, issue, project).find((x) => x.id === String(transitionId));
  if (!t) throw badRequest([`Transition id '${transitionId}' is not valid for this issue.`]);
  const { fc, allowed, required } = screenFields(ctx, actor, project, issue, t);
  const working = cloneIssue(issue);
  const errors: Record<string, string> = {};
  const written = applyFieldValues(ix, project, working, allowed, input.fields ?? {}, errors);
  if (written.includes('assignee') && working.assignee !== issue.assignee && !errors.assignee) {
    checkAssignee(ix, actor, project, working, working.assignee, errors);
  }
  for (const id of allowed) {
    const demanded = isRequired(fc, id) || (id === 'resolution' && required.has(id));
    if (demanded && isEmptyValue(getValue(working, id)) && !errors[id]) errors[id] = requiredMessage(ix, id);
  }
  if (Object.keys(errors).length) throw fieldErrors(errors);
  checkLongText('comment', input.comment);
  const commenter = ix.activeUser(actor)?.accountId;
  if (input.comment?.trim() && (!commenter || !can(ix, actor, 'ADD_COMMENTS', project, issue))) {
    throw fieldErrors({ comment: 'You do not have the permission to comment on this issue.' });
  }
  const failures = runValidators(ix, t.rules.validators, working, input.comment);
  if (hasFailures(failures)) throw new TrackerError(400, failures);

  const comments = input.comment?.trim() && commenter ? [{ author: commenter, body: input.comment }] : [];
  comments.push(...applyPostFunctions({ ix, actor, project, issue: working }, t.rules.postFunctions));
  working.status = t.to;
  const leavesDone = categoryOf(ctx, issue.status) === 'done' && categoryOf(ctx, t.to) !== 'done';
  if (leavesDone && !t.rules.postFunctions.some((p) => p.type === 'setResolution')) working.resolution = null;
  if (issue.resolution === null && working.resolution !== null) working.resolutionDate = ctx.clock.now();
  if (working.resolution === null && issue.resolution !== null) working.resolutionDate = null;

  const touched = [...CHANGE_ORDER, ...written, ...t.rules.postFunctions.flatMap((p) => (p.type === 'setField' ? [p.field] : []))];
  const items = diffItems(ix, project, issue, working, [...new Set(touched)]);
  const event = eventFor(ctx, issue, working);
  commitChange(ctx, issue, working, items, comments, actor, event, { previousAssignee: issue.assignee });
  return issue;
};
