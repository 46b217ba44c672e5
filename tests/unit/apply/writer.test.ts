/**
 * The write transport, with a scripted fetch (no sockets): what is retried and what is not, how
 * long it waits, a 303 to a task polled to its end (same origin only), redirects never followed,
 * and the credentials only ever in the Authorization header.
 */
import { describe, expect, it } from 'vitest';
import { TaskFailed, UncertainWrite, WriteFailed, WriteRefused, Writer, type WriteRequest } from '../../../server/apply/production/writer.ts';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'reset' | 'hang';
const BASE = 'https://acme.atlassian.net';

const scripted = (replies: Reply[]) => {
  const seen: { method: string; url: string; auth: string | null; redirect: string | undefined }[] = [];
  const waits: number[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    seen.push({ method: String(init.method), url, auth: new Headers(init.headers).get('authorization'), redirect: init.redirect });
    const r = replies.shift() ?? { status: 500 };
    if (r === 'reset') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    if (r === 'hang') return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new Error('aborted'))));
    return new Response(r.body === undefined ? null : JSON.stringify(r.body), { status: r.status, headers: r.headers });
  }) as unknown as typeof globalThis.fetch;
  const writer = new Writer({
    baseUrl: BASE,
    credentials: { kind: 'basic', email: 'a@b.example', token: 'SECRET-TOKEN' },
    fetch,
    retries: 3,
    timeoutMs: 20,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
  });
  return { writer, seen, waits };
};

const PUT: WriteRequest = { method: 'PUT', path: '/rest/api/3/filter/1', body: { jql: 'x' } };
const POST: WriteRequest = { method: 'POST', path: '/rest/api/3/statuses', body: {} };

describe('Writer', () => {
  it.each<[string, WriteRequest, Reply[], number | RegExp, number]>([
    ['a PUT retried through 500s', PUT, [{ status: 500 }, { status: 502 }, { status: 200, body: { ok: 1 } }], 200, 3],
    ['a PUT retried through resets and a hang', PUT, ['reset', 'hang', { status: 204 }], 204, 3],
    [
      'a POST retried through 429 (Jira did nothing)',
      POST,
      [
        { status: 429, headers: { 'retry-after': '2' } },
        { status: 201, body: [{ id: '1' }] },
      ],
      201,
      2,
    ],
    [
      "a 400 is refused at once, with Jira's words",
      PUT,
      [{ status: 400, body: { errorMessages: ['The filter name is taken.'], errors: {} } }],
      /refused \(400\): The filter name is taken/,
      1,
    ],
    ['a POST that got a 500 is uncertain: never sent again blindly', POST, [{ status: 500 }], /no clear answer \(HTTP 500\)/, 1],
    ['a POST that got no answer is uncertain', POST, ['hang'], /no clear answer \(no answer within 20 ms\)/, 1],
    [
      'a 500 that persists through the retries fails',
      PUT,
      [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }],
      /failed after 4 attempts \(last: HTTP 500\)/,
      4,
    ],
    [
      'a redirect is refused, never followed',
      PUT,
      [{ status: 302, headers: { location: 'https://evil.example/' } }],
      /redirects; pass the final URL/,
      1,
    ],
  ])('%s', async (_n, req, replies, expected, calls) => {
    const s = scripted(replies);
    const run = s.writer.send(req);
    if (typeof expected === 'number') expect((await run).status).toBe(expected);
    else await expect(run).rejects.toThrow(expected);
    expect(s.seen).toHaveLength(calls);
    expect(
      s.seen.every(
        (x) =>
          x.redirect === 'manual' && x.auth === `Basic ${Buffer.from('a@b.example:SECRET-TOKEN').toString('base64')}` && !x.url.includes('SECRET'),
      ),
    ).toBe(true);
  });

  it('waits as long as Retry-After says on a 429, with backoff and jitter otherwise', async () => {
    const s = scripted([{ status: 429, headers: { 'retry-after': '7' } }, { status: 503 }, { status: 200, body: {} }]);
    await s.writer.send(PUT);
    expect(s.waits).toEqual([7000, 750]);
  });

  it('polls the task a 303 points at until it is complete, and answers its result', async () => {
    const s = scripted([
      { status: 303, headers: { location: `${BASE}/rest/api/3/task/10042` } },
      { status: 200, body: { id: '10042', status: 'RUNNING' } },
      { status: 200, body: { id: '10042', status: 'COMPLETE', result: { moved: 3 } } },
    ]);
    expect(await s.writer.send({ method: 'DELETE', path: '/rest/api/3/resolution/7', query: { replaceWith: '2' } })).toEqual({
      status: 200,
      body: { moved: 3 },
      task: '10042',
    });
    expect(s.seen.map((x) => `${x.method} ${x.url.replace(BASE, '')}`)).toEqual([
      'DELETE /rest/api/3/resolution/7?replaceWith=2',
      'GET /rest/api/3/task/10042',
      'GET /rest/api/3/task/10042',
    ]);
  });

  it('a failed task is a failed write', async () => {
    const s = scripted([
      { status: 303, headers: { location: '/rest/api/3/task/9' } },
      { status: 200, body: { id: '9', status: 'FAILED', message: 'Option is still in use.' } },
    ]);
    await expect(s.writer.send(PUT)).rejects.toThrow(TaskFailed);
  });

  it('a task at another origin is refused: the credentials stay home', async () => {
    const s = scripted([{ status: 303, headers: { location: 'https://evil.example/rest/api/3/task/9' } }]);
    await expect(s.writer.send(PUT)).rejects.toThrow(/at another origin \(https:\/\/evil\.example\)/);
    expect(s.seen).toHaveLength(1);
  });

  it('a taskId in a 200 answer is polled too (workflow updates)', async () => {
    const s = scripted([
      { status: 200, body: { taskId: '5', workflows: [] } },
      { status: 200, body: { id: '5', status: 'COMPLETE' } },
    ]);
    await s.writer.send(POST);
    expect(s.seen[1]!.url).toBe(`${BASE}/rest/api/3/task/5`);
  });

  it('sends one request at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const fetch = (async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return new Response('{}', { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const w = new Writer({ baseUrl: BASE, credentials: { kind: 'bearer', token: 't' }, fetch });
    await Promise.all([w.send(PUT), w.send(PUT), w.send(PUT)]);
    expect(most).toBe(1);
  });

  it('refuses http to another machine and credentials in the URL', () => {
    expect(() => new Writer({ baseUrl: 'http://jira.example.com', credentials: { kind: 'bearer', token: 't' } })).toThrow(/only sent over https/);
    expect(() => new Writer({ baseUrl: 'https://u:p@jira.example.com', credentials: { kind: 'bearer', token: 't' } })).toThrow(
      /must not contain credentials/,
    );
  });

  it('types its errors', () => {
    expect(new WriteRefused('PUT /x', 400, 'no')).toBeInstanceOf(Error);
    expect(new WriteFailed('PUT /x', 'HTTP 500', 3).message).toMatch(/after 3 attempts/);
    expect(new UncertainWrite('POST /x', 'reset').name).toBe('UncertainWrite');
  });
});
