/** Identity and the catalogue: serverInfo, myself, statuses, categories, priorities, resolutions, issue types, link types. */
import type { Router } from 'express';
import type { SandboxContext } from '../context.ts';
import { issueTypesOf, workflowFor } from '../../model/index.ts';
import { notFound } from './errors.ts';
import { pageOf, q, requireUser, route, type J } from './handler.ts';
import { CATEGORY, categoryJson, issueTypeJson, priorityJson, resolutionJson, statusJson, userJson } from './render-basic.ts';
import { projectOr404 } from './visibility.ts';

const VERSION = {
  Cloud: { version: '1001.0.0-SNAPSHOT', numbers: [1001, 0, 0], build: 100_289 },
  DataCenter: { version: '9.12.0', numbers: [9, 12, 0], build: 9_120_000 },
};

export const serverInfoJson = (j: J) => {
  const v = VERSION[j.ctx.deploymentType];
  const now = j.ctx.tracker.now();
  return {
    baseUrl: j.base,
    displayUrl: j.base,
    version: v.version,
    versionNumbers: v.numbers,
    deploymentType: j.ctx.deploymentType,
    buildNumber: v.build,
    buildDate: '2025-01-01T00:00:00.000+0000',
    serverTime: now.replace('Z', '+0000'),
    scmInfo: 'understudy',
    serverTitle: j.ctx.tracker.config.tracker.title,
  };
};

const statusSearchJson = (_j: J, s: { id: string; name: string; category: keyof typeof CATEGORY; description?: string }) => ({
  id: s.id,
  name: s.name,
  description: s.description ?? '',
  scope: { type: 'GLOBAL' },
  statusCategory: s.category === 'todo' ? 'TODO' : s.category === 'done' ? 'DONE' : 'IN_PROGRESS',
});

export const metaRoutes = (r: Router, ctx: SandboxContext): void => {
  r.get(
    '/serverInfo',
    route(ctx, (j) => serverInfoJson(j)),
  );
  r.get(
    '/myself',
    route(ctx, (j) => {
      const me = j.ctx.tracker.user(requireUser(j));
      const user = userJson(j, me)!;
      const groups = (me?.groups ?? []).map((g) => j.ctx.tracker.group(g)).filter((g) => g !== undefined);
      return {
        ...user,
        locale: 'en_US',
        groups: { size: groups.length, items: groups.map((g) => ({ name: g.name, groupId: g.id, self: `${j.api}/group?groupId=${g.id}` })) },
        applicationRoles: { size: 1, items: [] },
        expand: 'groups,applicationRoles',
      };
    }),
  );

  r.get(
    '/status',
    route(ctx, (j) => j.ctx.tracker.config.statuses.map((s) => statusJson(j, s))),
  );
  r.get(
    '/status/:idOrName',
    route(ctx, (j, req) => {
      const ref = String(req.params.idOrName);
      const s =
        j.ctx.tracker.config.statuses.find((x) => x.id === ref) ??
        j.ctx.tracker.config.statuses.find((x) => x.name.toLowerCase() === ref.toLowerCase());
      if (!s) throw notFound(`The status with id '${ref}' does not exist`);
      return statusJson(j, s);
    }),
  );
  r.get(
    '/statuses/search',
    route(ctx, (j) => {
      const text = (q(j.req, 'searchString') ?? '').toLowerCase();
      return pageOf(
        j,
        j.ctx.tracker.config.statuses.filter((s) => s.name.toLowerCase().includes(text)),
        (s) => statusSearchJson(j, s),
        200,
      );
    }),
  );
  r.get(
    '/statuscategory',
    route(ctx, (j) => [
      { self: `${j.api}/statuscategory/1`, id: 1, key: 'undefined', colorName: 'medium-gray', name: 'No Category' },
      ...(['todo', 'in-progress', 'done'] as const).map((c) => categoryJson(j, c)),
    ]),
  );
  r.get(
    '/statuscategory/:idOrKey',
    route(ctx, (j, req) => {
      const ref = String(req.params.idOrKey);
      const c = (['todo', 'in-progress', 'done'] as const).find((k) => String(CATEGORY[k].id) === ref || CATEGORY[k].key === ref);
      if (!c) throw notFound(`The status category with id '${ref}' does not exist`);
      return categoryJson(j, c);
    }),
  );
  r.get(
    '/project/:key/statuses',
    route(ctx, (j, req) => {
      const p = projectOr404(j, String(req.params.key));
      const config = j.ctx.tracker.config;
      return issueTypesOf(config, p).flatMap((id) => {
        const t = j.ctx.tracker.issueType(id);
        const wf = workflowFor(config, p, id);
        if (!t) return [];
        return [
          {
            self: `${j.api}/issuetype/${t.id}`,
            id: t.id,
            name: t.name,
            subtask: t.subtask,
            statuses: (wf?.statuses ?? []).flatMap((ws) => {
              const s = j.ctx.tracker.status(ws.status);
              return s ? [statusJson(j, s)] : [];
            }),
          },
        ];
      });
    }),
  );

  r.get(
    '/priority',
    route(ctx, (j) => j.ctx.tracker.config.priorities.map((p) => priorityJson(j, p))),
  );
  r.get(
    '/priority/search',
    route(ctx, (j) => pageOf(j, j.ctx.tracker.config.priorities, (p) => priorityJson(j, p))),
  );
  r.get(
    '/priority/:id',
    route(ctx, (j, req) => {
      const p = j.ctx.tracker.priority(String(req.params.id));
      if (!p) throw notFound(`Cannot find priority with id: ${String(req.params.id)}`);
      return priorityJson(j, p);
    }),
  );
  r.get(
    '/resolution',
    route(ctx, (j) => j.ctx.tracker.config.resolutions.map((x) => resolutionJson(j, x))),
  );
  r.get(
    '/resolution/search',
    route(ctx, (j) => pageOf(j, j.ctx.tracker.config.resolutions, (x) => ({ ...resolutionJson(j, x), isDefault: false }))),
  );
  r.get(
    '/resolution/:id',
    route(ctx, (j, req) => {
      const x = j.ctx.tracker.resolution(String(req.params.id));
      if (!x) throw notFound(`Cannot find resolution with id: ${String(req.params.id)}`);
      return resolutionJson(j, x);
    }),
  );
  r.get(
    '/issuetype',
    route(ctx, (j) => j.ctx.tracker.config.issueTypes.map((t) => issueTypeJson(j, t))),
  );
  r.get(
    '/issuetype/:id',
    route(ctx, (j, req) => {
      const t = j.ctx.tracker.issueType(String(req.params.id));
      if (!t) throw notFound('The issue type selected is invalid.');
      return issueTypeJson(j, t);
    }),
  );
  r.get(
    '/issueLinkType',
    route(ctx, (j) => ({
      issueLinkTypes: j.ctx.tracker.config.issueLinkTypes.map((t) => ({
        id: t.id,
        name: t.name,
        inward: t.inward,
        outward: t.outward,
        self: `${j.api}/issueLinkType/${t.id}`,
      })),
    })),
  );
};
