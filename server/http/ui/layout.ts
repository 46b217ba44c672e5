/**
 * The page shell every UI page shares: landmarks (header with the signed-in persona, nav, main),
 * one stylesheet, and the page's own h1 inside main. Everything goes through the `html` tag.
 */
import type { Request, Response } from 'express';
import type { SandboxContext } from '../context.ts';
import { actorOf } from '../context.ts';
import { html, SafeHtml } from '../../common/html.ts';

export const STYLESHEET = '/ui-assets/style.css';

export interface PageOptions {
  title: string;
  body: SafeHtml;
  status?: number;
}

/** Where the switcher sends a persona back to: this page, unless it is the sign-in page itself. */
const returnTo = (req: Request): string => (req.path.startsWith('/login') ? '/' : req.originalUrl);

const personaBox = (ctx: SandboxContext, req: Request, res: Response): SafeHtml => {
  const actor = actorOf(res);
  const persona = actor ? ctx.personas().find((p) => p.accountId === actor) : undefined;
  const back = encodeURIComponent(returnTo(req));
  if (!persona) {
    return html`<p class="persona">Not signed in · <a href="/login?returnTo=${back}">Sign in</a></p>`;
  }
  return html`<div class="persona"><span>Signed in as <strong data-testid="current-persona">${persona.displayName}</strong>${persona.admin ? html` <span class="badge">admin</span>` : ''}</span>
<a href="/login?returnTo=${back}">Switch persona</a>
<form method="post" action="/logout"><button type="submit" class="link">Sign out</button></form></div>`;
};

const nav = (ctx: SandboxContext, res: Response): SafeHtml => {
  const admin = ctx.tracker.isAdmin(actorOf(res));
  return html`<nav aria-label="Main"><ul>
<li><a href="/projects">Projects</a></li>
<li><a href="/issues/">Issues</a></li>
<li><a href="/secure/ManageRapidViews.jspa">Boards</a></li>
<li><a href="/secure/CreateIssue">Create</a></li>
<li><a href="/outbox">Outbox</a></li>
${admin ? html`<li><a href="/secure/admin">Administration</a></li>` : ''}
</ul></nav>`;
};

/** The announcement banner set through the REST API (text, escaped), when it is on for this viewer. */
const announcement = (ctx: SandboxContext, res: Response): SafeHtml => {
  const b = ctx.tracker.admin.banner.shown(actorOf(res));
  return b
    ? html`<div class="announcement-banner" role="region" aria-label="Announcement" data-testid="announcement-banner">${b.message}</div>`
    : html``;
};

/** Renders a full page and sends it. */
export const sendPage = (ctx: SandboxContext, req: Request, res: Response, opts: PageOptions): void => {
  const title = ctx.tracker.config.tracker.title;
  const doc = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${opts.title} · ${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${STYLESHEET}"></head>
<body><header class="top"><a class="brand" href="/">${title} <span>Understudy sandbox</span></a>${nav(ctx, res)}${personaBox(ctx, req, res)}</header>
${announcement(ctx, res)}${ctx.banner ? new SafeHtml(ctx.banner) : ''}<main id="main">${opts.body}</main></body></html>`;
  res
    .status(opts.status ?? 200)
    .type('html')
    .send(doc.value);
};

/** A list of messages as an alert region (the tracker's own words). */
export const alertBox = (messages: readonly string[]): SafeHtml =>
  messages.length ? html`<div class="alert" role="alert"><ul>${messages.map((m) => html`<li>${m}</li>`)}</ul></div>` : html``;
