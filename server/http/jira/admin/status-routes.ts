/**
 * Statuses through the current API: `POST/PUT/DELETE /statuses`, bulk get by ids and by names
 * (Cloud only; Data Center has `GET /status` alone). Search is in routes-meta.ts.
 */
import type { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import type { StatusInput } from '../../../tracker/index.ts';
import { badRequest } from '../errors.ts';
import { bodyObj, isObj, list, objAt, queryList, serve, written, type Obj } from './wire.ts';
import { categoryOfKey, jiraStatusJson } from './render.ts';

const statusInput = (v: unknown, n: number): StatusInput => {
  const o = objAt(v, `statuses[${n}]`);
  const category = categoryOfKey(o.statusCategory);
  if (!category)
    throw badRequest('', {
      statusCategory: `The status category must be one of TODO, IN_PROGRESS, DONE (got ${JSON.stringify(o.statusCategory ?? null)}).`,
    });
  return { name: o.name, category, description: o.description };
};

const scopeOf = (body: Obj): void => {
  const scope = body.scope;
  if (!isObj(scope) || scope.type === undefined) throw badRequest('', { scope: 'The status scope is required.' });
  if (scope.type === 'PROJECT')
    throw badRequest(
      'Statuses of team-managed projects (scope PROJECT) are not supported by the Understudy sandbox: its projects are company-managed. Use scope GLOBAL.',
    );
  if (scope.type !== 'GLOBAL') throw badRequest('', { scope: `The scope type must be GLOBAL or PROJECT (got ${JSON.stringify(scope.type)}).` });
};

export const statusRoutes = (r: Router, ctx: SandboxContext): void => {
  serve(r, ctx, 'get', '/statuses', (j, req) => {
    const ids = queryList(req, 'id');
    if (!ids.length) throw badRequest('', { id: 'At least one status ID must be provided.' });
    return j.ctx.tracker.admin.statuses.by(ids, []).map(jiraStatusJson);
  });
  serve(r, ctx, 'get', '/statuses/byNames', (j, req) => {
    const names = queryList(req, 'name');
    if (!names.length) throw badRequest('', { name: 'At least one status name must be provided.' });
    return j.ctx.tracker.admin.statuses.by([], names).map(jiraStatusJson);
  });
  serve(r, ctx, 'get', '/statuses/:id/workflowUsages', (j, req) => ({
    statusId: String(req.params.id),
    workflows: { values: j.ctx.tracker.admin.statuses.usages(j.actor, String(req.params.id)).workflows.map((id) => ({ id })) },
  }));
  serve(r, ctx, 'get', '/statuses/:id/projectUsages', (j, req) => ({
    statusId: String(req.params.id),
    projects: { values: j.ctx.tracker.admin.statuses.usages(j.actor, String(req.params.id)).projects.map((id) => ({ id })) },
  }));
  serve(r, ctx, 'post', '/statuses', async (j, req) => {
    const body = bodyObj(req);
    scopeOf(body);
    const inputs = list(body, 'statuses').map(statusInput);
    const created = await written(j, () => j.ctx.tracker.admin.statuses.create(j.actor, inputs));
    return created.map(jiraStatusJson);
  });
  serve(r, ctx, 'put', '/statuses', async (j, req, res) => {
    const inputs = list(bodyObj(req), 'statuses').map((v, n) => ({ ...statusInput(v, n), id: String(objAt(v, `statuses[${n}]`).id ?? '') }));
    await written(j, () => j.ctx.tracker.admin.statuses.update(j.actor, inputs));
    res.status(204).end();
  });
  serve(r, ctx, 'delete', '/statuses', async (j, req, res) => {
    const ids = queryList(req, 'id');
    await written(j, () => j.ctx.tracker.admin.statuses.delete(j.actor, ids));
    res.status(204).end();
  });
};
