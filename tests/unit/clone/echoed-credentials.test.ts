/**
 * Credentials never reach a message (issue 17, point 14): every path that quotes a server's text —
 * the retry helper, the clone's transport, apply's writer, a webhook's failure, the commands' last
 * redaction — against a fake server (or proxy) that echoes the request's Authorization header back.
 * No request leaves the process (fetch is a fake).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { postJson } from '../../../server/announce/deliver/webhook.ts';
import { Writer } from '../../../server/apply/production/writer.ts';
import { redactError } from '../../../server/clone/credentials.ts';
import { HttpTransport } from '../../../server/clone/transport.ts';
import { UserError } from '../../../server/common/errors.ts';
import { HttpRefused, sendWithRetry } from '../../../server/common/http-retry.ts';

const EMAIL = 'admin@acme.example';
const TOKEN = 'ATATT3xFfGF0-s3cr3t-T0ken=';
const PAT = 'NjQ1ODk0MzIxOTg3OjPATsecretvalue';
const PAIR = `${EMAIL}:${TOKEN}`;
const B64 = Buffer.from(PAIR).toString('base64');
const SECRETS = [TOKEN, B64, PAIR, PAT, encodeURIComponent(TOKEN)];

const leaks = (text: string): string[] => SECRETS.filter((s) => text.includes(s));

afterEach(() => vi.unstubAllGlobals());

/** A server (or a proxy) that echoes the request's Authorization header in its answer. */
const echoing =
  (status: number) =>
  async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const auth = new Headers(init?.headers).get('authorization') ?? '';
    const [scheme, credential = ''] = auth.split(' ');
    const decoded = scheme === 'Basic' ? Buffer.from(credential, 'base64').toString('utf8') : credential;
    return new Response(JSON.stringify({ errorMessages: [`refused for ${auth}`, `user ${decoded}`], headers: { authorization: auth } }), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };

const textOf = (e: unknown): string =>
  e instanceof Error
    ? [e.message, ...(((e as { details?: readonly string[] }).details ?? []) as string[]), (e as HttpRefused).text ?? ''].join('\n')
    : String(e);

const POLICY = { retries: 0, baseDelayMs: 1, maxDelayMs: 1, timeoutMs: 5_000, maxRetryAfterMs: 1 };

describe('no echoed credential reaches a message', () => {
  it.each([400, 401, 403, 409])('http-retry: a %i answer keeps the body without the credentials', async (status) => {
    const e = await sendWithRetry('https://jira.example/rest/api/3/x', { method: 'GET', headers: { authorization: `Basic ${B64}` } }, POLICY, {
      fetch: echoing(status) as typeof fetch,
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HttpRefused);
    expect((e as HttpRefused).text).toContain('refused for');
    expect(leaks(textOf(e))).toEqual([]);
  });

  it.each([
    { name: 'Basic (Cloud)', credentials: { kind: 'basic' as const, email: EMAIL, token: TOKEN } },
    { name: 'Bearer (Data Center)', credentials: { kind: 'bearer' as const, token: PAT } },
  ])('the clone: a 400 that echoes $name credentials', async ({ credentials }) => {
    const t = new HttpTransport({ baseUrl: 'https://jira.example', credentials, retries: 0, fetch: echoing(400) as typeof fetch });
    const e = await t.read({ method: 'GET', path: '/rest/api/3/field' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect(textOf(e)).toMatch(/answered 400/);
    expect(leaks(textOf(e))).toEqual([]);
  });

  it('apply: a refused write that echoes the credentials', async () => {
    const w = new Writer({
      baseUrl: 'https://jira.example',
      credentials: { kind: 'basic', email: EMAIL, token: TOKEN },
      retries: 0,
      fetch: echoing(400) as typeof fetch,
    });
    const e = await w.send({ method: 'PUT', path: '/rest/api/3/status', body: {} }).catch((x: unknown) => x);
    expect(textOf(e)).toMatch(/was refused \(400\)/);
    expect(leaks(textOf(e))).toEqual([]);
  });

  it("a webhook's failure never quotes its URL (the secret)", async () => {
    const url = `https://hooks.example/services/${TOKEN}`;
    vi.stubGlobal('fetch', async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { message: `connect ECONNREFUSED for ${url}` } });
    });
    const outcome = await postJson(
      url,
      { text: 'hi' },
      {
        timeoutMs: 1_000,
        retries: 0,
        idempotencyKey: 'k',
        sleep: async () => {},
      },
    ).catch((x: unknown) => x);
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
  });

  it("the commands' last redaction keeps the error's class and exit code", () => {
    const e = redactError(new UserError(`answered with ${B64}`, { details: [`it said: ${PAIR}`] }), {
      JIRA_EMAIL: EMAIL,
      JIRA_API_TOKEN: TOKEN,
    }) as UserError;
    expect(e).toBeInstanceOf(UserError);
    expect(e.exitCode).toBe(2);
    expect(leaks(textOf(e))).toEqual([]);
  });
});
