/** Comment, assign and delete: each with its own permission and event. */
import type { Comment, Issue } from '../model/index.ts';
import { checkAssignee } from './apply-fields.ts';
import { commitChange } from './commit.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { badRequest, denied, fieldErrors } from './errors.ts';
import { diffItems } from './history.ts';
import { checkLongText } from './field-values.ts';
import { cloneIssue } from './issue-fields.ts';
import { recipientsFor, record } from './notifications.ts';
import { can } from './permissions.ts';
import type { Actor } from './types.ts';
import { recordActivity } from './activity.ts';
import { visibilityOf, type VisibilityInput } from './visibility-input.ts';

/** Adds a comment; one restricted to a group or role notifies only those who may see it. */
export const addComment = (ctx: Ctx, actor: Actor, key: string, body: string, visibility?: VisibilityInput): Comment => {
  const { issue, project } = visibleIssue(ctx, actor, key);
  const author = ctx.ix.activeUser(actor);
  if (!author || !can(ctx.ix, actor, 'ADD_COMMENTS', project, issue)) throw denied(actor, 'You do not have the permission to comment on this issue.');
  if (typeof body !== 'string' || !body.trim()) throw fieldErrors({ comment: 'Comment body can not be empty!' });
  checkLongText('comment', body);
  const restricted = visibility ? visibilityOf(ctx.ix, project, visibility, actor) : undefined;
  commitChange(ctx, issue, cloneIssue(issue), [], [{ author: author.accountId, body }], actor, restricted ? undefined : 'commented');
  const comment = issue.comments[issue.comments.length - 1]!;
  if (restricted) {
    comment.visibility = restricted;
    recordActivity(ctx, issue, actor, { event: 'commented', visibility: restricted, touch: false });
  }
  return comment;
};

export const assignIssue = (ctx: Ctx, actor: Actor, key: string, assignee: string | null): Issue => {
  const { issue, project } = visibleIssue(ctx, actor, key);
  if (!can(ctx.ix, actor, 'ASSIGN_ISSUES', project, issue)) throw denied(actor, 'You do not have permission to assign issues.');
  const errors: Record<string, string> = {};
  checkAssignee(ctx.ix, actor, project, issue, assignee, errors);
  if (errors.assignee) throw fieldErrors(errors);
  const working = cloneIssue(issue);
  working.assignee = assignee;
  commitChange(ctx, issue, working, diffItems(ctx.ix, project, issue, working, ['assignee']), [], actor, 'assigned', {
    previousAssignee: issue.assignee,
  });
  return issue;
};

/** Deletes an issue and its sub-tasks; notifications are resolved against the issue as it was. */
export const deleteIssue = (ctx: Ctx, actor: Actor, key: string, deleteSubtasks = false): void => {
  const { issue, project } = visibleIssue(ctx, actor, key);
  if (!can(ctx.ix, actor, 'DELETE_ISSUES', project, issue)) throw denied(actor, 'You do not have permission to delete issues in this project.');
  const subtasks = ctx.state.issues.filter((i) => i.parent === issue.key);
  if (subtasks.length && !deleteSubtasks) {
    throw badRequest([`The issue '${issue.key}' has subtasks. Set deleteSubtasks=true to delete the issue and its subtasks.`]);
  }
  const recipients = recipientsFor(ctx.ix, 'deleted', issue, actor);
  for (const s of subtasks) ctx.issues.remove(s);
  ctx.issues.remove(issue);
  record(ctx.outbox, ctx.clock.now(), 'deleted', issue, actor, recipients);
};
