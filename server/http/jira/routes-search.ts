/**
 * Searching: `/search/jql` (token paging, ids only unless `fields` says more), the legacy
 * `/search` (page with total; optionally 410 like Cloud), approximate counts, create metadata.
 */
import type { Request, Router } from 'express';
import { issueTypesOf } from '../../model/index.ts';
import type { SandboxContext } from '../context.ts';
import type { FullSandboxContext } from '../sandbox-context.ts';
import { badRequest, notFound } from './errors.ts';
import { intParam, offsetPage, pageToken, pageTokenStart, pageWindow, pagingProblem } from '../../jira-wire/index.ts';
import { qList, route, windowOf, type J } from './handler.ts';
import { issueJson } from './render-issue.ts';
import { issueTypeJson, projectRef } from './render-basic.ts';
import { fieldMetaJson } from './render-meta.ts';
import { projectOr404, visibleProjects } from './visibility.ts';

type Obj = Record<string, unknown>;

/**
 * Parameters from the query (GET) or the body (POST); lists may be arrays or comma-separated. A
 * single-valued query parameter given twice is read as its first value, as Jira reads it; the paging
 * numbers are Jira's 400 when they are not numbers.
 */
const params = (req: Request) => {
  const post = req.method === 'POST';
  // A POST body of the wrong shape is refused as Jira refuses it, not read as "no parameters".
  if (post && req.body !== undefined && (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)))
    throw badRequest('The request body must be a JSON object.');
  const body = (post && req.body ? req.body : {}) as Obj;
  const get = (k: string): unknown => (post ? body[k] : req.query[k]);
  const one = (k: string): unknown => {
    const v = get(k);
    return req.method !== 'POST' && Array.isArray(v) ? v[0] : v;
  };
  const list = (k: string): string[] | undefined => {
    const v = get(k);
    if (v === undefined || v === null) return undefined;
    if (post && typeof v === 'object' && !Array.isArray(v)) throw badRequest('', { [k]: `'${k}' must be a list of strings.` });
    return (Array.isArray(v) ? v.map(String) : String(v).split(',')).map((s) => s.trim()).filter(Boolean);
  };
  const paging = (k: 'startAt' | 'maxResults'): unknown => {
    const v = one(k);
    const problem = pagingProblem(k, v);
    if (problem) throw badRequest(problem);
    return v;
  };
  return { get, one, list, paging };
};

const tokenStart = (t: string): number => {
  const start = pageTokenStart(t);
  if (start === undefined) throw badRequest('The nextPageToken is invalid or expired.');
  return start;
};

export const searchRoutes = (r: Router, ctx: SandboxContext): void => {
  const jql = (j: J) => {
    const v = params(j.req).one('jql');
    if (v === undefined || v === null) return '';
    if (typeof v === 'object') throw badRequest('The jql must be a string.');
    return String(v);
  };

  const enhanced = route(ctx, (j) => {
    const p = params(j.req);
    const token = p.one('nextPageToken');
    const startAt = token ? tokenStart(String(token)) : 0;
    const maxResults = intParam(p.paging('maxResults'), 50, 5000);
    const result = j.ctx.tracker.search(j.actor, jql(j), { startAt, maxResults });
    const fields = p.list('fields')?.join(',') ?? 'id';
    const expand = p.list('expand') ?? [];
    const properties = p.list('properties');
    const isLast = startAt + result.issues.length >= result.total;
    return {
      issues: result.issues.map((i) => (fields === 'id' ? { id: i.id } : issueJson(j, i, { fields, expand, ...(properties ? { properties } : {}) }))),
      ...(isLast ? {} : { nextPageToken: pageToken(startAt + result.issues.length) }),
      isLast,
    };
  });
  r.get('/search/jql', enhanced);
  r.post('/search/jql', enhanced);

  const legacy = route(ctx, (j, _req, res) => {
    if ((j.ctx as FullSandboxContext).legacySearchGone) {
      res.status(410).json({ errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.'], errors: {} });
      return undefined;
    }
    const p = params(j.req);
    const result = j.ctx.tracker.search(j.actor, jql(j), pageWindow(p.paging('startAt'), p.paging('maxResults')));
    const expand = p.list('expand') ?? [];
    const fields = p.list('fields')?.join(',') ?? '*navigable';
    const properties = p.list('properties');
    return {
      expand: 'schema,names',
      startAt: result.startAt,
      maxResults: result.maxResults,
      total: result.total,
      issues: result.issues.map((i) => issueJson(j, i, { fields, expand, ...(properties ? { properties } : {}) })),
    };
  });
  r.get('/search', legacy);
  r.post('/search', legacy);

  r.post(
    '/search/approximate-count',
    route(ctx, (j) => ({ count: j.ctx.tracker.search(j.actor, jql(j), { maxResults: 0 }).total })),
  );

  r.get(
    '/issue/createmeta',
    route(ctx, (j) => {
      const keys = qList(j.req, 'projectKeys');
      const ids = qList(j.req, 'projectIds');
      const typeIds = qList(j.req, 'issuetypeIds');
      const typeNames = qList(j.req, 'issuetypeNames').map((n) => n.toLowerCase());
      const withFields = qList(j.req, 'expand').includes('projects.issuetypes.fields');
      const config = j.ctx.tracker.config;
      const projects = visibleProjects(j).filter(
        (p) => (!keys.length || keys.includes(p.key)) && (!ids.length || ids.includes(p.id)) && j.ctx.tracker.can(j.actor, 'CREATE_ISSUES', p.key),
      );
      return {
        expand: 'projects',
        projects: projects.map((p) => ({
          ...projectRef(j, p),
          issuetypes: issueTypesOf(config, p).flatMap((id) => {
            const t = j.ctx.tracker.issueType(id);
            if (!t || (typeIds.length && !typeIds.includes(id)) || (typeNames.length && !typeNames.includes(t.name.toLowerCase()))) return [];
            return [
              {
                ...issueTypeJson(j, t),
                expand: 'fields',
                ...(withFields
                  ? { fields: Object.fromEntries(j.ctx.tracker.createMeta(j.actor, p.key, id).map((m) => [m.fieldId, fieldMetaJson(j, m, p, id)])) }
                  : {}),
              },
            ];
          }),
        })),
      };
    }),
  );

  r.get(
    '/issue/createmeta/:project/issuetypes',
    route(ctx, (j, req) => {
      const p = projectOr404(j, String(req.params.project));
      const types = issueTypesOf(j.ctx.tracker.config, p).flatMap((id) => {
        const t = j.ctx.tracker.issueType(id);
        return t ? [t] : [];
      });
      if (!j.ctx.tracker.can(j.actor, 'CREATE_ISSUES', p.key)) throw notFound(`No project could be found with key '${p.key}'.`);
      return offsetPage(types, windowOf(j, 50, 200), 'issueTypes', (t) => issueTypeJson(j, t));
    }),
  );

  r.get(
    '/issue/createmeta/:project/issuetypes/:type',
    route(ctx, (j, req) => {
      const p = projectOr404(j, String(req.params.project));
      const typeId = String(req.params.type);
      const meta = j.ctx.tracker.createMeta(j.actor, p.key, typeId);
      return offsetPage(meta, windowOf(j, 50, 200), 'fields', (m) => fieldMetaJson(j, m, p, typeId, true));
    }),
  );
};
