/**
 * Moving a project's issues when the workflow of an issue type changes (a scheme switch, a scheme
 * update): every status of the old workflow that the new one lacks needs a mapping — for the issue
 * type (an override), else for the old → new workflow pair — as Jira requires; issues in those
 * statuses move, with a history entry each.
 */
import { issueTypesOf } from '../../model/index.ts';
import type { ChangeItem, Config, Project, Workflow, WorkflowScheme } from '../../model/index.ts';
import { badRequest } from '../errors.ts';
import type { Tx } from './tx.ts';

export interface StatusMapping {
  oldStatusId: string;
  newStatusId: string;
}
export interface SchemeMappings {
  byIssueType: Array<{ issueTypeId: string; statusMappings: StatusMapping[] }>;
  byWorkflow: Array<{ oldWorkflowId: string; newWorkflowId: string; statusMappings: StatusMapping[] }>;
}
export const NO_MAPPINGS: SchemeMappings = { byIssueType: [], byWorkflow: [] };

export const workflowOfType = (
  config: Config,
  scheme: Pick<WorkflowScheme, 'defaultWorkflow' | 'mappings'>,
  issueType: string,
): Workflow | undefined => {
  const id = scheme.mappings.find((m) => m.issueType === issueType)?.workflow ?? scheme.defaultWorkflow;
  return config.workflows.find((w) => w.id === id);
};

export interface Required {
  issueType: string;
  from: Workflow;
  to: Workflow;
  statusIds: string[];
}

/** Per issue type of the project whose workflow changes: the statuses that need a mapping. */
export const requiredMappings = (
  config: Config,
  project: Project,
  before: Pick<WorkflowScheme, 'defaultWorkflow' | 'mappings'>,
  after: Pick<WorkflowScheme, 'defaultWorkflow' | 'mappings'>,
): Required[] => {
  const out: Required[] = [];
  for (const issueType of issueTypesOf(config, project)) {
    const from = workflowOfType(config, before, issueType);
    const to = workflowOfType(config, after, issueType);
    if (!from || !to || from.id === to.id) continue;
    const target = new Set(to.statuses.map((s) => s.status));
    out.push({ issueType, from, to, statusIds: from.statuses.map((s) => s.status).filter((s) => !target.has(s)) });
  }
  return out;
};

/** Moves the project's issues to the new workflows' statuses; refuses (nothing changed) when a mapping is missing or leads outside the new workflow. */
export const migrateProjectIssues = (
  tx: Tx,
  project: Project,
  before: Pick<WorkflowScheme, 'defaultWorkflow' | 'mappings'>,
  after: Pick<WorkflowScheme, 'defaultWorkflow' | 'mappings'>,
  mappings: SchemeMappings,
): number => {
  const name = (id: string) => tx.config.statuses.find((s) => s.id === id)?.name ?? id;
  let moved = 0;
  for (const r of requiredMappings(tx.before, project, before, after)) {
    const target = new Map<string, string>();
    const missing: string[] = [];
    const allowed = new Set(r.to.statuses.map((s) => s.status));
    for (const status of r.statusIds) {
      const m =
        mappings.byIssueType.find((x) => x.issueTypeId === r.issueType)?.statusMappings.find((x) => x.oldStatusId === status) ??
        mappings.byWorkflow
          .find((x) => x.oldWorkflowId === r.from.id && x.newWorkflowId === r.to.id)
          ?.statusMappings.find((x) => x.oldStatusId === status);
      if (!m) {
        missing.push(`${name(status)} (${status})`);
        continue;
      }
      if (!allowed.has(m.newStatusId))
        throw badRequest([
          `The status ${m.newStatusId} that issues of type ${r.issueType} in ${name(status)} are mapped to is not in the workflow '${r.to.name}'.`,
        ]);
      target.set(status, m.newStatusId);
    }
    if (missing.length) {
      throw badRequest([
        `Status mappings are required for issue type ${r.issueType} of project ${project.key}: the workflow '${r.to.name}' does not have the statuses ${missing.join(', ')} of the workflow '${r.from.name}'.`,
      ]);
    }
    for (const issue of tx.issues) {
      if (issue.project !== project.key || issue.issueType !== r.issueType) continue;
      const to = target.get(issue.status);
      if (to === undefined) continue;
      const item: ChangeItem = { field: 'status', fieldId: 'status', from: issue.status, fromString: name(issue.status), to, toString: name(to) };
      tx.changeIssue(issue, [item], (w) => {
        w.status = to;
      });
      moved++;
    }
  }
  return moved;
};
