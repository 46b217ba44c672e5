/** Projects: lists (bare array and page), one project, components, versions, roles and role actors. */
import type { Router } from 'express';
import { issueTypesOf, type Project } from '../../model/index.ts';
import type { SandboxContext } from '../context.ts';
import { notFound } from './errors.ts';
import { pageOf, q, qList, requireAdmin, route, type J } from './handler.ts';
import { componentJson, issueTypeJson, projectRef, userById, versionJson } from './render-basic.ts';
import { projectOr404, visibleProjects } from './visibility.ts';

export const projectJson = (j: J, p: Project, expand: readonly string[] = ['description', 'lead', 'issueTypes']) => {
  const tr = j.ctx.tracker;
  const all = expand.includes('*all');
  const has = (x: string) => all || expand.includes(x);
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    ...projectRef(j, p),
    ...(has('description') ? { description: p.description ?? '' } : {}),
    ...(has('lead') ? { lead: userById(j, p.lead) ?? undefined } : {}),
    ...(has('issueTypes')
      ? {
          issueTypes: issueTypesOf(tr.config, p).flatMap((id) => {
            const t = tr.issueType(id);
            return t ? [issueTypeJson(j, t)] : [];
          }),
        }
      : {}),
    style: 'classic',
    isPrivate: false,
    archived: p.archived,
    properties: {},
  };
};

const roleUrls = (j: J, p: Project) => Object.fromEntries(j.ctx.tracker.config.roles.map((r) => [r.name, `${j.api}/project/${p.id}/role/${r.id}`]));

export const roleJson = (j: J, p: Project | undefined, roleId: string) => {
  const tr = j.ctx.tracker;
  const role = tr.config.roles.find((r) => r.id === roleId);
  if (!role) throw notFound(`Can not retrieve a role actor for a null project role.`);
  const actors = p?.roles.find((r) => r.role === roleId)?.actors ?? [];
  return {
    self: p ? `${j.api}/project/${p.id}/role/${role.id}` : `${j.api}/role/${role.id}`,
    name: role.name,
    id: Number(role.id) || role.id,
    description: role.description ?? '',
    ...(p
      ? {
          actors: actors.map((a, n) => {
            if (a.type === 'user') {
              const u = tr.user(a.id);
              return {
                id: n + 1,
                displayName: u?.displayName ?? a.id,
                type: 'atlassian-user-role-actor',
                actorUser: j.dc ? { name: a.id } : { accountId: a.id },
              };
            }
            const g = tr.group(a.id);
            return {
              id: n + 1,
              displayName: g?.name ?? a.id,
              type: 'atlassian-group-role-actor',
              name: g?.name ?? a.id,
              actorGroup: { name: g?.name ?? a.id, displayName: g?.name ?? a.id, groupId: a.id },
            };
          }),
        }
      : {}),
  };
};

export const projectRoutes = (r: Router, ctx: SandboxContext): void => {
  const expandOf = (j: J) => qList(j.req, 'expand');
  r.get(
    '/project',
    route(ctx, (j) => visibleProjects(j).map((p) => projectJson(j, p, expandOf(j).length ? expandOf(j) : ['description', 'lead', 'issueTypes']))),
  );
  r.get(
    '/project/search',
    route(ctx, (j) => {
      const keys = qList(j.req, 'keys');
      const ids = qList(j.req, 'id');
      const text = (q(j.req, 'query') ?? '').toLowerCase();
      const list = visibleProjects(j).filter(
        (p) =>
          (!keys.length || keys.includes(p.key)) &&
          (!ids.length || ids.includes(p.id)) &&
          (!text || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text)),
      );
      return pageOf(j, list, (p) => projectJson(j, p, expandOf(j)));
    }),
  );
  r.get(
    '/project/:key',
    route(ctx, (j, req) => {
      const p = projectOr404(j, String(req.params.key));
      return {
        ...projectJson(j, p, ['description', 'lead', 'issueTypes']),
        components: p.components.map((c) => componentJson(j, p, c)),
        versions: p.versions.map((v) => versionJson(j, p, v)),
        assigneeType: 'UNASSIGNED',
        roles: roleUrls(j, p),
      };
    }),
  );
  r.get(
    '/project/:key/components',
    route(ctx, (j, req) => {
      const p = projectOr404(j, String(req.params.key));
      return p.components.map((c) => componentJson(j, p, c));
    }),
  );
  r.get(
    '/project/:key/component',
    route(ctx, (j, req) => {
      const p = projectOr404(j, String(req.params.key));
      return pageOf(j, p.components, (c) => componentJson(j, p, c));
    }),
  );
  r.get(
    '/project/:key/versions',
    route(ctx, (j, req) => {
      const p = projectOr404(j, String(req.params.key));
      return p.versions.map((v) => versionJson(j, p, v));
    }),
  );
  r.get(
    '/project/:key/version',
    route(ctx, (j, req) => {
      const p = projectOr404(j, String(req.params.key));
      return pageOf(j, p.versions, (v) => versionJson(j, p, v));
    }),
  );
  r.get(
    '/project/:key/role',
    route(ctx, (j, req) => roleUrls(j, projectOr404(j, String(req.params.key)))),
  );
  r.get(
    '/project/:key/role/:id',
    route(ctx, (j, req) => roleJson(j, projectOr404(j, String(req.params.key)), String(req.params.id))),
  );
  r.get(
    '/role',
    // Jira: administrators only (anonymous 401, everybody else 403).
    route(ctx, (j) => {
      requireAdmin(j);
      return j.ctx.tracker.config.roles.map((role) => roleJson(j, undefined, role.id));
    }),
  );
  r.get(
    '/role/:id',
    route(ctx, (j, req) => {
      requireAdmin(j);
      return roleJson(j, undefined, String(req.params.id));
    }),
  );
};
