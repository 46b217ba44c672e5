/**
 * Workflows in the shape of Jira's current workflow API (`/workflows/search` answers and
 * `/workflows/create|update` bodies) → the model's workflows. The clone reads answers with it and the
 * sandbox parses request bodies with it, so what is answered and what is accepted are one mapping.
 * Rules are read by workflow-rules.ts; rules of apps have no model: reported to `skipped`, never kept.
 */
import type { Condition, ConditionTree, Transition, Workflow } from '../model/index.ts';
import { conditionOf, legacyRuleOf, postFunctionOf, validatorOf } from './workflow-rules.ts';

type Obj = Record<string, any>;

import type { Skipped } from './left-out.ts';

type LeftOutSink = Pick<Skipped, 'add'>;

const str = (v: unknown): string => String(v);
const text = (v: unknown): { description?: string } => (typeof v === 'string' && v !== '' ? { description: v } : {});

/** Rules the model has no form for, said in the manifest. */
export const leftOut = (skipped: LeftOutSink) => (type: string) => skipped.add('workflow rules of apps or unknown rules', type);

export const defined = <T>(x: T | undefined): x is T => x !== undefined;

export const legacyTree = (node: Obj, skipped: LeftOutSink): ConditionTree | Condition | undefined => {
  if (node.nodeType === 'compound') {
    return {
      op: node.operator === 'OR' ? 'any' : 'all',
      conditions: (node.conditions ?? []).map((c: Obj) => legacyTree(c, skipped)).filter(defined),
    };
  }
  return conditionOf({ type: String(node.type), configuration: node.configuration ?? {} }, leftOut(skipped));
};

const currentTree = (group: Obj, skipped: LeftOutSink): ConditionTree => ({
  op: group.operation === 'ANY' ? 'any' : 'all',
  conditions: [
    ...(group.conditions ?? []).map((r: Obj) => conditionOf(legacyRuleOf(r), leftOut(skipped))).filter(defined),
    ...(group.conditionGroups ?? []).map((g: Obj) => currentTree(g, skipped)),
  ],
});

export const asTree = (t: ConditionTree | Condition | undefined): ConditionTree | undefined => {
  if (!t) return undefined;
  if ('op' in t) return t.conditions.length ? t : undefined;
  return { op: 'all', conditions: [t] };
};

export const TYPE: Record<string, Transition['type']> = {
  INITIAL: 'initial',
  GLOBAL: 'global',
  DIRECTED: 'directed',
  initial: 'initial',
  global: 'global',
  directed: 'directed',
  common: 'directed',
};

export const currentWorkflowsOf = (raw: { statuses: Obj[]; workflows: Obj[] }, skipped: LeftOutSink): Workflow[] => {
  const statusOfRef = new Map(raw.statuses.map((s) => [str(s.statusReference ?? s.id), str(s.id)]));
  const sid = (ref: unknown) => statusOfRef.get(str(ref)) ?? str(ref);
  return raw.workflows.map((w) => ({
    id: str(w.id),
    name: str(w.name),
    ...text(w.description),
    statuses: (w.statuses ?? []).map((s: Obj) => ({
      status: sid(s.statusReference),
      ...(s.layout ? { layout: { x: Number(s.layout.x), y: Number(s.layout.y) } } : {}),
    })),
    transitions: (w.transitions ?? []).map((t: Obj): Transition => {
      const screen = t.transitionScreen?.parameters?.screenId;
      const conditions = t.conditions ? asTree(currentTree(t.conditions, skipped)) : undefined;
      return {
        id: str(t.id),
        name: str(t.name),
        type: TYPE[String(t.type)] ?? 'directed',
        from: (t.links ?? []).map((l: Obj) => sid(l.fromStatusReference)),
        to: sid(t.toStatusReference),
        ...(screen ? { screen: str(screen) } : {}),
        ...text(t.description),
        rules: {
          ...(conditions ? { conditions } : {}),
          validators: (t.validators ?? []).map((r: Obj) => validatorOf(legacyRuleOf(r), leftOut(skipped))).filter(defined),
          postFunctions: (t.actions ?? []).map((r: Obj) => postFunctionOf(legacyRuleOf(r), leftOut(skipped))).filter(defined),
        },
      };
    }),
  }));
};
