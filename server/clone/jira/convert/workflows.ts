/**
 * Workflows from either API and workflow schemes. Each rule is read by server/jira-wire/workflow-rules.ts,
 * which documents the mapping both ways; rules of apps have no model: left out and said.
 */
import { conditionOf, type LegacyRule, legacyRuleOf, postFunctionOf, validatorOf } from '../../../jira-wire/index.ts';
import type { Condition, ConditionTree, Transition, Workflow, WorkflowScheme } from '../../../model/index.ts';
import type { Obj } from '../raw.ts';
import { str, text, type Skipped } from './common.ts';

/** Rules the model has no form for, said in the manifest. */
const leftOut = (skipped: Skipped) => (type: string) => skipped.add('workflow rules of apps or unknown rules', type);

const defined = <T>(x: T | undefined): x is T => x !== undefined;

const legacyTree = (node: Obj, skipped: Skipped): ConditionTree | Condition | undefined => {
  if (node.nodeType === 'compound') {
    return { op: node.operator === 'OR' ? 'any' : 'all', conditions: (node.conditions ?? []).map((c: Obj) => legacyTree(c, skipped)).filter(defined) };
  }
  return conditionOf({ type: String(node.type), configuration: node.configuration ?? {} }, leftOut(skipped));
};

const currentTree = (group: Obj, skipped: Skipped): ConditionTree => ({
  op: group.operation === 'ANY' ? 'any' : 'all',
  conditions: [
    ...(group.conditions ?? []).map((r: Obj) => conditionOf(legacyRuleOf(r), leftOut(skipped))).filter(defined),
    ...(group.conditionGroups ?? []).map((g: Obj) => currentTree(g, skipped)),
  ],
});

const asTree = (t: ConditionTree | Condition | undefined): ConditionTree | undefined => {
  if (!t) return undefined;
  if ('op' in t) return t.conditions.length ? t : undefined;
  return { op: 'all', conditions: [t] };
};

const TYPE: Record<string, Transition['type']> = { INITIAL: 'initial', GLOBAL: 'global', DIRECTED: 'directed', initial: 'initial', global: 'global', directed: 'directed', common: 'directed' };

export const currentWorkflowsOf = (raw: { statuses: Obj[]; workflows: Obj[] }, skipped: Skipped): Workflow[] => {
  const statusOfRef = new Map(raw.statuses.map((s) => [str(s.statusReference ?? s.id), str(s.id)]));
  const sid = (ref: unknown) => statusOfRef.get(str(ref)) ?? str(ref);
  return raw.workflows.map((w) => ({
    id: str(w.id), name: str(w.name), ...text(w.description),
    statuses: (w.statuses ?? []).map((s: Obj) => ({ status: sid(s.statusReference), ...(s.layout ? { layout: { x: Number(s.layout.x), y: Number(s.layout.y) } } : {}) })),
    transitions: (w.transitions ?? []).map((t: Obj): Transition => {
      const screen = t.transitionScreen?.parameters?.screenId;
      const conditions = t.conditions ? asTree(currentTree(t.conditions, skipped)) : undefined;
      return {
        id: str(t.id), name: str(t.name), type: TYPE[String(t.type)] ?? 'directed',
        from: (t.links ?? []).map((l: Obj) => sid(l.fromStatusReference)), to: sid(t.toStatusReference),
        ...(screen ? { screen: str(screen) } : {}), ...text(t.description),
        rules: {
          ...(conditions ? { conditions } : {}),
          validators: (t.validators ?? []).map((r: Obj) => validatorOf(legacyRuleOf(r), leftOut(skipped))).filter(defined),
          postFunctions: (t.actions ?? []).map((r: Obj) => postFunctionOf(legacyRuleOf(r), leftOut(skipped))).filter(defined),
        },
      };
    }),
  }));
};

export const legacyWorkflowsOf = (raw: Obj[], skipped: Skipped): Workflow[] => raw.map((w) => ({
  id: str(w.id?.entityId ?? w.id?.name), name: str(w.id?.name), ...text(w.description),
  statuses: (w.statuses ?? []).map((s: Obj) => ({ status: str(s.id) })),
  transitions: (w.transitions ?? []).map((t: Obj): Transition => {
    const conditions = t.rules?.conditionsTree ? asTree(legacyTree(t.rules.conditionsTree, skipped)) : undefined;
    return {
      id: str(t.id), name: str(t.name), type: TYPE[String(t.type)] ?? 'directed', from: (t.from ?? []).map(str), to: str(t.to),
      ...(t.screen?.id ? { screen: str(t.screen.id) } : {}), ...text(t.description),
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
    id: str(s.id), name: str(s.name), ...text(s.description), defaultWorkflow: idOf(s.defaultWorkflow),
    mappings: Object.entries((s.issueTypeMappings ?? {}) as Obj).map(([issueType, wf]) => ({ issueType, workflow: idOf(wf) })),
  }));
};
