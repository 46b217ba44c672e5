/** The clone's transport with a fake fetch: read-only by construction, retries, Retry-After, timeouts, concurrency, clear errors. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../server/common/errors.ts';
import { HttpTransport, NotFoundAnswer, type TransportOptions } from '../../../server/clone/transport.ts';
import { Limiter } from '../../../server/clone/limiter.ts';

const TOKEN = 'tok-very-secret-123';
type Step = number | 'hang' | 'network' | { status: number; body?: string; headers?: Record<string, string> };

const fake = (steps: Step[]) => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const s = steps.shift() ?? 200;
    if (s === 'network') throw new TypeError('fetch failed');
    if (s === 'hang') {
      return new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    const r = typeof s === 'number' ? { status: s } : s;
    return new Response(r.body ?? (r.status < 300 ? '{"ok":true}' : '{"errorMessages":["x"]}'), { status: r.status, headers: r.headers });
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
};

const transport = (steps: Step[], o: Partial<TransportOptions> = {}) => {
  const f = fake(steps);
  const sleeps: number[] = [];
  const t = new HttpTransport({
    baseUrl: 'https://acme.atlassian.net/',
    credentials: { kind: 'basic', email: 'a@b.example', token: TOKEN },
    fetch: f.fetchFn,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    retries: 3,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    timeoutMs: 50,
    ...o,
  });
  return { t, sleeps, calls: f.calls };
};

describe('HttpTransport', () => {
  it.each([
    ['PUT', '/rest/api/3/issue/A-1'],
    ['DELETE', '/rest/api/3/issue/A-1'],
    ['POST', '/rest/api/3/issue'],
    ['POST', '/rest/api/3/issue/A-1/transitions'],
  ])('refuses %s %s before any request', async (method, path) => {
    const { t, calls } = transport([]);
    await expect(t.read({ method: method as 'GET', path })).rejects.toThrow(/refused: .* is not a read/);
    expect(calls).toEqual([]);
  });

  it.each([
    ['POST', '/rest/api/3/issue?x=/rest/api/3/search'],
    ['POST', '/rest/api/3/issue/A-1/transitions#/rest/api/3/workflows'],
    ['POST', '/rest/api/3/issue/../search/jql'],
    ['POST', '/rest/api/3/search/jql/../../issue'],
    ['POST', '/rest/api/3/issue%2F..%2Fsearch'],
    ['GET', '/rest/api/3/field?x=1'],
    ['GET', 'rest/api/3/field'],
  ])('refuses %s %s: a path that would reach the server as something else', async (method, path) => {
    const { t, calls } = transport([]);
    await expect(t.read({ method: method as 'GET', path })).rejects.toThrow(/refused: .* is not a plain API path/);
    expect(calls).toEqual([]);
  });

  it('allows the POST endpoints Jira reads with', async () => {
    const { t, calls } = transport([200, 200, 200]);
    for (const path of ['/rest/api/3/search/jql', '/rest/api/3/workflows', '/rest/api/3/search/approximate-count'])
      await t.read({ method: 'POST', path, body: {} });
    expect(calls.map((c) => c.init.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('sends the credentials in the Authorization header only', async () => {
    const { t, calls } = transport([200]);
    await t.read({ method: 'GET', path: '/rest/api/3/field', query: { a: 'b c' } });
    expect(calls[0]!.url).toBe('https://acme.atlassian.net/rest/api/3/field?a=b%20c');
    expect(calls[0]!.url).not.toContain(TOKEN);
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe(`Basic ${Buffer.from(`a@b.example:${TOKEN}`).toString('base64')}`);
  });

  it('honours Retry-After on 429', async () => {
    const { t, sleeps } = transport([{ status: 429, headers: { 'retry-after': '7' } }, 200]);
    expect(await t.read({ method: 'GET', path: '/x' })).toEqual({ ok: true });
    expect(sleeps).toEqual([7000]);
  });

  it('backs off exponentially with jitter on 5xx, network errors, timeouts and unreadable bodies', async () => {
    const { t, sleeps } = transport([503, 'network', 'hang', { status: 200, body: '{"trunc' }, 200], { retries: 4 });
    expect(await t.read({ method: 'GET', path: '/x' })).toEqual({ ok: true });
    // random 0.5: half the cap plus a quarter: 75, 150, 300, 600 (cap 1000)
    expect(sleeps).toEqual([75, 150, 300, 600]);
  });

  it('gives a clear error once the retries are spent', async () => {
    const { t } = transport([500, 500, 500, 500]);
    const err = await t.read({ method: 'GET', path: '/rest/api/3/field' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe('https://acme.atlassian.net did not answer GET /rest/api/3/field after 4 attempts (last: HTTP 500)');
  });

  it('401: one clear message naming the environment variables, not their values; no retry', async () => {
    const { t, calls } = transport([401, 200]);
    const err = (await t.read({ method: 'GET', path: '/x' }).catch((e: unknown) => e)) as UserError;
    expect(err).toBeInstanceOf(UserError);
    expect(calls).toHaveLength(1);
    expect(`${err.message} ${err.details.join(' ')}`).toMatch(/401.*JIRA_API_TOKEN/);
    expect(`${err.message} ${err.details.join(' ')}`).not.toContain(TOKEN);
  });

  it('after a 401 every further read fails at once, without a request', async () => {
    const { t, calls } = transport([401, 200, 200]);
    await expect(t.read({ method: 'GET', path: '/a' })).rejects.toThrow(/401/);
    await expect(t.read({ method: 'GET', path: '/b' })).rejects.toThrow(/401/);
    expect(calls).toHaveLength(1);
  });

  it('403 says an administering account is needed; 404 is a NotFoundAnswer for fallbacks', async () => {
    await expect(transport([403]).t.read({ method: 'GET', path: '/x' })).rejects.toThrow(/administrator/);
    await expect(transport([404]).t.read({ method: 'GET', path: '/x' })).rejects.toBeInstanceOf(NotFoundAnswer);
  });

  it('refuses a URL with credentials in it', () => {
    expect(() => new HttpTransport({ baseUrl: 'https://me:pw@acme.atlassian.net', credentials: { kind: 'bearer', token: 'x' } })).toThrow(
      /must not contain credentials/,
    );
  });
});

describe('Limiter', () => {
  it('runs at most N tasks at once', async () => {
    const l = new Limiter(2);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        l.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });
});
