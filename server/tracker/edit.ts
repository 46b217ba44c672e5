/**
 * Editing an issue through its edit screen and field configuration: only fields on the screen and
 * not hidden, values checked like on create, required fields cannot be emptied, the assignee rules.
 * A change of assignee raises Jira's `assigned` event instead of `updated`.
 */
import { fieldConfigurationFor, type Issue, screenFor } from '../model/index.ts';
import { applyFieldValues, checkAssignee, requiredMessage } from './apply-fields.ts';
import { commitChange } from './commit.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { denied, fieldErrors } from './errors.ts';
import { fieldMetaList, isRequired, settableFieldIds, type FieldMeta } from './field-meta.ts';
import { diffItems } from './history.ts';
import { cloneIssue, getValue, isEmptyValue } from './issue-fields.ts';
import { can } from './permissions.ts';
import type { Actor, FieldValues } from './types.ts';

const editScope = (ctx: Ctx, actor: Actor, key: string) => {
  const { issue, project } = visibleIssue(ctx, actor, key);
  const screen = screenFor(ctx.ix.config, project, issue.issueType, 'edit');
  const fc = fieldConfigurationFor(ctx.ix.config, project, issue.issueType);
  const allowed = settableFieldIds(ctx.ix, screen, fc, project, issue.issueType);
  return { issue, project, fc, allowed };
};

/** The edit screen's fields; empty when the actor may not edit (as Jira's editmeta answers). */
export const editMeta = (ctx: Ctx, actor: Actor, key: string): FieldMeta[] => {
  const { issue, project, fc, allowed } = editScope(ctx, actor, key);
  if (!can(ctx.ix, actor, 'EDIT_ISSUES', project, issue)) return [];
  return fieldMetaList(ctx.ix, allowed, fc, project, issue.issueType);
};

export const editIssue = (ctx: Ctx, actor: Actor, key: string, fields: FieldValues): Issue => {
  const { ix } = ctx;
  const { issue, project, fc, allowed } = editScope(ctx, actor, key);
  if (!can(ix, actor, 'EDIT_ISSUES', project, issue)) throw denied(actor, 'You do not have permission to edit issues in this project.');
  const working = cloneIssue(issue);
  const errors: Record<string, string> = {};
  const written = applyFieldValues(ix, project, working, allowed, fields, errors);
  if (written.includes('assignee') && working.assignee !== issue.assignee && !errors.assignee) {
    checkAssignee(ix, actor, project, working, working.assignee, errors);
  }
  for (const id of written) {
    if (isRequired(fc, id) && isEmptyValue(getValue(working, id)) && !errors[id]) errors[id] = requiredMessage(ix, id);
  }
  if (Object.keys(errors).length) throw fieldErrors(errors);
  const items = diffItems(ix, project, issue, working, written);
  const assigneeChanged = issue.assignee !== working.assignee;
  commitChange(ctx, issue, working, items, [], actor, assigneeChanged ? 'assigned' : 'updated', { previousAssignee: issue.assignee });
  return issue;
};
