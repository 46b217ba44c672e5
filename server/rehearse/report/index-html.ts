/**
 * `index.html`: the whole rehearsal in one self-contained page (inline CSS, no script, no external
 * asset). Verdict first, then what changed, regressions with their evidence, hazards, the rollback
 * proof, timings and test failures, then one section per migration. Every string from the result
 * or the configuration goes through the `html` template, which escapes it: cloned text is untrusted.
 */
import { html, SafeHtml } from '../../common/html.ts';
import type { RehearsalResult } from '../result.ts';
import type { ReportContext } from './context.ts';
import { formatMs, hashRows, hazardsBySeverity, plural, verdictWords } from './format.ts';
import { differenceTable, failureItem, mark } from './html-parts.ts';
import { migrationAnchor, migrationSection } from './html-migration.ts';
import { REPORT_CSS } from './report-css.ts';

const verdict = (r: RehearsalResult): SafeHtml => {
  const v = verdictWords(r);
  const s = r.snapshot;
  return html`<div class="${`verdict ${v.ok ? 'ok' : 'fail'}`}" role="status"><h1>${v.ok ? '✅' : '❌'} Rehearsal: ${v.title}</h1>
<p>${v.counts}. Exit code ${r.exitCode}${r.strict ? ' (strict: warnings fail)' : ''}.</p>
<p class="muted">Snapshot <code>${s.dir}</code> (${s.kind}${s.createdAt ? `, made ${s.createdAt}` : ''}, ${plural(s.issues, 'issue')} in ${plural(s.projects, 'project')})${r.shard ? `, shard ${r.shard}` : ''};
migrations from <code>${r.migrationsDir}</code>; clock frozen at ${r.now}; started ${r.startedAt}, took ${formatMs(r.durationMs)}.</p></div>`;
};

const whatChanged = (r: RehearsalResult): SafeHtml => html`<section><h2>What changed</h2>
${
  r.migrations.length
    ? html`<ol>${r.migrations.map(
        (m, i) => html`<li><a href="${`#${migrationAnchor(i)}`}"><strong>${m.id}</strong></a>: ${m.description}
${m.sentences.length ? html`<ul>${m.sentences.map((s) => html`<li>${s}</li>`)}</ul>` : ''}</li>`,
      )}</ol>`
    : html`<p class="none">No migration was applied.</p>`
}
${
  r.expected.length > 10
    ? html`<details><summary>${r.expected.length} expected differences (declared by an expect entry) — show them</summary>${differenceTable('Expected differences (declared by an expect entry)', r.expected, true)}</details>`
    : differenceTable('Expected differences (declared by an expect entry)', r.expected, true)
}</section>`;

const regressions = (r: RehearsalResult): SafeHtml => html`<section><h2>Regressions</h2>
${
  r.regressions.length
    ? differenceTable('Undeclared differences from the baseline after up', r.regressions, false)
    : html`<p>None: every difference from the baseline is declared in an <code>expect</code> entry.</p>`
}</section>`;

const hazards = (r: RehearsalResult): SafeHtml => html`<section><h2>Hazards</h2>
${
  r.hazards.length
    ? html`<table><thead><tr><th scope="col">Severity</th><th scope="col">Kind</th><th scope="col">Migration</th><th scope="col">Message</th><th scope="col">Evidence</th></tr></thead>
<tbody>${hazardsBySeverity(r).map(
        (h) => html`<tr><td class="${`sev-${h.severity}`}">${h.severity}</td><td>${h.kind}</td><td>${h.migration ?? ''}</td><td>${h.message}</td>
<td>${h.evidence.length ? html`<ul>${h.evidence.map((e) => html`<li>${e}</li>`)}</ul>` : ''}</td></tr>`,
      )}</tbody></table>
<p class="muted">Errors fail the rehearsal; warnings fail it only with --strict${r.strict ? ' (on for this rehearsal)' : ''}.</p>`
    : html`<p class="none">No hazards found.</p>`
}</section>`;

const rollback = (
  r: RehearsalResult,
): SafeHtml => html`<section><h2>Rollback proof: ${r.rollbackProven ? 'proven' : 'not proven'} ${mark(r.rollbackProven)}</h2>
<table><caption>Canonical hash of configuration and issues, per phase</caption><thead><tr><th scope="col">Phase</th><th scope="col">Hash</th><th scope="col">Check</th></tr></thead>
<tbody>${hashRows(r).map(
  (h) => html`<tr><th scope="row">${h.phase}</th><td>${h.hash ? html`<code>${h.hash}</code>` : html`<span class="none">not reached</span>`}</td>
<td>${h.rule ? html`${mark(h.ok)} ${h.rule}` : ''}</td></tr>`,
)}</tbody></table>
${differenceTable('Observations that differ from the baseline after down (must be none)', r.rollbackDifferences, false)}</section>`;

const timings = (r: RehearsalResult): SafeHtml => html`<section><h2>Timings</h2>
<table><caption>Steps (${formatMs(r.durationMs)} in all)</caption><thead><tr><th scope="col">Step</th><th scope="col">Result</th><th scope="col">Time</th><th scope="col">Evidence</th></tr></thead>
<tbody>${r.steps.map(
  (s) => html`<tr><td>${s.name}</td><td>${mark(s.ok)} ${s.ok ? 'ok' : 'failed'}</td><td class="num">${formatMs(s.ms)}</td>
<td>${s.evidence.length ? html`<ul>${s.evidence.map((e) => html`<li>${e}</li>`)}</ul>` : ''}</td></tr>`,
)}${(r.skippedSteps ?? []).map((s) => html`<tr><td>${s.name}</td><td>not run</td><td class="num"></td><td>${s.reason}</td></tr>`)}</tbody></table>
<table><caption>Regression runs</caption><thead><tr><th scope="col">Phase</th><th scope="col">Time</th><th scope="col">Passed</th><th scope="col">Failed</th><th scope="col">Skipped</th><th scope="col">Observations</th></tr></thead>
<tbody>${r.runs.map(
  (
    run,
  ) => html`<tr><td>${run.phase}</td><td class="num">${formatMs(run.ms)}</td><td class="num">${run.tests.passed}</td><td class="num">${run.tests.failed}</td>
<td class="num">${run.tests.skipped}</td><td class="num">${run.observations}</td></tr>`,
)}</tbody></table>
${r.runs.filter((run) => run.failures.length).map((run) => html`<h3>Test failures in the ${run.phase} run</h3><ul>${run.failures.map(failureItem)}</ul>`)}
${
  r.sandboxErrors
    ? html`<p class="sev-error">The sandbox answered ${plural(r.sandboxErrors.count, 'request')} with an internal error — a bug in Understudy, not in the change:
<a href="${r.sandboxErrors.file}">${r.sandboxErrors.file}</a> holds each request and its stack; please report it.</p>`
    : ''
}</section>`;

const notRun = (r: RehearsalResult): SafeHtml => html`<section><h2>Not covered by this rehearsal</h2>
${r.notRun.length ? html`<ul>${r.notRun.map((n) => html`<li>${n}</li>`)}</ul>` : html`<p class="none">Nothing left out.</p>`}</section>`;

export const indexHtml = (r: RehearsalResult, ctx: ReportContext): string =>
  html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:">
<title>Rehearsal: ${verdictWords(r).title} · Understudy</title><style>${new SafeHtml(REPORT_CSS)}</style></head>
<body><main>${verdict(r)}${whatChanged(r)}${regressions(r)}${hazards(r)}${rollback(r)}${timings(r)}
${r.migrations.map((m, i) => migrationSection(m, i, ctx))}${notRun(r)}</main></body></html>
`.value;
