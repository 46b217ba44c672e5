/**
 * The tracker's error: an HTTP status plus Jira's body shape, so the REST layer sends it as is and
 * the web UI shows the same words. Messages follow Jira's wording (integrations match on them).
 */
export interface JiraErrorBody { errorMessages: string[]; errors: Record<string, string> }

export class TrackerError extends Error {
  override readonly name = 'TrackerError';
  constructor(readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415, readonly body: JiraErrorBody) {
    super([...body.errorMessages, ...Object.entries(body.errors).map(([k, v]) => `${k}: ${v}`)].join('; ') || `HTTP ${status}`);
  }
}

export const isTrackerError = (e: unknown): e is TrackerError => e instanceof TrackerError;

export const badRequest = (errorMessages: string[], errors: Record<string, string> = {}) =>
  new TrackerError(400, { errorMessages, errors });

export const fieldErrors = (errors: Record<string, string>) => new TrackerError(400, { errorMessages: [], errors });

export const notFound = (message: string) => new TrackerError(404, { errorMessages: [message], errors: {} });

export const issueNotFound = () => notFound('Issue does not exist or you do not have permission to see it.');

/** Anonymous callers get 401 (sign in may help); signed-in ones 403, as Jira answers. */
export const denied = (actor: string | null, message: string) =>
  new TrackerError(actor === null ? 401 : 403, { errorMessages: [message], errors: {} });
