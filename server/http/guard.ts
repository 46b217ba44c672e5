/** Guard rails: JSON bodies with a size limit, Jira-shaped 400/413 for bad bodies, no stack traces anywhere. */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { SandboxContext } from './context.ts';
import { sendError } from './jira/errors.ts';

export const DEFAULT_BODY_LIMIT = '10mb';

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
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500 && (err as { expose?: unknown }).expose === true) {
      res.status(status).json({ error: { code: 'bad_request', message: `the request cannot be read: ${(err as Error).message}` } });
      return;
    }
    ctx.internalError(req, err);
    res.status(500).json({ error: { code: 'internal', message: 'internal error in the Understudy sandbox' } });
  };
