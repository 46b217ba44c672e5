/**
 * Who is calling: HTTP Basic (e-mail:token), Bearer (token), a `/rest/auth/1/session` cookie, or the web UI's persona cookie;
 * otherwise anonymous (null). An Authorization header is exactly `Scheme credentials` (one space,
 * one token68 value); one that is malformed or matches nobody is a 401 in Jira's shape, never a
 * silent fall-back to anonymous. The persona cookie counts only with its secret (personaCookieValue);
 * an account id alone is nobody. Sets `res.locals.actor`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { personaCookieValue } from '../common/sandbox-names.ts';
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

/** RFC 7235: the scheme, one space, one token68 value; extra words, tabs or doubled spaces are not credentials. */
const CREDENTIALS = /^([A-Za-z][A-Za-z0-9-]*) ([A-Za-z0-9._~+/-]+=*)$/;

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The persona whose switcher cookie this is, if its secret is right. */
const cookiePersona = (value: string, personas: readonly Persona[]): Persona | undefined => {
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const persona = personas.find((p) => p.accountId === value.slice(0, dot));
  return persona && sameText(value, personaCookieValue(persona)) ? persona : undefined;
};

/** The persona a request authenticates as: a Persona, null (anonymous) or 'invalid'. */
export const resolveCaller = (req: Request, personas: readonly Persona[], sessions?: Map<string, string>): Persona | null | 'invalid' => {
  const auth = req.get('authorization');
  if (auth) {
    const m = CREDENTIALS.exec(auth.trim());
    if (!m) return 'invalid';
    const [, scheme = '', value = ''] = m;
    if (/^basic$/i.test(scheme)) {
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
      return personas.find((p) => (p.email.toLowerCase() === user || p.accountId.toLowerCase() === user) && sameText(p.token, token)) ?? 'invalid';
    }
    if (/^bearer$/i.test(scheme)) return personas.find((p) => sameText(p.token, value)) ?? 'invalid';
    return 'invalid';
  }
  if (sessions) {
    const session = sessionPersona(req, sessions, personas);
    if (session) return session;
  }
  const cookie = cookieValue(req.get('cookie'), PERSONA_COOKIE);
  // A stale or forged cookie is a signed-out browser (as a stale JSESSIONID is in Jira), not an error.
  if (cookie) return cookiePersona(cookie, personas) ?? null;
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
