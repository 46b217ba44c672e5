/** Jira's error shape on the wire: `{ errorMessages: [], errors: {} }`, never a stack trace. */
import type { Response } from 'express';
import { isTrackerError, TrackerError } from '../../tracker/index.ts';

export { badRequest, notFound } from '../../tracker/index.ts';

export const jiraError = (res: Response, status: number, errorMessages: string[], errors: Record<string, string> = {}): void => {
  res.status(status).json({ errorMessages, errors });
};

export const forbidden = (message: string) => new TrackerError(403, { errorMessages: [message], errors: {} });
export const unauthorized = () =>
  new TrackerError(401, { errorMessages: ['You are not authorized to perform this action. Administrator privileges are required.'], errors: {} });

/**
 * Sends any error: TrackerError as is, body-parser errors as Jira would, everything else a 500
 * without a stack on the wire; `internal` keeps such an error (the sandbox's log).
 */
export const sendError = (res: Response, e: unknown, internal?: (e: unknown) => void): void => {
  if (res.headersSent) return;
  if (isTrackerError(e)) {
    res.status(e.status).json(e.body);
    return;
  }
  const status = (e as { status?: unknown; type?: unknown }).status;
  const type = (e as { type?: unknown }).type;
  if (type === 'entity.too.large' || status === 413) {
    jiraError(res, 413, ['The request body is too large.']);
    return;
  }
  if (type === 'entity.parse.failed') {
    jiraError(res, 400, ['Unexpected character in the request body: it is not valid JSON.']);
    return;
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    jiraError(res, status, [e instanceof Error ? e.message : 'Bad request']);
    return;
  }
  internal?.(e);
  jiraError(res, 500, ['Internal server error in the Understudy sandbox.']);
};
