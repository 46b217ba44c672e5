/**
 * The HTTP side of a clone: read-only by construction (GET, plus the few POST endpoints Jira uses
 * for reading), a concurrency limit, retries with backoff and jitter on 5xx, network errors,
 * timeouts and unreadable bodies, 429 honouring Retry-After, and a clear error once retries are spent.
 * Credentials go into the Authorization header only: never into a URL, a message or a log line.
 */
import { UserError } from '../common/errors.ts';
import { pathWithQuery, type Reader, type RequestLike } from '../jira-wire/index.ts';
import { assertSafeScheme, type Credentials } from './credentials.ts';
import { Limiter } from './limiter.ts';
import { retryAfterMs } from '../common/retry-after.ts';

/** POST endpoints Jira uses for reading; every other write is refused before a request is made. */
export const READ_ONLY_POSTS = [/\/rest\/api\/[23]\/search\/jql$/, /\/rest\/api\/[23]\/search$/, /\/rest\/api\/3\/search\/approximate-count$/, /\/rest\/api\/[23]\/workflows$/] as const;

export interface TransportOptions {
  baseUrl: string;
  credentials: Credentials;
  concurrency?: number;
  /** Attempts after the first one. */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  /** Upper bound for a Retry-After the server asks for. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRequest?: (e: { method: string; path: string; status: number | 'error'; attempt: number }) => void;
}

/** A tracker answered 404 (the caller may fall back to an older API). */
export class NotFoundAnswer extends Error {
  override readonly name = 'NotFoundAnswer';
  constructor(readonly path: string) { super(`404 at ${path}`); }
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Refuses anything but a read. The path is checked as the server will see it: no query, fragment,
 * dot segment or encoded slash can smuggle a write past the allowlist (`/issue?x=/search`).
 */
export const assertReadOnly = (req: RequestLike): void => {
  if (!req.path.startsWith('/') || /[?#\\]|%2f|%5c|%2e|(^|\/)\.\.?(\/|$)/i.test(req.path)) {
    throw new Error(`refused: ${req.method} ${JSON.stringify(req.path)} is not a plain API path (query parameters go in 'query'); the clone adapter only reads`);
  }
  if (req.method === 'GET') return;
  if (req.method === 'POST' && READ_ONLY_POSTS.some((re) => re.test(req.path))) return;
  throw new Error(`refused: ${req.method} ${req.path} is not a read; the clone adapter only reads`);
};

const authHeader = (c: Credentials): string =>
  c.kind === 'basic' ? `Basic ${Buffer.from(`${c.email}:${c.token}`).toString('base64')}` : `Bearer ${c.token}`;

export class HttpTransport implements Reader {
  private readonly limiter: Limiter;
  private readonly o: Required<Omit<TransportOptions, 'onRequest' | 'credentials'>> & Pick<TransportOptions, 'onRequest'>;
  private readonly auth: string;
  requests = 0;

  constructor(options: TransportOptions) {
    const base = new URL(options.baseUrl);
    if (base.username || base.password) throw new UserError('--url must not contain credentials', { details: ['put them in the environment: JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center)'] });
    assertSafeScheme(base);
    this.auth = authHeader(options.credentials);
    this.o = {
      baseUrl: base.toString().replace(/\/+$/, ''), concurrency: options.concurrency ?? 4, retries: options.retries ?? 5,
      baseDelayMs: options.baseDelayMs ?? 500, maxDelayMs: options.maxDelayMs ?? 30_000, timeoutMs: options.timeoutMs ?? 30_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
      fetch: options.fetch ?? ((...a) => fetch(...a)), sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      random: options.random ?? Math.random, onRequest: options.onRequest,
    };
    this.limiter = new Limiter(this.o.concurrency);
  }

  get baseUrl(): string { return this.o.baseUrl; }

  /** After a 401 or 403 every further read fails at once: the same credentials will not do better. */
  private fatal: UserError | undefined;

  async read(req: RequestLike): Promise<unknown> {
    assertReadOnly(req);
    if (this.fatal) throw this.fatal;
    return this.limiter.run(() => {
      if (this.fatal) throw this.fatal;
      return this.attempt(req).catch((e: unknown) => {
        // Refused credentials or a tracker that stopped answering: queued reads fail at once instead of each retrying.
        if (e instanceof UserError && (/\((401|403)\b/.test(e.message) || / did not answer /.test(e.message))) this.fatal ??= e;
        throw e;
      });
    });
  }

  private backoff(attempt: number): number {
    const cap = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** attempt);
    return Math.round(cap / 2 + (this.o.random() * cap) / 2);
  }

  private async attempt(req: RequestLike): Promise<unknown> {
    const where = `${req.method} ${pathWithQuery(req)}`;
    let last = '';
    for (let attempt = 0; attempt <= this.o.retries; attempt++) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.o.timeoutMs);
      let wait: number | undefined;
      try {
        this.requests++;
        const res = await this.o.fetch(`${this.o.baseUrl}${pathWithQuery(req)}`, {
          // A redirect could turn a read into a request elsewhere, with the credentials: never followed.
          method: req.method, signal: controller.signal, redirect: 'error',
          headers: { authorization: this.auth, accept: 'application/json', ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
        });
        this.o.onRequest?.({ method: req.method, path: req.path, status: res.status, attempt });
        if (res.ok) {
          const text = await res.text();
          try { return JSON.parse(text); } catch { last = `an unreadable (truncated?) JSON body of ${text.length} bytes`; }
        } else if (res.status === 401) {
          await res.arrayBuffer().catch(() => undefined);
          throw new UserError(`${this.o.baseUrl} refused the credentials (401 at ${where})`, {
            details: ['the token may be expired or revoked, or the e-mail does not match it: set JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center) afresh', 'nothing was written'],
          });
        } else if (res.status === 403) {
          await res.arrayBuffer().catch(() => undefined);
          throw new UserError(`${this.o.baseUrl} denied ${where} (403): reading the configuration needs a Jira administrator's account`, {
            details: ['use the credentials of an account with the global "Administer Jira" permission (read access is all the clone uses)'],
          });
        } else if (res.status === 404) {
          await res.arrayBuffer().catch(() => undefined);
          throw new NotFoundAnswer(req.path);
        } else if (RETRYABLE.has(res.status)) {
          last = `HTTP ${res.status}`;
          if (res.status === 429) wait = Math.min(this.o.maxRetryAfterMs, retryAfterMs(res.headers.get('retry-after')) ?? this.backoff(attempt));
          await res.arrayBuffer().catch(() => undefined);
        } else {
          const text = await res.text().catch(() => '');
          let said = text.slice(0, 300);
          try {
            const j = JSON.parse(text) as { errorMessages?: string[]; errors?: Record<string, string> };
            said = [...(j.errorMessages ?? []), ...Object.entries(j.errors ?? {}).map(([k, v]) => `${k}: ${v}`)].join('; ') || said;
          } catch { /* not JSON: the text as it came */ }
          const query = req.body && typeof (req.body as { jql?: unknown }).jql === 'string' ? ` (JQL: ${(req.body as { jql: string }).jql})` : '';
          throw new UserError(`${this.o.baseUrl} answered ${res.status} to ${where}${query}`, {
            details: [...(said ? [`it said: ${said}`] : []), 'this tracker refuses a read the clone needs: check the account\'s permissions and the Jira version, or clone fewer projects with --projects'],
          });
        }
      } catch (e) {
        if (e instanceof UserError || e instanceof NotFoundAnswer) throw e;
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        last = controller.signal.aborted ? `no answer within ${this.o.timeoutMs} ms` : `network error: ${cause?.code ?? cause?.message ?? (e as Error).message}`;
        this.o.onRequest?.({ method: req.method, path: req.path, status: 'error', attempt });
      } finally {
        clearTimeout(timer);
      }
      if (attempt < this.o.retries) await this.o.sleep(wait ?? this.backoff(attempt));
    }
    throw new UserError(`${this.o.baseUrl} did not answer ${where} after ${this.o.retries + 1} attempts (last: ${last})`, {
      details: [/ENOTFOUND|EAI_AGAIN/.test(last) ? 'the host name does not resolve: check --url'
        : /CERT|certificate|SELF_SIGNED/i.test(last) ? "the site's TLS certificate is not trusted here: point NODE_EXTRA_CA_CERTS at your company's CA certificate"
          : /redirect/i.test(last) ? 'the site redirects: pass the final URL with --url (redirects are never followed with your credentials)'
            : 'the tracker may be overloaded or unreachable; try again later, with a lower --concurrency, or continue with --resume'],
    });
  }
}
