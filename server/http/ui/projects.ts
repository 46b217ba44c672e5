/** The start page and `/projects`: the projects the persona may browse, with their boards. */
import { Router, type Request, type Response } from 'express';
import type { SandboxContext } from '../context.ts';
import { actorOf } from '../context.ts';
import { html } from '../../common/html.ts';
import { query, userName } from './format.ts';
import { sendPage } from './layout.ts';

const projectsPage = (ctx: SandboxContext, req: Request, res: Response): void => {
  const { tracker } = ctx;
  const actor = actorOf(res);
  const config = tracker.config;
  const visible = config.projects.filter((p) => tracker.can(actor, 'BROWSE_PROJECTS', p.key));
  const rows = visible.map((p) => {
    const total = tracker.search(actor, `project = "${p.key}"`, { maxResults: 0 }).total;
    const boards = config.boards.filter((b) => b.project === p.key);
    return html`<tr><th scope="row"><a href="/issues/${query({ jql: `project = ${p.key} ORDER BY created DESC` })}">${p.key}</a></th>
<td>${p.name}</td><td>${p.kind.replace('_', ' ')}</td><td>${userName(tracker, p.lead)}</td><td class="num">${total}</td>
<td>${boards.map((b) => html`<a href="/secure/RapidBoard.jspa${query({ rapidView: b.id })}">${b.name}</a> `)}</td>
<td>${p.archived ? 'archived' : ''}</td></tr>`;
  });
  const hidden = config.projects.length - visible.length;
  sendPage(ctx, req, res, {
    title: 'Projects',
    body: html`<h1>Projects</h1>
${actor === null ? html`<p><a href="/login">Sign in as a persona</a> to see the projects they can browse.</p>` : ''}
<table class="grid"><caption>Projects you can browse${hidden ? html` (${hidden} more are not visible to you)` : ''}</caption>
<thead><tr><th scope="col">Key</th><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Lead</th><th scope="col">Issues</th><th scope="col">Boards</th><th scope="col">State</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  });
};

export const projectRoutes = (ctx: SandboxContext): Router => {
  const r = Router();
  r.get('/', (req, res) => projectsPage(ctx, req, res));
  r.get('/projects', (req, res) => projectsPage(ctx, req, res));
  return r;
};
