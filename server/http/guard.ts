/**
 * Guard rails: JSON bodies with a size limit, a bounded query string, no body with a key that names
 * JavaScript's object machinery (jira-wire's FORBIDDEN_KEYS, refused for every route at once),
 * Jira-shaped 400/413 for bad bodies, and the last error handler (the path's shape, no stack traces anywhere).
 */
import { parse as parseQueryString } from 'node:querystring';
import express, { type NextFunction, type Request, type Response } from 'express';
import { forbiddenKey, forbiddenKeyErrors } from '../jira-wire/index.ts';
import { isTrackerError } from '../tracker/index.ts';
import type { SandboxContext } from './context.ts';
import { jiraError, sendError } from './jira/errors.ts';
import { pathFamily, refuse } from './refuse.ts';

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

/** Refuses a JSON body holding `__proto__`, `constructor` or `prototype` anywhere: 400 naming the key and where it was. */
export const forbiddenKeys = (req: Request, res: Response, next: NextFunction): void => {
  const found = typeof req.body === 'object' ? forbiddenKey(req.body) : undefined;
  if (!found) {
    next();
    return;
  }
  const errors = forbiddenKeyErrors(found);
  if (req.path.startsWith('/rest/')) jiraError(res, 400, [], errors);
  else refuse(req, res, 400, 'forbidden_key', errors[found.key] ?? `the key ${found.key} is not accepted`);
};

/** A client's mistake the body parsers or the router report (bad JSON, too large, a charset, a bad %-escape): status, code, words. */
const clientError = (err: unknown): { status: number; code: string; message: string } | undefined => {
  const e = err as { status?: unknown; type?: unknown };
  if (err instanceof URIError)
    return { status: 400, code: 'bad_url', message: 'the address is not valid percent-encoding (a % must be followed by two hex digits)' };
  if (e.type === 'entity.too.large') return { status: 413, code: 'too_large', message: 'the request body is too large' };
  if (e.type === 'parameters.too.many') return { status: 413, code: 'too_large', message: 'the request body has too many parameters' };
  if (e.type === 'entity.parse.failed') return { status: 400, code: 'bad_json', message: 'the request body is not valid JSON' };
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported')
    return { status: 415, code: 'unsupported_body', message: 'the request body is in a charset or encoding the sandbox does not read: send UTF-8' };
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500)
    return { status: e.status, code: 'bad_request', message: 'the request cannot be read (aborted, or not what this address takes)' };
  return undefined;
};

/**
 * The last error handler: Jira's shape under /rest, the control API's under /_understudy, a page for
 * the web UI; a 500 is kept in the sandbox's log (internal-errors.ts), never on the wire. It never
 * passes an error on, so Express's default handler (a page with a stack) cannot answer.
 */
export const errorHandler =
  (ctx: Pick<SandboxContext, 'internalError'>) =>
  (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    try {
      if (res.headersSent) {
        // Half an answer is out: cut the connection so the client sees a failure, not a truncated success.
        ctx.internalError(req, err);
        res.destroy();
        return;
      }
      if (pathFamily(req.path) === 'rest') {
        sendError(res, err, (e) => ctx.internalError(req, e));
        return;
      }
      if (isTrackerError(err)) {
        refuse(req, res, err.status, 'refused', [...err.body.errorMessages, ...Object.values(err.body.errors)].join(' '));
        return;
      }
      const known = clientError(err);
      if (known) {
        refuse(req, res, known.status, known.code, known.message);
        return;
      }
      ctx.internalError(req, err);
      refuse(req, res, 500, 'internal', 'internal error in the Understudy sandbox (its log has the details)');
    } catch (e) {
      try {
        ctx.internalError(req, e);
      } catch {
        /* the log itself failed: still answer */
      }
      if (!res.headersSent) res.status(500).type('text').send('internal error in the Understudy sandbox');
      else res.destroy();
    }
  };
