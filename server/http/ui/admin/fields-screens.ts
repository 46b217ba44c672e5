/** Admin: fields with their contexts and options, and screens with their tabs. */
import type { Request, Response } from 'express';
import type { Field, FieldContext } from '../../../model/index.ts';
import type { SandboxContext } from '../../context.ts';
import { html, type SafeHtml } from '../../../common/html.ts';
import { sendPage } from '../layout.ts';

const contextCell = (ctx: SandboxContext, c: FieldContext): SafeHtml => {
  const tr = ctx.tracker;
  const types = c.issueTypes.length ? c.issueTypes.map((t) => tr.issueType(t)?.name ?? t).join(', ') : 'all issue types';
  const options = (c.options ?? []).map(
    (o) =>
      html`<li>${o.value}${o.disabled ? ' (disabled)' : ''}${o.children?.length ? html`<ul>${o.children.map((ch) => html`<li>${ch.value}${ch.disabled ? ' (disabled)' : ''}</li>`)}</ul>` : ''}</li>`,
  );
  return html`<div class="context"><p><strong>${c.name ?? `Context ${c.id}`}</strong>: ${c.projects.length ? c.projects.join(', ') : 'all projects'} × ${types}${c.default !== undefined && c.default !== null ? html` · default ${JSON.stringify(c.default)}` : ''}</p>
${options.length ? html`<ul class="options">${options}</ul>` : ''}</div>`;
};

const fieldRow = (
  ctx: SandboxContext,
  f: Field,
): SafeHtml => html`<tr><th scope="row">${f.name}</th><td><code>${f.id}</code></td><td>${f.type}</td><td>${f.custom ? 'custom' : 'system'}</td>
<td>${f.contexts.length ? f.contexts.map((c) => contextCell(ctx, c)) : html`<span class="none">—</span>`}</td></tr>`;

export const fieldsPage = (ctx: SandboxContext, req: Request, res: Response): void => {
  const fields = ctx.tracker.config.fields;
  sendPage(ctx, req, res, {
    title: 'Fields',
    body: html`<h1>Fields</h1><table class="grid"><caption>${fields.length} fields with their contexts and options</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Id</th><th scope="col">Type</th><th scope="col">Kind</th><th scope="col">Contexts and options</th></tr></thead>
<tbody>${fields.map((f) => fieldRow(ctx, f))}</tbody></table>`,
  });
};

export const screensPage = (ctx: SandboxContext, req: Request, res: Response): void => {
  const { config } = ctx.tracker;
  const name = (id: string) => config.fields.find((f) => f.id === id)?.name ?? (id === 'resolution' ? 'Resolution' : id);
  const sections = config.screens.map(
    (
      s,
    ) => html`<section aria-labelledby="scr-${s.id}"><h2 id="scr-${s.id}">${s.name}</h2>${s.description ? html`<p class="muted">${s.description}</p>` : ''}
<div class="tabs">${s.tabs.map((t) => html`<div class="tab"><h3>Tab: ${t.name}</h3><ol>${t.fields.map((f) => html`<li>${name(f)}</li>`)}</ol></div>`)}</div></section>`,
  );
  sendPage(ctx, req, res, { title: 'Screens', body: html`<h1>Screens</h1>${sections}` });
};
