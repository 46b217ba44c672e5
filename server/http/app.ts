import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { canonicalHash } from '../model/hash.ts';
import type { Config, Issue } from '../model/types.ts';
import { html, page } from './html.ts';

/** What the app serves: the tracker state, read through a function so the owner can swap it. */
export interface AppSource {
  state: () => { config: Config; issues: Issue[] };
}

/**
 * The sandbox's express app. It never listens: the caller (scripts/, tests) starts it.
 * Serves the control API under /_understudy/ and the web UI's start page.
 */
export const createApp = (source: AppSource): Express => {
  const app = express();
  app.disable('x-powered-by');

  app.get('/_understudy/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/_understudy/hash', (_req, res) => {
    const { config, issues } = source.state();
    res.json({ hash: canonicalHash(config, issues), issues: issues.length });
  });

  app.get('/', (_req, res) => {
    const { config, issues } = source.state();
    const counts = new Map<string, number>();
    for (const i of issues) counts.set(i.project, (counts.get(i.project) ?? 0) + 1);
    const rows = config.projects.map(
      (p) => html`<tr><th scope="row">${p.key}</th><td>${p.name}</td><td>${p.kind}</td><td>${counts.get(p.key) ?? 0}</td><td>${p.archived ? 'archived' : ''}</td></tr>`,
    );
    res.type('html').send(
      page('Projects', html`<h1>Projects</h1>
<table><caption>${config.tracker.title}</caption>
<thead><tr><th scope="col">Key</th><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Issues</th><th scope="col">State</th></tr></thead>
<tbody>${rows}</tbody></table>`),
    );
  });

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'no such page in the Understudy sandbox' } });
  });
  // Never a stack trace on the wire.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ error: { code: 'internal', message: err instanceof Error ? err.message : 'internal error' } });
  });
  return app;
};
