/**
 * Boards: `/secure/ManageRapidViews.jspa` lists them, `/secure/RapidBoard.jspa?rapidView=ID` shows
 * one as columns with their issues (tracker.board), and reports statuses no column maps.
 */
import { Router, type Request, type Response } from 'express';
import type { BoardColumnView } from '../../tracker/index.ts';
import type { SandboxContext } from '../context.ts';
import { actorOf } from '../context.ts';
import { html, type SafeHtml } from '../../common/html.ts';
import { issueLink, issueTypeName, param, priorityName, query, userName } from './format.ts';
import { sendPage } from './layout.ts';

const limits = (c: BoardColumnView): string =>
  c.min !== undefined || c.max !== undefined
    ? ` · ${c.min !== undefined ? `min ${c.min}` : ''}${c.min !== undefined && c.max !== undefined ? ', ' : ''}${c.max !== undefined ? `max ${c.max}` : ''}`
    : '';

const column = (ctx: SandboxContext, c: BoardColumnView, n: number): SafeHtml => {
  const t = ctx.tracker;
  const over = c.max !== undefined && c.issues.length > c.max;
  return html`<section class="column${over ? ' over' : ''}" aria-labelledby="col-${n}"><h2 id="col-${n}">${c.name} <span class="count">${c.issues.length}${limits(c)}</span></h2>
<p class="statuses">${c.statuses.map((s) => t.status(s)?.name ?? s).join(', ') || 'No statuses'}</p>
<ul class="cards">${c.issues.map(
    (
      i,
    ) => html`<li class="card"><article aria-label="${i.key}"><p>${issueLink(i.key)} <span class="muted">${issueTypeName(t, i.issueType)} · ${priorityName(t, i.priority)}</span></p>
<p>${i.summary}</p><p class="muted">${userName(t, i.assignee)}</p></article></li>`,
  )}</ul></section>`;
};

const boardPage = (ctx: SandboxContext, req: Request, res: Response): void => {
  const view = ctx.tracker.board(actorOf(res), param(req.query.rapidView));
  const total = view.columns.reduce((n, c) => n + c.issues.length, 0);
  const unmapped = view.unmapped.length
    ? html`<div class="warning" role="status"><h2>Issues in statuses no column maps</h2><p>The board's filter finds these issues, but no column shows their status, so Jira would hide them.</p>
<ul>${view.unmapped.map((u) => html`<li><strong>${u.statusName}</strong> (${u.issues.length}): ${u.issues.slice(0, 20).map((i) => html`${issueLink(i.key)} `)}${u.issues.length > 20 ? '…' : ''}</li>`)}</ul></div>`
    : html``;
  const filter = ctx.tracker.config.filters.find((f) => f.id === view.board.filter);
  sendPage(ctx, req, res, {
    title: view.board.name,
    body: html`<h1>${view.board.name}</h1>
<p class="muted">${view.board.type} board · ${total} issues · filter <a href="/issues/${query({ filter: view.board.filter })}">${filter?.name ?? view.board.filter}</a></p>
${unmapped}<div class="board">${view.columns.map((c, n) => column(ctx, c, n))}</div>`,
  });
};

const boardList = (ctx: SandboxContext, req: Request, res: Response): void => {
  const { tracker } = ctx;
  const rows = tracker.config.boards.map(
    (b) => html`<tr><th scope="row"><a href="/secure/RapidBoard.jspa${query({ rapidView: b.id })}">${b.name}</a></th>
<td>${b.type}</td><td>${b.project ?? ''}</td><td>${b.columns.map((c) => c.name).join(' · ')}</td></tr>`,
  );
  sendPage(ctx, req, res, {
    title: 'Boards',
    body: html`<h1>Boards</h1><table class="grid"><caption>All boards</caption>
<thead><tr><th scope="col">Board</th><th scope="col">Type</th><th scope="col">Project</th><th scope="col">Columns</th></tr></thead><tbody>${rows}</tbody></table>`,
  });
};

export const boardRoutes = (ctx: SandboxContext): Router => {
  const r = Router();
  r.get('/secure/RapidBoard.jspa', (req, res) => (req.query.rapidView ? boardPage(ctx, req, res) : boardList(ctx, req, res)));
  r.get('/secure/ManageRapidViews.jspa', (req, res) => boardList(ctx, req, res));
  return r;
};
