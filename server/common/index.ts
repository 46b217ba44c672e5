/**
 * Small helpers every part may use, and the only folder other parts may import file by file: the
 * errors a user can cause (UserError, exit 2) and failed checks (CheckFailed, exit 1), the one retry
 * with backoff for HTTP clients and its typed failures, the one atomic write, the escaping HTML
 * template, Markdown escaping, reading Retry-After, and the names on the wire between the sandbox and
 * its clients. Nothing here knows a tracker, a snapshot or an instance.
 */
export * from './atomic-write.ts';
export * from './errors.ts';
export * from './html.ts';
export * from './http-retry.ts';
export * from './markdown.ts';
export * from './retry-after.ts';
export * from './sandbox-names.ts';
