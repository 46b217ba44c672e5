/** Groups and members, project roles, and the actors of a role in a project (Cloud and DC). */
import type { Request, Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import { badRequest } from '../errors.ts';
import type { J } from '../handler.ts';
import { groupJson } from '../render-basic.ts';
import { roleJson } from '../routes-projects.ts';
import { bodyObj, isObj, optStr, serve, written } from './wire.ts';

const groupRef = (req: Request): string => {
  const ref = ['groupId', 'groupname'].map((k) => req.query[k]).find((v) => typeof v === 'string' && v !== '');
  if (typeof ref !== 'string') throw badRequest('', { groupname: 'You must specify a group name or a group ID.' });
  return ref;
};

const groupAnswer = (j: J, ref: string) => {
  const g = j.ctx.tracker.admin.groups.find(ref)!;
  return { ...groupJson(j, g), users: { size: 0, items: [], 'max-results': 50, 'start-index': 0, 'end-index': 0 }, expand: 'users' };
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);

export const peopleAdminRoutes = (r: Router, ctx: SandboxContext): void => {
  const a = () => ctx.tracker.admin;
  serve(
    r,
    ctx,
    'post',
    '/group',
    async (j, req, res) => {
      const g = await written(j, () => a().groups.create(j.actor, bodyObj(req).name));
      res.status(201).json(groupAnswer(j, g.id));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/group',
    async (j, req, res) => {
      await written(j, () => a().groups.delete(j.actor, groupRef(req)));
      res.status(200).end();
    },
    'both',
  );
  serve(
    r,
    ctx,
    'post',
    '/group/user',
    async (j, req, res) => {
      const body = bodyObj(req);
      const who = optStr(body, 'accountId') ?? optStr(body, 'name') ?? '';
      if (!who) throw badRequest('', { accountId: 'You must specify the account ID of the user to add.' });
      const g = await written(j, () => a().groups.addMember(j.actor, groupRef(req), who));
      res.status(201).json(groupAnswer(j, g.id));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/group/user',
    async (j, req, res) => {
      const who = [req.query.accountId, req.query.username].find((v) => typeof v === 'string' && v !== '');
      if (typeof who !== 'string') throw badRequest('', { accountId: 'You must specify the account ID of the user to remove.' });
      await written(j, () => a().groups.removeMember(j.actor, groupRef(req), who));
      res.status(200).end();
    },
    'both',
  );

  serve(
    r,
    ctx,
    'post',
    '/role',
    async (j, req) => {
      const body = bodyObj(req);
      const role = await written(j, () => a().roles.create(j.actor, { name: body.name, description: body.description }));
      return roleJson(j, undefined, role.id);
    },
    'both',
  );
  for (const [method, full] of [
    ['put', true],
    ['post', false],
  ] as const) {
    serve(
      r,
      ctx,
      method,
      '/role/:id',
      async (j, req) => {
        const body = bodyObj(req);
        const role = await written(j, () =>
          a().roles.update(j.actor, String(req.params.id), { name: body.name, description: body.description }, full),
        );
        return roleJson(j, undefined, role.id);
      },
      'both',
    );
  }
  serve(
    r,
    ctx,
    'delete',
    '/role/:id',
    async (j, req, res) => {
      const swap = typeof req.query.swap === 'string' && req.query.swap !== '' ? req.query.swap : undefined;
      await written(j, () => a().roles.delete(j.actor, String(req.params.id), swap));
      res.status(204).end();
    },
    'both',
  );

  const project = (_j: J, req: Request) => String(req.params.key);
  serve(
    r,
    ctx,
    'post',
    '/project/:key/role/:id',
    async (j, req) => {
      const body = bodyObj(req);
      const input = { users: strings(body.user), groups: [...strings(body.group), ...strings(body.groupId)] };
      if (!input.users.length && !input.groups.length) throw badRequest('Specify at least one user or group to add to the project role.');
      await written(j, () => a().roleActors.add(j.actor, project(j, req), String(req.params.id), input));
      return roleJson(j, j.ctx.tracker.project(project(j, req)), String(req.params.id));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/project/:key/role/:id',
    async (j, req) => {
      const body = bodyObj(req);
      const cat = isObj(body.categorisedActors) ? body.categorisedActors : {};
      const input = {
        users: strings(cat['atlassian-user-role-actor']),
        groups: [...strings(cat['atlassian-group-role-actor']), ...strings(cat['atlassian-group-role-actor-id'])],
      };
      await written(j, () => a().roleActors.set(j.actor, project(j, req), String(req.params.id), input));
      return roleJson(j, j.ctx.tracker.project(project(j, req)), String(req.params.id));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/project/:key/role/:id',
    async (j, req, res) => {
      const input = { users: strings(req.query.user), groups: [...strings(req.query.group), ...strings(req.query.groupId)] };
      if (!input.users.length && !input.groups.length) throw badRequest('Specify the user or the group to remove from the project role.');
      await written(j, () => a().roleActors.remove(j.actor, project(j, req), String(req.params.id), input));
      res.status(204).end();
    },
    'both',
  );
};
