/**
 * `--send` against webhook receivers emulated with msw (every request msw does not handle is an
 * error, so nothing can reach a real server): delivered; 429 with Retry-After honoured; 500 then
 * delivered; a timeout then delivered; a permanent failure (exit 1, logged as not delivered); and
 * no webhook URL in any output, file or log line.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { announce, makeWorkspace, type Workspace } from '../../helpers/announce-workspace.ts';

const SECRET = 'https://hooks.example.test/services/T0SECRET/B0SECRET/xoxSECRETTOKEN';
const SECRET_JSON = 'https://events.example.test/ingest/ZZSECRETJSON';
const received: { url: string; key: string | null; body: unknown; at: number }[] = [];
const server = setupServer();

const SETTINGS = {
  announce: {
    channels: [
      { name: 'team', kind: 'webhook', url: 'env:TEAM_WEBHOOK', timeoutSeconds: 0.3, retries: 3 },
      { name: 'events', kind: 'webhook', url: 'env:EVENTS_WEBHOOK', format: 'json', retries: 1 },
      { name: 'mail', kind: 'email', folder: 'outbox', recipients: ['Staff <staff@acme.example>'] },
      { name: 'changelog', kind: 'file', path: 'changelog' },
    ],
  },
};
const ENV = { TEAM_WEBHOOK: SECRET, EVENTS_WEBHOOK: SECRET_JSON };
const FAST = { post: { baseDelayMs: 5, maxDelayMs: 1500, sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) } };
const ARGS = ['heads-up', '--now', '2026-11-27T10:00:00Z', '--at', '2026-11-28T18:00:00Z'];

const record = (request: Request, body: unknown) =>
  received.push({ url: request.url, key: request.headers.get('idempotency-key'), body, at: Date.now() });
const ok = (url: string) =>
  http.post(url, async ({ request }) => {
    record(request, await request.json());
    return HttpResponse.text('ok');
  });

let ws: Workspace;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  server.resetHandlers();
  received.length = 0;
  await ws?.cleanup();
});
afterAll(() => server.close());

const logOf = async () =>
  (await readFile(join(ws.report, 'communication-log.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

/** Every file the command wrote plus what it printed must be free of the webhook URLs' secret parts. */
const expectNoSecret = async (printed: string) => {
  const texts = [printed];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== 'acme') await walk(join(dir, e.name));
      } else if (!e.isSymbolicLink()) texts.push(await readFile(join(dir, e.name), 'utf8'));
    }
  };
  await walk(ws.dir);
  for (const t of texts) {
    for (const s of ['SECRET', 'hooks.example.test', 'events.example.test']) expect(t).not.toContain(s);
  }
};

describe('announce --send', () => {
  it('delivers to every channel: Slack payload and JSON to the webhooks, an .eml and a Markdown file; one log line each', async () => {
    ws = await makeWorkspace(SETTINGS);
    server.use(ok(SECRET), ok(SECRET_JSON));
    const r = await announce(ws, [...ARGS, '--send'], { env: ENV, ...FAST });
    expect(r.code, r.stderr).toBe(0);
    expect(received.map((x) => x.url).sort()).toEqual([SECRET_JSON, SECRET].sort());
    const slack = received.find((x) => x.url === SECRET)!.body as { text: string; blocks: { type: string }[] };
    expect(slack.text).toContain('Planned change');
    expect(slack.blocks[0]!.type).toBe('header');
    const json = received.find((x) => x.url === SECRET_JSON)!.body as { notice: { kind: string; sections: unknown[] }; markdown: string };
    expect(json.notice.kind).toBe('heads-up');
    expect(json.markdown).toContain('## What you need to do differently');
    expect(received.every((x) => /^[0-9a-f]{40}$/.test(x.key ?? ''))).toBe(true);
    const eml = await readFile(join(ws.dir, 'outbox', '20261127T100000Z-heads-up.eml'), 'utf8');
    expect(eml).toMatch(/^To: Staff <staff@acme\.example>$/m);
    expect(eml).toMatch(/^Subject: /m);
    expect(await readFile(join(ws.dir, 'changelog', '20261127T100000Z-heads-up.md'), 'utf8')).toContain('# \\[Jira\\] Planned change');
    const log = await logOf();
    expect(log.map((l) => `${l.channel}:${l.outcome}`)).toEqual([
      'report:written',
      'team:delivered',
      'events:delivered',
      'mail:written',
      'changelog:written',
    ]);
    expect(log.find((l) => l.channel === 'mail').recipients).toEqual(['Staff <staff@acme.example>']);
    await expectNoSecret(r.stdout + r.stderr);
  });

  it('429 with Retry-After: waits as told, then delivers with the same idempotency key', async () => {
    ws = await makeWorkspace(SETTINGS);
    let calls = 0;
    server.use(
      http.post(SECRET, async ({ request }) => {
        record(request, await request.json());
        return ++calls === 1 ? new HttpResponse('slow down', { status: 429, headers: { 'Retry-After': '1' } }) : HttpResponse.text('ok');
      }),
    );
    const waits: number[] = [];
    const r = await announce(ws, [...ARGS, '--send', '--channel', 'team'], {
      env: ENV,
      post: {
        baseDelayMs: 5,
        maxDelayMs: 60_000,
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(received).toHaveLength(2);
    expect(waits).toEqual([1000]); // Retry-After: 1, not the 5 ms backoff
    expect(received[0]!.key).toBe(received[1]!.key);
    const team = (await logOf()).find((l) => l.channel === 'team');
    expect(team).toMatchObject({ outcome: 'delivered', attempts: 2 });
    expect(team.detail).toContain('HTTP 429');
  });

  it('500 then success: retried with backoff and delivered', async () => {
    ws = await makeWorkspace(SETTINGS);
    let calls = 0;
    server.use(
      http.post(SECRET, async ({ request }) => {
        record(request, await request.json());
        return ++calls <= 2 ? new HttpResponse('oops', { status: 500 }) : HttpResponse.text('ok');
      }),
    );
    const r = await announce(ws, [...ARGS, '--send', '--channel', 'team'], { env: ENV, ...FAST });
    expect(r.code, r.stderr).toBe(0);
    expect(received).toHaveLength(3);
    expect((await logOf()).find((l) => l.channel === 'team')).toMatchObject({ outcome: 'delivered', attempts: 3 });
  });

  it('a timeout: the slow attempt is abandoned and the next one delivers', async () => {
    ws = await makeWorkspace(SETTINGS);
    let calls = 0;
    server.use(
      http.post(SECRET, async ({ request }) => {
        record(request, await request.json());
        if (++calls === 1) await delay(2000);
        return HttpResponse.text('ok');
      }),
    );
    const r = await announce(ws, [...ARGS, '--send', '--channel', 'team'], { env: ENV, ...FAST });
    expect(r.code, r.stderr).toBe(0);
    const team = (await logOf()).find((l) => l.channel === 'team');
    expect(team).toMatchObject({ outcome: 'delivered', attempts: 2 });
    expect(team.detail).toContain('timed out');
  });

  it('a permanent failure: exit 1, the other channels still delivered, the log says not delivered, no secret anywhere', async () => {
    ws = await makeWorkspace(SETTINGS);
    server.use(
      http.post(SECRET, async ({ request }) => {
        record(request, await request.json());
        return new HttpResponse('no such hook', { status: 404 });
      }),
      ok(SECRET_JSON),
    );
    const r = await announce(ws, [...ARGS, '--send'], { env: ENV, ...FAST });
    expect(r.code).toBe(1);
    expect(received.filter((x) => x.url === SECRET)).toHaveLength(1); // a 404 is not retried
    expect(r.stderr).toMatch(/✘ team: not delivered — refused with HTTP 404/);
    expect(r.stderr).toMatch(/1 channel not delivered/);
    const log = await logOf();
    expect(log.find((l) => l.channel === 'team')).toMatchObject({ outcome: 'not delivered', attempts: 1 });
    expect(log.find((l) => l.channel === 'events')).toMatchObject({ outcome: 'delivered' });
    await expectNoSecret(r.stdout + r.stderr);
  });

  it('retries spent on 503s: exit 1 after 1 + retries attempts', async () => {
    ws = await makeWorkspace(SETTINGS);
    server.use(
      http.post(SECRET, async ({ request }) => {
        record(request, await request.json());
        return new HttpResponse('down', { status: 503 });
      }),
    );
    const r = await announce(ws, [...ARGS, '--send', '--channel', 'team'], { env: ENV, ...FAST });
    expect(r.code).toBe(1);
    expect(received).toHaveLength(4);
    expect((await logOf()).find((l) => l.channel === 'team').detail).toBe('gave up after 4 attempts: HTTP 503, HTTP 503, HTTP 503, HTTP 503');
  });

  it('sending the same notice again skips the channels that got it and reuses the idempotency key for the others', async () => {
    ws = await makeWorkspace(SETTINGS);
    let fail = true;
    server.use(
      ok(SECRET_JSON),
      http.post(SECRET, async ({ request }) => {
        record(request, await request.json());
        return fail ? new HttpResponse('down', { status: 503 }) : HttpResponse.text('ok');
      }),
    );
    const first = await announce(ws, [...ARGS, '--send'], { env: ENV, post: { ...FAST.post, maxDelayMs: 5 } });
    expect(first.code).toBe(1);
    fail = false;
    received.length = 0;
    const second = await announce(ws, [...ARGS, '--send'], { env: ENV, ...FAST });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/- events: already delivered at 2026-11-27T10:00:00.000Z/);
    expect(received.map((x) => x.url)).toEqual([SECRET]);
    const keys = (await logOf()).filter((l) => l.channel === 'team').map((l) => l.key);
    expect(new Set(keys).size).toBe(1);
    expect(received[0]!.key).toBe(keys[0]);
  });

  it('a channel that cannot be written mid-run is logged as not delivered; what came before stays recorded', async () => {
    ws = await makeWorkspace(SETTINGS);
    server.use(ok(SECRET), ok(SECRET_JSON));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(ws.dir, 'outbox', '20261127T100000Z-heads-up.eml'), { recursive: true }); // a folder where the file must go
    const r = await announce(ws, [...ARGS, '--send'], { env: ENV, ...FAST });
    expect(r.code).toBe(1);
    const log = await logOf();
    expect(log.map((l) => `${l.channel}:${l.outcome}`)).toEqual([
      'report:written',
      'team:delivered',
      'events:delivered',
      'mail:not delivered',
      'changelog:written',
    ]);
    expect(log.find((l) => l.channel === 'mail').detail).toMatch(/^could not be written: E/);
  });

  it('a network error names no host', async () => {
    ws = await makeWorkspace(SETTINGS);
    server.use(http.post(SECRET, () => HttpResponse.error()));
    const r = await announce(ws, [...ARGS, '--send', '--channel', 'team'], { env: ENV, ...FAST });
    expect(r.code).toBe(1);
    expect((await logOf()).find((l) => l.channel === 'team').detail).toMatch(/^gave up after 4 attempts: network error/);
    await expectNoSecret(r.stdout + r.stderr);
  });
});
