/**
 * Workflows through Jira Cloud's current API: create, update (with the version token and status
 * mappings for the issues in statuses a workflow loses — an async task when issues move), the
 * validate-only calls, and deleting an inactive workflow.
 */
import type { ChangeItem, Status, Workflow } from '../../model/index.ts';
import { isTrackerError } from '../errors.ts';
import type { Actor } from '../types.ts';
import { conflict, nameOf, nameTaken } from './common.ts';
import { dryRun, write, type AdminEnv } from './env.ts';
import { requireAdministrator, requireAdministrator401 } from './guard.ts';
import type { TaskRecord } from './records.ts';
import type { Tx } from './tx.ts';
import { buildWorkflow, resolveStatuses, WorkflowProblem, workflowOr404 } from './workflow-build.ts';
import type { WorkflowInput, WorkflowsRequest } from './workflow-input.ts';
import { schemesUsing, versionAt, workflowUsages, workflowVersion, type WorkflowVersion } from './workflow-usage.ts';

export interface WorkflowsResult {
  statuses: Status[];
  workflows: Array<{ workflow: Workflow; version: WorkflowVersion }>;
  task?: TaskRecord;
}
export interface ValidationProblem {
  code: string;
  level: 'ERROR' | 'WARNING';
  message: string;
  type: string;
  elementReference?: Record<string, unknown>;
}

const TASK_KIND = 'workflow-update';
const LOCKED = 'Failed to acquire lock: another workflow configuration update task is ongoing. Try again when it has finished.';

/** Jira's current workflow API answers a signed-in caller without permission with 401 too. */
const requireWorkflowAdmin = (env: AdminEnv, actor: Actor): void => {
  requireAdministrator401(env.ctx(), actor);
  if (env.tasks.busy(TASK_KIND)) throw conflict(LOCKED);
};

const created = (tx: Tx, request: WorkflowsRequest): WorkflowsResult => {
  const { sid, statuses } = resolveStatuses(tx, request);
  const workflows = request.workflows.map((input) => {
    const name = nameOf(input.name, 'workflow');
    if (nameTaken(tx.config.workflows, name)) throw new WorkflowProblem('WORKFLOW', `A workflow with the name '${name}' already exists.`);
    const wf = buildWorkflow(input, sid, { id: tx.nextId('workflow'), name });
    tx.config.workflows.push(wf);
    return { workflow: wf, version: versionAt(wf.id, 1) };
  });
  return { statuses, workflows };
};

/** Issues in statuses the workflow loses move as the mappings say (one history entry each); returns how many. */
const migrateIssues = (tx: Tx, before: Workflow, after: Workflow, input: WorkflowInput, sid: (ref: string) => string): number => {
  const kept = new Set(after.statuses.map((s) => s.status));
  const removed = before.statuses.map((s) => s.status).filter((s) => !kept.has(s));
  if (!removed.length) return 0;
  let moved = 0;
  const statusName = (id: string) => tx.config.statuses.find((s) => s.id === id)?.name ?? id;
  for (const { project, issueType } of workflowUsages(tx.before, before.id)) {
    const mapping = input.statusMappings.find((m) => m.projectId === project.id && m.issueTypeId === issueType);
    const missing: string[] = [];
    const target = new Map<string, string>();
    for (const r of removed) {
      const m = mapping?.migrations.find((x) => sid(x.old) === r) ?? input.defaultStatusMappings.find((x) => sid(x.old) === r);
      if (!m) {
        missing.push(statusName(r));
        continue;
      }
      const to = sid(m.new);
      if (!kept.has(to))
        throw new WorkflowProblem(
          'STATUS_MAPPING',
          `The status mapping for '${statusName(r)}' in project ${project.key} must lead to a status of workflow '${after.name}' ('${m.new}' is not in it).`,
          { statusMappingReference: { projectId: project.id, issueTypeId: issueType } },
        );
      target.set(r, to);
    }
    if (missing.length) {
      const type = tx.config.issueTypes.find((t) => t.id === issueType)?.name ?? issueType;
      throw new WorkflowProblem(
        'STATUS_MAPPING',
        `Status mappings are missing for project ${project.key} (${project.id}) and issue type ${type} (${issueType}): map the statuses the workflow '${after.name}' no longer has (${missing.join(', ')}) to statuses it has, in statusMappings or defaultStatusMappings.`,
        { statusMappingReference: { projectId: project.id, issueTypeId: issueType } },
      );
    }
    for (const issue of tx.issues) {
      if (issue.project !== project.key || issue.issueType !== issueType) continue;
      const to = target.get(issue.status);
      if (to === undefined) continue;
      const item: ChangeItem = {
        field: 'status',
        fieldId: 'status',
        from: issue.status,
        fromString: statusName(issue.status),
        to,
        toString: statusName(to),
      };
      tx.changeIssue(issue, [item], (w) => {
        w.status = to;
      });
      moved++;
    }
  }
  return moved;
};

/** Every workflow of the request exists and the caller's version token is the current one (checked before anything else). */
const checkVersions = (tx: Tx, request: WorkflowsRequest): void => {
  for (const input of request.workflows) {
    const current = workflowOr404(tx, input.id);
    const version = workflowVersion(tx.records, current.id);
    if (!input.version || input.version.versionNumber === undefined)
      throw new WorkflowProblem('WORKFLOW', `The version of workflow '${current.name}' is required (read it with POST /rest/api/3/workflows).`);
    if (input.version.versionNumber !== version.versionNumber || (input.version.id !== undefined && input.version.id !== version.id)) {
      throw new WorkflowProblem('WORKFLOW', 'Workflow version and version token must match.', {}, 409);
    }
  }
};

const updated = (tx: Tx, request: WorkflowsRequest): WorkflowsResult & { moved: number } => {
  checkVersions(tx, request);
  const { sid, statuses } = resolveStatuses(tx, request);
  let moved = 0;
  const workflows = request.workflows.map((input) => {
    const current = workflowOr404(tx, input.id);
    const version = workflowVersion(tx.records, current.id);
    const wf = buildWorkflow(input, sid, current);
    const old = new Map(current.transitions.map((t) => [t.id, t]));
    wf.transitions = wf.transitions.map((t) => {
      const o = old.get(t.id);
      return { ...t, ...(o?.refs ? { refs: o.refs } : {}), ...(o?.ext ? { ext: o.ext } : {}) };
    });
    if (current.refs) wf.refs = current.refs;
    if (current.ext) wf.ext = current.ext;
    moved += migrateIssues(tx, current, wf, input, sid);
    tx.config.workflows[tx.config.workflows.indexOf(current)] = wf;
    return { workflow: wf, version: versionAt(wf.id, version.versionNumber + 1) };
  });
  return { statuses, workflows, moved };
};

export const createWorkflows = (env: AdminEnv, actor: Actor, request: WorkflowsRequest): WorkflowsResult => {
  requireWorkflowAdmin(env, actor);
  return write(env, actor, (tx) => created(tx, request));
};

/** Updates at once, or — when issues must move to other statuses — answers with a task that makes the whole change. */
export const updateWorkflows = (env: AdminEnv, actor: Actor, request: WorkflowsRequest): WorkflowsResult => {
  requireWorkflowAdmin(env, actor);
  const planned = dryRun(env, actor, (tx) => updated(tx, request));
  if (planned.moved === 0) {
    const r = write(env, actor, (tx) => updated(tx, request));
    return { statuses: r.statuses, workflows: r.workflows };
  }
  const names = planned.workflows.map((w) => w.workflow.name).join(', ');
  const task = env.tasks.submit(actor, {
    kind: TASK_KIND,
    description: `Update of workflow ${names} with status migration of its issues`,
    run: () => {
      const r = write(env, actor, (tx) => updated(tx, request));
      return { workflows: r.workflows.map((w) => w.workflow.id), issuesMigrated: r.moved };
    },
  });
  return { statuses: planned.statuses, workflows: planned.workflows, task };
};

const problemOf = (e: unknown): ValidationProblem => {
  if (e instanceof WorkflowProblem)
    return {
      code: e.type === 'STATUS_MAPPING' ? 'MISSING_STATUS_MAPPING' : `INVALID_${e.type}`,
      level: 'ERROR',
      message: e.body.errorMessages[0] ?? '',
      type: e.type,
      ...(Object.keys(e.element).length ? { elementReference: e.element } : {}),
    };
  if (isTrackerError(e))
    return {
      code: 'INVALID_WORKFLOW',
      level: 'ERROR',
      message: [...e.body.errorMessages, ...Object.values(e.body.errors)].join(' '),
      type: 'WORKFLOW',
    };
  throw e;
};

/** The validate-only calls: what the write would refuse, as a list; nothing is written. */
export const validateWorkflows = (env: AdminEnv, actor: Actor, request: WorkflowsRequest, mode: 'create' | 'update'): ValidationProblem[] => {
  requireAdministrator401(env.ctx(), actor);
  try {
    dryRun(env, actor, (tx) => (mode === 'create' ? created(tx, request) : updated(tx, request)));
    return [];
  } catch (e) {
    return [problemOf(e)];
  }
};

export const deleteWorkflow = (env: AdminEnv, actor: Actor, id: string): void => {
  requireAdministrator(env.ctx(), actor, 'Only Jira administrators can access the workflow configuration.');
  write(env, actor, (tx) => {
    const wf = workflowOr404(tx, id);
    if (schemesUsing(tx.config, wf.id).length) throw new WorkflowProblem('WORKFLOW', 'Cannot delete an active workflow.');
    tx.config.workflows = tx.config.workflows.filter((w) => w !== wf);
  });
};

export const workflows = {
  create: createWorkflows,
  update: updateWorkflows,
  validate: validateWorkflows,
  delete: deleteWorkflow,
  version: (env: AdminEnv, id: string): WorkflowVersion => workflowVersion(env.records(), id),
  list: (env: AdminEnv): readonly Workflow[] => env.ctx().state.config.workflows,
  /** Where a workflow is used (schemes naming it, projects whose issue types it serves). */
  usages: (env: AdminEnv, actor: Actor, id: string): { schemes: string[]; projects: string[] } => {
    requireAdministrator401(env.ctx(), actor);
    const config = env.ctx().state.config;
    if (!config.workflows.some((w) => w.id === id)) throw new WorkflowProblem('WORKFLOW', 'The workflow was not found.', {}, 404);
    return { schemes: schemesUsing(config, id).map((s) => s.id), projects: [...new Set(workflowUsages(config, id).map((u) => u.project.id))] };
  },
};
