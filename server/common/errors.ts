/**
 * Errors a user can cause (bad input, bad usage, broken environment): exit code 2, one clear
 * message. Failed checks (a regression, a rollback that does not restore) are exit 1 and are
 * results, not exceptions. Everything else is a bug and shows its stack only with --debug.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** 2, except for the few user errors that are also failed checks (a hand-written down that does not undo up). */
  readonly exitCode: 1 | 2 = 2;
  /** Further lines shown under the message (e.g. every problem of a snapshot). */
  readonly details: readonly string[];
  constructor(message: string, options: { details?: readonly string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details ?? [];
  }
}

/** A check that found a problem: exit code 1. */
export class CheckFailed extends Error {
  override readonly name = 'CheckFailed';
  readonly exitCode = 1;
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

export const isUserError = (e: unknown): e is UserError => e instanceof UserError;
