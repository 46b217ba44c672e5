/**
 * Read-only clones of production (`npm run clone`, `npm run drift`, the gate's drift check): a
 * transport that can only read, the Jira adapter (jira/: reading the configuration and issues, and
 * convert/ from Jira's answers to the model), stratified sampling, anonymising (anonymize/: consistent
 * personas, same-shape text), saved answers for --resume and --from file, the manifest and the drift digest.
 */
export { cloneMain } from './cli.ts';
export { credentialsFromEnv, hasCredentials, redact, redactError, type Credentials } from './credentials.ts';
export { driftMain } from './drift.ts';
export { gateDriftCheck } from './gate-drift.ts';
// The read side that `apply` uses to read production before, during and after its writes.
export { assertSafeScheme, confirmProductionUrl } from './credentials.ts';
export { HttpTransport, NotFoundAnswer, type TransportOptions } from './transport.ts';
export { JiraSource } from './jira/source.ts';
export { cloneFacts } from './drift.ts';
export { compareDigests, digestOf, DIGEST_FILE, type DriftDigest } from './digest.ts';
