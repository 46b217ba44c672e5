/**
 * Permission schemes and grants (Cloud and DC) and notification schemes (Cloud): holders and
 * recipients in Jira's forms (type + parameter) turned into the model's, the inverse of
 * routes-schemes.ts's rendering.
 */
import type { Router } from 'express';
import type { NotificationEvent, PermissionHolderType, RecipientType } from '../../../model/index.ts';
import type { PermissionHolder } from '../../../model/index.ts';
import type { SandboxContext } from '../../context.ts';
import type { EventNotifications, GrantInput } from '../../../tracker/index.ts';
import { badRequest } from '../errors.ts';
import { numId, type J } from '../handler.ts';
import { EVENTS, grantJson, HOLDER, permissionSchemeJson, RECIPIENT } from '../routes-schemes.ts';
import { bodyObj, isObj, list, objAt, optStr, reqStr, serve, written, type Obj } from './wire.ts';

const groupId = (j: J, ref: string | undefined): string | undefined =>
  ref === undefined ? undefined : (j.ctx.tracker.admin.groups.find(ref)?.id ?? ref);

const holderOf = (j: J, h: Obj): PermissionHolder => {
  const type = String(h.type ?? '');
  const parameter = optStr(h, 'value') ?? optStr(h, 'parameter');
  if (type === 'applicationRole') {
    if (optStr(h, 'parameter'))
      throw badRequest(
        `Grants to the application role '${optStr(h, 'parameter')}' are not modelled by the Understudy sandbox: only 'any logged-in user' (applicationRole without a parameter).`,
      );
    return { type: 'loggedIn' };
  }
  const model = (Object.entries(HOLDER) as Array<[PermissionHolderType, string]>).find(([, jira]) => jira === type)?.[0];
  if (!model) throw badRequest(`The holder type '${type}' is not one the Understudy sandbox models (${Object.values(HOLDER).join(', ')}).`);
  if (model === 'group') return { type: 'group', value: groupId(j, optStr(h, 'value') ?? optStr(h, 'parameter')) ?? '' };
  if (model === 'projectRole' || model === 'user') {
    if (!parameter) throw badRequest(`A ${type} holder needs a parameter.`);
    return { type: model, value: parameter };
  }
  return { type: model };
};

const grantsOf = (j: J, body: Obj): GrantInput[] =>
  list(body, 'permissions', false).map((g, i) => {
    const o = objAt(g, `permissions[${i}]`);
    return { permission: reqStr(o, 'permission'), holder: holderOf(j, objAt(o.holder, `permissions[${i}].holder`)) };
  });

const eventOf = (id: unknown): NotificationEvent => {
  const hit = (Object.entries(EVENTS) as Array<[NotificationEvent, { id: number }]>).find(([, e]) => String(e.id) === String(id));
  if (!hit) throw badRequest(`Event type with ID ${String(id)} not found.`);
  return hit[0];
};

const eventsOf = (j: J, body: Obj): EventNotifications[] =>
  list(body, 'notificationSchemeEvents', false).map((e, i) => {
    const o = objAt(e, `notificationSchemeEvents[${i}]`);
    const event = eventOf(isObj(o.event) ? o.event.id : o.event);
    return {
      event,
      recipients: list(o, 'notifications').map((n, k) => {
        const x = objAt(n, `notificationSchemeEvents[${i}].notifications[${k}]`);
        const type = (Object.entries(RECIPIENT) as Array<[RecipientType, string]>).find(([, jira]) => jira === x.notificationType)?.[0];
        if (!type)
          throw badRequest(
            `The notification type '${String(x.notificationType)}' is not one the Understudy sandbox models (${Object.values(RECIPIENT).join(', ')}).`,
          );
        const parameter = optStr(x, 'parameter');
        if (['user', 'group', 'projectRole'].includes(type) && !parameter)
          throw badRequest(`A ${String(x.notificationType)} notification needs a parameter.`);
        return type === 'group'
          ? { type, value: groupId(j, parameter)! }
          : ['user', 'projectRole'].includes(type)
            ? { type, value: parameter! }
            : { type };
      }),
    };
  });

export const schemeAdminRoutes = (r: Router, ctx: SandboxContext): void => {
  const ps = () => ctx.tracker.admin.permissionSchemes;
  const ns = () => ctx.tracker.admin.notificationSchemes;
  serve(
    r,
    ctx,
    'post',
    '/permissionscheme',
    async (j, req, res) => {
      const body = bodyObj(req);
      const s = await written(j, () => ps().create(j.actor, { name: body.name, description: body.description, grants: grantsOf(j, body) }));
      res.status(201).json(permissionSchemeJson(j, s, true));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/permissionscheme/:id',
    async (j, req) => {
      const body = bodyObj(req);
      const s = await written(j, () =>
        ps().update(j.actor, String(req.params.id), {
          name: body.name,
          description: body.description,
          ...(body.permissions !== undefined ? { grants: grantsOf(j, body) } : {}),
        }),
      );
      return permissionSchemeJson(j, s, true);
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/permissionscheme/:id',
    async (j, req, res) => {
      await written(j, () => ps().delete(j.actor, String(req.params.id)));
      res.status(204).end();
    },
    'both',
  );
  serve(
    r,
    ctx,
    'post',
    '/permissionscheme/:id/permission',
    async (j, req, res) => {
      const body = bodyObj(req);
      const input = { permission: reqStr(body, 'permission'), holder: holderOf(j, objAt(body.holder, 'holder')) };
      const g = await written(j, () => ps().addGrant(j.actor, String(req.params.id), input));
      const scheme = ps()
        .list()
        .find((s) => s.id === String(req.params.id))!;
      res.status(201).json(grantJson(j, scheme, g));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'get',
    '/permissionscheme/:id/permission/:grant',
    (j, req) => {
      const g = ps().grant(j.actor, String(req.params.id), String(req.params.grant));
      return grantJson(
        j,
        ps()
          .list()
          .find((s) => s.id === String(req.params.id))!,
        g,
      );
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/permissionscheme/:id/permission/:grant',
    async (j, req, res) => {
      await written(j, () => ps().deleteGrant(j.actor, String(req.params.id), String(req.params.grant)));
      res.status(204).end();
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/project/:key/permissionscheme',
    async (j, req) => {
      const id = reqStr(bodyObj(req), 'id');
      return permissionSchemeJson(j, await written(j, () => ps().assign(j.actor, String(req.params.key), id)), false);
    },
    'both',
  );

  serve(r, ctx, 'post', '/notificationscheme', async (j, req, res) => {
    const body = bodyObj(req);
    const s = await written(j, () => ns().create(j.actor, { name: body.name, description: body.description, events: eventsOf(j, body) }));
    res.status(201).json({ id: String(numId(s.id)) });
  });
  serve(r, ctx, 'put', '/notificationscheme/:id', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () => ns().update(j.actor, String(req.params.id), { name: body.name, description: body.description }));
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/notificationscheme/:id/notification', async (j, req, res) => {
    const events = eventsOf(j, bodyObj(req));
    await written(j, () => ns().addNotifications(j.actor, String(req.params.id), events));
    res.status(204).end();
  });
  serve(r, ctx, 'delete', '/notificationscheme/:id/notification/:notification', async (j, req, res) => {
    await written(j, () => ns().deleteNotification(j.actor, String(req.params.id), String(req.params.notification)));
    res.status(204).end();
  });
  serve(r, ctx, 'delete', '/notificationscheme/:id', async (j, req, res) => {
    await written(j, () => ns().delete(j.actor, String(req.params.id)));
    res.status(204).end();
  });
};
