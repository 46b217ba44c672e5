/**
 * Everything apply takes from the clone, the sandbox's Jira wire format and the common helpers,
 * in one place: when those parts move their files (issue 15 moves wire-format helpers into their
 * own folder and folds retries into one helper), only these lines change.
 */
export { canonicalJson } from '../common/canonical-json.ts';
export { retryAfterMs } from '../common/retry-after.ts';
export { assertSafeScheme, credentialsFromEnv, confirmProductionUrl, redact, redactError } from '../clone/credentials.ts';
export { HttpTransport, NotFoundAnswer, pathWithQuery, type Credentials, type Reader, type RequestLike, type TransportOptions } from '../clone/transport.ts';
export { JiraSource } from '../clone/jira/source.ts';
export { readAll } from '../clone/paginate.ts';
export { cloneFacts } from '../clone/drift.ts';
export { compareDigests, digestOf, DIGEST_FILE, type DriftDigest } from '../clone/digest.ts';
export { conditionTreeJson, currentConditions, currentRule, postFunctionRule, validatorRule } from '../http/jira/workflow-rules.ts';
export { FIELD_TYPE_KEYS } from '../http/jira/render-field.ts';
