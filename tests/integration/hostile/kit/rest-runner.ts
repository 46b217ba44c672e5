/**
 * The REST runner: sends one case to a sandbox and returns every invariant it breaks (an empty list
 * is a pass). For every case, whatever its table says:
 * - an answer within REQUEST_BOUND_MS, and a health check sent while it runs answers within
 *   HEALTH_BOUND_MS (one request must not hold the whole sandbox);
 * - no 5xx (and should one happen, its stack is in the sandbox's log, not on the wire);
 * - no stack trace, source location or path of this machine in the body or the headers;
 * - on Jira's paths an error is Jira's shape `{errorMessages: [], errors: {}}`, on the control API
 *   `{error: {code, message}}`;
 * - a refused request (4xx), and any read, leaves the canonical hash exactly as it was;
 * - the status the table expects, and the words of the error it names.
 * A case that changed the state is undone (the checkpoint restored) before the next one.
 */
import { cookiesOf, jsonOf, Overdue, type Sent, send } from './http-send.ts';
import { leaksIn } from './leaks.ts';
import type { Sandboxes, Target } from './sandboxes.ts';
import type { Answer, Expectation, RestCase } from './types.ts';

/** The stated bounds (generous: the machine is shared; a frozen event loop takes seconds, not this). */
export const REQUEST_BOUND_MS = Number(process.env.UNDERSTUDY_HOSTILE_REQUEST_MS ?? 5_000);
export const HEALTH_BOUND_MS = Number(process.env.UNDERSTUDY_HOSTILE_HEALTH_MS ?? 2_000);

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

const matches = (status: number, e: Expectation): boolean => {
  if (typeof e === 'number') return status === e;
  if (Array.isArray(e)) return e.includes(status);
  if (e === '4xx') return status >= 400 && status < 500;
  if (e === '2xx') return status >= 200 && status < 300;
  if (e === '3xx') return status >= 300 && status < 400;
  return status < 500;
};

/** Jira's messages and its errors as `field: message` (a field-level error names its field), or the control API's message. */
const errorWords = (body: any): string =>
  [
    ...(Array.isArray(body?.errorMessages) ? body.errorMessages : []),
    ...Object.entries(body?.errors ?? {}).map(([k, v]) => `${k}: ${String(v)}`),
    body?.error?.message ?? '',
  ].join(' | ');

/** The error shape the path's API answers with; undefined for web pages. */
export const shapeProblem = (path: string, status: number, text: string, method: string): string | undefined => {
  if (status < 400 || method === 'HEAD') return undefined;
  const body = jsonOf(text);
  if (path.startsWith('/rest/')) {
    const ok =
      body &&
      typeof body === 'object' &&
      Array.isArray(body.errorMessages) &&
      body.errorMessages.every((m: unknown) => typeof m === 'string') &&
      body.errors &&
      typeof body.errors === 'object' &&
      !Array.isArray(body.errors) &&
      Object.values(body.errors).every((m) => typeof m === 'string') &&
      (body.errorMessages.length > 0 || Object.keys(body.errors).length > 0);
    return ok ? undefined : `a ${status} on a Jira path not in Jira's error shape {errorMessages, errors}: ${text.slice(0, 200)}`;
  }
  if (path.startsWith('/_understudy/')) {
    const ok = body && typeof body.error?.code === 'string' && typeof body.error?.message === 'string';
    return ok ? undefined : `a ${status} on the control API not in its shape {error: {code, message}}: ${text.slice(0, 200)}`;
  }
  return undefined;
};

/** A browser's session for a persona on a target: signed in through /login, its cookies kept. */
const jars = new Map<string, Record<string, string>>();

const cookieHeader = (jar: Record<string, string>): string =>
  Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** The hidden inputs of the page's form that posts to `action` (a browser sends them back). */
export const hiddenFields = (html: string, action: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const form of html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)) {
    const tag = /<form\b[^>]*>/i.exec(form[0])?.[0] ?? '';
    const act = /action="([^"]*)"/i.exec(tag)?.[1]?.replace(/&amp;/g, '&') ?? '';
    if (act.split('?')[0] !== action.split('?')[0]) continue;
    for (const input of form[0].matchAll(/<input\b[^>]*type="hidden"[^>]*>/gi)) {
      const name = /name="([^"]*)"/i.exec(input[0])?.[1];
      const value = /value="([^"]*)"/i.exec(input[0])?.[1] ?? '';
      if (name)
        out[name] = value
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&');
    }
  }
  return out;
};

const signIn = async (sb: Sandboxes, target: Target, as: Exclude<RestCase['as'], 'anon' | undefined>): Promise<Record<string, string>> => {
  const key = `${sb.urls[target]} ${as}`;
  const known = jars.get(key);
  if (known) return known;
  const jar: Record<string, string> = {};
  const origin = sb.urls[target];
  const page = await send(origin, { method: 'GET', path: '/login', deadlineMs: REQUEST_BOUND_MS });
  Object.assign(jar, cookiesOf(page.headers));
  const fields = new URLSearchParams({ ...hiddenFields(page.text, '/login'), accountId: sb.accountId(as) });
  const res = await send(origin, {
    method: 'POST',
    path: '/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, referer: `${origin}/login`, cookie: cookieHeader(jar) },
    body: fields.toString(),
    deadlineMs: REQUEST_BOUND_MS,
  });
  Object.assign(jar, cookiesOf(res.headers));
  if (res.status !== 303) throw new Error(`signing in as ${as} through /login answered ${res.status}: ${res.text.slice(0, 200)}`);
  jars.set(key, jar);
  return jar;
};

/** Forgets every browser session (after the sandboxes were replaced). */
export const forgetSessions = (): void => jars.clear();

const multipartBody = (m: NonNullable<RestCase['multipart']>): { body: Buffer; type: string } => {
  const boundary = `----understudy-hostile-${Math.random().toString(16).slice(2)}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(m.fields ?? {})) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  for (const f of m.files)
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'text/plain'}\r\n\r\n${f.content}\r\n`,
    );
  parts.push(`--${boundary}--\r\n`);
  return { body: Buffer.from(parts.join(''), 'utf8'), type: `multipart/form-data; boundary=${boundary}` };
};

/** The request a case sends: headers, body, credentials (Basic for REST, a signed-in browser for forms). */
const requestOf = async (sb: Sandboxes, c: RestCase): Promise<{ headers: Record<string, string>; body?: string | Buffer }> => {
  const target = c.target ?? 'sandbox';
  const origin = sb.urls[target];
  const headers: Record<string, string> = { accept: c.form ? 'text/html' : 'application/json' };
  let body: string | Buffer | undefined;
  const as = c.as ?? (c.path.startsWith('/rest/') ? 'admin' : 'anon');
  if (c.form) {
    const jar = as === 'anon' ? {} : { ...(await signIn(sb, target, as)) };
    const page = c.formPage ?? c.path.replace(/\/(comment|assign)$/, '');
    let fields: Record<string, string> = {};
    if (!c.forged) {
      const res = await send(origin, { method: 'GET', path: page, headers: { cookie: cookieHeader(jar) }, deadlineMs: REQUEST_BOUND_MS });
      Object.assign(jar, cookiesOf(res.headers));
      fields = hiddenFields(res.text, c.path);
    }
    const params = new URLSearchParams(fields);
    for (const [k, v] of Object.entries(c.form)) {
      params.delete(k);
      for (const one of typeof v === 'string' ? [v] : v) params.append(k, one);
    }
    body = params.toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
    if (!c.forged) {
      headers.origin = origin;
      headers.referer = `${origin}${page}`;
    }
    if (Object.keys(jar).length) headers.cookie = cookieHeader(jar);
  } else {
    if (as !== 'anon') {
      const p = sb.persona(target, as);
      headers.authorization = `Basic ${Buffer.from(`${p.email}:${p.token}`).toString('base64')}`;
    }
    if (c.multipart) {
      const m = multipartBody(c.multipart);
      body = m.body;
      headers['content-type'] = m.type;
      headers['x-atlassian-token'] = 'no-check';
    } else if (c.raw !== undefined) {
      body = c.raw;
      headers['content-type'] = c.contentType ?? 'application/json';
    } else if (c.body !== undefined) {
      body = JSON.stringify(c.body);
      headers['content-type'] = c.contentType ?? 'application/json';
    }
  }
  let fork: string | undefined;
  for (const [k, v] of Object.entries(c.headers ?? {})) {
    if (v === '') delete headers[k.toLowerCase()];
    else if (v.includes('$FORK')) {
      // A fork of the hub's phase, made for this case (the rehearsal's tests write on one).
      fork ??= jsonOf((await send(origin, { method: 'POST', path: '/_understudy/forks', deadlineMs: REQUEST_BOUND_MS })).text)?.fork;
      headers[k.toLowerCase()] = v.replaceAll('$FORK', String(fork));
    } else headers[k.toLowerCase()] = v.replace(/\$TOKEN:(\w+)/g, (_m, who: string) => sb.persona(target, who as 'admin').token);
  }
  return { headers, body };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs one case; returns the invariants it broke. */
export const runRestCase = async (sb: Sandboxes, c: RestCase): Promise<string[]> => {
  const target = c.target ?? 'sandbox';
  const problems: string[] = [];
  const before = await sb.hash(target);
  if (!before) throw new Error('the sandbox does not answer its hash before the case');
  const logBefore = sb.log.length;
  const { headers, body } = await requestOf(sb, c);

  const started = performance.now();
  const answer = send(sb.urls[target], { method: c.method, path: c.path, headers, body, deadlineMs: REQUEST_BOUND_MS }).then(
    (r) => ({ r, ms: performance.now() - started }),
    (e: unknown) => ({ e, ms: performance.now() - started }),
  );
  // A health check while the case runs: a request that holds the event loop holds this one too.
  await sleep(25);
  const healthy = await sb.healthy(target, HEALTH_BOUND_MS);
  const done = await answer;
  if (!healthy) problems.push(`the health check did not answer within ${HEALTH_BOUND_MS} ms while the request ran`);
  if ('e' in done) {
    const e = done.e;
    problems.push(e instanceof Overdue ? `no answer within ${REQUEST_BOUND_MS} ms` : `no answer: ${(e as Error).message}`);
    if (sb.exited) problems.push('the sandbox process died');
    await sb.restart();
    forgetSessions();
    return problems;
  }
  const r: Sent = done.r;
  const answerOf: Answer = { status: r.status, headers: r.headers, text: r.text, body: jsonOf(r.text) };

  if (r.status >= 500) {
    problems.push(`answered ${r.status}: ${r.text.slice(0, 200)}`);
    await sleep(20);
    if (!/\n\s+at /.test(sb.log.slice(logBefore))) problems.push(`the ${r.status} is not in the sandbox's log with its stack`);
  }
  const wire = `${Object.entries(r.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n${r.text}`;
  for (const leak of leaksIn(wire)) problems.push(`leaks ${leak}`);
  const shape = shapeProblem(c.path, r.status, r.text, c.method);
  if (shape) problems.push(shape);
  if (!matches(r.status, c.expect)) problems.push(`answered ${r.status}, expected ${JSON.stringify(c.expect)}: ${r.text.slice(0, 300)}`);
  if (c.error !== undefined && r.status >= 400) {
    const words = errorWords(answerOf.body) || r.text;
    const ok = typeof c.error === 'string' ? words.includes(c.error) : c.error.test(words);
    if (!ok) problems.push(`the error does not say ${String(c.error)}: ${words.slice(0, 300)}`);
  }
  if (r.status < 400 && c.check) {
    const p = c.check(answerOf);
    if (p) problems.push(p);
  }

  const after = await sb.hash(target);
  if (after === undefined) {
    problems.push('the sandbox stopped answering after the case');
    await sb.restart();
    forgetSessions();
    return problems;
  }
  if (after !== before) {
    if (r.status >= 400) problems.push(`a refused request (${r.status}) changed the canonical hash`);
    else if (READS.has(c.method)) problems.push(`a ${c.method} changed the canonical hash`);
    else if (c.unchanged) problems.push('a request that must change nothing changed the canonical hash');
    await sb.restore(target);
  }
  return problems;
};
