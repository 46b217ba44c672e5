/**
 * Workflows from either API and workflow schemes. Each rule is read by server/jira-wire/workflow-rules.ts,
 * which documents the mapping both ways; rules of apps have no model: left out and said.
 */
import { asTree, defined, type LegacyRule, leftOut, legacyTree, postFunctionOf, TYPE, validatorOf } from '../../../jira-wire/index.ts';
export { currentWorkflowsOf } from '../../../jira-wire/index.ts';
import type { Transition, Workflow, WorkflowScheme } from '../../../model/index.ts';
import type { Obj } from '../raw.ts';
import { str, text, type Skipped } from './common.ts';

export const legacyWorkflowsOf = (raw: Obj[], skipped: Skipped): Workflow[] =>
  raw.map((w) => ({
    id: str(w.id?.entityId ?? w.id?.name),
    name: str(w.id?.name),
    ...text(w.description),
    statuses: (w.statuses ?? []).map((s: Obj) => ({ status: str(s.id) })),
    transitions: (w.transitions ?? []).map((t: Obj): Transition => {
      const conditions = t.rules?.conditionsTree ? asTree(legacyTree(t.rules.conditionsTree, skipped)) : undefined;
      return {
        id: str(t.id),
        name: str(t.name),
        type: TYPE[String(t.type)] ?? 'directed',
        from: (t.from ?? []).map(str),
        to: str(t.to),
        ...(t.screen?.id ? { screen: str(t.screen.id) } : {}),
        ...text(t.description),
        rules: {
          ...(conditions ? { conditions } : {}),
          validators: (t.rules?.validators ?? []).map((r: LegacyRule) => validatorOf(r, leftOut(skipped))).filter(defined),
          postFunctions: (t.rules?.postFunctions ?? []).map((r: LegacyRule) => postFunctionOf(r, leftOut(skipped))).filter(defined),
        },
      };
    }),
  }));

export const workflowSchemesOf = (raw: Obj[], workflows: Workflow[]): WorkflowScheme[] => {
  const idOf = (name: unknown) => workflows.find((w) => w.name === name)?.id ?? str(name);
  return raw.map((s) => ({
    id: str(s.id),
    name: str(s.name),
    ...text(s.description),
    defaultWorkflow: idOf(s.defaultWorkflow),
    mappings: Object.entries((s.issueTypeMappings ?? {}) as Obj).map(([issueType, wf]) => ({ issueType, workflow: idOf(wf) })),
  }));
};
