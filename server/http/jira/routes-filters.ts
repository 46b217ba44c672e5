/** Saved filters: search (page), one filter, my / favourite filters (bare arrays). Visibility follows the shares. */
import type { Router } from 'express';
import type { SavedFilter } from '../../model/types.ts';
import type { SandboxContext } from '../context.ts';
import { notFound } from './errors.ts';
import { numId, pageOf, q, qList, route, type J } from './handler.ts';
import { groupJson, projectRef, userById } from './render-basic.ts';

export const canSeeFilter = (j: J, f: SavedFilter): boolean => {
  const t = j.ctx.tracker;
  if (j.actor !== null && (f.owner === j.actor || t.isAdmin(j.actor))) return true;
  return f.shares.some((s) => {
    switch (s.type) {
      case 'global': return true;
      case 'authenticated': return j.actor !== null;
      case 'group': return s.value !== undefined && t.lookups.inGroup(j.actor, s.value);
      case 'project': return s.value !== undefined && t.can(j.actor, 'BROWSE_PROJECTS', s.value);
      case 'projectRole': return j.actor !== null && s.value !== undefined && t.state.config.projects.some((p) => t.lookups.roleHolders(p, s.value!).has(j.actor!));
      case 'user': return s.value === j.actor;
    }
  });
};

const shareJson = (j: J, s: SavedFilter['shares'][number], n: number) => {
  const ix = j.ctx.tracker.lookups;
  const base = { id: n + 1, type: s.type === 'authenticated' ? 'authenticated' : s.type };
  switch (s.type) {
    case 'group': { const g = s.value ? ix.groups.get(s.value) : undefined; return { ...base, group: g ? groupJson(j, g) : { name: s.value } }; }
    case 'project': { const p = s.value ? j.ctx.tracker.project(s.value) : undefined; return { ...base, ...(p ? { project: projectRef(j, p) } : {}) }; }
    case 'projectRole': { const r = ix.config.roles.find((x) => x.id === s.value); return { ...base, role: { self: `${j.api}/role/${s.value}`, id: numId(s.value ?? ''), name: r?.name ?? s.value, description: r?.description ?? '' } }; }
    case 'user': {
      // A share names its user as Jira's UserBean: no e-mail address, time zone or account type.
      const u = userById(j, s.value);
      if (!u) return { ...base, user: null };
      const { emailAddress: _e, timeZone: _t, accountType: _a, ...bean } = u;
      return { ...base, user: bean };
    }
    default: return base;
  }
};

export const filterJson = (j: J, f: SavedFilter, expand: readonly string[] = ['jql', 'owner', 'sharePermissions']) => {
  const has = (x: string) => expand.includes(x) || expand.includes('*all');
  return {
    self: `${j.api}/filter/${f.id}`, id: f.id, name: f.name, description: f.description ?? '',
    ...(has('owner') ? { owner: userById(j, f.owner) ?? undefined } : {}),
    ...(has('jql') ? { jql: f.jql } : {}),
    viewUrl: `${j.base}/issues/?filter=${f.id}`, searchUrl: `${j.api}/search/jql?jql=${encodeURIComponent(f.jql)}`,
    favourite: j.actor !== null && j.ctx.tracker.admin.filters.favouritedBy(f.id).includes(j.actor), favouritedCount: j.ctx.tracker.admin.filters.favouritedBy(f.id).length,
    ...(has('sharePermissions') ? { sharePermissions: f.shares.map((s, n) => shareJson(j, s, n)) } : {}),
    editPermissions: [],
  };
};

export const filterRoutes = (r: Router, ctx: SandboxContext): void => {
  const visible = (j: J) => j.ctx.tracker.state.config.filters.filter((f) => canSeeFilter(j, f));
  r.get('/filter/search', route(ctx, (j) => {
    const name = (q(j.req, 'filterName') ?? '').toLowerCase();
    const ids = qList(j.req, 'id');
    const owner = q(j.req, 'accountId') ?? q(j.req, 'owner');
    const list = visible(j).filter((f) => (!name || f.name.toLowerCase().includes(name)) && (!ids.length || ids.includes(f.id)) && (!owner || f.owner === owner));
    const expand = qList(j.req, 'expand');
    return pageOf(j, list, (f) => filterJson(j, f, expand));
  }));
  r.get('/filter/my', route(ctx, (j) => visible(j).filter((f) => f.owner === j.actor).map((f) => filterJson(j, f))));
  r.get('/filter/favourite', route(ctx, (j) => visible(j).filter((f) => j.actor !== null && j.ctx.tracker.admin.filters.favouritedBy(f.id).includes(j.actor)).map((f) => filterJson(j, f))));
  r.get('/filter/:id', route(ctx, (j, req) => {
    const f = j.ctx.tracker.state.config.filters.find((x) => x.id === String(req.params.id));
    if (!f || !canSeeFilter(j, f)) throw notFound(`The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.`);
    return filterJson(j, f);
  }));
};
