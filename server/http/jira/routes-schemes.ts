/** Permission schemes with grants, notification schemes, the caller's permissions. */
import type { Router } from 'express';
import type {
  GlobalPermission,
  NotificationEvent,
  NotificationScheme,
  PermissionGrant,
  PermissionScheme,
  Project,
  ProjectPermission,
} from '../../model/index.ts';
import { permissionInfo } from './permission-catalog.ts';
import type { SandboxContext } from '../context.ts';
import { notificationId } from '../../tracker/index.ts';
import { badRequest, notFound } from './errors.ts';
import { numId, pageOf, q, qList, requireAdmin, route, type J } from './handler.ts';
import { projectOr404 } from './visibility.ts';

/** Model holder type → Jira's; "any logged-in user" is Jira Cloud's applicationRole without a parameter. */
export const HOLDER = {
  anyone: 'anyone',
  loggedIn: 'applicationRole',
  group: 'group',
  projectRole: 'projectRole',
  user: 'user',
  reporter: 'reporter',
  assignee: 'assignee',
  projectLead: 'projectLead',
} as const;

export const grantJson = (j: J, s: PermissionScheme, g: PermissionGrant) => {
  const group = g.holder.type === 'group' && g.holder.value ? j.ctx.tracker.group(g.holder.value) : undefined;
  const parameter = group ? group.name : g.holder.value;
  return {
    id: numId(g.id),
    self: `${j.api}/permissionscheme/${s.id}/permission/${g.id}`,
    holder: {
      type: HOLDER[g.holder.type],
      ...(parameter !== undefined ? { parameter } : {}),
      ...(g.holder.value !== undefined ? { value: g.holder.value } : {}),
    },
    permission: g.permission,
  };
};

export const permissionSchemeJson = (j: J, s: PermissionScheme, withGrants: boolean) => ({
  expand: 'permissions,user,group,projectRole,field,all',
  id: numId(s.id),
  self: `${j.api}/permissionscheme/${s.id}`,
  name: s.name,
  description: s.description ?? '',
  ...(withGrants ? { permissions: s.grants.map((g) => grantJson(j, s, g)) } : {}),
});

export const EVENTS: Record<NotificationEvent, { id: number; name: string }> = {
  created: { id: 1, name: 'Issue Created' },
  updated: { id: 2, name: 'Issue Updated' },
  assigned: { id: 3, name: 'Issue Assigned' },
  resolved: { id: 4, name: 'Issue Resolved' },
  closed: { id: 5, name: 'Issue Closed' },
  commented: { id: 6, name: 'Issue Commented' },
  reopened: { id: 7, name: 'Issue Reopened' },
  deleted: { id: 8, name: 'Issue Deleted' },
  transitioned: { id: 13, name: 'Generic Event' },
  worklogged: { id: 10, name: 'Work Logged On Issue' },
  commentEdited: { id: 14, name: 'Issue Comment Edited' },
  worklogUpdated: { id: 15, name: 'Issue Worklog Updated' },
  worklogDeleted: { id: 16, name: 'Issue Worklog Deleted' },
  commentDeleted: { id: 17, name: 'Issue Comment Deleted' },
};
export const RECIPIENT = {
  currentAssignee: 'CurrentAssignee',
  reporter: 'Reporter',
  currentUser: 'CurrentUser',
  projectLead: 'ProjectLead',
  componentLead: 'ComponentLead',
  user: 'User',
  group: 'Group',
  projectRole: 'ProjectRole',
  watchers: 'AllWatchers',
} as const;

export const notificationSchemeJson = (j: J, s: NotificationScheme) => ({
  expand: 'notificationSchemeEvents,user,group,projectRole,field,all',
  id: numId(s.id),
  self: `${j.api}/notificationscheme/${s.id}`,
  name: s.name,
  description: s.description ?? '',
  notificationSchemeEvents: s.events.map((e) => ({
    event: { id: EVENTS[e.event].id, name: EVENTS[e.event].name, description: '' },
    notifications: e.recipients.map((r) => {
      const group = r.type === 'group' && r.value ? j.ctx.tracker.group(r.value) : undefined;
      return {
        id: notificationId(e.event, r),
        notificationType: RECIPIENT[r.type],
        ...(r.value !== undefined ? { parameter: group ? group.name : r.value, recipient: r.value } : {}),
        ...(group ? { group: { name: group.name, groupId: group.id } } : {}),
      };
    }),
  })),
});

const schemeOf = <S extends { id: string }>(list: readonly S[], id: string, what: string): S => {
  const s = list.find((x) => x.id === id);
  if (!s) throw notFound(`The ${what} scheme with id '${id}' does not exist.`);
  return s;
};

export const schemeRoutes = (r: Router, ctx: SandboxContext): void => {
  const config = (j: J) => j.ctx.tracker.config;
  const expandsGrants = (j: J) => qList(j.req, 'expand').some((e) => e === 'permissions' || e === 'all');
  // Any user may read permission schemes (the OpenAPI: "Permission to access Jira"); notification schemes stay admin-only.
  r.get(
    '/permissionscheme',
    route(ctx, (j) => {
      return { permissionSchemes: config(j).permissionSchemes.map((s) => permissionSchemeJson(j, s, expandsGrants(j))) };
    }),
  );
  r.get(
    '/permissionscheme/:id',
    route(ctx, (j, req) => {
      return permissionSchemeJson(j, schemeOf(config(j).permissionSchemes, String(req.params.id), 'permission'), expandsGrants(j));
    }),
  );
  r.get(
    '/permissionscheme/:id/permission',
    route(ctx, (j, req) => {
      const s = schemeOf(config(j).permissionSchemes, String(req.params.id), 'permission');
      return { permissions: s.grants.map((g) => grantJson(j, s, g)) };
    }),
  );
  r.get(
    '/project/:key/permissionscheme',
    route(ctx, (j, req) => {
      const p = projectOr404(j, String(req.params.key));
      if (!j.ctx.tracker.can(j.actor, 'ADMINISTER_PROJECTS', p.key)) requireAdmin(j);
      return permissionSchemeJson(j, schemeOf(config(j).permissionSchemes, p.schemes.permissionScheme, 'permission'), expandsGrants(j));
    }),
  );
  r.get(
    '/notificationscheme',
    route(ctx, (j) => {
      requireAdmin(j);
      return pageOf(j, config(j).notificationSchemes, (s) => notificationSchemeJson(j, s));
    }),
  );
  r.get(
    '/notificationscheme/project',
    route(ctx, (j) => {
      requireAdmin(j);
      const ids = qList(j.req, 'projectId');
      return pageOf(
        j,
        config(j).projects.filter((p) => !ids.length || ids.includes(p.id)),
        (p: Project) => ({ notificationSchemeId: p.schemes.notificationScheme, projectId: p.id }),
      );
    }),
  );
  r.get(
    '/notificationscheme/:id',
    route(ctx, (j, req) => {
      requireAdmin(j);
      return notificationSchemeJson(j, schemeOf(config(j).notificationSchemes, String(req.params.id), 'notification'));
    }),
  );
  r.get(
    '/project/:key/notificationscheme',
    route(ctx, (j, req) => {
      const p = projectOr404(j, String(req.params.key));
      if (!j.ctx.tracker.can(j.actor, 'ADMINISTER_PROJECTS', p.key)) requireAdmin(j);
      return notificationSchemeJson(j, schemeOf(config(j).notificationSchemes, p.schemes.notificationScheme, 'notification'));
    }),
  );
  r.get(
    '/mypermissions',
    route(ctx, (j) => {
      const wanted = qList(j.req, 'permissions');
      if (!wanted.length) throw badRequest('The permissions query parameter is required.');
      const unknown = wanted.filter((k) => !permissionInfo(k));
      if (unknown.length) throw badRequest(`Unrecognized permission keys: ${unknown.join(', ')}`);
      const issueKey = q(j.req, 'issueKey') ?? q(j.req, 'issueId');
      const issue = issueKey ? j.ctx.tracker.getIssue(j.actor, issueKey) : undefined;
      const projectRef = issue?.project ?? q(j.req, 'projectKey') ?? q(j.req, 'projectId');
      const projects = projectRef ? [projectOr404(j, projectRef)] : config(j).projects;
      const permissions = Object.fromEntries(
        wanted.map((key) => {
          const info = permissionInfo(key)!;
          const have =
            info.type === 'GLOBAL'
              ? j.ctx.tracker.hasGlobal(j.actor, key as GlobalPermission)
              : projects.some((p) => j.ctx.tracker.can(j.actor, key as ProjectPermission, p.key, issue));
          return [key, { ...info, havePermission: have }];
        }),
      );
      return { permissions };
    }),
  );
};
