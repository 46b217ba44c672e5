/** Admin: permission schemes (grants per permission) and notification schemes (recipients per event). */
import type { Request, Response } from 'express';
import { NOTIFICATION_EVENTS, type Project, PROJECT_PERMISSIONS } from '../../../model/index.ts';
import type { SandboxContext } from '../../context.ts';
import { html } from '../../../common/html.ts';
import { sendPage } from '../layout.ts';
import { holderName } from './holders.ts';

const projectsUsing = (projects: readonly Project[], kind: 'permissionScheme' | 'notificationScheme', id: string): string =>
  projects
    .filter((p) => p.schemes[kind] === id)
    .map((p) => p.key)
    .join(', ') || 'no projects';

export const permissionSchemes = (ctx: SandboxContext, req: Request, res: Response): void => {
  const { config } = ctx.tracker;
  const tr = ctx.tracker;
  const sections = config.permissionSchemes.map(
    (s) => html`<section aria-labelledby="ps-${s.id}"><h2 id="ps-${s.id}">${s.name}</h2>
<p class="muted">${s.description ?? ''} Used by: ${projectsUsing(config.projects, 'permissionScheme', s.id)}</p>
<table class="grid"><caption class="visually-hidden">Grants of ${s.name}</caption><thead><tr><th scope="col">Permission</th><th scope="col">Granted to</th></tr></thead>
<tbody>${PROJECT_PERMISSIONS.map((perm) => {
      const grants = s.grants.filter((g) => g.permission === perm);
      return html`<tr><th scope="row">${perm}</th><td>${grants.length ? html`<ul class="plain">${grants.map((g) => html`<li>${holderName(tr, g.holder)}</li>`)}</ul>` : html`<span class="none">Nobody</span>`}</td></tr>`;
    })}</tbody></table></section>`,
  );
  sendPage(ctx, req, res, { title: 'Permission schemes', body: html`<h1>Permission schemes</h1>${sections}` });
};

export const notificationSchemes = (ctx: SandboxContext, req: Request, res: Response): void => {
  const { config } = ctx.tracker;
  const tr = ctx.tracker;
  const sections = config.notificationSchemes.map(
    (s) => html`<section aria-labelledby="ns-${s.id}"><h2 id="ns-${s.id}">${s.name}</h2>
<p class="muted">${s.description ?? ''} Used by: ${projectsUsing(config.projects, 'notificationScheme', s.id)}</p>
<table class="grid"><caption class="visually-hidden">Notifications of ${s.name}</caption><thead><tr><th scope="col">Event</th><th scope="col">Notified</th></tr></thead>
<tbody>${NOTIFICATION_EVENTS.map((ev) => {
      const recipients = s.events.filter((e) => e.event === ev).flatMap((e) => e.recipients);
      return html`<tr><th scope="row">${ev}</th><td>${recipients.length ? html`<ul class="plain">${recipients.map((r) => html`<li>${holderName(tr, r)}</li>`)}</ul>` : html`<span class="none">Nobody</span>`}</td></tr>`;
    })}</tbody></table></section>`,
  );
  sendPage(ctx, req, res, { title: 'Notification schemes', body: html`<h1>Notification schemes</h1>${sections}` });
};
