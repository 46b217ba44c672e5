/**
 * The one retry with backoff for every HTTP client of Understudy: the clone's reads of production,
 * the notices' webhooks, and production writes (apply). Each attempt has its own timeout; answers
 * 408, 425, 429 and 5xx (but 501 and 505, which no retry changes), network errors, timeouts and
 * bodies the caller cannot read are retried with exponential backoff and equal jitter; `Retry-After`
 * (seconds or an HTTP date) is a floor under the backoff, and one longer than the caller waits ends
 * the request at once. Redirects are never followed (a redirect could carry credentials or a write
 * elsewhere); an outer AbortSignal stops waiting and sending. What went wrong is a typed error,
 * never a message to match. Error texts never hold the URL or its host (a webhook's URL is a secret),
 * and a refused answer's body is kept without the request's credentials (redact.ts): a server or a
 * proxy that echoes the Authorization header must not put it in a message.
 */
import { headerSecrets, redactText } from './redact.ts';
import { retryAfterMs } from './retry-after.ts';

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  /** The first backoff; doubled per attempt, capped at `maxDelayMs`, then jittered between half and all of it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per attempt. */
  timeoutMs: number;
  /** The longest `Retry-After` this caller waits; a longer one ends the request with RateLimited. */
  maxRetryAfterMs: number;
}

export interface RetryDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Stops everything: the attempt in flight, the wait between attempts, further attempts. */
  signal?: AbortSignal;
  /** After each attempt (0-based): its status, or 'error' for a network error or a timeout. */
  onAttempt?: (e: { attempt: number; status: number | 'error' }) => void;
}

export interface HttpRequest {
  method: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Answer<T> {
  status: number;
  headers: Headers;
  /** What `read` made of the body (the text when no `read` was given). */
  value: T;
  attempts: number;
  /** What each retried attempt met (`HTTP 503`, `timed out …`, `network error (…)`). */
  tried: string[];
  waitsMs: number[];
}

/** A request that did not get an answer the caller can use. */
export class HttpFailure extends Error {
  override readonly name: string = 'HttpFailure';
  /** The waits between the attempts made. */
  waitsMs: readonly number[] = [];
  constructor(
    message: string,
    readonly attempts: number,
    readonly tried: readonly string[],
  ) {
    super(message);
  }
}

/** An answer that no retry changes (a 4xx, 501, 505, a redirect): its status and its body's text. */
export class HttpRefused extends HttpFailure {
  override readonly name: string = 'HttpRefused';
  constructor(
    readonly status: number,
    readonly text: string,
    attempts: number,
    tried: readonly string[],
    message = `refused with HTTP ${status}`,
  ) {
    super(message, attempts, tried);
  }
}

/** 401: the credentials were refused. */
export class AuthRefused extends HttpRefused {
  override readonly name = 'AuthRefused';
}
/** 403: the credentials are known but may not do this. */
export class AccessDenied extends HttpRefused {
  override readonly name = 'AccessDenied';
}
/** 404. */
export class NotFound extends HttpRefused {
  override readonly name = 'NotFound';
}

/** A 3xx answer, not followed: where it points. */
export class Redirected extends HttpRefused {
  override readonly name = 'Redirected';
  constructor(
    status: number,
    readonly location: string | undefined,
    attempts: number,
    tried: readonly string[],
  ) {
    super(status, '', attempts, tried, `redirects (HTTP ${status})`);
  }
}

/** The server asked to wait longer (`Retry-After`) than this caller waits. */
export class RateLimited extends HttpFailure {
  override readonly name = 'RateLimited';
  constructor(
    readonly status: number,
    readonly retryAfterMs: number,
    readonly limitMs: number,
    attempts: number,
    tried: readonly string[],
  ) {
    super(
      `asked to wait ${Math.ceil(retryAfterMs / 1000)} s (Retry-After), longer than the ${Math.round(limitMs / 1000)} s this waits`,
      attempts,
      tried,
    );
  }
}

/** Every attempt failed with something worth retrying; `last` says what the last one met. */
export class Unreachable extends HttpFailure {
  override readonly name = 'Unreachable';
  /** `last`: what the last attempt met; `status`: the last HTTP status any attempt got, if one did. */
  constructor(
    readonly last: string,
    attempts: number,
    tried: readonly string[],
    readonly status?: number,
  ) {
    super(`gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${tried.join(', ')}`, attempts, tried);
  }
}

/** The caller's signal stopped the request. */
export class Aborted extends HttpFailure {
  override readonly name = 'Aborted';
}

/** Statuses worth another attempt. */
export const isRetryable = (status: number): boolean =>
  status === 408 || status === 425 || status === 429 || (status >= 500 && status !== 501 && status !== 505);

/** The wait before retry number `retry` (0-based): the doubled base, capped, between half and all of it. */
export const backoffMs = (retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number => {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(cap / 2 + (random() * cap) / 2);
};

/** An error's words without the URL or its host (undici may quote them). */
const networkWords = (e: unknown, url: string): string => {
  const err = e as Error & { cause?: { code?: string; message?: string; errors?: { code?: string }[] } };
  const code = err?.cause?.code ?? err?.cause?.errors?.find((x) => x.code)?.code;
  const words = `network error (${code ?? err?.cause?.message ?? err?.message ?? String(e)})`;
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return '';
    }
  })();
  return words
    .split(url)
    .join('<url>')
    .split(host || '\u0000')
    .join('<host>');
};

const abortableSleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

const drain = (res: Response): Promise<unknown> => res.arrayBuffer().catch(() => undefined);

const refusal = (res: Response, text: string, attempts: number, tried: readonly string[]): HttpRefused => {
  if (res.status === 401) return new AuthRefused(401, text, attempts, tried);
  if (res.status === 403) return new AccessDenied(403, text, attempts, tried);
  if (res.status === 404) return new NotFound(404, text, attempts, tried);
  return new HttpRefused(res.status, text, attempts, tried);
};

/**
 * Sends a request until it gets a usable answer (2xx whose body `read` accepts: it throws for a body
 * it cannot read, which is retried) or a typed error: HttpRefused (AuthRefused, AccessDenied,
 * NotFound, Redirected), RateLimited, Unreachable, Aborted.
 */
export const sendWithRetry = async <T = string>(
  url: string,
  request: HttpRequest,
  policy: RetryPolicy,
  deps: RetryDeps = {},
  read?: (text: string) => T,
): Promise<Answer<T>> => {
  const waitsMs: number[] = [];
  try {
    return await attempts(url, request, policy, deps, read, waitsMs);
  } catch (e) {
    if (e instanceof HttpFailure) e.waitsMs = waitsMs;
    throw e;
  }
};

const attempts = async <T>(
  url: string,
  request: HttpRequest,
  policy: RetryPolicy,
  deps: RetryDeps,
  read: ((text: string) => T) | undefined,
  waitsMs: number[],
): Promise<Answer<T>> => {
  const doFetch = deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? ((ms: number) => abortableSleep(ms, deps.signal));
  const tried: string[] = [];
  let lastStatus: number | undefined;
  for (let attempt = 0; ; attempt++) {
    if (deps.signal?.aborted) throw new Aborted('stopped before an answer came', attempt, tried);
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const signal = deps.signal ? AbortSignal.any([deps.signal, timeout]) : timeout;
    let met: string;
    let floor = 0;
    try {
      const res = await doFetch(url, { method: request.method, headers: request.headers, body: request.body, signal, redirect: 'manual' });
      deps.onAttempt?.({ attempt, status: res.status });
      lastStatus = res.status;
      if (res.ok) {
        const text = await res.text();
        try {
          return { status: res.status, headers: res.headers, value: read ? read(text) : (text as T), attempts: attempt + 1, tried, waitsMs };
        } catch {
          met = `an unreadable (truncated?) body of ${text.length} bytes`;
        }
      } else if (res.status >= 300 && res.status < 400) {
        await drain(res);
        throw new Redirected(res.status, res.headers.get('location') ?? undefined, attempt + 1, tried);
      } else if (isRetryable(res.status)) {
        await drain(res);
        met = `HTTP ${res.status}`;
        const asked = retryAfterMs(res.headers.get('retry-after'));
        if (asked !== undefined && asked > policy.maxRetryAfterMs)
          throw new RateLimited(res.status, asked, policy.maxRetryAfterMs, attempt + 1, [...tried, met]);
        floor = asked ?? 0;
      } else {
        const text = await res.text().catch(() => '');
        throw refusal(res, redactText(text.slice(0, 10_000), [...headerSecrets(request.headers), url]), attempt + 1, tried);
      }
    } catch (e) {
      if (e instanceof HttpFailure) throw e;
      if (deps.signal?.aborted) throw new Aborted('stopped before an answer came', attempt + 1, tried);
      met = timeout.aborted
        ? `timed out (no answer within ${policy.timeoutMs} ms)`
        : redactText(networkWords(e, url), headerSecrets(request.headers));
      deps.onAttempt?.({ attempt, status: 'error' });
    }
    tried.push(met);
    if (attempt >= policy.retries) throw new Unreachable(met, attempt + 1, tried, lastStatus);
    // Retry-After is a floor: "0" or a date in the past must not turn the retries into a burst.
    const ms = Math.max(floor, backoffMs(attempt, policy, random));
    waitsMs.push(ms);
    await sleep(ms);
  }
};
