/**
 * Posts a notice to a webhook: a timeout per attempt, retries with exponential backoff and jitter
 * on 429, 408, 5xx, timeouts and network errors, `Retry-After` honoured (seconds or an HTTP date,
 * capped), and one idempotency key for every attempt so a receiver can drop duplicates. The URL
 * is a secret: it never appears in what this returns.
 */
export interface PostOptions {
  timeoutMs: number;
  retries: number;
  idempotencyKey: string;
  /** First backoff delay; doubled per attempt, with ±50 % jitter. */
  baseDelayMs?: number;
  /** The longest a single wait may be (a longer Retry-After is cut to it). */
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

/** Retry-After in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export const retryAfterMs = (value: string | null, now = Date.now()): number | undefined => {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
};

const retryable = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** An error's words without anything that could be the URL (undici may quote the host). */
const describeError = (e: unknown, url: string): string => {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  const code = err?.cause?.code;
  const words = code ? `network error (${code})` : `network error (${err?.message ?? String(e)})`;
  const host = (() => { try { return new URL(url).host; } catch { return ''; } })();
  return words.split(url).join('<webhook>').split(host || '\u0000').join('<webhook host>');
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
        redirect: 'error',
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { delivered: true, attempts: attempt, status, detail: seen.length ? `delivered after ${seen.join(', ')}` : 'delivered', waitsMs };
      seen.push(`HTTP ${res.status}`);
      if (!retryable(res.status)) return { delivered: false, attempts: attempt, status, detail: `refused with HTTP ${res.status} (not retried: the receiver rejects this request)`, waitsMs };
      wait = retryAfterMs(res.headers.get('retry-after'));
    } catch (e) {
      seen.push(describeError(e, url));
    }
    if (attempt > o.retries) {
      return { delivered: false, attempts: attempt, ...(status !== undefined ? { status } : {}), detail: `gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${seen.join(', ')}`, waitsMs };
    }
    const backoff = base * 2 ** (attempt - 1) * (0.5 + random());
    const ms = Math.min(maxDelay, Math.round(wait ?? backoff));
    waitsMs.push(ms);
    await sleep(ms);
  }
};
