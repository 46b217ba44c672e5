/**
 * `/browse/KEY/edit`: the edit screen (tracker.editMeta) prefilled with the issue's values. Only
 * fields the person changed are sent to tracker.editIssue, so an untouched field never fails.
 */
import type { Request, Response } from 'express';
import type { Issue } from '../../model/index.ts';
import { type FieldMeta, getValue, isTrackerError, TrackerError } from '../../tracker/index.ts';
import type { SandboxContext } from '../context.ts';
import { actorOf } from '../context.ts';
import { html } from '../../common/html.ts';
import { choicesFor } from './choices.ts';
import { fieldInput, unplacedErrors } from './field-input.ts';
import { param } from './format.ts';
import { changedFields, formState, formToFields, toForm, type FormState } from './form-values.ts';
import { alertBox, sendPage } from './layout.ts';

interface Attempt {
  values?: FormState;
  errors?: Record<string, string>;
  messages?: string[];
}

const metaOrDenied = (ctx: SandboxContext, actor: string | null, issue: Issue): FieldMeta[] => {
  const meta = ctx.tracker.editMeta(actor, issue.key);
  if (!meta.length)
    throw new TrackerError(actor === null ? 401 : 403, { errorMessages: ['You do not have permission to edit issues in this project.'], errors: {} });
  return meta;
};

export const editForm = (ctx: SandboxContext, req: Request, res: Response, a: Attempt = {}, status = 200): void => {
  const { tracker } = ctx;
  const actor = actorOf(res);
  const issue = tracker.getIssue(actor, param(req.params.key));
  const meta = metaOrDenied(ctx, actor, issue);
  const values = a.values ?? Object.fromEntries(meta.map((m) => [m.fieldId, toForm(m.type, getValue(issue, m.fieldId))]));
  const errors = a.errors ?? {};
  const choices = choicesFor(tracker, issue.project, issue);
  const path = `/browse/${encodeURIComponent(issue.key)}`;
  sendPage(ctx, req, res, {
    title: `Edit ${issue.key}`,
    status,
    body: html`<nav aria-label="Breadcrumbs" class="crumbs"><a href="${path}">${issue.key}</a></nav>
<h1>Edit ${issue.key}</h1>${alertBox([...(a.messages ?? []), ...unplacedErrors(errors, meta)])}
<form method="post" action="${path}/edit" class="issue-form" novalidate>
<p class="hint">Fields marked <span class="req" aria-hidden="true">*</span> are required.</p>
${meta.map((m) => fieldInput(m, values[m.fieldId] ?? '', errors[m.fieldId], choices))}
<div class="actions"><button type="submit" class="primary">Update</button> <a href="${path}">Cancel</a></div></form>`,
  });
};

export const editRoute = async (ctx: SandboxContext, req: Request, res: Response): Promise<void> => {
  const actor = actorOf(res);
  const issue = ctx.tracker.getIssue(actor, param(req.params.key));
  const meta = metaOrDenied(ctx, actor, issue);
  const body = formState(req.body);
  const changed = changedFields(issue, formToFields(meta, body));
  try {
    if (Object.keys(changed).length) await ctx.write(() => ctx.tracker.editIssue(actor, issue.key, changed));
    res.redirect(303, `/browse/${encodeURIComponent(issue.key)}`);
  } catch (e) {
    if (!isTrackerError(e) || e.status !== 400) throw e;
    editForm(ctx, req, res, { values: body, errors: e.body.errors, messages: e.body.errorMessages }, 400);
  }
};
