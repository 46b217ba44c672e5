/** The Jira-compatible REST API: one router per API version over the same store, plus agile. */
import { Router, type Express } from 'express';
import type { SandboxContext } from '../context.ts';
import { adminRoutes } from './admin/index.ts';
import { greenhopperRouter } from './admin/board-routes.ts';
import { agileRouter } from './agile.ts';
import { jiraError, notFound, sendError } from './errors.ts';
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
import { attachmentRoutes } from './routes-attachments.ts';
import { commentRoutes } from './routes-comments.ts';
import { linkRoutes } from './routes-links.ts';
import { propertyRoutes } from './routes-properties.ts';
import { readRoutes } from './routes-reads.ts';
import { watcherRoutes } from './routes-watchers.ts';
import { worklogRoutes } from './routes-worklogs.ts';
import { sessionRouter } from './session.ts';

const apiRouter = (ctx: SandboxContext, version: 2 | 3): Router => {
  const r = Router();
  r.use((_req, res, next) => {
    res.locals.apiVersion = version;
    next();
  });
  r.use((req, res, next) => {
    const param = ['username', 'userKey'].find((k) => req.query[k] !== undefined);
    // --mimic cloud-strict: Jira Cloud refuses user names since its GDPR changes (accountId only).
    if (ctx.strict && param) {
      jiraError(res, 400, [`The query parameter '${param}' is not supported in GDPR strict mode.`]);
      return;
    }
    next();
  });
  for (const add of [
    metaRoutes,
    fieldRoutes,
    searchRoutes,
    issueRoutes,
    projectRoutes,
    peopleRoutes,
    workflowRoutes,
    screenRoutes,
    schemeRoutes,
    filterRoutes,
  ])
    add(r, ctx);
  for (const add of [commentRoutes, watcherRoutes, linkRoutes, worklogRoutes, attachmentRoutes, propertyRoutes, readRoutes]) add(r, ctx);
  adminRoutes(r, ctx);
  return r;
};

/** Mounts /rest/api/2 (and /rest/api/latest), /rest/api/3 (Cloud only: Data Center has no v3) and /rest/agile/1.0; unknown paths below /rest are Jira-shaped 404s. */
export const mountJira = (app: Express, ctx: SandboxContext): void => {
  app.use('/rest/api/2', apiRouter(ctx, 2));
  // Jira serves /rest/api/latest as v2 (JIRA::REST and python-jira's assign_issue call it).
  app.use('/rest/api/latest', apiRouter(ctx, 2));
  app.use('/rest/auth/1', sessionRouter(ctx));
  if (ctx.deploymentType === 'Cloud') app.use('/rest/api/3', apiRouter(ctx, 3));
  app.use('/rest/agile/1.0', agileRouter(ctx));
  // Private: the board settings page's own column write (see admin/board-routes.ts).
  app.use('/rest/greenhopper/1.0', greenhopperRouter(ctx));
  app.use('/rest', (req, res) =>
    sendError(
      res,
      notFound(`No resource at ${req.method} ${req.originalUrl} in the Understudy sandbox (see the README for the REST subset it serves).`),
    ),
  );
};
