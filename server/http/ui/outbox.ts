/** `/outbox`: the notifications the tracker recorded (nothing is ever sent) that the viewer may see, filterable by recipient and event. */
import { Router, type Request, type Response } from 'express';
import { NOTIFICATION_EVENTS } from '../../model/index.ts';
import { actorOf, type SandboxContext } from '../context.ts';
import { html } from '../../common/html.ts';
import { issueLink, param, userName, when } from './format.ts';
import { sendPage } from './layout.ts';

const outboxPage = (ctx: SandboxContext, req: Request, res: Response): void => {
  const { tracker } = ctx;
  const recipient = param(req.query.recipient);
  const event = param(req.query.event);
  // Only what the viewer may see: notifications on issues they may browse, none about a comment hidden from them.
  const visible = tracker.outboxFor(actorOf(res));
  const entries = visible.filter((e) => (!recipient || e.recipient === recipient || e.recipientEmail === recipient) && (!event || e.event === event));
  const recipients = [...new Set(visible.map((e) => e.recipient))];
  const rows = [...entries].reverse().map(
    (e) => html`<tr><td>${when(e.at)}</td><td>${e.event}</td><th scope="row">${issueLink(e.issueKey)}</th>
<td>${userName(tracker, e.recipient)} <span class="muted">${e.recipientEmail}</span></td><td>${e.actor ? userName(tracker, e.actor) : 'Anonymous'}</td></tr>`,
  );
  sendPage(ctx, req, res, {
    title: 'Notification outbox',
    body: html`<h1>Notification outbox</h1>
<p>Every notification the sandbox would have sent since it started. Nothing leaves the sandbox.</p>
<form method="get" action="/outbox" class="filters">
<div class="field"><label for="recipient">Recipient</label><select id="recipient" name="recipient"><option value="">Anyone</option>
${recipients.map((r) => html`<option value="${r}"${r === recipient ? html` selected` : ''}>${userName(tracker, r)}</option>`)}</select></div>
<div class="field"><label for="event">Event</label><select id="event" name="event"><option value="">Any event</option>
${NOTIFICATION_EVENTS.map((ev) => html`<option value="${ev}"${ev === event ? html` selected` : ''}>${ev}</option>`)}</select></div>
<button type="submit">Filter</button></form>
<table class="grid"><caption>${entries.length} of ${visible.length} notifications you may see, newest first</caption>
<thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Issue</th><th scope="col">Recipient</th><th scope="col">Caused by</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  });
};

export const outboxRoutes = (ctx: SandboxContext): Router => {
  const r = Router();
  r.get('/outbox', (req, res) => outboxPage(ctx, req, res));
  return r;
};
