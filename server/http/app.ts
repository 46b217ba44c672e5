/**
 * The sandbox's express app. It never listens: the caller (scripts/, tests) starts it.
 * Order: network guard (Host, loopback-only control API, cross-origin writes, frame headers) → query
 * and body limits → control API → auth → Jira REST → web UI (server/http/ui when present, else the projects
 * page) → 404 → error handler (the path's shape; no stack traces on the wire).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express, type Router } from 'express';
import type { TrackerState } from '../model/index.ts';
import { authMiddleware } from './auth.ts';
import type { SandboxContext } from './context.ts';
import { controlRouter } from './control.ts';
import { errorHandler, forbiddenKeys, jsonBody, parseQuery, queryLimit } from './guard.ts';
import { networkGuard } from './network-guard.ts';
import { refuse } from './refuse.ts';
import { page, html } from '../common/html.ts';
import { mountJira } from './jira/router.ts';
import { createSandboxContext, type FullSandboxContext, type SandboxContextOptions } from './sandbox-context.ts';

export { createSandboxContext, type FullSandboxContext, type SandboxContextOptions } from './sandbox-context.ts';

export interface SandboxAppOptions {
  ctx: FullSandboxContext;
  /** JSON body limit (default 10 MB). */
  bodyLimit?: string;
  /** The web UI's router; default: server/http/ui/index.ts's createUiRouter when that file exists. */
  ui?: ((ctx: SandboxContext) => Router) | null;
}

const UI_MODULE = new URL('./ui/index.ts', import.meta.url);

/** The web UI's router factory, if the UI part is present in this checkout. */
export const loadUiRouter = async (): Promise<((ctx: SandboxContext) => Router) | null> => {
  if (!existsSync(fileURLToPath(UI_MODULE))) return null;
  const mod = (await import(UI_MODULE.href)) as { createUiRouter?: (ctx: SandboxContext) => Router };
  return mod.createUiRouter ?? null;
};

const projectsPage = (ctx: SandboxContext) => (_req: express.Request, res: express.Response) => {
  const { config, issues } = ctx.tracker;
  const counts = new Map<string, number>();
  for (const i of issues) counts.set(i.project, (counts.get(i.project) ?? 0) + 1);
  const rows = config.projects.map(
    (p) =>
      html`<tr><th scope="row">${p.key}</th><td>${p.name}</td><td>${p.kind}</td><td>${counts.get(p.key) ?? 0}</td><td>${p.archived ? 'archived' : ''}</td></tr>`,
  );
  res.type('html').send(
    page(
      'Projects',
      html`<h1>Projects</h1>
<table><caption>${config.tracker.title}</caption>
<thead><tr><th scope="col">Key</th><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Issues</th><th scope="col">State</th></tr></thead>
<tbody>${rows}</tbody></table>`,
    ),
  );
};

/** Builds the app synchronously with a given UI router (or none). */
export const buildSandboxApp = (ctx: FullSandboxContext, ui: ((ctx: SandboxContext) => Router) | null, bodyLimit?: string): Express => {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(networkGuard(ctx.network));
  app.set('query parser', parseQuery);
  app.use(queryLimit);
  app.use(jsonBody(bodyLimit));
  app.use(forbiddenKeys);
  app.use('/_understudy', controlRouter(ctx));
  app.use(authMiddleware(ctx));
  mountJira(app, ctx);
  if (ui) app.use('/', ui(ctx));
  else app.get('/', projectsPage(ctx));
  app.use((req, res) => refuse(req, res, 404, 'not_found', `no page ${req.method} ${req.path} in the Understudy sandbox`));
  app.use(errorHandler(ctx));
  return app;
};

/** The sandbox app over a context: control API, Jira REST (v2, v3, agile), the web UI. */
export const createSandboxApp = async (options: SandboxAppOptions): Promise<Express> =>
  buildSandboxApp(options.ctx, options.ui === undefined ? await loadUiRouter() : options.ui, options.bodyLimit);

/** What the first e2e fixture passes: the tracker state, read through a function. */
export interface AppSource {
  state: () => TrackerState;
  options?: Omit<SandboxContextOptions, 'state'>;
}

/** Kept for the first Playwright fixture: an in-memory sandbox (no persistence) without the web UI router. */
export const createApp = (source: AppSource): Express => buildSandboxApp(createSandboxContext({ state: source.state(), ...source.options }), null);
