/** Reads everyday scripts use: a group with its users, every permission (versions and components by id: admin/project-part-routes.ts). */
import type { Router } from 'express';
import type { SandboxContext } from '../context.ts';
import { badRequest, notFound } from './errors.ts';
import { intParam } from '../../jira-wire/index.ts';
import { q, qList, requireAdmin, requireUser, route } from './handler.ts';
import { PERMISSIONS } from './permission-catalog.ts';
import { userJson } from './render-basic.ts';

export const readRoutes = (r: Router, ctx: SandboxContext): void => {
  /** Deprecated but served (and in the OpenAPI): the group, with `expand=users` a page of its members. */
  r.get(
    '/group',
    route(ctx, (j) => {
      requireAdmin(j);
      const ref = q(j.req, 'groupId') ?? q(j.req, 'groupname');
      if (!ref) throw badRequest('The groupname or groupId query parameter is required.');
      const g = j.ctx.tracker.groupByRef(ref);
      if (!g) throw notFound(`Specified group does not exist.`);
      const members = j.ctx.tracker.config.users.filter((u) => u.groups.includes(g.id) && u.active);
      const self = `${j.api}/group?groupId=${encodeURIComponent(g.id)}`;
      const expand = qList(j.req, 'expand');
      const m = /^users\[(\d+):(\d+)\]$/.exec(expand.find((e) => e.startsWith('users')) ?? '');
      const start = m ? intParam(m[1], 0, Number.MAX_SAFE_INTEGER) : 0;
      const end = m ? Math.min(intParam(m[2], 49, Number.MAX_SAFE_INTEGER) + 1, start + 50) : 50;
      const page = members.slice(start, end);
      return {
        name: g.name,
        groupId: g.id,
        self,
        expand: 'users',
        users: expand.some((e) => e.startsWith('users'))
          ? {
              size: members.length,
              items: page.map((u) => userJson(j, u)),
              'max-results': 50,
              'start-index': start,
              'end-index': start + Math.max(page.length - 1, 0),
            }
          : { size: members.length, items: [], 'max-results': 50, 'start-index': 0, 'end-index': 0 },
      };
    }),
  );

  r.get(
    '/permissions',
    route(ctx, (j) => {
      requireUser(j);
      return { permissions: Object.fromEntries(PERMISSIONS.map((p) => [p.key, p])) };
    }),
  );
};
