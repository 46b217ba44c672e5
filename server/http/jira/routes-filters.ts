/** Saved filters: search (page), one filter, my / favourite filters (bare arrays). Visibility follows the shares. */
import type { Router } from 'express';
import type { SavedFilter } from '../../model/index.ts';
import type { SandboxContext } from '../context.ts';
import { notFound } from './errors.ts';
import { numId, pageOf, q, qList, route, type J } from './handler.ts';
import { groupJson, projectRef, userById } from './render-basic.ts';

/** The tracker's rule (server/tracker/filter-visibility.ts), so JQL's `filter =` and the REST API agree. */
export const canSeeFilter = (j: J, f: SavedFilter): boolean => j.ctx.tracker.canSeeFilter(j.actor, f);

const shareJson = (j: J, s: SavedFilter['shares'][number], n: number) => {
  const tr = j.ctx.tracker;
  const base = { id: n + 1, type: s.type === 'authenticated' ? 'authenticated' : s.type };
  switch (s.type) {
    case 'group': {
      const g = s.value ? tr.group(s.value) : undefined;
      return { ...base, group: g ? groupJson(j, g) : { name: s.value } };
    }
    case 'project': {
      const p = s.value ? j.ctx.tracker.project(s.value) : undefined;
      return { ...base, ...(p ? { project: projectRef(j, p) } : {}) };
    }
    case 'projectRole': {
      const r = tr.config.roles.find((x) => x.id === s.value);
      return {
        ...base,
        role: { self: `${j.api}/role/${s.value}`, id: numId(s.value ?? ''), name: r?.name ?? s.value, description: r?.description ?? '' },
      };
    }
    case 'user': {
      // A share names its user as Jira's UserBean: no e-mail address, time zone or account type.
      const u = userById(j, s.value);
      if (!u) return { ...base, user: null };
      const { emailAddress: _e, timeZone: _t, accountType: _a, ...bean } = u;
      return { ...base, user: bean };
    }
    default:
      return base;
  }
};

export const filterJson = (j: J, f: SavedFilter, expand: readonly string[] = ['jql', 'owner', 'sharePermissions']) => {
  const has = (x: string) => expand.includes(x) || expand.includes('*all');
  return {
    self: `${j.api}/filter/${f.id}`,
    id: f.id,
    name: f.name,
    description: f.description ?? '',
    ...(has('owner') ? { owner: userById(j, f.owner) ?? undefined } : {}),
    ...(has('jql') ? { jql: f.jql } : {}),
    viewUrl: `${j.base}/issues/?filter=${f.id}`,
    searchUrl: `${j.api}/search/jql?jql=${encodeURIComponent(f.jql)}`,
    favourite: j.actor !== null && j.ctx.tracker.admin.filters.favouritedBy(f.id).includes(j.actor),
    favouritedCount: j.ctx.tracker.admin.filters.favouritedBy(f.id).length,
    ...(has('sharePermissions') ? { sharePermissions: f.shares.map((s, n) => shareJson(j, s, n)) } : {}),
    editPermissions: [],
  };
};

export const filterRoutes = (r: Router, ctx: SandboxContext): void => {
  const visible = (j: J) => j.ctx.tracker.config.filters.filter((f) => canSeeFilter(j, f));
  r.get(
    '/filter/search',
    route(ctx, (j) => {
      const name = (q(j.req, 'filterName') ?? '').toLowerCase();
      const ids = qList(j.req, 'id');
      const owner = q(j.req, 'accountId') ?? q(j.req, 'owner');
      const list = visible(j).filter(
        (f) => (!name || f.name.toLowerCase().includes(name)) && (!ids.length || ids.includes(f.id)) && (!owner || f.owner === owner),
      );
      const expand = qList(j.req, 'expand');
      return pageOf(j, list, (f) => filterJson(j, f, expand));
    }),
  );
  r.get(
    '/filter/my',
    route(ctx, (j) =>
      visible(j)
        .filter((f) => f.owner === j.actor)
        .map((f) => filterJson(j, f)),
    ),
  );
  r.get(
    '/filter/favourite',
    route(ctx, (j) =>
      visible(j)
        .filter((f) => j.actor !== null && j.ctx.tracker.admin.filters.favouritedBy(f.id).includes(j.actor))
        .map((f) => filterJson(j, f)),
    ),
  );
  r.get(
    '/filter/:id',
    route(ctx, (j, req) => {
      const f = j.ctx.tracker.config.filters.find((x) => x.id === String(req.params.id));
      if (!f || !canSeeFilter(j, f))
        throw notFound(`The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.`);
      return filterJson(j, f);
    }),
  );
};
