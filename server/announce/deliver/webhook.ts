/**
 * Posts a notice to a webhook: a timeout per attempt, retries with exponential backoff and jitter
 * on 429, 408, 5xx, timeouts and network errors, `Retry-After` honoured (seconds or an HTTP date,
 * capped), and one idempotency key for every attempt so a receiver can drop duplicates. The URL
 * is a secret: it never appears in what this returns.
 */
import { retryAfterMs } from '../../common/retry-after.ts';

export { retryAfterMs };

export interface PostOptions {
  timeoutMs: number;
  retries: number;
  idempotencyKey: string;
  /** First backoff delay; doubled per attempt, with ±50 % jitter. */
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

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const retryable = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** An error's words without anything that could be the URL (undici may quote the host). */
const describeError = (e: unknown, url: string): string => {
  const err = e as Error & { cause?: { code?: string; message?: string; errors?: { code?: string }[] } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  const code = err?.cause?.code ?? err?.cause?.errors?.find((x) => x.code)?.code;
  const words = `network error (${code ?? err?.cause?.message ?? err?.message ?? String(e)})`;
  const host = (() => { try { return new URL(url).host; } catch { return ''; } })();
  return words.split(url).join('<webhook>').split(host || '\u0000').join('<webhook host>');
};

/** An error's words for a URL that fetch refuses before sending (credentials in it, a bad scheme). */
export const urlProblem = (url: string): string | undefined => {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'is not an http(s) URL';
    if (u.username || u.password) return 'carries a user name or password, which fetch refuses: put the token in the path or a header the receiver documents';
    return undefined;
  } catch {
    return 'is not a URL';
  }
};

export const postJson = async (url: string, body: unknown, o: PostOptions): Promise<PostOutcome> => {
  const sleep = o.sleep ?? defaultSleep;
  const random = o.random ?? Math.random;
  const base = o.baseDelayMs ?? 500;
  const maxDelay = o.maxDelayMs ?? 60_000;
  const waitsMs: number[] = [];
  const seen: string[] = [];
  let status: number | undefined;
  for (let attempt = 1; ; attempt++) {
    let wait: number | undefined;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': o.idempotencyKey, 'user-agent': 'understudy-announce' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(o.timeoutMs),
        // A redirect is an answer, not a delivery: following it could post the notice somewhere else.
        redirect: 'manual',
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { delivered: true, attempts: attempt, status, detail: seen.length ? `delivered after ${seen.join(', ')}` : 'delivered', waitsMs };
      seen.push(`HTTP ${res.status}`);
      if (res.status >= 300 && res.status < 400) return { delivered: false, attempts: attempt, status, detail: `the webhook URL redirects (HTTP ${res.status}); set the variable to the final URL`, waitsMs };
      if (!retryable(res.status)) return { delivered: false, attempts: attempt, status, detail: `refused with HTTP ${res.status} (not retried: the receiver rejects this request)`, waitsMs };
      wait = retryAfterMs(res.headers.get('retry-after'));
      if (wait !== undefined && wait > maxDelay) {
        return { delivered: false, attempts: attempt, status, detail: `the receiver asked to wait ${Math.ceil(wait / 1000)} s (Retry-After), longer than the ${Math.round(maxDelay / 1000)} s this command waits; send again later`, waitsMs };
      }
    } catch (e) {
      seen.push(describeError(e, url));
    }
    if (attempt > o.retries) {
      return { delivered: false, attempts: attempt, ...(status !== undefined ? { status } : {}), detail: `gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${seen.join(', ')}`, waitsMs };
    }
    const backoff = base * 2 ** (attempt - 1) * (0.5 + random());
    // Retry-After is a floor: "0" or a date in the past must not turn the retries into a burst.
    const ms = Math.min(maxDelay, Math.round(Math.max(wait ?? 0, backoff)));
    waitsMs.push(ms);
    await sleep(ms);
  }
};
