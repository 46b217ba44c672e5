/**
 * The HTTP side of a clone: read-only by construction (GET, plus the few POST endpoints Jira uses
 * for reading), a concurrency limit, and the one retry helper (server/common/http-retry.ts: backoff
 * and jitter on 5xx, network errors, timeouts and unreadable bodies, Retry-After honoured, redirects
 * never followed); each typed failure becomes one clear message. After refused credentials, a
 * redirect, a long rate limit or a tracker that stopped answering, every further read fails at once.
 * Credentials go into the Authorization header only: never into a URL, a message or a log line.
 */
import { UserError } from '../common/errors.ts';
import { authorizationSecrets, redactErrorText } from '../common/redact.ts';
import {
  AccessDenied,
  AuthRefused,
  HttpFailure,
  HttpRefused,
  NotFound,
  RateLimited,
  Redirected,
  sendWithRetry,
  Unreachable,
  type RetryPolicy,
} from '../common/http-retry.ts';
import { errorWords, pathWithQuery, type Reader, readErrorBody, type RequestLike } from '../jira-wire/index.ts';
import { assertSafeScheme, type Credentials } from './credentials.ts';
import { Limiter } from './limiter.ts';

/** POST endpoints Jira uses for reading; every other write is refused before a request is made. */
export const READ_ONLY_POSTS = [
  /\/rest\/api\/[23]\/search\/jql$/,
  /\/rest\/api\/[23]\/search$/,
  /\/rest\/api\/3\/search\/approximate-count$/,
  /\/rest\/api\/[23]\/workflows$/,
] as const;

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
  constructor(readonly path: string) {
    super(`404 at ${path}`);
  }
}

/** The tracker refused a read with an answer no retry changes (a 4xx other than 401, 403, 404; 501; 505). */
export class RefusedRead extends UserError {
  constructor(
    readonly status: number,
    message: string,
    details: readonly string[],
  ) {
    super(message, { details });
  }
}

/**
 * Refuses anything but a read. The path is checked as the server will see it: no query, fragment,
 * dot segment or encoded slash can smuggle a write past the allowlist (`/issue?x=/search`).
 */
export const assertReadOnly = (req: RequestLike): void => {
  if (!req.path.startsWith('/') || /[?#\\]|%2f|%5c|%2e|(^|\/)\.\.?(\/|$)/i.test(req.path)) {
    throw new Error(
      `refused: ${req.method} ${JSON.stringify(req.path)} is not a plain API path (query parameters go in 'query'); the clone adapter only reads`,
    );
  }
  if (req.method === 'GET') return;
  if (req.method === 'POST' && READ_ONLY_POSTS.some((re) => re.test(req.path))) return;
  throw new Error(`refused: ${req.method} ${req.path} is not a read; the clone adapter only reads`);
};

const authHeader = (c: Credentials): string =>
  c.kind === 'basic' ? `Basic ${Buffer.from(`${c.email}:${c.token}`).toString('base64')}` : `Bearer ${c.token}`;

export class HttpTransport implements Reader {
  private readonly limiter: Limiter;
  private readonly base: string;
  private readonly policy: RetryPolicy;
  private readonly deps: Pick<TransportOptions, 'fetch' | 'sleep' | 'random'>;
  private readonly onRequest: TransportOptions['onRequest'];
  private readonly auth: string;
  requests = 0;

  constructor(options: TransportOptions) {
    const base = new URL(options.baseUrl);
    if (base.username || base.password)
      throw new UserError('--url must not contain credentials', {
        details: ['put them in the environment: JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center)'],
      });
    assertSafeScheme(base);
    this.auth = authHeader(options.credentials);
    this.base = base.toString().replace(/\/+$/, '');
    this.policy = {
      retries: options.retries ?? 5,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 30_000,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    };
    this.deps = {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.random ? { random: options.random } : {}),
    };
    this.onRequest = options.onRequest;
    this.limiter = new Limiter(options.concurrency ?? 4);
  }

  get baseUrl(): string {
    return this.base;
  }

  /** Set by the first failure that every further read would meet too. */
  private fatal: UserError | undefined;

  async read(req: RequestLike): Promise<unknown> {
    assertReadOnly(req);
    if (this.fatal) throw this.fatal;
    return this.limiter.run(async () => {
      if (this.fatal) throw this.fatal;
      try {
        return await this.attempt(req);
      } catch (e) {
        if (!(e instanceof HttpFailure)) throw e;
        // Defence in depth: http-retry already keeps the credentials out of a refused answer's text.
        const error = redactErrorText(this.explain(e, req), authorizationSecrets(this.auth));
        // Refused credentials or a tracker that stopped answering: queued reads fail at once instead of each retrying.
        if (
          error instanceof UserError &&
          (e instanceof AuthRefused || e instanceof AccessDenied || e instanceof Redirected || e instanceof RateLimited || e instanceof Unreachable)
        )
          this.fatal ??= error;
        throw error;
      }
    });
  }

  private async attempt(req: RequestLike): Promise<unknown> {
    const where = pathWithQuery(req);
    const answer = await sendWithRetry(
      `${this.base}${where}`,
      {
        method: req.method,
        headers: { authorization: this.auth, accept: 'application/json', ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
      },
      this.policy,
      {
        ...this.deps,
        onAttempt: ({ attempt, status }) => {
          this.requests++;
          this.onRequest?.({ method: req.method, path: req.path, status, attempt });
        },
      },
      (text) => JSON.parse(text) as unknown,
    );
    return answer.value;
  }

  /** A typed failure as the one message the user reads (a 404 stays a NotFoundAnswer, for the callers' fallbacks). */
  private explain(e: HttpFailure, req: RequestLike): UserError | NotFoundAnswer {
    const where = `${req.method} ${pathWithQuery(req)}`;
    if (e instanceof NotFound) return new NotFoundAnswer(req.path);
    if (e instanceof AuthRefused) {
      return new UserError(`${this.base} refused the credentials (401 at ${where})`, {
        details: [
          'the token may be expired or revoked, or the e-mail does not match it: set JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center) afresh',
          'nothing was written',
        ],
        cause: e,
      });
    }
    if (e instanceof AccessDenied) {
      return new UserError(`${this.base} denied ${where} (403): reading the configuration needs a Jira administrator's account`, {
        details: ['use the credentials of an account with the global "Administer Jira" permission (read access is all the clone uses)'],
        cause: e,
      });
    }
    if (e instanceof Redirected) {
      return new UserError(`${this.base} redirects ${where} (HTTP ${e.status})`, {
        details: ['pass the final URL with --url (redirects are never followed with your credentials)'],
        cause: e,
      });
    }
    if (e instanceof HttpRefused) {
      const said = errorWords(readErrorBody(e.text) ?? {}) || e.text.slice(0, 300);
      const query = req.body && typeof (req.body as { jql?: unknown }).jql === 'string' ? ` (JQL: ${(req.body as { jql: string }).jql})` : '';
      return new RefusedRead(e.status, `${this.base} answered ${e.status} to ${where}${query}`, [
        ...(said ? [`it said: ${said}`] : []),
        "this tracker refuses a read the clone needs: check the account's permissions and the Jira version, or clone fewer projects with --projects",
      ]);
    }
    if (e instanceof RateLimited) {
      return new UserError(
        `${this.base} asked to wait ${Math.ceil(e.retryAfterMs / 1000)} s before ${where} (Retry-After), longer than the clone waits (${Math.round(e.limitMs / 1000)} s)`,
        {
          details: ['the tracker is rate-limiting this account: try again later, with a lower --concurrency, or continue with --resume'],
          cause: e,
        },
      );
    }
    const last = e instanceof Unreachable ? e.last : e.message;
    return new UserError(`${this.base} did not answer ${where} after ${e.attempts} attempts (last: ${last})`, {
      details: [
        /ENOTFOUND|EAI_AGAIN/.test(last)
          ? 'the host name does not resolve: check --url'
          : /CERT|certificate|SELF_SIGNED/i.test(last)
            ? "the site's TLS certificate is not trusted here: point NODE_EXTRA_CA_CERTS at your company's CA certificate"
            : 'the tracker may be overloaded or unreachable; try again later, with a lower --concurrency, or continue with --resume',
      ],
      cause: e,
    });
  }
}
