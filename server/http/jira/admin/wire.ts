/**
 * What the admin routes share: reading Jira's request bodies (a wrong shape is a 400 in Jira's
 * words, before anything is written), registering a route by where it exists (Cloud's REST API,
 * Data Center's, or both; a Cloud-only route answers 404 or 405 in Data Center mode as DC does),
 * and answering an async operation with 303 and the task's location.
 */
import type { Request, Response, Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import type { TaskRecord } from '../../../tracker/index.ts';
import { badRequest, jiraError } from '../errors.ts';
import { route, type J } from '../handler.ts';
import { taskJson } from './render.ts';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const bodyObj = (req: Request): Obj => {
  if (!isObj(req.body)) throw badRequest('The request body must be a JSON object.');
  return req.body;
};

export const list = (o: Obj, key: string, required = true): unknown[] => {
  const v = o[key];
  if (v === undefined && !required) return [];
  if (!Array.isArray(v)) throw badRequest('', { [key]: `'${key}' must be a list.` });
  return v;
};

export const objAt = (v: unknown, where: string): Obj => {
  if (!isObj(v)) throw badRequest('', { [where]: `'${where}' must be an object.` });
  return v;
};

export const optStr = (o: Obj, key: string): string | undefined => {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  throw badRequest('', { [key]: `'${key}' must be a string.` });
};

export const reqStr = (o: Obj, key: string, message = `'${key}' is required.`): string => {
  const v = optStr(o, key);
  if (v === undefined || v === '') throw badRequest('', { [key]: message });
  return v;
};

export const optBool = (o: Obj, key: string): boolean | undefined => {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw badRequest('', { [key]: `'${key}' must be true or false.` });
};

/** Query values given as `id=1&id=2` or `id=1,2`. */
export const queryList = (req: Request, name: string): string[] => {
  const v = req.query[name];
  const parts = Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
  return parts
    .flatMap((p) => p.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
};

type Method = 'get' | 'post' | 'put' | 'delete';
type Handler = (j: J, req: Request, res: Response) => unknown;

/** Where a route exists: Cloud's REST API only, or Cloud and Data Center. */
export type Availability = 'cloud' | 'both';

/** Paths Data Center's REST API has for reading only: another method there answers 405, not 404. */
const DC_READ_ONLY = new Set([
  '/priority',
  '/priority/:id',
  '/resolution',
  '/resolution/:id',
  '/screens',
  '/notificationscheme',
  '/notificationscheme/:id',
  '/workflowscheme/project',
  '/field/:fieldId/context',
]);

/** Every admin route registered so far, with where it exists (the README's table is checked against it). */
export const ADMIN_ROUTES = new Map<string, { method: string; path: string; where: Availability; dc: 404 | 405 }>();

/**
 * Registers a route. In Data Center mode a Cloud-only one answers as Data Center does: 405 where DC
 * has the path for another method (`dc: 405`), else 404.
 */
export const serve = (
  r: Router,
  ctx: SandboxContext,
  method: Method,
  path: string,
  fn: Handler,
  where: Availability = 'cloud',
  dc: 404 | 405 = 404,
): void => {
  if (where === 'cloud' && DC_READ_ONLY.has(path)) dc = 405;
  ADMIN_ROUTES.set(`${method.toUpperCase()} ${path}`, { method: method.toUpperCase(), path, where, dc });
  if (where === 'cloud' && ctx.deploymentType === 'DataCenter') {
    r[method](path, (req, res) => {
      if (dc === 405) jiraError(res, 405, [`HTTP method ${req.method} is not supported by this URL in Jira Data Center.`]);
      else
        jiraError(res, 404, [
          `No resource at ${req.method} ${req.originalUrl}: Jira Data Center's REST API has no such endpoint (it is Jira Cloud's).`,
        ]);
    });
    return;
  }
  r[method](path, route(ctx, fn));
};

/** Runs a configuration write on the write queue (serialised and persisted). */
export const written = <T>(j: J, change: () => T): Promise<T> => j.ctx.write(change);

/** Jira's answer to an async operation: 303 See Other, `Location: …/task/{id}`, the task as the body. */
export const seeTask = (j: J, res: Response, task: TaskRecord): void => {
  const location = `${j.api}/task/${task.id}`;
  res.status(303).location(location).json(taskJson(j, task));
};
