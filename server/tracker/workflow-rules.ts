/**
 * A transition's rules: condition trees (who sees it), validators (what must hold after the
 * screen's values are applied) and post functions (what the transition does besides moving).
 */
import type { Comment, Condition, ConditionTree, ConfigIndex, Issue, PostFunction, Project, Validator } from '../model/index.ts';
import type { JiraErrorBody } from './errors.ts';
import { getValue, isEmptyValue, sameValue, setValue } from './issue-fields.ts';
import { can } from './permissions.ts';
import type { Actor } from './types.ts';

export interface RuleScope {
  ix: ConfigIndex;
  actor: Actor;
  project: Project;
  issue: Issue;
}

const fieldValue = (issue: Issue, field: string): unknown => (field === 'status' ? issue.status : getValue(issue, field));

const holds = (s: RuleScope, c: Condition): boolean => {
  const user = s.ix.activeUser(s.actor);
  switch (c.type) {
    case 'permission':
      return can(s.ix, s.actor, c.permission, s.project, s.issue);
    case 'inGroup':
      return s.ix.inGroup(s.actor, c.group);
    case 'inProjectRole':
      return user !== undefined && s.ix.roleHolders(s.project, c.role).has(user.accountId);
    case 'isAssignee':
      return user !== undefined && s.issue.assignee === user.accountId;
    case 'isReporter':
      return user !== undefined && s.issue.reporter === user.accountId;
    case 'fieldValue': {
      const v = fieldValue(s.issue, c.field);
      const equal = Array.isArray(v) ? v.some((x) => sameValue(x, c.value)) || sameValue(v, c.value) : sameValue(v, c.value);
      switch (c.operator) {
        case '=':
          return equal;
        case '!=':
          return !equal;
        case 'empty':
          return isEmptyValue(v);
        case 'notEmpty':
          return !isEmptyValue(v);
      }
    }
  }
};

const isTree = (c: Condition | ConditionTree): c is ConditionTree => 'op' in c;

export const conditionsHold = (s: RuleScope, tree: ConditionTree | undefined): boolean => {
  if (!tree || tree.conditions.length === 0) return true;
  const check = (c: Condition | ConditionTree): boolean => (isTree(c) ? conditionsHold(s, c) : holds(s, c) !== (c.negate === true));
  return tree.op === 'all' ? tree.conditions.every(check) : tree.conditions.some(check);
};

const fieldName = (ix: ConfigIndex, id: string) => ix.fields.get(id)?.name ?? (id === 'resolution' ? 'Resolution' : id);

/** Validator failures in Jira's body shape; empty when every validator passes. */
export const runValidators = (ix: ConfigIndex, validators: readonly Validator[], issue: Issue, comment: string | undefined): JiraErrorBody => {
  const body: JiraErrorBody = { errorMessages: [], errors: {} };
  for (const v of validators) {
    if (v.type === 'fieldRequired') {
      for (const f of v.fields)
        if (isEmptyValue(fieldValue(issue, f)) && !body.errors[f]) body.errors[f] = v.message ?? `${fieldName(ix, f)} is required.`;
    } else if (v.type === 'commentRequired') {
      if (!comment?.trim()) body.errorMessages.push(v.message ?? 'Comment is required.');
    } else {
      const value = fieldValue(issue, v.field);
      const text = typeof value === 'string' ? value : isEmptyValue(value) ? '' : JSON.stringify(value);
      let matches = false;
      try {
        matches = new RegExp(v.pattern).test(text);
      } catch {
        matches = false;
      }
      if (!matches && !body.errors[v.field]) {
        body.errors[v.field] = v.message ?? `${fieldName(ix, v.field)} does not match the required format '${v.pattern}'.`;
      }
    }
  }
  return body;
};

export const hasFailures = (b: JiraErrorBody): boolean => b.errorMessages.length > 0 || Object.keys(b.errors).length > 0;

/** Applies post functions to a working copy, in order; comments they add are returned for the caller to id. */
export const applyPostFunctions = (s: RuleScope, functions: readonly PostFunction[]): Array<Pick<Comment, 'author' | 'body'>> => {
  const comments: Array<Pick<Comment, 'author' | 'body'>> = [];
  for (const pf of functions) {
    switch (pf.type) {
      case 'setResolution':
        s.issue.resolution = pf.resolution;
        break;
      case 'clearResolution':
        s.issue.resolution = null;
        break;
      case 'assign': {
        const to =
          pf.to === 'reporter'
            ? s.issue.reporter
            : pf.to === 'currentUser'
              ? s.actor
              : pf.to === 'projectLead'
                ? s.project.lead
                : pf.to === 'user'
                  ? (pf.user ?? null)
                  : null;
        s.issue.assignee = to ?? null;
        break;
      }
      case 'setField':
        setValue(s.issue, pf.field, pf.value);
        break;
      case 'addComment':
        comments.push({ author: s.actor ?? s.project.lead, body: pf.body });
        break;
    }
  }
  return comments;
};
