/** People: one user, user search, assignable users, group members, groups. Signed-in callers only. */
import type { Router } from 'express';
import type { User } from '../../model/index.ts';
import type { SandboxContext } from '../context.ts';
import { badRequest, notFound } from './errors.ts';
import { arrayPage } from '../../jira-wire/index.ts';
import { pageOf, q, requireUser, route, windowOf, type J } from './handler.ts';
import { groupJson, userJson } from './render-basic.ts';
import { projectOr404 } from './visibility.ts';

const matches = (u: User, text: string) =>
  !text || u.displayName.toLowerCase().includes(text) || u.email.toLowerCase().includes(text) || u.accountId.toLowerCase() === text;

/** A bare array slice (`startAt`, `maxResults`), as the legacy user lists answer. */
const slice = <T>(j: J, list: T[]): T[] => arrayPage(list, windowOf(j));

export const peopleRoutes = (r: Router, ctx: SandboxContext): void => {
  const users = (j: J) => j.ctx.tracker.config.users;
  r.get(
    '/user',
    route(ctx, (j) => {
      requireUser(j);
      const ref = q(j.req, 'accountId') ?? q(j.req, 'username') ?? q(j.req, 'key');
      if (!ref) throw badRequest('The accountId query parameter needs to be provided.');
      const u = j.ctx.tracker.user(ref);
      if (!u) throw notFound(`Specified user does not exist or you do not have required permissions`);
      return {
        ...userJson(j, u),
        groups: { size: u.groups.length, items: [] },
        applicationRoles: { size: 1, items: [] },
        expand: 'groups,applicationRoles',
      };
    }),
  );
  r.get(
    '/user/groups',
    route(ctx, (j) => {
      requireUser(j);
      const u = j.ctx.tracker.user(q(j.req, 'accountId') ?? q(j.req, 'username') ?? '');
      if (!u) throw notFound(`Specified user does not exist or you do not have required permissions`);
      return u.groups.flatMap((id) => {
        const g = j.ctx.tracker.group(id);
        return g ? [groupJson(j, g)] : [];
      });
    }),
  );
  r.get(
    ['/user/search', '/users/search', '/users'],
    route(ctx, (j) => {
      requireUser(j);
      const text = (q(j.req, 'query') ?? q(j.req, 'username') ?? '').toLowerCase();
      const id = q(j.req, 'accountId');
      return slice(
        j,
        users(j)
          .filter((u) => (id ? u.accountId === id : matches(u, text)) && (u.active || j.req.path !== '/user/search'))
          .map((u) => userJson(j, u)),
      );
    }),
  );
  r.get(
    '/user/assignable/search',
    route(ctx, (j) => {
      requireUser(j);
      const issueKey = q(j.req, 'issueKey');
      const issue = issueKey ? j.ctx.tracker.getIssue(j.actor, issueKey) : undefined;
      const projectKey = issue?.project ?? q(j.req, 'project');
      if (!projectKey) throw badRequest('The project or issueKey query parameter needs to be provided.');
      // A project the caller cannot browse is answered like one that does not exist, as Jira does.
      const p = projectOr404(j, projectKey);
      const text = (q(j.req, 'query') ?? q(j.req, 'username') ?? '').toLowerCase();
      return slice(
        j,
        users(j)
          .filter((u) => u.active && matches(u, text) && j.ctx.tracker.can(u.accountId, 'ASSIGNABLE_USER', p.key, issue))
          .map((u) => userJson(j, u)),
      );
    }),
  );
  r.get(
    '/group/member',
    route(ctx, (j) => {
      requireUser(j);
      const ref = q(j.req, 'groupId') ?? q(j.req, 'groupname') ?? '';
      const g = j.ctx.tracker.groupByRef(ref);
      if (!g) throw notFound(`Specified group does not exist.`);
      const inactive = q(j.req, 'includeInactiveUsers') === 'true';
      return pageOf(
        j,
        users(j).filter((u) => u.groups.includes(g.id) && (inactive || u.active)),
        (u) => userJson(j, u),
      );
    }),
  );
  r.get(
    '/group/bulk',
    route(ctx, (j) => {
      requireUser(j);
      return pageOf(j, j.ctx.tracker.config.groups, (g) => ({ name: g.name, groupId: g.id }));
    }),
  );
  r.get(
    '/groups/picker',
    route(ctx, (j) => {
      requireUser(j);
      const text = (q(j.req, 'query') ?? '').toLowerCase();
      const groups = j.ctx.tracker.config.groups.filter((g) => g.name.toLowerCase().includes(text));
      return {
        header: `Showing ${groups.length} of ${groups.length} matching groups`,
        total: groups.length,
        groups: groups.map((g) => ({ name: g.name, html: g.name, groupId: g.id, labels: [] })),
      };
    }),
  );
};
