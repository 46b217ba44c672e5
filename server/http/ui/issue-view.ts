/**
 * `/browse/KEY`: the issue as the persona may see it, with what they may do to it — the
 * transitions tracker.transitions offers (one button each, named by the transition), edit,
 * comment and assign only where the tracker's permissions allow.
 */
import type { Request, Response } from 'express';
import { type Issue, type Project, workflowFor } from '../../model/index.ts';
import type { TransitionView } from '../../tracker/index.ts';
import type { SandboxContext } from '../context.ts';
import { actorOf } from '../context.ts';
import { html, type SafeHtml } from '../../common/html.ts';
import { choicesFor } from './choices.ts';
import { issueTypeName } from './format.ts';
import { comments, customFields, details, history, linksAndSubtasks, textBlocks, watchers } from './issue-sections.ts';
import { alertBox, sendPage } from './layout.ts';

export interface ViewProblems {
  comment?: string;
  commentText?: string;
  assign?: string;
  messages?: string[];
}

const keyPath = (issue: Issue) => `/browse/${encodeURIComponent(issue.key)}`;

/** A transition goes through a form when it has a screen or a validator asks for input. */
export const needsForm = (ctx: SandboxContext, project: Project, issue: Issue, t: TransitionView): boolean => {
  if (t.hasScreen) return true;
  const wf = workflowFor(ctx.tracker.config, project, issue.issueType);
  const rules = wf?.transitions.find((x) => x.id === t.id)?.rules;
  return (rules?.validators ?? []).some((v) => v.type === 'commentRequired' || v.type === 'fieldRequired');
};

const transitionButtons = (ctx: SandboxContext, project: Project, issue: Issue, list: TransitionView[]): SafeHtml => {
  if (!list.length) return html`<p class="none">No transitions are available to you.</p>`;
  return html`<ul class="transitions">${list.map((t) => {
    const action = `${keyPath(issue)}/transition/${encodeURIComponent(t.id)}`;
    return needsForm(ctx, project, issue, t)
      ? html`<li><form method="get" action="${action}"><button type="submit">${t.name}</button></form></li>`
      : html`<li><form method="post" action="${action}"><button type="submit">${t.name}</button></form></li>`;
  })}</ul>`;
};

const commentForm = (
  issue: Issue,
  p: ViewProblems,
): SafeHtml => html`<form method="post" action="${keyPath(issue)}/comment" class="comment-form" novalidate>
<div class="field${p.comment ? ' has-error' : ''}"><label for="comment">Add a comment</label>
<textarea id="comment" name="comment" rows="3"${p.comment ? html` aria-invalid="true" aria-describedby="err-comment"` : ''}>${p.commentText ?? ''}</textarea>
${p.comment ? html`<p class="field-error" id="err-comment">${p.comment}</p>` : ''}</div>
<button type="submit">Comment</button></form>`;

const assignForm = (ctx: SandboxContext, issue: Issue, p: ViewProblems): SafeHtml => {
  const people = choicesFor(ctx.tracker, issue.project, issue).assignable;
  return html`<form method="post" action="${keyPath(issue)}/assign" class="inline-form">
<label for="assignee">Assignee</label>
<select id="assignee" name="assignee"${p.assign ? html` aria-invalid="true" aria-describedby="err-assign"` : ''}>
<option value="">Unassigned</option>${people.map((u) => html`<option value="${u.id}"${u.id === issue.assignee ? html` selected` : ''}>${u.name}</option>`)}</select>
<button type="submit">Assign</button>${p.assign ? html`<p class="field-error" id="err-assign">${p.assign}</p>` : ''}</form>`;
};

export const viewIssue = (ctx: SandboxContext, req: Request, res: Response, key: string, problems: ViewProblems = {}, status = 200): void => {
  const { tracker } = ctx;
  const actor = actorOf(res);
  const issue = tracker.getIssue(actor, key);
  const project = tracker.project(issue.project)!;
  const transitions = tracker.transitions(actor, issue.key);
  const canEdit = tracker.editMeta(actor, issue.key).length > 0;
  const canComment = actor !== null && tracker.can(actor, 'ADD_COMMENTS', project.key, issue);
  const canAssign = tracker.can(actor, 'ASSIGN_ISSUES', project.key, issue);
  sendPage(ctx, req, res, {
    title: `[${issue.key}] ${issue.summary}`,
    status,
    body: html`<nav aria-label="Breadcrumbs" class="crumbs"><a href="/issues/?jql=${encodeURIComponent(`project = ${project.key}`)}">${project.name}</a> / <span>${issueTypeName(tracker, issue.issueType)}</span> / <a href="${keyPath(issue)}" aria-current="page">${issue.key}</a></nav>
<h1 class="summary">${issue.summary}</h1>
${alertBox(problems.messages ?? [])}
<div class="toolbar">
${canEdit ? html`<a class="button" href="${keyPath(issue)}/edit">Edit</a>` : ''}
<section aria-labelledby="h-workflow" class="workflow"><h2 id="h-workflow" class="visually-hidden">Workflow</h2>${transitionButtons(ctx, project, issue, transitions)}</section>
${canAssign ? assignForm(ctx, issue, problems) : ''}</div>
<div class="issue-grid"><div class="main-col">${details(tracker, project, issue)}${customFields(tracker, project, issue)}${textBlocks(issue)}
${linksAndSubtasks(tracker, actor, issue)}${comments(tracker, issue, canComment ? commentForm(issue, problems) : html``, actor)}${history(tracker, issue)}</div>
<aside class="side-col" aria-label="Watchers">${watchers(tracker, issue)}</aside></div>`,
  });
};
