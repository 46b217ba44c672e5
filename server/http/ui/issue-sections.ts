/** The read-only parts of the issue view: details, custom fields, people, links, sub-tasks, comments, history. */
import type { Issue, Project } from '../../model/index.ts';
import type { Actor, Tracker } from '../../tracker/index.ts';
import { html, type SafeHtml } from '../../common/html.ts';
import { fieldText, issueLink, issueTypeName, priorityName, resolutionName, statusLozenge, userName, when } from './format.ts';

const row = (label: string, value: SafeHtml | string | null): SafeHtml =>
  html`<div class="kv"><dt>${label}</dt><dd>${value === null || value === '' ? html`<span class="none">None</span>` : value}</dd></div>`;

export const details = (t: Tracker, project: Project, issue: Issue): SafeHtml => {
  const text = (id: string) => fieldText(t, project, issue, id, (issue as unknown as Record<string, unknown>)[id]);
  return html`<section aria-labelledby="h-details"><h2 id="h-details">Details</h2><dl class="details">
${row('Type', issueTypeName(t, issue.issueType))}${row('Status', statusLozenge(t, issue.status))}
${row('Priority', priorityName(t, issue.priority))}${row('Resolution', resolutionName(t, issue.resolution))}
${row('Component/s', text('components'))}${row('Labels', text('labels'))}
${row('Affects Version/s', text('versions'))}${row('Fix Version/s', text('fixVersions'))}
${row('Due date', issue.duedate ?? null)}</dl></section>
<section aria-labelledby="h-people"><h2 id="h-people">People</h2><dl class="details">
${row('Assignee', userName(t, issue.assignee))}${row('Reporter', issue.reporter ? userName(t, issue.reporter) : null)}</dl></section>
<section aria-labelledby="h-dates"><h2 id="h-dates">Dates</h2><dl class="details">
${row('Created', when(issue.created))}${row('Updated', when(issue.updated))}${row('Resolved', when(issue.resolutionDate))}</dl></section>`;
};

export const customFields = (t: Tracker, project: Project, issue: Issue): SafeHtml => {
  const rows = t.config.fields
    .filter((f) => f.custom && issue.customFields[f.id] !== undefined)
    .map((f) =>
      row(f.name, f.type === 'datetime' ? when(String(issue.customFields[f.id])) : fieldText(t, project, issue, f.id, issue.customFields[f.id])),
    );
  return rows.length
    ? html`<section aria-labelledby="h-custom"><h2 id="h-custom">More fields</h2><dl class="details">${rows}</dl></section>`
    : html``;
};

export const textBlocks = (issue: Issue): SafeHtml => html`<section aria-labelledby="h-description"><h2 id="h-description">Description</h2>
<div class="text">${issue.description ?? html`<span class="none">No description.</span>`}</div></section>
${issue.environment ? html`<section aria-labelledby="h-env"><h2 id="h-env">Environment</h2><div class="text">${issue.environment}</div></section>` : ''}`;

export const linksAndSubtasks = (t: Tracker, actor: Actor, issue: Issue): SafeHtml => {
  const linkTypes = t.config.issueLinkTypes;
  const links = issue.links.map((l) => {
    const type = linkTypes.find((x) => x.id === l.type);
    const verb = type ? (l.direction === 'outward' ? type.outward : type.inward) : l.type;
    return html`<li>${verb} ${issueLink(l.issue)}</li>`;
  });
  const subtasks = t.issues.filter((i) => i.parent === issue.key && t.can(actor, 'BROWSE_PROJECTS', i.project, i));
  return html`<section aria-labelledby="h-links"><h2 id="h-links">Issue links</h2>${links.length ? html`<ul>${links}</ul>` : html`<p class="none">No links.</p>`}</section>
${issue.parent ? html`<p>Sub-task of ${issueLink(issue.parent)}</p>` : ''}
<section aria-labelledby="h-subtasks"><h2 id="h-subtasks">Sub-tasks</h2>${
    subtasks.length
      ? html`<table class="grid"><caption class="visually-hidden">Sub-tasks</caption>
<thead><tr><th scope="col">Key</th><th scope="col">Summary</th><th scope="col">Status</th><th scope="col">Assignee</th></tr></thead>
<tbody>${subtasks.map((s) => html`<tr><th scope="row">${issueLink(s.key)}</th><td>${s.summary}</td><td>${statusLozenge(t, s.status)}</td><td>${userName(t, s.assignee)}</td></tr>`)}</tbody></table>`
      : html`<p class="none">No sub-tasks.</p>`
  }</section>`;
};

export const watchers = (
  t: Tracker,
  issue: Issue,
): SafeHtml => html`<section aria-labelledby="h-watchers"><h2 id="h-watchers">Watchers (${issue.watchers.length})</h2>
${issue.watchers.length ? html`<ul>${issue.watchers.map((w) => html`<li>${userName(t, w)}</li>`)}</ul>` : html`<p class="none">Nobody watches this issue.</p>`}</section>`;

/** The comments the viewer may see (one restricted to a group or role is hidden from the others, as in Jira). */
export const comments = (t: Tracker, issue: Issue, form: SafeHtml, actor: string | null = null): SafeHtml => {
  const visible = t.comments(actor, issue.key);
  return html`<section aria-labelledby="h-comments"><h2 id="h-comments">Comments (${visible.length})</h2>
${visible.length ? html`<ol class="comments">${visible.map((c) => html`<li><article aria-label="Comment by ${userName(t, c.author)}"><p class="meta"><strong>${userName(t, c.author)}</strong> · <time datetime="${c.created}">${when(c.created)}</time></p><div class="text">${c.body}</div></article></li>`)}</ol>` : html`<p class="none">No comments yet.</p>`}
${form}</section>`;
};

export const history = (t: Tracker, issue: Issue): SafeHtml => {
  const rows = issue.history.flatMap((h) =>
    h.items.map(
      (
        it,
        n,
      ) => html`<tr>${n === 0 ? html`<td rowspan="${h.items.length}">${h.author ? userName(t, h.author) : 'Anonymous'}</td><td rowspan="${h.items.length}">${when(h.created)}</td>` : ''}
<th scope="row">${it.field}</th><td>${it.fromString ?? ''}</td><td>${it.toString ?? ''}</td></tr>`,
    ),
  );
  return html`<section aria-labelledby="h-history"><h2 id="h-history">History</h2>${
    rows.length
      ? html`<table class="grid"><caption class="visually-hidden">Changes to this issue</caption>
<thead><tr><th scope="col">Who</th><th scope="col">When</th><th scope="col">Field</th><th scope="col">From</th><th scope="col">To</th></tr></thead><tbody>${rows}</tbody></table>`
      : html`<p class="none">No changes yet.</p>`
  }</section>`;
};
