/**
 * One migration's section of index.html: its sentences, the configuration diff, each changed
 * workflow drawn before and after, the issues and notifications it touches, and what cannot be undone.
 */
import type { Config, Status, Workflow } from '../../model/index.ts';
import { html, SafeHtml } from '../../common/html.ts';
import { workflowSvg } from '../../http/index.ts';
import type { MigrationReport } from '../result.ts';
import type { ReportContext } from './context.ts';
import { formatMs } from './format.ts';
import { countsOf, countTable } from './html-parts.ts';

/** The workflow called `name` on this side, else the one with the id of its namesake on the other side (a renamed workflow). */
const findWorkflow = (side: Config, other: Config, name: string): Workflow | undefined => {
  const direct = side.workflows.find((w) => w.name === name);
  if (direct) return direct;
  const id = other.workflows.find((w) => w.name === name)?.id;
  return id === undefined ? undefined : side.workflows.find((w) => w.id === id);
};

/**
 * The diagram with its title and description ids made unique (`n`): several diagrams share one page.
 * Only the fixed attribute text is rewritten; names inside are escaped and cannot contain `id="`.
 */
const diagram = (wf: Workflow, config: Config, n: string): SafeHtml => {
  const statuses = new Map<string, Status>(config.statuses.map((s) => [s.id, s]));
  const svg = workflowSvg(wf, (id) => statuses.get(id))
    .value.replace('aria-labelledby="wf-title wf-desc"', `aria-labelledby="wf-title-${n} wf-desc-${n}"`)
    .replace('<title id="wf-title">', `<title id="wf-title-${n}">`)
    .replace('<desc id="wf-desc">', `<desc id="wf-desc-${n}">`);
  return new SafeHtml(svg);
};

const workflowFigures = (m: MigrationReport, index: number, ctx: ReportContext): SafeHtml => {
  if (!m.workflowsChanged.length) return html``;
  const configs = ctx.configs.get(m.id);
  if (!configs) return html`<h3>Workflows changed</h3><p class="none">The configurations before and after ${m.id} were not kept; no diagrams.</p>`;
  const side = (label: string, wf: Workflow | undefined, config: Config, n: string) =>
    html`<figure><figcaption>${label}</figcaption>${wf ? diagram(wf, config, n) : html`<p class="none">(absent)</p>`}</figure>`;
  return html`<h3>Workflows changed</h3>${m.workflowsChanged.map((name, w) => {
    const before = findWorkflow(configs.before, configs.after, name);
    const after = findWorkflow(configs.after, configs.before, name);
    const renamed = before && after && before.name !== after.name ? html` <span class="muted">(renamed: ${before.name} → ${after.name})</span>` : '';
    return html`<h4>${name}${renamed}</h4><div class="diagrams">
${side('Before', before, configs.before, `${index}-${w}-before`)}
${side('After', after, configs.after, `${index}-${w}-after`)}</div>`;
  })}`;
};

const impact = (m: MigrationReport): SafeHtml => html`<h3>Impact</h3>
<p>${m.issues.total} issues touched; the change itself sends ${m.notifications.total} notifications.</p>
<div class="impact">${countTable('Issues by project', 'Project', countsOf(m.issues.byProject))}
${countTable('Issues by type', 'Issue type', countsOf(m.issues.byType))}
${countTable('Issues by status', 'Status', countsOf(m.issues.byStatus))}
${countTable(
  'Notifications per recipient (top 10)',
  'Recipient',
  m.notifications.perRecipient.map((p) => ({ name: p.recipient, count: p.count })),
  10,
)}</div>
${m.sharedSchemes.length ? html`<p>Shared schemes changed:</p><ul>${m.sharedSchemes.map((s) => html`<li>${s.scheme} (${s.collection}) is used by ${s.projects.join(', ') || 'no project'}</li>`)}</ul>` : ''}`;

/** The section's anchor: by position, since a migration id is a file name and may hold anything. */
export const migrationAnchor = (index: number): string => `migration-${index + 1}`;

export const migrationSection = (
  m: MigrationReport,
  index: number,
  ctx: ReportContext,
): SafeHtml => html`<section class="migration" id="${migrationAnchor(index)}">
<h2>Migration ${m.id}</h2><p>${m.description}</p>
<p class="muted">Up ${formatMs(m.upMs)} · down ${formatMs(m.downMs)} on the rehearsal instance.</p>
${m.irreversible ? html`<div class="irreversible"><strong>Irreversible:</strong> ${m.irreversible.reason}<br><strong>Recovery:</strong> ${m.irreversible.recovery}</div>` : ''}
<h3>What it does</h3>${m.sentences.length ? html`<ol>${m.sentences.map((s) => html`<li>${s}</li>`)}</ol>` : html`<p class="none">No sentences recorded.</p>`}
<h3>Configuration diff</h3>${m.configChanges.length ? html`<ul class="changes">${m.configChanges.map((c) => html`<li>${c}</li>`)}</ul>` : html`<p class="none">No configuration change.</p>`}
${workflowFigures(m, index, ctx)}
${impact(m)}</section>`;
