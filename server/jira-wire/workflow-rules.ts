/**
 * Workflow rules between the model and Jira's two workflow APIs. Legacy (`/workflow/search`):
 * `{type, configuration}` rules and a `conditionsTree` of simple/compound nodes. Current
 * (`/workflows`): `{ruleKey, parameters}` with string parameters. The mapping is one to one and
 * documented here so the clone adapter can invert it:
 *
 * | model                         | legacy type                   | configuration                         |
 * |-------------------------------|-------------------------------|---------------------------------------|
 * | condition permission          | PermissionCondition           | permissionKey, negate?                |
 * | condition inGroup             | UserInGroupCondition          | groupId, group (name), negate?        |
 * | condition inProjectRole       | InProjectRoleCondition        | projectRole {id}, negate?             |
 * | condition isAssignee          | AllowOnlyAssignee             | negate?                               |
 * | condition isReporter          | AllowOnlyReporter             | negate?                               |
 * | condition fieldValue          | ValueFieldCondition           | fieldId, comparisonType, value, negate? |
 * | validator fieldRequired       | FieldRequiredValidator        | fieldIds, errorMessage?, ignoreContext |
 * | validator commentRequired     | CommentRequiredValidator      | errorMessage?                         |
 * | validator fieldMatches        | RegexpFieldValidator          | fieldId, regExp, errorMessage?        |
 * | post setResolution / clear    | UpdateIssueFieldFunction      | fieldId 'resolution', fieldValue (''=clear) |
 * | post setField                 | UpdateIssueFieldFunction      | fieldId, fieldValue (JSON of the model value) |
 * | post assign                   | AssignIssueFunction           | to (reporter, currentUser, projectLead, unassigned, user), accountId? |
 * | post addComment               | AddCommentFunction            | body                                  |
 *
 * Current API: ruleKey `system:` + the legacy type; parameters are the configuration with
 * non-string values JSON-encoded. Both directions are here: the sandbox writes rules, the clone
 * reads them back (`…Of`), and a rule of an app or of an unknown type is handed to `unknown`.
 */
import { type Condition, type ConditionTree, isOneOf, type PostFunction, PROJECT_PERMISSIONS, type Validator } from '../model/index.ts';

export interface LegacyRule {
  type: string;
  configuration: Record<string, unknown>;
}
export type LegacyCondition =
  | { nodeType: 'simple'; type: string; configuration: Record<string, unknown> }
  | { nodeType: 'compound'; operator: 'AND' | 'OR'; conditions: LegacyCondition[] };

const neg = (c: { negate?: boolean }) => (c.negate ? { negate: true } : {});

/** A group's name by its id (Jira's legacy condition names the group as well). */
export type GroupName = (groupId: string) => string | undefined;

export const conditionRule = (groupName: GroupName, c: Condition): LegacyRule => {
  switch (c.type) {
    case 'permission':
      return { type: 'PermissionCondition', configuration: { permissionKey: c.permission, ...neg(c) } };
    case 'inGroup':
      return { type: 'UserInGroupCondition', configuration: { groupId: c.group, group: groupName(c.group) ?? c.group, ...neg(c) } };
    case 'inProjectRole':
      return { type: 'InProjectRoleCondition', configuration: { projectRole: { id: c.role }, ...neg(c) } };
    case 'isAssignee':
      return { type: 'AllowOnlyAssignee', configuration: { ...neg(c) } };
    case 'isReporter':
      return { type: 'AllowOnlyReporter', configuration: { ...neg(c) } };
    case 'fieldValue':
      return {
        type: 'ValueFieldCondition',
        configuration: { fieldId: c.field, comparisonType: c.operator, ...(c.value !== undefined ? { value: c.value } : {}), ...neg(c) },
      };
  }
};

const isTree = (x: Condition | ConditionTree): x is ConditionTree => 'op' in x;

export const conditionTreeJson = (groupName: GroupName, tree: ConditionTree): LegacyCondition => ({
  nodeType: 'compound',
  operator: tree.op === 'all' ? 'AND' : 'OR',
  conditions: tree.conditions.map((c) =>
    isTree(c) ? conditionTreeJson(groupName, c) : { nodeType: 'simple' as const, ...conditionRule(groupName, c) },
  ),
});

export const validatorRule = (v: Validator): LegacyRule => {
  const msg = v.message ? { errorMessage: v.message } : {};
  switch (v.type) {
    case 'fieldRequired':
      return { type: 'FieldRequiredValidator', configuration: { ignoreContext: true, fieldIds: [...v.fields], ...msg } };
    case 'commentRequired':
      return { type: 'CommentRequiredValidator', configuration: { ...msg } };
    case 'fieldMatches':
      return { type: 'RegexpFieldValidator', configuration: { fieldId: v.field, regExp: v.pattern, ...msg } };
  }
};

export const postFunctionRule = (p: PostFunction): LegacyRule => {
  switch (p.type) {
    case 'setResolution':
      return { type: 'UpdateIssueFieldFunction', configuration: { fieldId: 'resolution', fieldValue: p.resolution } };
    case 'clearResolution':
      return { type: 'UpdateIssueFieldFunction', configuration: { fieldId: 'resolution', fieldValue: '' } };
    case 'setField':
      return { type: 'UpdateIssueFieldFunction', configuration: { fieldId: p.field, fieldValue: JSON.stringify(p.value ?? null) } };
    case 'assign':
      return { type: 'AssignIssueFunction', configuration: { to: p.to, ...(p.user ? { accountId: p.user } : {}) } };
    case 'addComment':
      return { type: 'AddCommentFunction', configuration: { body: p.body } };
  }
};

/** Legacy rule → current API rule. */
export const currentRule = (r: LegacyRule) => ({
  ruleKey: `system:${r.type}`,
  parameters: Object.fromEntries(Object.entries(r.configuration).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
});

/** A legacy condition tree → the current API's condition group. */
export const currentConditions = (tree: LegacyCondition | undefined): Record<string, unknown> => {
  if (!tree) return { operation: 'ALL', conditions: [], conditionGroups: [] };
  if (tree.nodeType === 'simple') return { operation: 'ALL', conditions: [currentRule(tree)], conditionGroups: [] };
  return {
    operation: tree.operator === 'AND' ? 'ALL' : 'ANY',
    conditions: tree.conditions.filter((c) => c.nodeType === 'simple').map((c) => currentRule(c as LegacyRule)),
    conditionGroups: tree.conditions.filter((c) => c.nodeType === 'compound').map((c) => currentConditions(c)),
  };
};

// ---- Jira → model (what the clone reads) ----

type Obj = Record<string, any>;
/** Called with the type of a rule the model has no form for (an app's, or an unknown one); the rule is left out. */
export type UnknownRule = (type: string) => void;

/** Current API parameters are strings; these keys hold JSON. `value` stays a string unless it is structured. */
const JSON_KEYS = new Set(['negate', 'projectRole', 'fieldIds', 'ignoreContext']);
const decode = (k: string, v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  if (JSON_KEYS.has(k)) {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }
  if (k === 'value') {
    try {
      const p = JSON.parse(v) as unknown;
      return typeof p === 'object' || typeof p === 'boolean' ? p : v;
    } catch {
      return v;
    }
  }
  return v;
};

/** A current API rule (`{ruleKey, parameters}`) → the legacy form the readers below take. */
export const legacyRuleOf = (r: Obj): LegacyRule => ({
  type: String(r.ruleKey ?? '').replace(/^system:/, ''),
  configuration: Object.fromEntries(Object.entries((r.parameters ?? {}) as Obj).map(([k, v]) => [k, decode(k, v)])),
});

const negOf = (c: Obj) => (c.negate === true || c.negate === 'true' ? { negate: true } : {});
const str = (v: unknown): string => String(v);

export const conditionOf = (r: LegacyRule, unknown: UnknownRule): Condition | undefined => {
  const c = r.configuration as Obj;
  switch (r.type) {
    case 'PermissionCondition':
      return isOneOf(PROJECT_PERMISSIONS, c.permissionKey) ? { type: 'permission', permission: c.permissionKey, ...negOf(c) } : undefined;
    case 'UserInGroupCondition':
      return { type: 'inGroup', group: str(c.groupId ?? c.group), ...negOf(c) };
    case 'InProjectRoleCondition':
      return { type: 'inProjectRole', role: str(c.projectRole?.id ?? c.projectRole), ...negOf(c) };
    case 'AllowOnlyAssignee':
      return { type: 'isAssignee', ...negOf(c) };
    case 'AllowOnlyReporter':
      return { type: 'isReporter', ...negOf(c) };
    case 'ValueFieldCondition':
      return {
        type: 'fieldValue',
        field: str(c.fieldId),
        operator: c.comparisonType,
        ...(c.value !== undefined ? { value: c.value } : {}),
        ...negOf(c),
      };
    default:
      unknown(r.type);
      return undefined;
  }
};

export const validatorOf = (r: LegacyRule, unknown: UnknownRule): Validator | undefined => {
  const c = r.configuration as Obj;
  const msg = c.errorMessage ? { message: str(c.errorMessage) } : {};
  switch (r.type) {
    case 'FieldRequiredValidator':
      return { type: 'fieldRequired', fields: (c.fieldIds ?? []).map(str), ...msg };
    case 'CommentRequiredValidator':
      return { type: 'commentRequired', ...msg };
    case 'RegexpFieldValidator':
      return { type: 'fieldMatches', field: str(c.fieldId), pattern: str(c.regExp), ...msg };
    default:
      unknown(r.type);
      return undefined;
  }
};

export const postFunctionOf = (r: LegacyRule, unknown: UnknownRule): PostFunction | undefined => {
  const c = r.configuration as Obj;
  switch (r.type) {
    case 'UpdateIssueFieldFunction':
      if (c.fieldId === 'resolution') return c.fieldValue ? { type: 'setResolution', resolution: str(c.fieldValue) } : { type: 'clearResolution' };
      try {
        return { type: 'setField', field: str(c.fieldId), value: JSON.parse(String(c.fieldValue)) };
      } catch {
        return { type: 'setField', field: str(c.fieldId), value: c.fieldValue };
      }
    case 'AssignIssueFunction':
      return { type: 'assign', to: c.to, ...(c.accountId ? { user: str(c.accountId) } : {}) };
    case 'AddCommentFunction':
      return { type: 'addComment', body: str(c.body) };
    default:
      unknown(r.type);
      return undefined;
  }
};
