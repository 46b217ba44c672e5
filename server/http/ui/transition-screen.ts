/**
 * A transition as a form (`/browse/KEY/transition/ID`): the transition screen's fields with the
 * tracker's required marks, plus a comment. The POST calls tracker.doTransition through ctx.write;
 * transitions without a form post straight from the issue view to the same route.
 */
import type { Request, Response } from 'express';
import { getValue, isTrackerError, TrackerError, type TransitionView } from '../../tracker/index.ts';
import type { SandboxContext } from '../context.ts';
import { actorOf } from '../context.ts';
import { html } from '../../common/html.ts';
import { choicesFor } from './choices.ts';
import { fieldInput, unplacedErrors } from './field-input.ts';
import { param, statusLozenge } from './format.ts';
import { changedFields, formState, formToFields, toForm, type FormState } from './form-values.ts';
import { alertBox, sendPage } from './layout.ts';

interface Attempt {
  values?: FormState;
  errors?: Record<string, string>;
  messages?: string[];
}

const findTransition = (ctx: SandboxContext, actor: string | null, key: string, id: string): TransitionView => {
  const t = ctx.tracker.transitions(actor, key).find((x) => x.id === id);
  // The tracker's own words for a transition that is not (or no longer) available.
  if (!t) throw new TrackerError(400, { errorMessages: [`Transition id '${id}' is not valid for this issue.`], errors: {} });
  return t;
};

export const transitionForm = (ctx: SandboxContext, req: Request, res: Response, a: Attempt = {}, status = 200): void => {
  const { tracker } = ctx;
  const actor = actorOf(res);
  const issue = tracker.getIssue(actor, param(req.params.key));
  const t = findTransition(ctx, actor, issue.key, param(req.params.tid));
  const values: FormState =
    a.values ?? Object.fromEntries(t.fields.map((m) => [m.fieldId, toForm(m.type, m.fieldId === 'resolution' ? null : getValue(issue, m.fieldId))]));
  const errors = a.errors ?? {};
  const choices = choicesFor(tracker, issue.project, issue);
  const commentError = errors.comment;
  const path = `/browse/${encodeURIComponent(issue.key)}`;
  sendPage(ctx, req, res, {
    title: `${t.name}: ${issue.key}`,
    status,
    body: html`<nav aria-label="Breadcrumbs" class="crumbs"><a href="${path}">${issue.key}</a></nav>
<h1>${t.name}</h1>
<p>${issue.key}: ${issue.summary} — moves to ${statusLozenge(tracker, t.to.id)}</p>
${alertBox([...(a.messages ?? []), ...unplacedErrors(errors, t.fields).filter((m) => !m.startsWith('comment:'))])}
<form method="post" action="${path}/transition/${encodeURIComponent(t.id)}" class="issue-form" novalidate>
${t.fields.length ? html`<p class="hint">Fields marked <span class="req" aria-hidden="true">*</span> are required.</p>` : ''}
${t.fields.map((m) => fieldInput(m, values[m.fieldId] ?? '', errors[m.fieldId], choices))}
<div class="field${commentError ? ' has-error' : ''}"><label for="f-comment">Comment</label>
<textarea id="f-comment" name="comment" rows="3"${commentError ? html` aria-invalid="true" aria-describedby="err-comment"` : ''}>${values.comment ?? ''}</textarea>
${commentError ? html`<p class="field-error" id="err-comment">${commentError}</p>` : ''}</div>
<div class="actions"><button type="submit" class="primary">${t.name}</button> <a href="${path}">Cancel</a></div></form>`,
  });
};

/** POST: do the transition; a refusal shows the form again with the tracker's errors. */
export const doTransitionRoute = async (ctx: SandboxContext, req: Request, res: Response): Promise<void> => {
  const actor = actorOf(res);
  const key = param(req.params.key);
  const body = formState(req.body);
  const current = ctx.tracker.getIssue(actor, key);
  const t = findTransition(ctx, actor, current.key, param(req.params.tid));
  const comment = param(body.comment);
  try {
    const issue = await ctx.write(() =>
      ctx.tracker.doTransition(actor, key, t.id, {
        fields: changedFields(current, formToFields(t.fields, body)),
        ...(comment.trim() ? { comment } : {}),
      }),
    );
    res.redirect(303, `/browse/${encodeURIComponent(issue.key)}`);
  } catch (e) {
    if (!isTrackerError(e) || e.status !== 400) throw e;
    transitionForm(ctx, req, res, { values: body, errors: e.body.errors, messages: e.body.errorMessages }, 400);
  }
};
