/** The Jira-compatible REST API: one router per API version over the same store, plus agile. */
import { Router, type Express } from 'express';
import type { SandboxContext } from '../context.ts';
import { adminRoutes } from './admin/index.ts';
import { greenhopperRouter } from './admin/board-routes.ts';
import { agileRouter } from './agile.ts';
import { notFound, sendError } from './errors.ts';
import { fieldRoutes } from './routes-fields.ts';
import { filterRoutes } from './routes-filters.ts';
import { issueRoutes } from './routes-issues.ts';
import { metaRoutes } from './routes-meta.ts';
import { peopleRoutes } from './routes-people.ts';
import { projectRoutes } from './routes-projects.ts';
import { schemeRoutes } from './routes-schemes.ts';
import { screenRoutes } from './routes-screens.ts';
import { searchRoutes } from './routes-search.ts';
import { workflowRoutes } from './routes-workflows.ts';

const apiRouter = (ctx: SandboxContext, version: 2 | 3): Router => {
  const r = Router();
  r.use((_req, res, next) => { res.locals.apiVersion = version; next(); });
  for (const add of [metaRoutes, fieldRoutes, searchRoutes, issueRoutes, projectRoutes, peopleRoutes, workflowRoutes, screenRoutes, schemeRoutes, filterRoutes, adminRoutes]) add(r, ctx);
  return r;
};

/** Mounts /rest/api/2, /rest/api/3 (Cloud only: Data Center has no v3) and /rest/agile/1.0; unknown paths below /rest are Jira-shaped 404s. */
export const mountJira = (app: Express, ctx: SandboxContext): void => {
  app.use('/rest/api/2', apiRouter(ctx, 2));
  if (ctx.deploymentType === 'Cloud') app.use('/rest/api/3', apiRouter(ctx, 3));
  app.use('/rest/agile/1.0', agileRouter(ctx));
  // Private: the board settings page's own column write (see admin/board-routes.ts).
  app.use('/rest/greenhopper/1.0', greenhopperRouter(ctx));
  app.use('/rest', (req, res) => sendError(res, notFound(`No resource at ${req.method} ${req.originalUrl} in the Understudy sandbox (see the README for the REST subset it serves).`)));
};
