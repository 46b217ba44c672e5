/**
 * The tracker model, the ground every other part stands on: the TypeBox schemas of a snapshot
 * (schema/) and the types derived from them, the semantic rules (rules/) and the validator that runs
 * shape then meaning, the JQL parser (jql/), lookups over a configuration (ConfigIndex), canonical
 * JSON and the canonical hash the rollback proof compares, and the words of problems and "did you
 * mean" suggestions. It imports nothing else of the repository (npm packages only), so any part may
 * use it and none of its changes can run back up.
 */
export type * from './types.ts';
export type { SnapshotData } from './snapshot-data.ts';
export { type Static, type TSchema, Type } from './typebox.ts';

export {
  canonicalJson,
  canonicalJsonReference,
  classify,
  OTHER,
  prototypesClean,
  READY,
  sortedClone,
  sortedKeys,
  UNSORTED,
  withPlainJson,
} from './canonical-json.ts';
export { cachedValidator, defaultCacheDir, keepableAjv } from './cached-validator.ts';
export { ConfigIndex, indexConfig, optionsOf, type ContextOptions, type ProjectInfo } from './config-index.ts';
export { isDate, isDateTime } from './date-formats.ts';
export { canonicalHash, compareIds, configHash, digest, HASH_VERSION, hashIssuesInto, IssueLinesHash, sortedById, startHash } from './hash.ts';
export { DRAFT_07, JSON_SCHEMAS, standaloneSchemas, toStandaloneJsonSchema, writeJsonSchemas, type JsonSchemaName } from './json-schema.ts';
export { countsOf, GENERATOR_TOOL, NOT_CONTAINED } from './manifest-counts.ts';
export { formatProblem, hasErrors, pointerToPath, type Problem, type Severity } from './problems.ts';
export {
  fieldApplies,
  fieldBehaviour,
  fieldConfigurationFor,
  fieldContextFor,
  groupMembers,
  issueTypesOf,
  notificationSchemeOf,
  permissionSchemeOf,
  projectByKey,
  projectsUsingScheme,
  roleMembers,
  screenFieldIds,
  screenFor,
  workflowFor,
  type FieldBehaviour,
  type ScreenOperation,
} from './resolve.ts';
export { Closed, OneOf, SchemaRef } from './schema/common.ts';
export {
  BOARD_TYPES,
  FIELD_TYPES,
  GLOBAL_PERMISSIONS,
  isOneOf,
  MULTI_VALUE_FIELD_TYPES,
  NOTIFICATION_EVENTS,
  OPTION_FIELD_TYPES,
  PERMISSION_HOLDER_TYPES,
  PROJECT_KINDS,
  PROJECT_PERMISSIONS,
  PROJECT_STYLES,
  RECIPIENT_TYPES,
  ROLE_ACTOR_TYPES,
  SHARE_TYPES,
  SNAPSHOT_KINDS,
  STATUS_CATEGORIES,
  TRANSITION_TYPES,
  type FieldType,
  type GlobalPermission,
  type NotificationEvent,
  type PermissionHolderType,
  type ProjectPermission,
  type RecipientType,
  type StatusCategory,
} from './schema/vocab.ts';
export { rulesVersion } from './rules-version.ts';
export { rewrite, tagsOf } from './shape-unions.ts';
export { validatorFor, type SchemaName } from './shape.ts';
export { closest, editDistance, knownCandidates, q, type Candidate } from './suggest.ts';
export { checkConfigRules, validateSnapshotData, validateState } from './validate.ts';
export * from './jql/index.ts';
export { newProblems, stateErrors } from './state-check.ts';
