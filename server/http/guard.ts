/**
 * Guard rails: JSON bodies with a size limit, no body with a key that names JavaScript's object
 * machinery (jira-wire's FORBIDDEN_KEYS, refused for every route at once), Jira-shaped 400/413 for
 * bad bodies, no stack traces anywhere.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { forbiddenKey, forbiddenKeyErrors } from '../jira-wire/index.ts';
import type { SandboxContext } from './context.ts';
import { jiraError, sendError } from './jira/errors.ts';

export const DEFAULT_BODY_LIMIT = '10mb';

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
  else res.status(400).json({ error: { code: 'forbidden_key', message: errors[found.key] } });
};

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
