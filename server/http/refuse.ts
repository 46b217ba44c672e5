/**
 * One refusal, three shapes: Jira's `{ errorMessages, errors }` under /rest, the control API's
 * `{ error: { code, message } }` under /_understudy, an HTML page everywhere else (the web UI). For
 * the answers given before any route runs (guards, the fork hub, the last error handler).
 */
import type { Request, Response } from 'express';
import { html, page } from '../common/html.ts';

export type PathFamily = 'rest' | 'control' | 'ui';

export const pathFamily = (path: string): PathFamily =>
  path === '/rest' || path.startsWith('/rest/') ? 'rest' : path === '/_understudy' || path.startsWith('/_understudy/') ? 'control' : 'ui';

const TITLES: Record<number, string> = {
  400: 'Something is wrong with the request',
  403: 'Refused',
  404: 'Not found',
  409: 'Conflict',
  413: 'The request is too large',
  415: 'Unsupported request body',
  421: 'Wrong address for this sandbox',
};

export const refuse = (req: Request, res: Response, status: number, code: string, message: string): void => {
  if (res.headersSent) return;
  const family = pathFamily(req.path);
  if (family === 'rest') {
    res.status(status).json({ errorMessages: [message], errors: {} });
    return;
  }
  if (family === 'control') {
    res.status(status).json({ error: { code, message } });
    return;
  }
  const title = TITLES[status] ?? 'Error';
  res
    .status(status)
    .type('html')
    .send(page(title, html`<h1>${title}</h1><div role="alert"><p>${message}</p></div><p><a href="/">Back to the start page</a></p>`));
};
