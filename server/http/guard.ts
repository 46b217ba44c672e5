/**
 * Guard rails: JSON bodies with a size limit, a bounded query string, Jira-shaped 400/413 for bad
 * bodies, no stack traces anywhere.
 */
import { parse as parseQueryString } from 'node:querystring';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { SandboxContext } from './context.ts';
import { jiraError, sendError } from './jira/errors.ts';

export const DEFAULT_BODY_LIMIT = '10mb';

/** Query parameters in one request. Node's parser would keep this many and silently drop the rest; the sandbox refuses more. */
export const MAX_QUERY_PARAMETERS = 1_000;

/** The app's `query parser`: Node's (express's 'simple'), with its bound stated. */
export const parseQuery = (query: string) => parseQueryString(query, '&', '=', { maxKeys: MAX_QUERY_PARAMETERS });

/** Does the query string of `url` hold more than MAX_QUERY_PARAMETERS parameters? Reads no further than that. */
const tooManyParameters = (url: string): boolean => {
  let count = 0;
  let empty = true;
  for (let i = url.indexOf('?') + 1; i > 0 && i <= url.length; i++) {
    if (i === url.length || url[i] === '&') {
      if (!empty && ++count > MAX_QUERY_PARAMETERS) return true;
      empty = true;
    } else if (url[i] === '#') break;
    else empty = false;
  }
  return false;
};

/** Refuses a request with too many query parameters: Jira's 400 under /rest, the control API's shape elsewhere. */
export const queryLimit = (req: Request, res: Response, next: NextFunction): void => {
  if (!tooManyParameters(req.url)) {
    next();
    return;
  }
  const message = `The request has more than ${MAX_QUERY_PARAMETERS} query parameters. Send at most ${MAX_QUERY_PARAMETERS} (a long JQL query goes in the body of POST /rest/api/3/search/jql).`;
  if (req.path.startsWith('/rest/')) jiraError(res, 400, [message]);
  else res.status(400).json({ error: { code: 'too_many_parameters', message } });
};

/** Not strict: Jira takes a bare JSON string where the body is one value (`POST …/watchers` `"<accountId>"`); every handler checks the shape it needs. */
export const jsonBody = (limit: string = DEFAULT_BODY_LIMIT) =>
  express.json({ limit, strict: false, type: ['application/json', 'application/*+json', 'text/json'] });

/** The last error handler: Jira's shape under /rest, the control API's shape elsewhere; a 500 is kept in the sandbox's log. */
export const errorHandler =
  (ctx: Pick<SandboxContext, 'internalError'>) =>
  (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) {
      ctx.internalError(req, err);
      return;
    }
    if (req.path.startsWith('/rest/')) {
      sendError(res, err, (e) => ctx.internalError(req, e));
      return;
    }
    const type = (err as { type?: unknown }).type;
    if (type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'too_large', message: 'the request body is too large' } });
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'bad_json', message: 'the request body is not valid JSON' } });
      return;
    }
    ctx.internalError(req, err);
    res.status(500).json({ error: { code: 'internal', message: 'internal error in the Understudy sandbox' } });
  };
