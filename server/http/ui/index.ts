/**
 * The tracker's web UI: server-rendered pages on Jira's URLs, one router the app mounts at '/'
 * after the API routes. Every page reads and writes through ctx.tracker (writes via ctx.write),
 * so what people and Playwright see is exactly what the REST API enforces.
 */
import { readFileSync } from 'node:fs';
import { Router } from 'express';
import type { SandboxContext } from '../context.ts';
import { adminRoutes } from './admin/index.ts';
import { boardRoutes } from './boards.ts';
import { createRoutes } from './create-issue.ts';
import { uiErrorHandler } from './errors.ts';
import { issueRoutes } from './issue-routes.ts';
import { STYLESHEET } from './layout.ts';
import { navigatorRoutes } from './navigator.ts';
import { outboxRoutes } from './outbox.ts';
import { projectRoutes } from './projects.ts';
import { sessionRoutes } from './session.ts';

const css = ['./assets/style.css', './assets/workflow-diagram.css'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8')).join('\n');

export const createUiRouter = (ctx: SandboxContext): Router => {
  const r = Router();
  r.get(STYLESHEET, (_req, res) => {
    res.type('css').set('Cache-Control', 'max-age=300').send(css);
  });
  // Pages change with every write: never let a browser show a stale one after POST/redirect/GET.
  r.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  r.use(sessionRoutes(ctx));
  r.use(projectRoutes(ctx));
  r.use(navigatorRoutes(ctx));
  r.use(issueRoutes(ctx));
  r.use(createRoutes(ctx));
  r.use(boardRoutes(ctx));
  r.use(outboxRoutes(ctx));
  r.use(adminRoutes(ctx));
  r.use(uiErrorHandler(ctx));
  return r;
};
