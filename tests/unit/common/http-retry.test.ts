/** The one retry helper (clone, webhooks, apply) with a fake fetch: what is retried, how long it waits, the typed errors. */
import { describe, expect, it } from 'vitest';
import {
  AccessDenied,
  Aborted,
  AuthRefused,
  backoffMs,
  HttpRefused,
  isRetryable,
  NotFound,
  RateLimited,
  Redirected,
  sendWithRetry,
  Unreachable,
  type RetryPolicy,
} from '../../../server/common/http-retry.ts';

type Step = number | 'network' | 'hang' | { status: number; body?: string; headers?: Record<string, string> };

const POLICY: RetryPolicy = { retries: 3, baseDelayMs: 100, maxDelayMs: 1000, timeoutMs: 50, maxRetryAfterMs: 10_000 };
const URL_ = 'https://hooks.example/secret/PATH';

const run = (steps: Step[], policy: Partial<RetryPolicy> = {}, extra: { signal?: AbortSignal; read?: (t: string) => unknown } = {}) => {
  const calls: RequestInit[] = [];
  const sleeps: number[] = [];
  const fetchFn = (async (_url: string, init: RequestInit) => {
    calls.push(init);
    const s = steps.shift() ?? 200;
    if (s === 'network') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET', message: `socket hang up at ${URL_}` } });
    if (s === 'hang')
      return new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const r = typeof s === 'number' ? { status: s } : s;
    return new Response(r.status === 204 || r.status === 304 ? null : (r.body ?? '{"ok":true}'), { status: r.status, headers: r.headers });
  }) as unknown as typeof fetch;
  const done = sendWithRetry(
    URL_,
    { method: 'POST', body: '{}' },
    { ...POLICY, ...policy },
    {
      fetch: fetchFn,
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...(extra.signal ? { signal: extra.signal } : {}),
    },
    extra.read,
  );
  return { done, calls, sleeps };
};

const failure = async (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );

describe('what is retried', () => {
  it.each([
    [408, true],
    [425, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [599, true],
    [501, false],
    [505, false],
    [400, false],
    [404, false],
    [409, false],
    [422, false],
  ])('HTTP %i retryable: %s', (status, yes) => expect(isRetryable(status)).toBe(yes));

  it('retries 5xx, network errors, timeouts and unreadable bodies, with doubled waits between half and all of the cap', async () => {
    const r = run([503, 'network', 'hang', { status: 200, body: '{"trunc' }, 200], { retries: 4 }, { read: (t) => JSON.parse(t) });
    const a = await r.done;
    expect(a.value).toEqual({ ok: true });
    expect(a.attempts).toBe(5);
    expect(r.sleeps).toEqual([75, 150, 300, 600]);
    expect(a.tried).toEqual([
      'HTTP 503',
      'network error (ECONNRESET)',
      'timed out (no answer within 50 ms)',
      'an unreadable (truncated?) body of 7 bytes',
    ]);
  });

  it('the backoff is capped', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, POLICY, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffMs(3, POLICY, () => 0)).toBe(400);
  });

  it('Retry-After is a floor under the backoff, in seconds or as an HTTP date', async () => {
    const later = new Date(Date.now() + 4000).toUTCString();
    const r = run([
      { status: 429, headers: { 'retry-after': '2' } },
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 503, headers: { 'retry-after': later } },
      200,
    ]);
    await r.done;
    expect(r.sleeps[0]).toBe(2000);
    expect(r.sleeps[1]).toBe(150);
    expect(r.sleeps[2]).toBeGreaterThan(2500);
    expect(r.sleeps[2]).toBeLessThanOrEqual(4000);
  });

  it('every attempt gets the same request, and the redirect mode is manual', async () => {
    const r = run([500, 200]);
    await r.done;
    expect(r.calls.map((c) => [c.method, c.body, c.redirect])).toEqual([
      ['POST', '{}', 'manual'],
      ['POST', '{}', 'manual'],
    ]);
  });
});

describe('typed errors', () => {
  it.each([
    [401, AuthRefused],
    [403, AccessDenied],
    [404, NotFound],
    [400, HttpRefused],
    [501, HttpRefused],
  ] as const)('HTTP %i: %o, not retried, with the body', async (status, type) => {
    const r = run([{ status, body: '{"errorMessages":["no"]}' }, 200]);
    const e = await failure(r.done);
    expect(e).toBeInstanceOf(type);
    expect(e).toMatchObject({ status, text: '{"errorMessages":["no"]}', attempts: 1 });
    expect(r.calls).toHaveLength(1);
  });

  it('a redirect is not followed: Redirected with where it points', async () => {
    const r = run([{ status: 303, headers: { location: 'https://hooks.example/rest/api/3/task/10001' } }]);
    const e = await failure(r.done);
    expect(e).toBeInstanceOf(Redirected);
    expect(e).toMatchObject({ status: 303, location: 'https://hooks.example/rest/api/3/task/10001' });
    expect(r.calls).toHaveLength(1);
  });

  it('a Retry-After longer than the caller waits: RateLimited at once', async () => {
    const r = run([{ status: 429, headers: { 'retry-after': '3600' } }, 200]);
    const e = await failure(r.done);
    expect(e).toBeInstanceOf(RateLimited);
    expect(e).toMatchObject({ status: 429, retryAfterMs: 3_600_000, limitMs: 10_000, attempts: 1 });
    expect(r.calls).toHaveLength(1);
  });

  it('retries spent: Unreachable with what every attempt met, the last status and the waits', async () => {
    const r = run([500, 'network', 502, 503]);
    const e = (await failure(r.done)) as Unreachable;
    expect(e).toBeInstanceOf(Unreachable);
    expect(e.message).toBe('gave up after 4 attempts: HTTP 500, network error (ECONNRESET), HTTP 502, HTTP 503');
    expect(e).toMatchObject({ last: 'HTTP 503', status: 503, attempts: 4 });
    expect(e.waitsMs).toEqual([75, 150, 300]);
  });

  it('no error text holds the URL or its host', async () => {
    const e = (await failure(run(['network'], { retries: 0 }).done)) as Unreachable;
    expect(JSON.stringify([e.message, e.tried, e.last])).not.toMatch(/hooks\.example|secret/);
  });

  it('an outer signal stops an attempt in flight and the waits: Aborted', async () => {
    const controller = new AbortController();
    const r = run(['hang', 200], { timeoutMs: 60_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const e = await failure(r.done);
    expect(e).toBeInstanceOf(Aborted);
    expect(r.calls).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const r = run([200], {}, { signal: AbortSignal.abort() });
    expect(await failure(r.done)).toBeInstanceOf(Aborted);
    expect(r.calls).toHaveLength(0);
  });
});
