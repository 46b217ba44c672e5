/** Pieces of index.html used by several sections: difference tables, values, links into the report directory. */
import { html, type SafeHtml } from '../../common/html.ts';
import type { Difference, TestFailure } from '../result.ts';

/** A value as pretty JSON in a `<pre>`, or a dash when absent. */
export const valueBlock = (v: unknown): SafeHtml =>
  v === undefined ? html`<span class="none">—</span>` : html`<pre>${JSON.stringify(v, null, 2) ?? String(v)}</pre>`;

export const mark = (ok: boolean | undefined): SafeHtml =>
  ok === undefined
    ? html``
    : ok
      ? html`<span class="ok-mark" aria-label="passed">✔</span>`
      : html`<span class="fail-mark" aria-label="failed">✘</span>`;

/**
 * A link to a file the rehearsal wrote into the report directory. Only relative paths are linked:
 * anything with a scheme (`javascript:`) or absolute is shown as text.
 */
export const reportLink = (path: string): SafeHtml =>
  /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || path.startsWith('\\')
    ? html`<code>${path}</code>`
    : html`<a href="${path.split(/[\\/]/).map(encodeURIComponent).join('/')}"><code>${path}</code></a>`;

export const differenceTable = (caption: string, diffs: readonly Difference[], withReason: boolean): SafeHtml => {
  if (!diffs.length) return html`<p class="none">${caption}: none.</p>`;
  const rows = diffs.map(
    (d) => html`<tr><td>${d.expectedBy?.migration ?? d.migration ?? '?'}</td><td>${d.check}</td>
<td>${d.label}<div class="muted"><code>${d.id}</code></div></td><td>${d.change}</td><td>${valueBlock(d.before)}</td><td>${valueBlock(d.after)}</td>
${withReason ? html`<td>${d.expectedBy?.reason ?? ''}</td>` : ''}</tr>`,
  );
  return html`<table><caption>${caption} (${diffs.length})</caption>
<thead><tr><th scope="col">Migration</th><th scope="col">Check</th><th scope="col">What</th><th scope="col">Change</th><th scope="col">Before</th><th scope="col">After</th>${withReason ? html`<th scope="col">Why</th>` : ''}</tr></thead>
<tbody>${rows}</tbody></table>`;
};

export const failureItem = (f: TestFailure): SafeHtml => html`<li><strong>${f.title}</strong> <span class="muted">(${f.file})</span>
<pre>${f.error}</pre>
${f.trace ? html`<div>Trace of a re-run of this test: ${reportLink(f.trace)} — open with <code>npx playwright show-trace ${f.trace}</code></div>` : ''}
${f.screenshot ? html`<div>Screenshot: ${reportLink(f.screenshot)}</div>` : ''}</li>`;

/** A two-column count table, largest first, at most `max` rows. */
export const countTable = (caption: string, head: string, counts: readonly { name: string; count: number }[], max = Infinity): SafeHtml => {
  if (!counts.length) return html`<p class="none">${caption}: none.</p>`;
  const shown = counts.slice(0, max);
  const rest = counts.length - shown.length;
  return html`<table><caption>${caption}</caption><thead><tr><th scope="col">${head}</th><th scope="col">Count</th></tr></thead>
<tbody>${shown.map((c) => html`<tr><td>${c.name}</td><td class="num">${c.count}</td></tr>`)}</tbody></table>${rest > 0 ? html`<p class="muted">… and ${rest} more.</p>` : ''}`;
};

export const countsOf = (m: Record<string, number>): { name: string; count: number }[] =>
  Object.entries(m)
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
