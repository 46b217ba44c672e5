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
 * non-string values JSON-encoded.
 */
import type { Condition, ConditionTree, PostFunction, Validator } from '../model/index.ts';
import type { ConfigIndex } from '../tracker/index.ts';

export interface LegacyRule { type: string; configuration: Record<string, unknown> }
export type LegacyCondition = { nodeType: 'simple'; type: string; configuration: Record<string, unknown> } | { nodeType: 'compound'; operator: 'AND' | 'OR'; conditions: LegacyCondition[] };

const neg = (c: { negate?: boolean }) => (c.negate ? { negate: true } : {});

export const conditionRule = (ix: ConfigIndex, c: Condition): LegacyRule => {
  switch (c.type) {
    case 'permission': return { type: 'PermissionCondition', configuration: { permissionKey: c.permission, ...neg(c) } };
    case 'inGroup': return { type: 'UserInGroupCondition', configuration: { groupId: c.group, group: ix.groups.get(c.group)?.name ?? c.group, ...neg(c) } };
    case 'inProjectRole': return { type: 'InProjectRoleCondition', configuration: { projectRole: { id: c.role }, ...neg(c) } };
    case 'isAssignee': return { type: 'AllowOnlyAssignee', configuration: { ...neg(c) } };
    case 'isReporter': return { type: 'AllowOnlyReporter', configuration: { ...neg(c) } };
    case 'fieldValue': return { type: 'ValueFieldCondition', configuration: { fieldId: c.field, comparisonType: c.operator, ...(c.value !== undefined ? { value: c.value } : {}), ...neg(c) } };
  }
};

const isTree = (x: Condition | ConditionTree): x is ConditionTree => 'op' in x;

export const conditionTreeJson = (ix: ConfigIndex, tree: ConditionTree): LegacyCondition => ({
  nodeType: 'compound', operator: tree.op === 'all' ? 'AND' : 'OR',
  conditions: tree.conditions.map((c) => (isTree(c) ? conditionTreeJson(ix, c) : { nodeType: 'simple' as const, ...conditionRule(ix, c) })),
});

export const validatorRule = (v: Validator): LegacyRule => {
  const msg = v.message ? { errorMessage: v.message } : {};
  switch (v.type) {
    case 'fieldRequired': return { type: 'FieldRequiredValidator', configuration: { ignoreContext: true, fieldIds: [...v.fields], ...msg } };
    case 'commentRequired': return { type: 'CommentRequiredValidator', configuration: { ...msg } };
    case 'fieldMatches': return { type: 'RegexpFieldValidator', configuration: { fieldId: v.field, regExp: v.pattern, ...msg } };
  }
};

export const postFunctionRule = (p: PostFunction): LegacyRule => {
  switch (p.type) {
    case 'setResolution': return { type: 'UpdateIssueFieldFunction', configuration: { fieldId: 'resolution', fieldValue: p.resolution } };
    case 'clearResolution': return { type: 'UpdateIssueFieldFunction', configuration: { fieldId: 'resolution', fieldValue: '' } };
    case 'setField': return { type: 'UpdateIssueFieldFunction', configuration: { fieldId: p.field, fieldValue: JSON.stringify(p.value ?? null) } };
    case 'assign': return { type: 'AssignIssueFunction', configuration: { to: p.to, ...(p.user ? { accountId: p.user } : {}) } };
    case 'addComment': return { type: 'AddCommentFunction', configuration: { body: p.body } };
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
