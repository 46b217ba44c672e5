/**
 * The write side of the production transport: one request at a time, credentials in the
 * Authorization header only, redirects never followed (a 303 to a task is read, same origin only,
 * and polled), a timeout per request, retries with exponential backoff and jitter. A 429 is
 * always retried (Jira did nothing) after its Retry-After; a 5xx, timeout or reset is retried for
 * GET, PUT and DELETE, but not for POST: a POST that may have been carried out is an
 * UncertainWrite, and the step that sent it reads production to see whether it took effect — a
 * blind retry is how duplicates are made.
 */
import { UserError } from '../../common/errors.ts';
import { authorizationSecrets, redactText } from '../../common/redact.ts';
import { assertSafeScheme, pathWithQuery, retryAfterMs, type Credentials } from '../outside.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export interface WriteRequest {
  method: Method;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}
export interface WriteAnswer {
  status: number;
  body: unknown /** The asynchronous task Jira ran for the request, when it made one. */;
  task?: string;
}

/** Jira refused the request (4xx): it did nothing. `said` is Jira's own message. */
export class WriteRefused extends Error {
  override readonly name = 'WriteRefused';
  constructor(
    readonly where: string,
    readonly status: number,
    readonly said: string,
  ) {
    super(`${where} was refused (${status})${said ? `: ${said}` : ''}`);
  }
}
/** Retries spent (5xx, timeouts, resets, 429s): Jira did nothing we know of. */
export class WriteFailed extends Error {
  override readonly name = 'WriteFailed';
  constructor(
    readonly where: string,
    readonly last: string,
    readonly attempts: number,
  ) {
    super(`${where} failed after ${attempts} attempt${attempts === 1 ? '' : 's'} (last: ${last})`);
  }
}
/** A POST that may or may not have been carried out: read production to know. */
export class UncertainWrite extends Error {
  override readonly name = 'UncertainWrite';
  constructor(
    readonly where: string,
    readonly last: string,
  ) {
    super(`${where}: no clear answer (${last}); production is read again to see whether it took effect`);
  }
}
/** An asynchronous task Jira ran for a request ended FAILED or CANCELLED. */
export class TaskFailed extends Error {
  override readonly name = 'TaskFailed';
  constructor(
    readonly where: string,
    readonly task: string,
    readonly said: string,
  ) {
    super(`${where}: task ${task} ended ${said}`);
  }
}

export interface WriterOptions {
  baseUrl: string;
  credentials: Credentials;
  /** Attempts after the first one. */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  maxRetryAfterMs?: number;
  /** How long an asynchronous task may run before the step is a failure. */
  taskTimeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRequest?: (e: { method: string; path: string; status: number | 'error'; attempt: number }) => void;
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);
const TASK_DONE = new Set(['COMPLETE', 'FAILED', 'CANCELLED', 'CANCEL_REQUESTED', 'DEAD']);

const authHeader = (c: Credentials): string =>
  c.kind === 'basic' ? `Basic ${Buffer.from(`${c.email}:${c.token}`).toString('base64')}` : `Bearer ${c.token}`;

/** Jira's `{errorMessages, errors}` as one line, else the start of the text. */
export const jiraSaid = (text: string): string => {
  try {
    const j = JSON.parse(text) as { errorMessages?: string[]; errors?: Record<string, string>; message?: string };
    const parts = [...(j.errorMessages ?? []), ...Object.entries(j.errors ?? {}).map(([k, v]) => `${k}: ${v}`), ...(j.message ? [j.message] : [])];
    if (parts.length) return parts.join('; ');
  } catch {
    /* not JSON */
  }
  return text.slice(0, 300);
};

export class Writer {
  private readonly o: Required<Omit<WriterOptions, 'onRequest' | 'credentials'>> & Pick<WriterOptions, 'onRequest'>;
  private readonly auth: string;
  private readonly origin: string;
  private queue: Promise<unknown> = Promise.resolve();
  requests = 0;

  constructor(options: WriterOptions) {
    const base = new URL(options.baseUrl);
    if (base.username || base.password)
      throw new UserError('--url must not contain credentials', {
        details: ['put them in the environment: JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center)'],
      });
    assertSafeScheme(base);
    this.origin = base.origin;
    this.auth = authHeader(options.credentials);
    this.o = {
      baseUrl: base.toString().replace(/\/+$/, ''),
      retries: options.retries ?? 5,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
      taskTimeoutMs: options.taskTimeoutMs ?? 600_000,
      fetch: options.fetch ?? ((...a) => fetch(...a)),
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      random: options.random ?? Math.random,
      onRequest: options.onRequest,
    };
  }

  /** Sends one request (after any still running: one write at a time) and waits for the task it starts. */
  send(req: WriteRequest): Promise<WriteAnswer> {
    const run = this.queue.then(() => this.sendNow(req));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private backoff(attempt: number): number {
    const cap = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** attempt);
    return Math.round(cap / 2 + (this.o.random() * cap) / 2);
  }

  private async sendNow(req: WriteRequest): Promise<WriteAnswer> {
    const answer = await this.attempt(req);
    const where = `${req.method} ${req.path}`;
    if (answer.status === 303 && answer.location) return this.pollTask(where, this.taskPath(where, answer.location));
    const taskId = (answer.body as { taskId?: unknown } | null)?.taskId;
    if (answer.status < 300 && (typeof taskId === 'string' || typeof taskId === 'number')) {
      return this.pollTask(where, `${req.path.replace(/^(\/rest\/api\/\d).*$/, '$1')}/task/${taskId}`);
    }
    return { status: answer.status, body: answer.body };
  }

  /** A task's Location, same origin only: a redirect elsewhere never gets the credentials. */
  private taskPath(where: string, location: string): string {
    let url: URL;
    try {
      url = new URL(location, this.o.baseUrl);
    } catch {
      throw new WriteRefused(where, 303, `an unreadable task location '${location}'`);
    }
    if (url.origin !== this.origin)
      throw new WriteRefused(where, 303, `the task is at another origin (${url.origin}); credentials are not sent there`);
    return `${url.pathname}${url.search}`;
  }

  private async pollTask(where: string, path: string): Promise<WriteAnswer> {
    const deadline = Date.now() + this.o.taskTimeoutMs;
    let wait = 50;
    for (;;) {
      const t = await this.attempt({ method: 'GET', path });
      const body = (t.body ?? {}) as { status?: string; message?: string; result?: unknown; id?: string };
      if (t.status >= 300)
        throw new WriteRefused(
          `${where} (task ${path})`,
          t.status,
          redactText(jiraSaid(JSON.stringify(t.body ?? '')), authorizationSecrets(this.auth)),
        );
      if (body.status && TASK_DONE.has(body.status)) {
        if (body.status !== 'COMPLETE')
          throw new TaskFailed(where, String(body.id ?? path), `${body.status}${body.message ? `: ${body.message}` : ''}`);
        return { status: 200, body: body.result ?? body, task: String(body.id ?? path.split('/').pop()) };
      }
      if (Date.now() > deadline)
        throw new WriteFailed(
          `${where} (task ${path})`,
          `the task was still ${body.status ?? 'running'} after ${Math.round(this.o.taskTimeoutMs / 1000)} s`,
          1,
        );
      await this.o.sleep(wait);
      wait = Math.min(2000, wait * 2);
    }
  }

  private async attempt(req: WriteRequest): Promise<{ status: number; body: unknown; location?: string }> {
    const where = `${req.method} ${pathWithQuery({ method: 'GET', path: req.path, ...(req.query ? { query: req.query } : {}) })}`;
    const idempotent = req.method !== 'POST';
    let last = '';
    for (let attempt = 0; attempt <= this.o.retries; attempt++) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.o.timeoutMs);
      let wait: number | undefined;
      try {
        this.requests++;
        const res = await this.o.fetch(
          `${this.o.baseUrl}${pathWithQuery({ method: 'GET', path: req.path, ...(req.query ? { query: req.query } : {}) })}`,
          {
            method: req.method,
            signal: controller.signal,
            redirect: 'manual',
            headers: {
              authorization: this.auth,
              accept: 'application/json',
              ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
            },
            ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
          },
        );
        this.o.onRequest?.({ method: req.method, path: req.path, status: res.status, attempt });
        const text = await res.text();
        if (res.status === 303) return { status: 303, body: null, location: res.headers.get('location') ?? '' };
        if (res.status >= 300 && res.status < 400)
          throw new WriteRefused(
            where,
            res.status,
            'the site redirects; pass the final URL with --url (redirects are never followed with your credentials)',
          );
        if (res.ok) {
          if (!text) return { status: res.status, body: null };
          try {
            return { status: res.status, body: JSON.parse(text) };
          } catch {
            return { status: res.status, body: text };
          }
        }
        // A proxy or a server that echoes the request must not put the credentials in a message.
        if (!RETRYABLE.has(res.status)) throw new WriteRefused(where, res.status, redactText(jiraSaid(text), authorizationSecrets(this.auth)));
        last = `HTTP ${res.status}`;
        if (res.status === 429) wait = Math.min(this.o.maxRetryAfterMs, retryAfterMs(res.headers.get('retry-after')) ?? this.backoff(attempt));
        else if (!idempotent) throw new UncertainWrite(where, last);
      } catch (e) {
        if (e instanceof WriteRefused || e instanceof UncertainWrite) throw e;
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        last = controller.signal.aborted
          ? `no answer within ${this.o.timeoutMs} ms`
          : `network error: ${cause?.code ?? cause?.message ?? (e as Error).message}`;
        this.o.onRequest?.({ method: req.method, path: req.path, status: 'error', attempt });
        if (!idempotent) throw new UncertainWrite(where, last);
      } finally {
        clearTimeout(timer);
      }
      if (attempt < this.o.retries) await this.o.sleep(wait ?? this.backoff(attempt));
    }
    throw new WriteFailed(where, last, this.o.retries + 1);
  }
}
