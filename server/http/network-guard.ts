/**
 * The first middleware of every sandbox app (and of the fork hub), before any body is read:
 * - headers that keep every page out of other sites' frames and stop type sniffing;
 * - the Host check: only the names the sandbox was started for (DNS rebinding sends another), 421;
 * - the control API over loopback, under a loopback name, unless --expose-control; and no write to it
 *   from another origin or as a "simple" form/text request a page could send cross-origin, 403;
 * - web UI form writes only from the sandbox's own pages (Origin, else Referer, same origin; another
 *   port of 127.0.0.1 is another origin even though SameSite=Lax sends the cookie), 403;
 * - Jira's XSRF check on REST: a write from another origin, or a form, multipart or text/plain write
 *   signed in by cookie, needs `X-Atlassian-Token: no-check`, 403.
 * Scripts (no Origin, JSON or no body, Basic/Bearer or a session cookie) pass every check.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { acceptedHost, isLoopbackAddress, isLoopbackHostHeader, type NetworkPolicy } from './network-policy.ts';
import { pathFamily, refuse } from './refuse.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The content types a page may send to another origin without a CORS preflight. */
const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

const mediaType = (req: Request): string => (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
const shown = (v: string): string => (v.length > 100 ? `${v.slice(0, 100)}…` : v);

/** Jira's XSRF token header: `X-Atlassian-Token: no-check` (or the older `nocheck`). */
export const hasXsrfToken = (req: Request): boolean => /^no-?check$/i.test((req.get('x-atlassian-token') ?? '').trim());

const sameOrigin = (value: string, req: Request, host: string | undefined): boolean => {
  if (!host) return false;
  try {
    const u = new URL(value);
    return u.protocol === `${req.protocol}:` && u.host === new URL(`${req.protocol}://${host}`).host;
  } catch {
    return false;
  }
};

/** Why a request comes from another origin (Sec-Fetch-Site or Origin say so), or undefined. */
const crossOrigin = (req: Request, host: string | undefined): string | undefined => {
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${shown(site)}`;
  const origin = req.get('origin');
  if (origin !== undefined && !sameOrigin(origin, req, host)) return `Origin ${shown(origin)}`;
  return undefined;
};

const securityHeaders = (res: Response): void => {
  res.set({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY', 'Content-Security-Policy': "frame-ancestors 'none'" });
};

const checkControl = (policy: NetworkPolicy, req: Request, res: Response, host: string | undefined): boolean => {
  const header = req.get('host');
  if (!policy.exposeControl && !(isLoopbackAddress(req.socket.remoteAddress) && (header === undefined || isLoopbackHostHeader(header)))) {
    refuse(
      req,
      res,
      403,
      'loopback_only',
      `the control API answers only on loopback (http://127.0.0.1:${req.socket.localPort}/_understudy/…): it hands out every persona's token; start the sandbox with --expose-control to serve it beyond loopback`,
    );
    return false;
  }
  if (SAFE_METHODS.has(req.method)) return true;
  const why = crossOrigin(req, host) ?? (SIMPLE_TYPES.has(mediaType(req)) ? `Content-Type ${mediaType(req)}` : undefined);
  if (!why) return true;
  refuse(
    req,
    res,
    403,
    'cross_origin',
    `${req.method} ${req.path} refused: ${why} says a web page may have sent it; the control API takes writes from scripts only (no Origin of another site, no body or Content-Type: application/json)`,
  );
  return false;
};

const checkUiForm = (req: Request, res: Response, host: string | undefined): boolean => {
  if (SAFE_METHODS.has(req.method)) return true;
  let why = crossOrigin(req, host);
  if (!why && req.get('origin') === undefined) {
    const referer = req.get('referer');
    if (referer === undefined) why = 'neither an Origin nor a Referer header';
    else if (!sameOrigin(referer, req, host)) why = `Referer ${shown(referer)}`;
  }
  if (!why) return true;
  refuse(
    req,
    res,
    403,
    'cross_origin',
    `This form was not sent from a page of this sandbox (${why}), so it was refused: open the page in the sandbox and send the form from there. Scripts use the REST API (/rest/api/2 or /rest/api/3).`,
  );
  return false;
};

/**
 * Jira's XSRF rule as scripts meet it: a write from another origin's page is refused, and so is a form,
 * multipart or text/plain write signed in by cookie (or anonymous) without `X-Atlassian-Token:
 * no-check`. Basic and Bearer scripts pass (jira.js posts empty bodies as forms); attachment uploads
 * need the token whoever sends them (routes-attachments.ts), as on Jira.
 */
const checkRest = (req: Request, res: Response, host: string | undefined): boolean => {
  if (SAFE_METHODS.has(req.method) || hasXsrfToken(req)) return true;
  const type = mediaType(req);
  const why =
    crossOrigin(req, host) ??
    (SIMPLE_TYPES.has(type) && req.get('authorization') === undefined ? `Content-Type ${type} without Basic or Bearer credentials` : undefined);
  if (!why) return true;
  refuse(
    req,
    res,
    403,
    'xsrf',
    `XSRF check failed: ${req.method} ${req.path} (${why}) could have been sent by another site's page; send JSON with Content-Type: application/json, or the header X-Atlassian-Token: no-check`,
  );
  return false;
};

export const networkGuard =
  (policy: NetworkPolicy): RequestHandler =>
  (req: Request, res: Response, next: NextFunction): void => {
    securityHeaders(res);
    const header = req.get('host');
    const host = acceptedHost(policy, header);
    if (header !== undefined && !host) {
      refuse(
        req,
        res,
        421,
        'unknown_host',
        `this sandbox answers only under 127.0.0.1, localhost, [::1] and the names given with --host or --allow-host, not under Host '${shown(header)}' (a page under another name can be a DNS-rebinding attack): open it at http://127.0.0.1:${req.socket.localPort}, or start it with --allow-host NAME`,
      );
      return;
    }
    const family = pathFamily(req.path);
    const ok =
      family === 'control' ? checkControl(policy, req, res, host) : family === 'ui' ? checkUiForm(req, res, host) : checkRest(req, res, host);
    if (ok) next();
  };
