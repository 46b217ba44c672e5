/** How model values read on a page: names instead of ids, dates people read, status lozenges. */
import type { Issue, Project } from '../../model/index.ts';
import type { Tracker } from '../../tracker/index.ts';
import { html, type SafeHtml } from '../../common/html.ts';

export const userName = (tracker: Tracker, accountId: string | null | undefined): string =>
  accountId ? (tracker.user(accountId)?.displayName ?? accountId) : 'Unassigned';

/** ISO timestamps as `2026-11-20 10:00 UTC` (the sandbox shows UTC; frozen clocks repeat exactly). */
export const when = (iso: string | null | undefined): string => (iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC') : '');

const CATEGORY_LABEL: Record<string, string> = { todo: 'To Do', 'in-progress': 'In Progress', done: 'Done' };
export const categoryLabel = (category: string): string => CATEGORY_LABEL[category] ?? category;

export const statusLozenge = (tracker: Tracker, statusId: string): SafeHtml => {
  const s = tracker.status(statusId);
  return html`<span class="lozenge cat-${s?.category ?? 'todo'}">${s?.name ?? statusId}</span>`;
};

export const issueTypeName = (tracker: Tracker, id: string): string => tracker.issueType(id)?.name ?? id;
export const priorityName = (tracker: Tracker, id: string | null): string => (id ? (tracker.priority(id)?.name ?? id) : '');
export const resolutionName = (tracker: Tracker, id: string | null): string => (id ? (tracker.resolution(id)?.name ?? id) : 'Unresolved');

/** A field's value as people read it, through the same naming the changelog uses. */
export const fieldText = (tracker: Tracker, project: Project, issue: Issue, fieldId: string, value: unknown): string | null =>
  tracker.describeValue(tracker.field(fieldId), fieldId, value, project, issue.issueType).text;

export const issueLink = (key: string): SafeHtml => html`<a href="/browse/${encodeURIComponent(key)}">${key}</a>`;

/** A query string from pairs, skipping empty values. */
export const query = (pairs: Record<string, string | number | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(pairs)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

/** The first value of a query or body parameter, as a string. */
export const param = (v: unknown): string => (Array.isArray(v) ? param(v[0]) : typeof v === 'string' ? v : '');
