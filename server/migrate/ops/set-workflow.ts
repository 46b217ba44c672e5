/** setWorkflow: point an issue type of a workflow scheme at another workflow, mapping the statuses it lacks. */
import { type Issue, projectsUsingScheme, type Status, type Workflow, type WorkflowScheme } from '../../model/index.ts';
import { fail } from '../names.ts';
import { defineOp, q } from './define.ts';
import { inWorkflow } from './common.ts';

interface Plan {
  scheme: WorkflowScheme;
  typeId: string | undefined;
  wf: Workflow;
  moves: Array<{ issue: Issue; from: Status; to: Status }>;
}

export interface SetWorkflowArgs {
  /** The workflow scheme to change. Every project using it is affected. */
  scheme: string;
  /** The issue type whose workflow changes, or `'default'` for the scheme's default workflow. */
  issueType: string;
  /** The workflow the type uses from now on. */
  workflow: string;
  /** Old status name → new status name, for issues whose status the new workflow lacks. */
  statusMap?: Record<string, string>;
}

export const setWorkflow = defineOp<SetWorkflowArgs, Plan>({
  kind: 'setWorkflow',
  area: 'workflows',
  required: ['scheme', 'issueType', 'workflow'],
  optional: ['statusMap'],
  describe: (a) =>
    `In the workflow scheme ${q(a.scheme)}, use the workflow ${q(a.workflow)} for ${a.issueType === 'default' ? 'issue types without their own mapping' : `the issue type ${q(a.issueType)}`}${
      a.statusMap && Object.keys(a.statusMap).length
        ? `, moving issues ${Object.entries(a.statusMap)
            .map(([f, t]) => `${q(f)} → ${q(t)}`)
            .join(', ')}`
        : ''
    }.`,
  prepare: (s, a, look, site) => {
    const scheme = look.workflowScheme(a.scheme, 'scheme');
    const typeId = a.issueType === 'default' ? undefined : look.issueType(a.issueType, 'issueType').id;
    const wf = look.workflow(a.workflow, 'workflow');
    const map = new Map<string, Status>();
    for (const [from, to] of Object.entries(a.statusMap ?? {})) {
      const f = look.status(from, 'statusMap (key)');
      const t = look.status(to, `statusMap[${JSON.stringify(from)}]`);
      if (!inWorkflow(wf, t.id)) fail(site, `statusMap: ${q(from)} maps to ${q(t.name)}, which is not in workflow ${q(wf.name)}`);
      map.set(f.id, t);
    }
    const keys = new Set(projectsUsingScheme(s.config, 'workflowScheme', scheme.id).map((p) => p.key));
    const explicit = new Set(scheme.mappings.map((m) => m.issueType));
    const affected = (i: Issue) => keys.has(i.project) && (typeId === undefined ? !explicit.has(i.issueType) : i.issueType === typeId);
    const byId = new Map(s.config.statuses.map((x) => [x.id, x]));
    const moves: Plan['moves'] = [];
    const unmapped = new Map<string, number>();
    for (const issue of s.issues) {
      if (!affected(issue) || inWorkflow(wf, issue.status)) continue;
      const to = map.get(issue.status);
      if (!to) unmapped.set(issue.status, (unmapped.get(issue.status) ?? 0) + 1);
      else moves.push({ issue, from: byId.get(issue.status)!, to });
    }
    if (unmapped.size) {
      const names = [...unmapped].map(([id, n]) => `${q(byId.get(id)?.name ?? id)} (${n} issue(s))`);
      fail(
        site,
        `statusMap must map ${names.join(', ')}: the workflow ${q(wf.name)} has no such status`,
        wf.statuses.map((x) => byId.get(x.status)?.name ?? x.status),
      );
    }
    return { scheme, typeId, wf, moves };
  },
  mutate: (_s, { scheme, typeId, wf, moves }, rec) => {
    for (const { issue, from, to } of moves) {
      rec.change(issue, 'status', to.id, { field: 'status', fieldId: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name });
    }
    if (typeId === undefined) scheme.defaultWorkflow = wf.id;
    else {
      const m = scheme.mappings.find((x) => x.issueType === typeId);
      if (m) m.workflow = wf.id;
      else scheme.mappings.push({ issueType: typeId, workflow: wf.id });
    }
  },
});
