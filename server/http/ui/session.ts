/**
 * The persona switcher: no passwords in the sandbox; choosing a persona sets PERSONA_COOKIE (the
 * account id with a secret derived from the persona's token, so an account id alone signs nobody
 * in) and goes back where the person came from. Only local paths are accepted as targets.
 */
import { Router, urlencoded, type Request, type Response } from 'express';
import type { SandboxContext } from '../context.ts';
import { actorOf, PERSONA_COOKIE } from '../context.ts';
import { html } from '../../common/html.ts';
import { personaCookieValue } from '../../common/sandbox-names.ts';
import { param } from './format.ts';
import { alertBox, sendPage } from './layout.ts';

/**
 * A same-site path, never `//host`, `/\\host` or an absolute URL (no open redirect). Whitespace and
 * control characters are refused too: browsers drop them, which would turn `/\t/host` into `//host`.
 */
export const safeReturn = (value: unknown): string => {
  const v = param(value);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a return address with control characters is refused on purpose
  return /^\/(?![/\\])/.test(v) && !/[\s\x00-\x1f\x7f\\]/.test(v) ? v : '/';
};

const loginPage = (ctx: SandboxContext, req: Request, res: Response, error?: string): void => {
  const back = safeReturn(req.query.returnTo ?? req.body?.returnTo);
  const current = actorOf(res);
  const rows = ctx.personas().map(
    (p) => html`<tr${p.accountId === current ? html` aria-current="true"` : ''}>
<td><button type="submit" name="accountId" value="${p.accountId}">${p.displayName}</button></td>
<td>${p.email}</td><td>${p.groups.join(', ')}</td><td>${p.admin ? 'yes' : ''}</td></tr>`,
  );
  sendPage(ctx, req, res, {
    title: 'Sign in',
    status: error ? 400 : 200,
    body: html`<h1>Sign in</h1>
<p>Choose a persona. The sandbox has no passwords: you act as that person, with their groups and permissions.</p>
${error ? alertBox([error]) : ''}
<form method="post" action="/login"><input type="hidden" name="returnTo" value="${back}">
<table class="grid"><caption>Personas (active users of the snapshot)</caption>
<thead><tr><th scope="col">Persona</th><th scope="col">E-mail</th><th scope="col">Groups</th><th scope="col">Admin</th></tr></thead>
<tbody>${rows}</tbody></table></form>`,
  });
};

export const sessionRoutes = (ctx: SandboxContext): Router => {
  const r = Router();
  const form = urlencoded({ extended: false });
  r.get('/login', (req, res) => loginPage(ctx, req, res));
  r.post('/login', form, (req, res) => {
    const id = param(req.body?.accountId);
    const persona = ctx.personas().find((p) => p.accountId === id);
    if (!persona) {
      loginPage(ctx, req, res, `There is no active persona with account id '${id}'. Choose one from the list.`);
      return;
    }
    res.cookie(PERSONA_COOKIE, personaCookieValue(persona), { httpOnly: true, sameSite: 'lax', path: '/' });
    res.redirect(303, safeReturn(req.body?.returnTo));
  });
  r.post('/logout', (_req, res) => {
    res.clearCookie(PERSONA_COOKIE, { path: '/' });
    res.redirect(303, '/login');
  });
  return r;
};
