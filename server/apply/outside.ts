/**
 * Everything apply takes from other parts (the clone's read side, Jira's wire format, the model's
 * canonical JSON, the common helpers), in one place, so what apply depends on is one screen.
 */
export { retryAfterMs } from '../common/retry-after.ts';
export {
  assertSafeScheme,
  cloneFacts,
  compareDigests,
  confirmProductionUrl,
  credentialsFromEnv,
  DIGEST_FILE,
  digestOf,
  HttpTransport,
  JiraSource,
  NotFoundAnswer,
  redact,
  redactError,
  type Credentials,
  type DriftDigest,
  type TransportOptions,
} from '../clone/index.ts';
export {
  conditionTreeJson,
  currentConditions,
  currentRule,
  FIELD_TYPE_KEYS,
  pathWithQuery,
  postFunctionRule,
  readAll,
  validatorRule,
  type Reader,
  type RequestLike,
} from '../jira-wire/index.ts';
export { canonicalJson } from '../model/index.ts';
