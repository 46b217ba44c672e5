/**
 * Jira's wire format, shared by every part that speaks Jira's REST API: the sandbox's routes (http/),
 * the clone (clone/) and the production writes to come (apply/). Rich text between wiki markup and the
 * Atlassian Document Format, field type keys and schemas, the workflow rule mapping in both
 * directions, the error body, the paging shapes (written and read), timestamps, a request as data, and the rules a
 * request's body and field values obey (shapes, limits, forbidden keys).
 * Nothing here knows the sandbox or a transport: it depends on the model only.
 */
export { errorWords, readErrorBody, type JiraErrorBody } from './errors.ts';
export {
  BUILT_IN_FIELDS,
  builtInFieldJson,
  customFieldType,
  customId,
  FIELD_TYPE_KEYS,
  fieldJson,
  fieldSchema,
  SYSTEM_FIELD_TYPES,
} from './fields.ts';
export { arrayPage, intParam, offsetPage, pageBean, pagingProblem, pageToken, pageTokenStart, pageWindow, type PageWindow } from './pages.ts';
export { readAll, type PageOptions } from './read-pages.ts';
export { pathWithQuery, type Reader, type RequestLike } from './request.ts';
export { ADF_MAX_DEPTH, AdfError, fromAdf, isAdf, richOut, toAdf, type AdfNode } from './rich-text.ts';
export { REF_KEYS, refProblem, valueShapeProblem } from './field-input.ts';
export { LIMITS, textTooLong, tooManyValues } from './limits.ts';
export { FORBIDDEN_KEYS, forbiddenKey, forbiddenKeyErrors, jsonKind, notAnObjectBody } from './request-body.ts';
export { isoTime, jiraTime } from './time.ts';
export {
  conditionOf,
  conditionRule,
  conditionTreeJson,
  currentConditions,
  currentRule,
  legacyRuleOf,
  postFunctionOf,
  postFunctionRule,
  validatorOf,
  validatorRule,
  type GroupName,
  type LegacyCondition,
  type LegacyRule,
  type UnknownRule,
} from './workflow-rules.ts';
export { asTree, currentWorkflowsOf, defined, leftOut, legacyTree, TYPE } from './workflows-current.ts';
export { Skipped } from './left-out.ts';
