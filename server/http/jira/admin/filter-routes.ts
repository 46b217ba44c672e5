/** Saved filters: create, update, delete, shares, owner, favourites (Cloud and DC). */
import type { Router } from 'express';
import type { SavedFilter } from '../../../model/index.ts';
import type { SandboxContext } from '../../context.ts';
import { badRequest } from '../errors.ts';
import type { J } from '../handler.ts';
import { canSeeFilter, filterJson } from '../routes-filters.ts';
import { bodyObj, isObj, list, objAt, optBool, reqStr, serve, written, type Obj } from './wire.ts';

type Share = SavedFilter['shares'][number];

/** Jira's SharePermission → the model's share (projects by key, groups by id). */
const shareOf = (j: J, v: unknown, where: string): Share => {
  const o = objAt(v, where);
  const type = String(o.type ?? '');
  const ref = (x: unknown, ...keys: string[]) => (isObj(x) ? keys.map((k) => x[k]).find((y) => y !== undefined && y !== null) : undefined);
  switch (type) {
    case 'global':
      return { type: 'global' };
    case 'authenticated':
    case 'loggedin':
      return { type: 'authenticated' };
    case 'group': {
      const g = ref(o.group, 'groupId', 'name') ?? o.groupname;
      if (g === undefined) throw badRequest('', { group: 'A group share needs the group (groupId or name).' });
      return { type: 'group', value: j.ctx.tracker.admin.groups.find(String(g))?.id ?? String(g) };
    }
    case 'project': {
      const p = ref(o.project, 'id', 'key') ?? o.projectId;
      if (p === undefined) throw badRequest('', { project: 'A project share needs the project id.' });
      return { type: 'project', value: j.ctx.tracker.project(String(p))?.key ?? String(p) };
    }
    case 'projectRole': {
      const r = ref(o.role, 'id') ?? o.projectRoleId;
      if (r === undefined || (ref(o.project, 'id', 'key') ?? o.projectId) === undefined)
        throw badRequest('', { projectRole: 'A project role share needs the project and the role.' });
      return { type: 'projectRole', value: String(r) };
    }
    case 'user': {
      const u = ref(o.user, 'accountId') ?? o.accountId;
      if (u === undefined) throw badRequest('', { user: 'A user share needs the accountId.' });
      return { type: 'user', value: String(u) };
    }
    default:
      throw badRequest('', { type: `The share type '${type}' is not one of global, authenticated, group, project, projectRole, user.` });
  }
};

const inputOf = (j: J, body: Obj) => ({
  ...(body.name !== undefined ? { name: body.name } : {}),
  ...(body.description !== undefined ? { description: body.description } : {}),
  ...(body.jql !== undefined ? { jql: body.jql } : {}),
  ...(body.sharePermissions !== undefined ? { shares: list(body, 'sharePermissions').map((s, i) => shareOf(j, s, `sharePermissions[${i}]`)) } : {}),
});

export const filterAdminRoutes = (r: Router, ctx: SandboxContext): void => {
  const f = () => ctx.tracker.admin.filters;
  serve(
    r,
    ctx,
    'post',
    '/filter',
    async (j, req) => {
      const body = bodyObj(req);
      const favourite = optBool(body, 'favourite');
      return filterJson(j, await written(j, () => f().create(j.actor, { ...inputOf(j, body), ...(favourite !== undefined ? { favourite } : {}) })));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/filter/:id',
    async (j, req) => filterJson(j, await written(j, () => f().update(j.actor, String(req.params.id), inputOf(j, bodyObj(req))))),
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/filter/:id',
    async (j, req, res) => {
      await written(j, () => f().delete(j.actor, String(req.params.id)));
      res.status(204).end();
    },
    'both',
  );
  serve(r, ctx, 'put', '/filter/:id/owner', async (j, req, res) => {
    const accountId = reqStr(bodyObj(req), 'accountId');
    await written(j, () => f().setOwner(j.actor, String(req.params.id), accountId));
    res.status(204).end();
  });
  serve(
    r,
    ctx,
    'post',
    '/filter/:id/permission',
    async (j, req) => {
      const share = shareOf(j, bodyObj(req), 'body');
      await written(j, () => f().addShare(j.actor, String(req.params.id), share));
      const filter = j.ctx.tracker.admin.filters.get(String(req.params.id))!;
      return filterJson(j, filter, ['sharePermissions']).sharePermissions;
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/filter/:id/permission/:share',
    async (j, req, res) => {
      await written(j, () => f().deleteShare(j.actor, String(req.params.id), String(req.params.share)));
      res.status(204).end();
    },
    'both',
  );
  for (const [method, on] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    serve(
      r,
      ctx,
      method,
      '/filter/:id/favourite',
      async (j, req) => filterJson(j, await written(j, () => f().favourite(j.actor, String(req.params.id), on, (x) => canSeeFilter(j, x)))),
      'both',
    );
  }
};
