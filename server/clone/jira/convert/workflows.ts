/**
 * Workflows from either API (the inverse of server/http/jira/workflow-rules.ts, which documents
 * the mapping) and workflow schemes. Rules of apps have no model: left out and said.
 */
import { type Condition, type ConditionTree, isOneOf, type PostFunction, PROJECT_PERMISSIONS, type Transition, type Validator, type Workflow, type WorkflowScheme } from '../../../model/index.ts';
import type { Obj } from '../raw.ts';
import { str, text, type Skipped } from './common.ts';

type Rule = { type: string; configuration: Obj };

/** Current API parameters are strings; these keys hold JSON. `value` stays a string unless it is structured. */
const JSON_KEYS = new Set(['negate', 'projectRole', 'fieldIds', 'ignoreContext']);
const decode = (k: string, v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  if (JSON_KEYS.has(k)) { try { return JSON.parse(v); } catch { return v; } }
  if (k === 'value') { try { const p = JSON.parse(v) as unknown; return typeof p === 'object' || typeof p === 'boolean' ? p : v; } catch { return v; } }
  return v;
};
const fromCurrent = (r: Obj): Rule => ({
  type: String(r.ruleKey ?? '').replace(/^system:/, ''),
  configuration: Object.fromEntries(Object.entries((r.parameters ?? {}) as Obj).map(([k, v]) => [k, decode(k, v)])),
});

const neg = (c: Obj) => (c.negate === true || c.negate === 'true' ? { negate: true } : {});

const conditionOf = (r: Rule, skipped: Skipped): Condition | undefined => {
  const c = r.configuration;
  switch (r.type) {
    case 'PermissionCondition': return isOneOf(PROJECT_PERMISSIONS, c.permissionKey) ? { type: 'permission', permission: c.permissionKey, ...neg(c) } : undefined;
    case 'UserInGroupCondition': return { type: 'inGroup', group: str(c.groupId ?? c.group), ...neg(c) };
    case 'InProjectRoleCondition': return { type: 'inProjectRole', role: str(c.projectRole?.id ?? c.projectRole), ...neg(c) };
    case 'AllowOnlyAssignee': return { type: 'isAssignee', ...neg(c) };
    case 'AllowOnlyReporter': return { type: 'isReporter', ...neg(c) };
    case 'ValueFieldCondition': return { type: 'fieldValue', field: str(c.fieldId), operator: c.comparisonType, ...(c.value !== undefined ? { value: c.value } : {}), ...neg(c) };
    default: skipped.add('workflow rules of apps or unknown rules', r.type); return undefined;
  }
};

const validatorOf = (r: Rule, skipped: Skipped): Validator | undefined => {
  const c = r.configuration;
  const msg = c.errorMessage ? { message: str(c.errorMessage) } : {};
  switch (r.type) {
    case 'FieldRequiredValidator': return { type: 'fieldRequired', fields: (c.fieldIds ?? []).map(str), ...msg };
    case 'CommentRequiredValidator': return { type: 'commentRequired', ...msg };
    case 'RegexpFieldValidator': return { type: 'fieldMatches', field: str(c.fieldId), pattern: str(c.regExp), ...msg };
    default: skipped.add('workflow rules of apps or unknown rules', r.type); return undefined;
  }
};

const postFunctionOf = (r: Rule, skipped: Skipped): PostFunction | undefined => {
  const c = r.configuration;
  switch (r.type) {
    case 'UpdateIssueFieldFunction':
      if (c.fieldId === 'resolution') return c.fieldValue ? { type: 'setResolution', resolution: str(c.fieldValue) } : { type: 'clearResolution' };
      try { return { type: 'setField', field: str(c.fieldId), value: JSON.parse(String(c.fieldValue)) }; } catch { return { type: 'setField', field: str(c.fieldId), value: c.fieldValue }; }
    case 'AssignIssueFunction': return { type: 'assign', to: c.to, ...(c.accountId ? { user: str(c.accountId) } : {}) };
    case 'AddCommentFunction': return { type: 'addComment', body: str(c.body) };
    default: skipped.add('workflow rules of apps or unknown rules', r.type); return undefined;
  }
};

const defined = <T>(x: T | undefined): x is T => x !== undefined;

const legacyTree = (node: Obj, skipped: Skipped): ConditionTree | Condition | undefined => {
  if (node.nodeType === 'compound') {
    return { op: node.operator === 'OR' ? 'any' : 'all', conditions: (node.conditions ?? []).map((c: Obj) => legacyTree(c, skipped)).filter(defined) };
  }
  return conditionOf({ type: String(node.type), configuration: node.configuration ?? {} }, skipped);
};

const currentTree = (group: Obj, skipped: Skipped): ConditionTree => ({
  op: group.operation === 'ANY' ? 'any' : 'all',
  conditions: [
    ...(group.conditions ?? []).map((r: Obj) => conditionOf(fromCurrent(r), skipped)).filter(defined),
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
          validators: (t.validators ?? []).map((r: Obj) => validatorOf(fromCurrent(r), skipped)).filter(defined),
          postFunctions: (t.actions ?? []).map((r: Obj) => postFunctionOf(fromCurrent(r), skipped)).filter(defined),
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
        validators: (t.rules?.validators ?? []).map((r: Rule) => validatorOf(r, skipped)).filter(defined),
        postFunctions: (t.rules?.postFunctions ?? []).map((r: Rule) => postFunctionOf(r, skipped)).filter(defined),
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
