/** Webhook delivery edge cases against a local receiver on loopback (no msw: the real fetch path). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { postJson, retryAfterMs, urlProblem } from '../../../server/announce/deliver/webhook.ts';

let server: Server;
let base: string;
const script: { status: number; headers?: Record<string, string> }[] = [];
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    req.resume();
    req.on('end', () => {
      const next = script.shift() ?? { status: 200 };
      res.writeHead(next.status, next.headers ?? {});
      res.end('x');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks/SECRETPATH`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const post = (over: { retries?: number; maxDelayMs?: number } = {}) => {
  const waits: number[] = [];
  hits = 0;
  return postJson(
    base,
    { a: 1 },
    {
      timeoutMs: 2000,
      retries: over.retries ?? 3,
      idempotencyKey: 'k',
      baseDelayMs: 10,
      maxDelayMs: over.maxDelayMs ?? 60_000,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
  ).then((o) => ({ ...o, waits }));
};

describe('Retry-After', () => {
  const now = Date.parse('2026-11-27T10:00:00Z');
  it.each<[string | null, number | undefined]>([
    ['3', 3000],
    [' 0 ', 0],
    ['Fri, 27 Nov 2026 10:00:05 GMT', 5000],
    ['Fri, 27 Nov 2026 09:00:00 GMT', 0],
    [null, undefined],
    ['', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['2026-11-27T10:00:05Z', undefined],
    ['-1', undefined],
  ])('%j → %j ms', (v, ms) => expect(retryAfterMs(v, now)).toBe(ms));
});

describe('postJson', () => {
  it('408 is retried like a 5xx', async () => {
    script.push({ status: 408 }, { status: 200 });
    const o = await post();
    expect(o).toMatchObject({ delivered: true, attempts: 2 });
    expect(hits).toBe(2);
  });
  it('a redirect is not followed and not retried: the URL must be the final one', async () => {
    script.push({ status: 301, headers: { location: 'http://127.0.0.1:1/elsewhere' } });
    const o = await post();
    expect(o).toMatchObject({ delivered: false, attempts: 1 });
    expect(o.detail).toBe('the webhook URL redirects (HTTP 301); set the variable to the final URL');
    expect(hits).toBe(1);
  });
  it('a Retry-After longer than this command waits: give up at once and say so', async () => {
    script.push({ status: 429, headers: { 'retry-after': '86400' } });
    const o = await post({ maxDelayMs: 60_000 });
    expect(o).toMatchObject({ delivered: false, attempts: 1 });
    expect(o.detail).toMatch(/asked to wait 86400 s \(Retry-After\), longer than the 60 s/);
  });
  it('Retry-After 0 does not turn retries into a burst: the backoff is the floor', async () => {
    script.push({ status: 503, headers: { 'retry-after': '0' } }, { status: 503, headers: { 'retry-after': '0' } }, { status: 200 });
    const o = await post();
    expect(o.delivered).toBe(true);
    // base 10 ms, doubled, equal jitter (half, plus half × random()) with random() = 0.5: the one backoff the clone uses too
    expect(o.waits).toEqual([8, 15]);
  });
  it('errors never carry the URL or its host', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const o = await postJson(
      `http://127.0.0.1:${port}/hooks/SECRETPATH`,
      {},
      { timeoutMs: 500, retries: 1, idempotencyKey: 'k', sleep: async () => {} },
    );
    expect(o.delivered).toBe(false);
    expect(o.detail).toMatch(/^gave up after 2 attempts: network error \(ECONNREFUSED\)/);
    expect(o.detail).not.toMatch(/SECRETPATH|127\.0\.0\.1/);
    const bad = await postJson('http://127.0.0.1:1/hooks/SECRETPATH', {}, { timeoutMs: 500, retries: 0, idempotencyKey: 'k', sleep: async () => {} });
    expect(bad.detail).toBe('gave up after 1 attempt: network error (bad port)');
  });
  it('URLs fetch would refuse are named before sending', () => {
    expect(urlProblem('https://user:pw@hooks.example/x')).toMatch(/user name or password/);
    expect(urlProblem('ftp://hooks.example/x')).toBe('is not an http(s) URL');
    expect(urlProblem('hooks.example/x')).toBe('is not a URL');
    expect(urlProblem('https://hooks.example/x')).toBeUndefined();
  });
});
