/**
 * The tracker's error: an HTTP status plus Jira's body shape, so the REST layer sends it as is and
 * the web UI shows the same words. Messages follow Jira's wording (integrations match on them).
 */
import { errorWords, type JiraErrorBody } from '../jira-wire/index.ts';

export type { JiraErrorBody };

export class TrackerError extends Error {
  override readonly name = 'TrackerError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415,
    readonly body: JiraErrorBody,
  ) {
    super(errorWords(body) || `HTTP ${status}`);
  }
}

export const isTrackerError = (e: unknown): e is TrackerError => e instanceof TrackerError;

/** A 400: one message (none when empty) or several, and messages per field. */
export const badRequest = (messages: string | readonly string[], errors: Record<string, string> = {}) =>
  new TrackerError(400, { errorMessages: typeof messages === 'string' ? (messages ? [messages] : []) : [...messages], errors });

export const fieldErrors = (errors: Record<string, string>) => new TrackerError(400, { errorMessages: [], errors });

export const notFound = (message: string) => new TrackerError(404, { errorMessages: [message], errors: {} });

export const issueNotFound = () => notFound('Issue does not exist or you do not have permission to see it.');

/** Anonymous callers get 401 (sign in may help); signed-in ones 403, as Jira answers. */
export const denied = (actor: string | null, message: string) =>
  new TrackerError(actor === null ? 401 : 403, { errorMessages: [message], errors: {} });
