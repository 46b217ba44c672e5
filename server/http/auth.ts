/**
 * Who is calling: HTTP Basic (e-mail:token), Bearer (token), a `/rest/auth/1/session` cookie, or the web UI's persona cookie;
 * otherwise anonymous (null). Credentials that match nobody are a 401 in Jira's shape, never a
 * silent fall-back to anonymous. Sets `res.locals.actor`.
 */
import type { NextFunction, Request, Response } from 'express';
import { PERSONA_COOKIE, type Persona, type SandboxContext } from './context.ts';
import { jiraError } from './jira/errors.ts';
import { sessionPersona } from './jira/session.ts';

const cookieValue = (header: string | undefined, name: string): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
};

/** The persona a request authenticates as: a Persona, null (anonymous) or 'invalid'. */
export const resolveCaller = (req: Request, personas: readonly Persona[], sessions?: Map<string, string>): Persona | null | 'invalid' => {
  const auth = req.get('authorization');
  if (auth) {
    const [scheme, value = ''] = auth.trim().split(/\s+/, 2);
    if (/^basic$/i.test(scheme ?? '')) {
      let decoded = '';
      try {
        decoded = Buffer.from(value, 'base64').toString('utf8');
      } catch {
        return 'invalid';
      }
      const colon = decoded.indexOf(':');
      if (colon < 0) return 'invalid';
      const user = decoded.slice(0, colon).toLowerCase();
      const token = decoded.slice(colon + 1);
      return personas.find((p) => (p.email.toLowerCase() === user || p.accountId.toLowerCase() === user) && p.token === token) ?? 'invalid';
    }
    if (/^bearer$/i.test(scheme ?? '')) return personas.find((p) => p.token === value) ?? 'invalid';
    return 'invalid';
  }
  if (sessions) {
    const session = sessionPersona(req, sessions, personas);
    if (session) return session;
  }
  const cookie = cookieValue(req.get('cookie'), PERSONA_COOKIE);
  if (cookie) return personas.find((p) => p.accountId === cookie) ?? null;
  return null;
};

export const authMiddleware =
  (ctx: SandboxContext) =>
  (req: Request, res: Response, next: NextFunction): void => {
    const caller = resolveCaller(req, ctx.personas(), ctx.sessions);
    if (caller === 'invalid') {
      res.set('WWW-Authenticate', 'Basic realm="Understudy sandbox"');
      jiraError(res, 401, ['Client must be authenticated to access this resource.']);
      return;
    }
    res.locals.actor = caller?.accountId ?? null;
    next();
  };
