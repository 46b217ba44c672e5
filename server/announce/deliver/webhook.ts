/**
 * Posts a notice to a webhook through the one retry helper (server/common/http-retry.ts: a timeout
 * per attempt, backoff with jitter on 408, 425, 429, 5xx, timeouts and network errors, `Retry-After`
 * honoured and capped, redirects never followed), with one idempotency key for every attempt so a
 * receiver can drop duplicates. The URL is a secret: it never appears in what this returns.
 */
import { HttpFailure, HttpRefused, RateLimited, Redirected, type RetryPolicy, sendWithRetry, Unreachable } from '../../common/http-retry.ts';
import { redactText } from '../../common/redact.ts';
import { retryAfterMs } from '../../common/retry-after.ts';

export { retryAfterMs };

export interface PostOptions {
  timeoutMs: number;
  retries: number;
  idempotencyKey: string;
  /** First backoff delay; doubled per attempt, then jittered between half and all of it. */
  baseDelayMs?: number;
  /** The longest a single wait may be; a receiver asking for a longer Retry-After is given up on (and the log says so). */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface PostOutcome {
  delivered: boolean;
  attempts: number;
  /** The last HTTP status, if any answer came. */
  status?: number;
  /** Why it was not delivered (or what the retried attempts met), without the URL. */
  detail: string;
  waitsMs: number[];
}

/** An error's words for a URL that fetch refuses before sending (credentials in it, a bad scheme). */
export const urlProblem = (url: string): string | undefined => {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'is not an http(s) URL';
    if (u.username || u.password)
      return 'carries a user name or password, which fetch refuses: put the token in the path or a header the receiver documents';
    return undefined;
  } catch {
    return 'is not a URL';
  }
};

export const postJson = async (url: string, body: unknown, o: PostOptions): Promise<PostOutcome> => {
  const maxDelay = o.maxDelayMs ?? 60_000;
  const policy = { retries: o.retries, timeoutMs: o.timeoutMs, baseDelayMs: o.baseDelayMs ?? 500, maxDelayMs: maxDelay, maxRetryAfterMs: maxDelay };
  const request = {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'idempotency-key': o.idempotencyKey, 'user-agent': 'understudy-announce' },
  };
  const outcome = await send(url, request, policy, o);
  // The URL is the webhook's secret: no text this returns may quote it (http-retry words its errors without it too).
  return { ...outcome, detail: redactText(outcome.detail, [url]) };
};

const send = async (
  url: string,
  request: { method: string; body: string; headers: Record<string, string> },
  policy: RetryPolicy,
  o: PostOptions,
): Promise<PostOutcome> => {
  try {
    const a = await sendWithRetry(
      url,
      request,
      policy,
      { ...(o.sleep ? { sleep: o.sleep } : {}), ...(o.random ? { random: o.random } : {}) },
      () => undefined,
    );
    return {
      delivered: true,
      attempts: a.attempts,
      status: a.status,
      detail: a.tried.length ? `delivered after ${a.tried.join(', ')}` : 'delivered',
      waitsMs: a.waitsMs,
    };
  } catch (e) {
    if (!(e instanceof HttpFailure)) throw e;
    const outcome = (detail: string, status?: number): PostOutcome => ({
      delivered: false,
      attempts: e.attempts,
      ...(status !== undefined ? { status } : {}),
      detail,
      waitsMs: [...e.waitsMs],
    });
    // A redirect is an answer, not a delivery: following it could post the notice somewhere else.
    if (e instanceof Redirected) return outcome(`the webhook URL redirects (HTTP ${e.status}); set the variable to the final URL`, e.status);
    if (e instanceof HttpRefused) return outcome(`refused with HTTP ${e.status} (not retried: the receiver rejects this request)`, e.status);
    if (e instanceof RateLimited) {
      return outcome(
        `the receiver asked to wait ${Math.ceil(e.retryAfterMs / 1000)} s (Retry-After), longer than the ${Math.round(e.limitMs / 1000)} s this command waits; send again later`,
        e.status,
      );
    }
    if (e instanceof Unreachable) return outcome(e.message, e.status);
    return outcome(e.message);
  }
};
