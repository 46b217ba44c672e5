/**
 * The issue navigator, `/issues/?jql=…` and `/issues/?filter=ID`: a JQL box, the saved filters the
 * persona sees, a results table with sortable columns and paging. Bad JQL shows Jira's message.
 */
import { Router, type Request, type Response } from 'express';
import type { Issue } from '../../model/index.ts';
import { isTrackerError, type SearchResult } from '../../tracker/index.ts';
import type { SandboxContext } from '../context.ts';
import { actorOf } from '../context.ts';
import { html, type SafeHtml } from '../../common/html.ts';
import { issueLink, issueTypeName, param, priorityName, query, resolutionName, statusLozenge, userName, when } from './format.ts';
import { currentSort, sortedBy } from './jql-order.ts';
import { alertBox, sendPage } from './layout.ts';
import { visibleFilters } from './saved-filters.ts';

const PAGE_SIZE = 50;

interface Column {
  label: string;
  sortField: string;
  cell: (i: Issue) => SafeHtml | string;
}

const columns = (ctx: SandboxContext): Column[] => {
  const t = ctx.tracker;
  return [
    { label: 'Key', sortField: 'key', cell: (i) => issueLink(i.key) },
    { label: 'Type', sortField: 'issuetype', cell: (i) => issueTypeName(t, i.issueType) },
    { label: 'Summary', sortField: 'summary', cell: (i) => html`<a href="/browse/${encodeURIComponent(i.key)}">${i.summary}</a>` },
    { label: 'Assignee', sortField: 'assignee', cell: (i) => userName(t, i.assignee) },
    { label: 'Priority', sortField: 'priority', cell: (i) => priorityName(t, i.priority) },
    { label: 'Status', sortField: 'status', cell: (i) => statusLozenge(t, i.status) },
    { label: 'Resolution', sortField: 'resolution', cell: (i) => resolutionName(t, i.resolution) },
    { label: 'Created', sortField: 'created', cell: (i) => when(i.created) },
    { label: 'Updated', sortField: 'updated', cell: (i) => when(i.updated) },
  ];
};

const resultsTable = (ctx: SandboxContext, jql: string, result: SearchResult): SafeHtml => {
  const cols = columns(ctx);
  const sort = currentSort(jql);
  const head = cols.map((c) => {
    const active = sort?.field === c.sortField;
    const ariaSort = active ? (sort!.direction === 'asc' ? 'ascending' : 'descending') : undefined;
    return html`<th scope="col"${ariaSort ? html` aria-sort="${ariaSort}"` : ''}><a href="/issues/${query({ jql: sortedBy(jql, c.sortField) })}">${c.label}${active ? (sort!.direction === 'asc' ? ' ▲' : ' ▼') : ''}</a></th>`;
  });
  const rows = result.issues.map(
    (i) => html`<tr>${cols.map((c, n) => (n === 0 ? html`<th scope="row">${c.cell(i)}</th>` : html`<td>${c.cell(i)}</td>`))}</tr>`,
  );
  const first = result.total === 0 ? 0 : result.startAt + 1;
  const last = result.startAt + result.issues.length;
  return html`<table class="grid results"><caption>${first}–${last} of ${result.total} issues</caption>
<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${pager(jql, result)}`;
};

const pager = (jql: string, r: SearchResult): SafeHtml => {
  if (r.total <= r.maxResults) return html``;
  const prev =
    r.startAt > 0 ? html`<a rel="prev" href="/issues/${query({ jql, startAt: Math.max(0, r.startAt - r.maxResults) })}">Previous page</a>` : html``;
  const next =
    r.startAt + r.maxResults < r.total
      ? html`<a rel="next" href="/issues/${query({ jql, startAt: r.startAt + r.maxResults })}">Next page</a>`
      : html``;
  const page = Math.floor(r.startAt / r.maxResults) + 1;
  const pages = Math.ceil(r.total / r.maxResults);
  return html`<nav class="pager" aria-label="Pages">${prev} <span>Page ${page} of ${pages}</span> ${next}</nav>`;
};

const navigatorPage = (ctx: SandboxContext, req: Request, res: Response): void => {
  const { tracker } = ctx;
  const actor = actorOf(res);
  const filters = visibleFilters(tracker, actor);
  const filterId = param(req.query.filter);
  const filter = filterId ? filters.find((f) => f.id === filterId) : undefined;
  const errors: string[] = [];
  if (filterId && !filter) errors.push(`The selected filter is not available to you. It may have been deleted or had its permissions changed.`);
  const jql = req.query.jql !== undefined ? param(req.query.jql) : (filter?.jql ?? 'ORDER BY created DESC');
  const startAt = Math.max(0, Number.parseInt(param(req.query.startAt), 10) || 0);
  let result: SearchResult | undefined;
  if (!errors.length) {
    try {
      result = tracker.search(actor, jql, { startAt, maxResults: PAGE_SIZE });
    } catch (e) {
      if (!isTrackerError(e)) throw e;
      errors.push(...e.body.errorMessages, ...Object.values(e.body.errors));
    }
  }
  const heading = filter && req.query.jql === undefined ? filter.name : 'Search issues';
  const filterList = filters.map(
    (f) => html`<li><a href="/issues/${query({ filter: f.id })}"${f.id === filter?.id ? html` aria-current="page"` : ''}>${f.name}</a></li>`,
  );
  sendPage(ctx, req, res, {
    title: heading,
    status: errors.length ? 400 : 200,
    body: html`<div class="with-side">
<nav class="side" aria-label="Saved filters"><h2>Saved filters</h2><ul>${filterList}</ul></nav>
<div class="content"><h1>${heading}</h1>
${filter?.description ? html`<p>${filter.description}</p>` : ''}
<form role="search" method="get" action="/issues/" class="jql">
<label for="jql">JQL query</label>
<textarea id="jql" name="jql" rows="2"${errors.length ? html` aria-invalid="true" aria-describedby="jql-error"` : ''}>${jql}</textarea>
<button type="submit">Search</button></form>
${errors.length ? html`<div id="jql-error">${alertBox(errors)}</div>` : ''}
${result ? resultsTable(ctx, jql, result) : ''}</div></div>`,
  });
};

export const navigatorRoutes = (ctx: SandboxContext): Router => {
  const r = Router();
  r.get(['/issues', '/issues/'], (req, res) => navigatorPage(ctx, req, res));
  return r;
};
