/**
 * `/secure/CreateIssue`: choose project and issue type, then the create screen's fields in order
 * (tracker.createMeta: required marks, allowed values, defaults preselected). The POST calls
 * tracker.createIssue through ctx.write and redirects to the new issue; a refusal re-renders the
 * form with the tracker's errors beside their fields.
 */
import { Router, urlencoded, type Request, type Response } from 'express';
import { issueTypesOf } from '../../model/index.ts';
import { type FieldMeta, isTrackerError } from '../../tracker/index.ts';
import type { SandboxContext } from '../context.ts';
import { actorOf } from '../context.ts';
import { html, type SafeHtml } from '../../common/html.ts';
import { choicesFor } from './choices.ts';
import { fieldInput, unplacedErrors } from './field-input.ts';
import { issueTypeName, param } from './format.ts';
import { formState, formToFields, toForm, type FormState } from './form-values.ts';
import { alertBox, sendPage } from './layout.ts';

interface Step {
  pid: string;
  issuetype: string;
  values?: FormState;
  errors?: Record<string, string>;
  messages?: string[];
}

const chooser = (ctx: SandboxContext, res: Response, s: Step, errors: Record<string, string>): SafeHtml => {
  const { tracker } = ctx;
  const actor = actorOf(res);
  const projects = tracker.config.projects.filter((p) => !p.archived && tracker.can(actor, 'CREATE_ISSUES', p.key));
  const chosen = projects.find((p) => p.key === s.pid);
  const types = chosen ? issueTypesOf(tracker.config, chosen) : [...new Set(projects.flatMap((p) => issueTypesOf(tracker.config, p)))];
  const err = (k: string) => (errors[k] ? html` aria-invalid="true" aria-describedby="err-${k}"` : '');
  const msg = (k: string) => (errors[k] ? html`<p class="field-error" id="err-${k}">${errors[k]}</p>` : '');
  return html`<form method="get" action="/secure/CreateIssue" class="chooser">
<div class="field"><label for="pid">Project</label><select id="pid" name="pid"${err('project')}>
${projects.map((p) => html`<option value="${p.key}"${p.key === s.pid ? html` selected` : ''}>${p.name} (${p.key})</option>`)}</select>${msg('project')}</div>
<div class="field"><label for="issuetype">Issue type</label><select id="issuetype" name="issuetype"${err('issuetype')}>
${types.map((id) => html`<option value="${id}"${id === s.issuetype ? html` selected` : ''}>${issueTypeName(tracker, id)}</option>`)}</select>${msg('issuetype')}</div>
<button type="submit">${s.pid && s.issuetype ? 'Change' : 'Next'}</button></form>`;
};

const defaults = (meta: FieldMeta[], actor: string | null): FormState => {
  const out: FormState = {};
  for (const m of meta) {
    const v = m.fieldId === 'reporter' ? actor : m.defaultValue;
    out[m.fieldId] = toForm(m.type, v);
  }
  return out;
};

const render = (ctx: SandboxContext, req: Request, res: Response, s: Step): void => {
  const { tracker } = ctx;
  const actor = actorOf(res);
  let meta: FieldMeta[] | undefined;
  let chooserErrors: Record<string, string> = {};
  const messages = [...(s.messages ?? [])];
  if (s.pid && s.issuetype) {
    try {
      meta = tracker.createMeta(actor, s.pid, s.issuetype);
    } catch (e) {
      if (!isTrackerError(e) || e.status !== 400) throw e;
      chooserErrors = e.body.errors;
      messages.push(...e.body.errorMessages);
    }
  }
  const errors = s.errors ?? {};
  const values = s.values ?? (meta ? defaults(meta, actor) : {});
  const isSubtask = tracker.issueType(s.issuetype)?.subtask === true;
  const parentError = errors.parent;
  const choices = meta ? choicesFor(tracker, s.pid) : undefined;
  const form =
    meta && choices
      ? html`<form method="post" action="/secure/CreateIssue" class="issue-form" novalidate>
<input type="hidden" name="pid" value="${s.pid}"><input type="hidden" name="issuetype" value="${s.issuetype}">
<p class="hint">Fields marked <span class="req" aria-hidden="true">*</span> are required.</p>
${
  isSubtask
    ? html`<div class="field${parentError ? ' has-error' : ''}"><label for="f-parent">Parent issue<span class="req" aria-hidden="true">*</span></label>
<input id="f-parent" name="parent" value="${values.parent ?? ''}"${parentError ? html` aria-invalid="true" aria-describedby="err-parent"` : ''}>
${parentError ? html`<p class="field-error" id="err-parent">${parentError}</p>` : ''}</div>`
    : ''
}
${meta.map((m) => fieldInput(m, values[m.fieldId] ?? '', errors[m.fieldId], choices))}
<div class="actions"><button type="submit" class="primary">Create</button> <a href="/">Cancel</a></div></form>`
      : html``;
  const unplaced = meta ? unplacedErrors(errors, meta).filter((m) => !m.startsWith('parent:')) : [];
  sendPage(ctx, req, res, {
    title: 'Create issue',
    status: s.errors || Object.keys(chooserErrors).length ? 400 : 200,
    body: html`<h1>Create issue</h1>${alertBox([...messages, ...unplaced])}${chooser(ctx, res, s, chooserErrors)}${form}`,
  });
};

export const createRoutes = (ctx: SandboxContext): Router => {
  const r = Router();
  r.get(['/secure/CreateIssue', '/secure/CreateIssue\\!default.jspa', '/secure/CreateIssue.jspa'], (req, res) =>
    render(ctx, req, res, { pid: param(req.query.pid), issuetype: param(req.query.issuetype) }),
  );
  r.post('/secure/CreateIssue', urlencoded({ extended: false }), async (req, res) => {
    const body = formState(req.body);
    const actor = actorOf(res);
    const step: Step = { pid: param(body.pid), issuetype: param(body.issuetype), values: body };
    try {
      const meta = ctx.tracker.createMeta(actor, step.pid, step.issuetype);
      const parent = param(body.parent).trim();
      const issue = await ctx.write(() =>
        ctx.tracker.createIssue(actor, {
          project: step.pid,
          issueType: step.issuetype,
          fields: formToFields(meta, body),
          ...(parent ? { parent } : {}),
        }),
      );
      res.redirect(303, `/browse/${encodeURIComponent(issue.key)}`);
    } catch (e) {
      if (!isTrackerError(e) || e.status !== 400) throw e;
      render(ctx, req, res, { ...step, errors: e.body.errors, messages: e.body.errorMessages });
    }
  });
  return r;
};
