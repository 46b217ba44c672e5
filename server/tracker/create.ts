/**
 * Creating an issue: the project's issue types, the create screen, the field configuration
 * (required, hidden), context defaults, option and value checks, sub-task parents, the assignee
 * rules, then the workflow's initial transition (validators, post functions, target status).
 * Nothing changes unless everything passes.
 */
import {
  type ConfigIndex,
  fieldApplies,
  fieldConfigurationFor,
  type Issue,
  issueTypesOf,
  type Project,
  screenFor,
  workflowFor,
} from '../model/index.ts';
import type { Ctx } from './context.ts';
import { TrackerError, badRequest, denied, fieldErrors } from './errors.ts';
import { defaultValueOf, fieldMetaList, isRequired, settableFieldIds, type FieldMeta } from './field-meta.ts';
import { checkValue } from './field-values.ts';
import { applyFieldValues, checkAssignee, requiredMessage } from './apply-fields.ts';
import { getValue, isEmptyValue, setValue } from './issue-fields.ts';
import { recipientsFor, record } from './notifications.ts';
import { can } from './permissions.ts';
import type { Actor, CreateInput } from './types.ts';
import { applyPostFunctions, hasFailures, runValidators } from './workflow-rules.ts';

/** The project, if the actor may create in it; Jira answers an unknown or invisible project with this 400. */
const creatableProject = (ix: ConfigIndex, actor: Actor, projectRef: string): Project => {
  const project = ix.projects.get(projectRef) ?? ix.projectsById.get(projectRef);
  if (!project || !can(ix, actor, 'BROWSE_PROJECTS', project)) throw fieldErrors({ project: 'valid project is required' });
  if (!can(ix, actor, 'CREATE_ISSUES', project)) throw denied(actor, 'You do not have permission to create issues in this project.');
  return project;
};

const checkIssueType = (ix: ConfigIndex, project: Project, issueTypeId: string): void => {
  if (!issueTypeId) throw fieldErrors({ issuetype: 'Specify an issue type' });
  if (!issueTypesOf(ix.config, project).includes(issueTypeId)) throw fieldErrors({ issuetype: 'The issue type selected is invalid.' });
};

export const createMeta = (ctx: Ctx, actor: Actor, projectRef: string, issueTypeId: string): FieldMeta[] => {
  const project = creatableProject(ctx.ix, actor, projectRef);
  checkIssueType(ctx.ix, project, issueTypeId);
  const screen = screenFor(ctx.ix.config, project, issueTypeId, 'create');
  const fc = fieldConfigurationFor(ctx.ix.config, project, issueTypeId);
  return fieldMetaList(ctx.ix, settableFieldIds(ctx.ix, screen, fc, project, issueTypeId), fc, project, issueTypeId);
};

const checkParent = (
  ctx: Ctx,
  actor: Actor,
  project: Project,
  issueTypeId: string,
  parentKey: string | undefined,
  errors: Record<string, string>,
): void => {
  const type = ctx.ix.issueTypes.get(issueTypeId);
  if (type?.subtask && !parentKey) {
    errors.parent = 'Issue type is a sub-task but parent issue key or id not specified.';
    return;
  }
  if (!parentKey) return;
  const parent = ctx.issues.byKey.get(parentKey) ?? ctx.issues.byId.get(parentKey);
  if (!parent || !can(ctx.ix, actor, 'BROWSE_PROJECTS', project, parent)) {
    errors.parent = `Could not find issue by id or key.`;
    return;
  }
  if (parent.project !== project.key) {
    errors.parent = 'Parent issue must belong to the same project.';
    return;
  }
  const parentType = ctx.ix.issueTypes.get(parent.issueType);
  if (parentType?.subtask) {
    errors.parent = 'Parent issue cannot be a sub-task.';
    return;
  }
  const level = (t: typeof type) => t?.hierarchyLevel ?? (t?.subtask ? -1 : 0);
  if (!type?.subtask && level(parentType) <= level(type))
    errors.parent = `Issue type '${type?.name ?? issueTypeId}' cannot have a parent of type '${parentType?.name ?? parent.issueType}'.`;
};

export const createIssue = (ctx: Ctx, actor: Actor, input: CreateInput): Issue => {
  const { ix } = ctx;
  const project = creatableProject(ix, actor, input.project);
  checkIssueType(ix, project, input.issueType);
  const workflow = workflowFor(ix.config, project, input.issueType);
  if (!workflow) throw badRequest([`No workflow applies to issue type '${input.issueType}' in project '${project.key}'.`]);
  const screen = screenFor(ix.config, project, input.issueType, 'create');
  const fc = fieldConfigurationFor(ix.config, project, input.issueType);
  const allowed = settableFieldIds(ix, screen, fc, project, input.issueType);
  const now = ctx.clock.now();
  const issue: Issue = {
    id: '',
    key: `${project.key}-1`,
    project: project.key,
    issueType: input.issueType,
    status: '',
    resolution: null,
    priority: null,
    summary: '',
    description: null,
    reporter: null,
    assignee: null,
    labels: [],
    components: [],
    fixVersions: [],
    versions: [],
    created: now,
    updated: now,
    watchers: [],
    customFields: {},
    comments: [],
    history: [],
    links: [],
  };
  const errors: Record<string, string> = {};
  applyFieldValues(ix, project, issue, allowed, input.fields, errors);
  for (const id of allowed) {
    if (id in input.fields) continue;
    const def = defaultValueOf(ix.fields.get(id), project, input.issueType);
    if (def === undefined || def === null) continue;
    const r = checkValue(ix.fields.get(id), id, def, { ix, project, issueTypeId: input.issueType });
    if (r.ok) setValue(issue, id, r.value);
  }
  if (!('reporter' in input.fields)) issue.reporter = ix.activeUser(actor)?.accountId ?? null;
  if (issue.assignee !== null && !errors.assignee) checkAssignee(ix, actor, project, issue, issue.assignee, errors);
  const required = new Set(['summary', ...(fc?.items ?? []).filter((i) => isRequired(fc, i.field)).map((i) => i.field)]);
  for (const id of required) {
    const field = ix.fields.get(id);
    if (field && !fieldApplies(field, project.key, input.issueType)) continue;
    if (!errors[id] && isEmptyValue(getValue(issue, id))) errors[id] = requiredMessage(ix, id);
  }
  checkParent(ctx, actor, project, input.issueType, input.parent, errors);
  if (Object.keys(errors).length) throw fieldErrors(errors);

  const initial = workflow.transitions.find((t) => t.type === 'initial');
  issue.status = initial?.to ?? workflow.statuses[0]?.status ?? '';
  if (initial) {
    const failures = runValidators(ix, initial.rules.validators, issue, undefined);
    if (hasFailures(failures)) throw new TrackerError(400, failures);
  }
  if (input.parent) issue.parent = (ctx.issues.byKey.get(input.parent) ?? ctx.issues.byId.get(input.parent))!.key;
  issue.id = ctx.issues.nextIssueId();
  issue.key = ctx.issues.nextKey(project.key);
  const comments = initial ? applyPostFunctions({ ix, actor, project, issue }, initial.rules.postFunctions) : [];
  for (const c of comments) issue.comments.push({ id: ctx.issues.nextCommentId(), author: c.author, body: c.body, created: now });
  if (issue.resolution !== null) issue.resolutionDate = now;
  if (ix.activeUser(actor) && !issue.watchers.includes(actor!)) issue.watchers.push(actor!);
  ctx.state.issues.push(issue);
  ctx.issues.add(issue);
  record(ctx.outbox, now, 'created', issue, actor, recipientsFor(ix, 'created', issue, actor));
  return issue;
};
