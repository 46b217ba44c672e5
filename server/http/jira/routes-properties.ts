/** Entity properties of issues, projects and users: keys, get, set (201 created / 200 replaced), delete. */
import type { Router } from 'express';
import type { PropertyOwner } from '../../tracker/index.ts';
import type { SandboxContext } from '../context.ts';
import { badRequest } from './errors.ts';
import { q, route, type J } from './handler.ts';

type Owner = { path: string; owner: (j: J, params: Record<string, string>) => PropertyOwner; self: (j: J, params: Record<string, string>) => string };

const OWNERS: Owner[] = [
  { path: '/issue/:key/properties', owner: (_j, p) => ({ kind: 'issue', key: p.key! }), self: (j, p) => `${j.api}/issue/${p.key}/properties` },
  { path: '/project/:key/properties', owner: (_j, p) => ({ kind: 'project', key: p.key! }), self: (j, p) => `${j.api}/project/${p.key}/properties` },
  {
    path: '/user/properties',
    owner: (j) => {
      const id = q(j.req, 'accountId') ?? (j.ctx.strict ? undefined : (q(j.req, 'username') ?? q(j.req, 'userKey')));
      if (!id) throw badRequest('The accountId query parameter is required.');
      return { kind: 'user', accountId: id };
    },
    self: (j) => `${j.api}/user/properties`,
  },
];

export const propertyRoutes = (r: Router, ctx: SandboxContext): void => {
  for (const o of OWNERS) {
    const params = (req: { params: Record<string, unknown> }) => Object.fromEntries(Object.entries(req.params).map(([k, v]) => [k, String(v)]));
    r.get(
      o.path,
      route(ctx, (j, req) => {
        const p = params(req);
        return {
          keys: j.ctx.tracker.propertyKeys(j.actor, o.owner(j, p)).map((key) => ({ self: `${o.self(j, p)}/${encodeURIComponent(key)}`, key })),
        };
      }),
    );
    r.get(
      `${o.path}/:propertyKey`,
      route(ctx, (j, req) => {
        const p = params(req);
        return { key: p.propertyKey!, value: j.ctx.tracker.property(j.actor, o.owner(j, p), p.propertyKey!) };
      }),
    );
    r.put(
      `${o.path}/:propertyKey`,
      route(ctx, async (j, req, res) => {
        const p = params(req);
        // Jira refuses an empty body (a property's value is JSON: an object, a list, a string, a number, a boolean or null).
        const sent = req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;
        if (req.body === undefined || !sent)
          throw badRequest(
            'The property value is empty: send its JSON value as the body (an object, a list, a string, a number, true, false or null).',
          );
        const isCreated = await j.ctx.write(() => j.ctx.tracker.setProperty(j.actor, o.owner(j, p), p.propertyKey!, req.body));
        res.status(isCreated ? 201 : 200).json({});
      }),
    );
    r.delete(
      `${o.path}/:propertyKey`,
      route(ctx, async (j, req, res) => {
        const p = params(req);
        await j.ctx.write(() => j.ctx.tracker.deleteProperty(j.actor, o.owner(j, p), p.propertyKey!));
        res.status(204).end();
      }),
    );
  }
};
