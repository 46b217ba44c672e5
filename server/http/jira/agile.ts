/** /rest/agile/1.0: boards (page), one board, its column configuration, its issues (narrowed by `jql`, as Jira's). */
import { Router } from 'express';
import type { Board } from '../../model/index.ts';
import type { SandboxContext } from '../context.ts';
import { notFound } from './errors.ts';
import { offsetPage } from '../../jira-wire/index.ts';
import { numId, pageOf, q, qList, route, searchWindowOf, type J } from './handler.ts';
import { canSeeFilter } from './routes-filters.ts';
import { issueJson } from './render-issue.ts';

const agile = (j: J) => `${j.base}/rest/agile/1.0`;

const boardJson = (j: J, b: Board) => {
  const p = b.project ? j.ctx.tracker.project(b.project) : undefined;
  return {
    id: numId(b.id),
    self: `${agile(j)}/board/${b.id}`,
    name: b.name,
    type: b.type,
    ...(p
      ? {
          location: {
            projectId: numId(p.id),
            displayName: `${p.name} (${p.key})`,
            projectName: p.name,
            projectKey: p.key,
            projectTypeKey: p.kind,
            name: `${p.name} (${p.key})`,
          },
        }
      : {}),
  };
};

const visibleBoard = (j: J, b: Board): boolean => {
  const f = j.ctx.tracker.config.filters.find((x) => x.id === b.filter);
  return f !== undefined && canSeeFilter(j, f);
};

const boardOr404 = (j: J, id: string): Board => {
  const b = j.ctx.tracker.config.boards.find((x) => x.id === id);
  if (!b || !visibleBoard(j, b))
    throw notFound(`The requested board cannot be viewed because it either does not exist or you do not have permission to view it.`);
  return b;
};

export const agileRouter = (ctx: SandboxContext): Router => {
  const r = Router();
  r.use((_req, res, next) => {
    res.locals.apiVersion = 2;
    next();
  });
  r.get(
    '/board',
    route(ctx, (j) => {
      const type = qList(j.req, 'type');
      const name = (q(j.req, 'name') ?? '').toLowerCase();
      const project = q(j.req, 'projectKeyOrId');
      const list = j.ctx.tracker.config.boards.filter(
        (b) =>
          visibleBoard(j, b) &&
          (!type.length || type.includes(b.type)) &&
          (!name || b.name.toLowerCase().includes(name)) &&
          (!project || b.project === project || j.ctx.tracker.project(project)?.key === b.project),
      );
      return pageOf(j, list, (b) => boardJson(j, b));
    }),
  );
  r.get(
    '/board/:id',
    route(ctx, (j, req) => boardJson(j, boardOr404(j, String(req.params.id)))),
  );
  r.get(
    '/board/:id/configuration',
    route(ctx, (j, req) => {
      const b = boardOr404(j, String(req.params.id));
      return {
        id: numId(b.id),
        name: b.name,
        type: b.type,
        self: `${agile(j)}/board/${b.id}/configuration`,
        location: b.project
          ? {
              type: 'project',
              key: b.project,
              id: j.ctx.tracker.project(b.project)?.id,
              self: `${j.api}/project/${b.project}`,
              name: j.ctx.tracker.project(b.project)?.name,
            }
          : undefined,
        filter: { id: b.filter, self: `${j.api}/filter/${b.filter}` },
        columnConfig: {
          columns: b.columns.map((c) => ({
            name: c.name,
            statuses: c.statuses.map((s) => ({ id: s, self: `${j.api}/status/${s}` })),
            ...(c.min !== undefined ? { min: c.min } : {}),
            ...(c.max !== undefined ? { max: c.max } : {}),
          })),
          constraintType: b.columns.some((c) => c.min !== undefined || c.max !== undefined) ? 'issueCount' : 'none',
        },
        ranking: { rankCustomFieldId: 10019 },
      };
    }),
  );
  r.get(
    '/board/:id/issue',
    route(ctx, (j, req) => {
      const b = boardOr404(j, String(req.params.id));
      // Jira: an issue is on a board only when a column maps its status (and epics are off scrum boards).
      const window = searchWindowOf(j);
      const jql = j.req.query.jql;
      const all = j.ctx.tracker.boardIssues(j.actor, b.id, Array.isArray(jql) ? String(jql[0]) : jql === undefined ? undefined : String(jql));
      return { expand: 'schema,names', ...offsetPage(all, window, 'issues', (i) => issueJson(j, i, { fields: q(j.req, 'fields') })) };
    }),
  );
  return r;
};
