/** Where a workflow is in use (project × issue type pairs through workflow schemes), and its version token. */
import { issueTypesOf } from '../../model/index.ts';
import type { Config, Project } from '../../model/index.ts';
import { revisionOf } from './audit.ts';
import { uuidOf } from './ids.ts';
import type { AdminRecords } from './records.ts';

export interface Usage {
  project: Project;
  issueType: string;
}

/** Every project × issue type whose workflow scheme sends it to the workflow (archived projects too: their issues keep statuses). */
export const workflowUsages = (config: Config, workflowId: string): Usage[] => {
  const out: Usage[] = [];
  for (const project of config.projects) {
    const scheme = config.workflowSchemes.find((s) => s.id === project.schemes.workflowScheme);
    if (!scheme) continue;
    for (const issueType of issueTypesOf(config, project)) {
      const wf = scheme.mappings.find((m) => m.issueType === issueType)?.workflow ?? scheme.defaultWorkflow;
      if (wf === workflowId) out.push({ project, issueType });
    }
  }
  return out;
};

/** Workflow schemes that name the workflow (as default or for an issue type). */
export const schemesUsing = (config: Config, workflowId: string) =>
  config.workflowSchemes.filter((s) => s.defaultWorkflow === workflowId || s.mappings.some((m) => m.workflow === workflowId));

export interface WorkflowVersion {
  id: string;
  versionNumber: number;
}

/** The version token Jira hands out with a workflow: a number that moves on every change and a UUID for it. */
export const workflowVersion = (records: AdminRecords, workflowId: string): WorkflowVersion =>
  versionAt(workflowId, revisionOf(records, `workflow:${workflowId}`));

export const versionAt = (workflowId: string, versionNumber: number): WorkflowVersion => ({
  id: uuidOf(`understudy-workflow-version:${workflowId}:${versionNumber}`),
  versionNumber,
});
