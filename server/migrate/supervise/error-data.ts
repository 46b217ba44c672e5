/** Errors crossing between the worker and the command as data: a UserError keeps its class, details and exit code. */
import { UserError } from '../../common/errors.ts';
import type { ErrorData } from './protocol.ts';

export const errorData = (e: unknown): ErrorData =>
  e instanceof UserError
    ? { message: e.message, userError: true, details: [...e.details], exitCode: e.exitCode }
    : { message: e instanceof Error ? e.message : String(e), userError: false, details: [] };

export const errorFrom = (d: ErrorData): Error => (d.userError ? new UserError(d.message, { details: d.details }) : new Error(d.message));
