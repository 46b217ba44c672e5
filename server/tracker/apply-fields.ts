/**
 * Checks a caller's field values against the fields a screen allows and writes the valid ones to a
 * working copy; every problem is collected per field (Jira reports them all at once).
 */
import type { ConfigIndex, Issue, Project } from '../model/index.ts';
import { checkValue } from './field-values.ts';
import { setValue } from './issue-fields.ts';
import { can } from './permissions.ts';
import type { Actor, FieldValues } from './types.ts';

export const notOnScreen = (id: string) => `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;

export const applyFieldValues = (
  ix: ConfigIndex,
  project: Project,
  issue: Issue,
  allowed: readonly string[],
  values: FieldValues,
  errors: Record<string, string>,
): string[] => {
  const written: string[] = [];
  for (const [id, raw] of Object.entries(values)) {
    if (!allowed.includes(id)) {
      errors[id] = notOnScreen(id);
      continue;
    }
    const r = checkValue(ix.fields.get(id), id, raw, { ix, project, issueTypeId: issue.issueType });
    if (!r.ok) {
      errors[id] = r.message;
      continue;
    }
    setValue(issue, id, r.value);
    written.push(id);
  }
  return written;
};

/** The assignee rules: the actor needs ASSIGN_ISSUES, the new assignee ASSIGNABLE_USER. */
export const checkAssignee = (
  ix: ConfigIndex,
  actor: Actor,
  project: Project,
  issue: Issue,
  assignee: string | null,
  errors: Record<string, string>,
): void => {
  if (!can(ix, actor, 'ASSIGN_ISSUES', project, issue)) {
    errors.assignee = 'You do not have permission to assign issues.';
    return;
  }
  if (assignee === null) return;
  const user = ix.activeUser(assignee);
  if (!user || !can(ix, assignee, 'ASSIGNABLE_USER', project, issue)) {
    errors.assignee = `User '${user?.displayName ?? assignee}' cannot be assigned issues.`;
  }
};

/** Required fields left empty, with Jira's wording (summary has its own sentence). */
export const requiredMessage = (ix: ConfigIndex, id: string): string =>
  id === 'summary'
    ? 'You must specify a summary of the issue.'
    : `${ix.fields.get(id)?.name ?? (id === 'resolution' ? 'Resolution' : id)} is required.`;
