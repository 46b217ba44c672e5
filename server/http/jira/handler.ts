/**
 * One request's view for the Jira routes: the tracker, the caller, the API version and URL
 * builders; `route()` wraps a handler so errors become Jira's shape.
 */
import type { NextFunction, Request, Response } from 'express';
import type { SandboxContext } from '../context.ts';
import { actorOf } from '../context.ts';
import { type Actor, TrackerError } from '../../tracker/index.ts';
import { pageBean, pageWindow, pagingProblem } from '../../jira-wire/index.ts';
import { badRequest, forbidden, sendError, unauthorized } from './errors.ts';

export interface J {
  ctx: SandboxContext;
  req: Request;
  actor: Actor;
  /** 2 (wiki strings) or 3 (ADF). */
  v: 2 | 3;
  /** Data Center shapes (users by name/key) instead of Cloud's account ids. */
  dc: boolean;
  base: string;
  /** `${base}/rest/api/${v}` */
  api: string;
}

export const jOf = (ctx: SandboxContext, req: Request, res: Response): J => {
  const base = ctx.baseUrl(req);
  const v = (res.locals.apiVersion as 2 | 3 | undefined) ?? 2;
  return { ctx, req, actor: actorOf(res), v, dc: ctx.deploymentType === 'DataCenter', base, api: `${base}/rest/api/${v}` };
};

type Handler = (j: J, req: Request, res: Response) => unknown;

/** Wraps a handler: a returned value is sent as JSON (undefined = the handler answered itself). */
export const route =
  (ctx: SandboxContext, fn: Handler) =>
  async (req: Request, res: Response, _next: NextFunction): Promise<void> => {
    try {
      const out = await fn(jOf(ctx, req, res), req, res);
      if (out !== undefined && !res.headersSent) res.json(out);
    } catch (e) {
      sendError(res, e, (err) => ctx.internalError(req, err));
    }
  };

/** Admin-only resources: anonymous 401, signed-in non-admins 403, as Jira answers. */
export const requireAdmin = (j: J): void => {
  if (j.ctx.tracker.isAdmin(j.actor)) return;
  if (j.actor === null) throw unauthorized();
  throw forbidden('You are not authorized to perform this action. Administrator privileges are required.');
};

export const requireUser = (j: J): string => {
  if (j.actor === null) throw new TrackerError(401, { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} });
  return j.actor;
};

export const q = (req: Request, name: string): string | undefined => {
  const v = req.query[name];
  if (Array.isArray(v)) return v.map(String).join(',');
  return v === undefined ? undefined : String(v);
};

export const qList = (req: Request, name: string): string[] =>
  (q(req, name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The page window a request's `startAt` and `maxResults` ask for (Jira's defaults and caps). */
export const windowOf = (j: J, defaultMax = 50, cap = 1000) => pageWindow(q(j.req, 'startAt'), q(j.req, 'maxResults'), defaultMax, cap);

/**
 * A search's page window (agile board issues): `startAt` and `maxResults` as Jira's search reads them,
 * a repeated parameter as its first value and one that is not a number as Jira's 400.
 */
export const searchWindowOf = (j: J, defaultMax = 50, cap = 1000) => {
  const first = (k: string): unknown => {
    const v = j.req.query[k];
    return Array.isArray(v) ? v[0] : v;
  };
  for (const k of ['startAt', 'maxResults']) {
    const problem = pagingProblem(k, first(k));
    if (problem) throw badRequest(problem);
  }
  return pageWindow(first('startAt'), first('maxResults'), defaultMax, cap);
};

/** A Jira page bean `{self, nextPage?, maxResults, startAt, total, isLast, values}` of this request's window. */
export const pageOf = <T, U>(j: J, items: readonly T[], map: (x: T) => U, defaultMax = 50) =>
  pageBean(items, windowOf(j, defaultMax), `${j.base}${j.req.originalUrl}`, map);

/** Numeric ids are numbers where Jira's schema says int64; other ids (tiny fixtures) stay strings. */
export const numId = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);
