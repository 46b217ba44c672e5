/** Admin: the workflows, each with its SVG diagram and its transitions in a table. */
import type { Request, Response } from 'express';
import type { ConditionTree, Workflow } from '../../../model/index.ts';
import type { SandboxContext } from '../../context.ts';
import { html, type SafeHtml } from '../../../common/html.ts';
import { param, query } from '../format.ts';
import { sendError } from '../errors.ts';
import { sendPage } from '../layout.ts';
import { describeConditions, describePostFunction, describeValidator } from './describe-rules.ts';
import { layoutOf } from './workflow-layout.ts';
import { workflowSvg } from './workflow-svg.ts';

const usedBy = (ctx: SandboxContext, wf: Workflow): string[] => {
  const config = ctx.tracker.config;
  const schemes = config.workflowSchemes.filter((s) => s.defaultWorkflow === wf.id || s.mappings.some((m) => m.workflow === wf.id));
  return schemes.map(
    (s) =>
      `${s.name} (${
        config.projects
          .filter((p) => p.schemes.workflowScheme === s.id)
          .map((p) => p.key)
          .join(', ') || 'no projects'
      })`,
  );
};

export const workflowList = (ctx: SandboxContext, req: Request, res: Response): void => {
  const rows = ctx.tracker.config.workflows.map(
    (wf) => html`<tr><th scope="row"><a href="/secure/admin/workflows/ViewWorkflowSteps.jspa${query({ workflowName: wf.name })}">${wf.name}</a></th>
<td>${wf.description ?? ''}</td><td class="num">${wf.statuses.length}</td><td class="num">${wf.transitions.length}</td><td>${usedBy(ctx, wf).join('; ')}</td></tr>`,
  );
  sendPage(ctx, req, res, {
    title: 'Workflows',
    body: html`<h1>Workflows</h1><table class="grid"><caption>Workflows and the schemes that use them</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Description</th><th scope="col">Statuses</th><th scope="col">Transitions</th><th scope="col">Used by</th></tr></thead><tbody>${rows}</tbody></table>`,
  });
};

const legend = html`<ul class="legend" aria-label="Legend">
<li><span class="swatch cat-todo"></span> To Do</li><li><span class="swatch cat-in-progress"></span> In Progress</li><li><span class="swatch cat-done"></span> Done</li>
<li><span class="line plain"></span> transition</li><li><span class="line conditional"></span> conditional transition</li><li><span class="line global"></span> global transition (from any status)</li></ul>`;

const transitionTable = (ctx: SandboxContext, wf: Workflow): SafeHtml => {
  const tr = ctx.tracker;
  const name = (id: string) => tr.status(id)?.name ?? id;
  const screens = ctx.tracker.config.screens;
  const rows = wf.transitions.map(
    (t) => html`<tr><th scope="row">${t.name}</th><td>${t.type}</td>
<td>${t.type === 'directed' ? t.from.map(name).join(', ') : t.type === 'global' ? 'Any status' : '(create)'}</td><td>${name(t.to)}</td>
<td>${t.screen ? (screens.find((s) => s.id === t.screen)?.name ?? t.screen) : ''}</td>
<td>${describeConditions(tr, t.rules.conditions as ConditionTree | undefined)}</td>
<td>${t.rules.validators.map((v) => describeValidator(tr, v)).join('; ')}</td>
<td>${t.rules.postFunctions.map((p) => describePostFunction(tr, p)).join('; ')}</td></tr>`,
  );
  return html`<table class="grid"><caption>Transitions of ${wf.name}</caption>
<thead><tr><th scope="col">Transition</th><th scope="col">Type</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Screen</th><th scope="col">Conditions</th><th scope="col">Validators</th><th scope="col">Post functions</th></tr></thead>
<tbody>${rows}</tbody></table>`;
};

export const workflowView = (ctx: SandboxContext, req: Request, res: Response): void => {
  const ref = param(req.query.workflowName) || param(req.query.workflowId);
  const wf = ctx.tracker.config.workflows.find((w) => w.name === ref || w.id === ref);
  if (!wf) {
    sendError(ctx, req, res, 404, [`The workflow '${ref}' does not exist.`]);
    return;
  }
  const layout = layoutOf(wf);
  sendPage(ctx, req, res, {
    title: `Workflow: ${wf.name}`,
    body: html`<nav aria-label="Breadcrumbs" class="crumbs"><a href="/secure/admin/workflows/ListWorkflows.jspa">Workflows</a></nav>
<h1>${wf.name}</h1>${wf.description ? html`<p>${wf.description}</p>` : ''}
<p class="muted">Used by: ${usedBy(ctx, wf).join('; ') || 'no scheme'} · layout ${layout.fromConfig ? 'from the workflow' : 'computed'}</p>
<figure class="diagram">${workflowSvg(wf, (id) => ctx.tracker.status(id))}<figcaption>${legend}</figcaption></figure>
${transitionTable(ctx, wf)}`,
  });
};
