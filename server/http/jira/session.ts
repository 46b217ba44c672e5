/**
 * Cookie sessions, `/rest/auth/1/session`, as older scripts still use them: POST {username,
 * password} (a persona's e-mail and API token) sets `JSESSIONID`; GET says who is signed in;
 * DELETE signs out. `--mimic cloud-strict` answers 404, as Jira Cloud no longer offers them.
 */
import { randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import type { Persona, SandboxContext } from '../context.ts';
import { TrackerError } from '../../tracker/index.ts';
import { notFound } from './errors.ts';
import { route } from './handler.ts';

export const SESSION_COOKIE = 'JSESSIONID';

export const sessionCookie = (req: Request): string | undefined => {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
};

/** The persona of a request's session cookie, if it names a live session. */
export const sessionPersona = (req: Request, sessions: Map<string, string>, personas: readonly Persona[]): Persona | undefined => {
  const id = sessionCookie(req);
  const account = id ? sessions.get(id) : undefined;
  return account ? personas.find((p) => p.accountId === account) : undefined;
};

const unauthorised = () =>
  new TrackerError(401, { errorMessages: ['Login failed: the user name (e-mail) or password (API token) is wrong.'], errors: {} });

export const sessionRouter = (ctx: SandboxContext): Router => {
  const r = Router();
  r.use((_req, _res, next) => {
    if (ctx.strict)
      next(
        notFound(
          'Cookie-based sessions (/rest/auth/1/session) are not available on Jira Cloud: authenticate every request with an API token (Basic e-mail:token) or OAuth.',
        ),
      );
    else next();
  });
  r.post(
    '/session',
    route(ctx, (j, req, res) => {
      const body = (req.body ?? {}) as { username?: unknown; password?: unknown };
      const user = String(body.username ?? '').toLowerCase();
      const persona = ctx
        .personas()
        .find((p) => (p.email.toLowerCase() === user || p.accountId.toLowerCase() === user) && p.token === String(body.password ?? ''));
      if (!persona) throw unauthorised();
      const id = randomBytes(18).toString('hex');
      ctx.sessions.set(id, persona.accountId);
      res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/' });
      void j;
      return {
        session: { name: SESSION_COOKIE, value: id },
        loginInfo: { failedLoginCount: 0, loginCount: 1, lastFailedLoginTime: null, previousLoginTime: null },
      };
    }),
  );
  r.get(
    '/session',
    route(ctx, (j, req) => {
      const p = sessionPersona(req, ctx.sessions, ctx.personas());
      if (!p)
        throw new TrackerError(401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} });
      void j;
      return {
        self: `${ctx.baseUrl(req)}/rest/api/latest/user?accountId=${encodeURIComponent(p.accountId)}`,
        name: p.email,
        loginInfo: { failedLoginCount: 0, loginCount: 1 },
      };
    }),
  );
  r.delete(
    '/session',
    route(ctx, (_j, req, res) => {
      const id = sessionCookie(req);
      if (!id || !ctx.sessions.delete(id))
        throw new TrackerError(401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} });
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      res.status(204).end();
    }),
  );
  return r;
};
