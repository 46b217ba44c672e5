/**
 * Comments one by one: get, edit and delete with Jira's own/all permissions, and visibility
 * restrictions (a comment restricted to a group or project role is hidden from everybody else,
 * also from the notifications its edit sends). Editing sends "Issue Comment Edited", deleting
 * "Issue Comment Deleted"; neither writes a history entry, as in Jira.
 */
import type { Comment, Issue } from '../model/index.ts';
import { mayView, needOwnOrAll, recordActivity } from './activity.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { checkLongText } from './field-values.ts';
import { fieldErrors, notFound } from './errors.ts';
import type { Actor } from './types.ts';
import { visibilityOf, type VisibilityInput } from './visibility-input.ts';

const commentNotFound = (id: string) => notFound(`Can not find a comment for the id: ${id}.`);

/** The comments of an issue the actor may see. */
export const visibleComments = (ctx: Ctx, actor: Actor, issue: Issue): Comment[] =>
  issue.comments.filter((c) => mayView(ctx, actor, issue, c.visibility));

export const getComment = (ctx: Ctx, actor: Actor, key: string, id: string): { issue: Issue; comment: Comment } => {
  const { issue } = visibleIssue(ctx, actor, key);
  const comment = issue.comments.find((c) => c.id === id);
  if (!comment || !mayView(ctx, actor, issue, comment.visibility)) throw commentNotFound(id);
  return { issue, comment };
};

export interface CommentEdit {
  body?: string;
  visibility?: VisibilityInput | null;
}

export const editComment = (ctx: Ctx, actor: Actor, key: string, id: string, edit: CommentEdit): Comment => {
  const { issue, comment } = getComment(ctx, actor, key, id);
  const project = ctx.ix.projects.get(issue.project)!;
  needOwnOrAll(
    ctx,
    actor,
    project,
    issue,
    comment.author,
    'EDIT_OWN_COMMENTS',
    'EDIT_ALL_COMMENTS',
    'You do not have permission to edit this comment.',
  );
  if (edit.body !== undefined && (typeof edit.body !== 'string' || !edit.body.trim()))
    throw fieldErrors({ comment: 'Comment body can not be empty!' });
  checkLongText('comment', edit.body);
  const visibility =
    edit.visibility === null ? undefined : edit.visibility === undefined ? comment.visibility : visibilityOf(ctx.ix, project, edit.visibility, actor);
  const next: Comment = { ...comment, ...(edit.body !== undefined ? { body: edit.body } : {}), updated: ctx.clock.now(), updateAuthor: actor! };
  if (visibility) next.visibility = visibility;
  else delete next.visibility;
  issue.comments = issue.comments.map((c) => (c.id === id ? next : c));
  recordActivity(ctx, issue, actor, { event: 'commentEdited', ...(visibility ? { visibility } : {}) });
  return next;
};

export const deleteComment = (ctx: Ctx, actor: Actor, key: string, id: string): void => {
  const { issue, comment } = getComment(ctx, actor, key, id);
  const project = ctx.ix.projects.get(issue.project)!;
  needOwnOrAll(
    ctx,
    actor,
    project,
    issue,
    comment.author,
    'DELETE_OWN_COMMENTS',
    'DELETE_ALL_COMMENTS',
    'You do not have permission to delete this comment.',
  );
  issue.comments = issue.comments.filter((c) => c.id !== id);
  recordActivity(ctx, issue, actor, { event: 'commentDeleted', ...(comment.visibility ? { visibility: comment.visibility } : {}) });
};
