/**
 * Notices as apply goes, to webhook receivers emulated with msw (loopback — the sandbox playing
 * production — passes through; anything else unhandled is an error): `started` before the first
 * write, an `update` when a step runs past what the rehearsal said to allow, `done` with the
 * journal's figures; the announcement banner set for the window and the previous one put back;
 * every notice and banner change in the communication log; no webhook URL anywhere.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplyWorkspace, type ApplyWorkspace } from '../../helpers/apply-workspace.ts';

const HOOK = 'https://hooks.example.test/services/T0SECRET/B0SECRET';
const received: { kind: string; text: string }[] = [];
const server = setupServer(
  http.post(HOOK, async ({ request }) => {
    const body = (await request.json()) as { text?: string; blocks?: unknown };
    const text = JSON.stringify(body);
    const subject = String(body.text ?? '');
    received.push({
      kind: /^\[Jira\] Planned change/.test(subject)
        ? 'heads-up'
        : /^\[Jira\] Change in progress/.test(subject)
          ? 'started'
          : /^\[Jira\] Update/.test(subject)
            ? 'update'
            : /^\[Jira\] Done/.test(subject)
              ? 'done'
              : /^\[Jira\] Rolled back/.test(subject)
                ? 'rolled-back'
                : 'other',
      text,
    });
    return HttpResponse.text('ok');
  }),
);
const SETTINGS = { announce: { channels: [{ name: 'team', kind: 'webhook', url: 'env:TEAM_WEBHOOK', retries: 1 }] } };
const ENV = { TEAM_WEBHOOK: HOOK };

let ws: ApplyWorkspace;
beforeAll(async () => {
  server.listen({
    onUnhandledRequest: ({ url }, print) => {
      if (!/^http:\/\/127\.0\.0\.1[:/]/.test(url)) print.error();
    },
  });
  ws = await makeApplyWorkspace({ settings: SETTINGS, announceEnv: ENV });
});
afterAll(async () => {
  server.close();
  await ws.cleanup();
});

describe('apply tells people as it goes', () => {
  it('started, an update, done; the banner set and put back', async () => {
    const admin = ws.prod.personas.find((p) => p.admin)!.accountId;
    const previous = { message: 'Quarterly maintenance on Friday', isEnabled: true, isDismissible: true, visibility: 'public' };
    expect((await ws.prod.call('PUT', '/rest/api/3/announcementBanner', { as: admin, body: previous })).status).toBe(204);
    const r = await ws.apply(['--yes', '--send', '--to', '20261101-090000-add-needs-triage'], { env: { ...ws.env, ...ENV }, stepAllowanceMs: 1 });
    expect(r.code, r.out).toBe(0);
    const kinds = received.map((x) => x.kind);
    expect(kinds[0]).toBe('heads-up');
    expect(kinds).toContain('started');
    expect(kinds).toContain('update');
    expect(kinds.at(-1)).toBe('done');
    expect(kinds.indexOf('started')).toBeLessThan(kinds.indexOf('update'));
    expect(received.find((x) => x.kind === 'done')!.text).toMatch(/Applied: 2 of 2 steps done in/);
    expect(received.find((x) => x.kind === 'update')!.text).toMatch(
      /A step is taking longer than the rehearsal said to allow .*1 of 2 steps done in/,
    );
    expect(received.find((x) => x.kind === 'started')!.text).toMatch(/2 steps, each read back as it goes/);
    const banner = (await ws.prod.call('GET', '/rest/api/3/announcementBanner', { as: admin })).body as Record<string, unknown>;
    expect(banner).toMatchObject(previous);
    const log = (await readFile(join(ws.report, 'communication-log.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; channel: string; outcome: string; subject: string });
    expect(log.filter((e) => e.channel === 'team' && e.outcome === 'delivered').map((e) => e.kind)).toEqual(
      expect.arrayContaining(['heads-up', 'started', 'update', 'done']),
    );
    expect(log.filter((e) => e.channel === 'production banner').map((e) => e.subject)).toEqual([
      expect.stringMatching(/^Jira configuration change in progress/),
      'the previous banner put back',
    ]);
    const files = [
      await readFile(join(ws.report, 'communication-log.jsonl'), 'utf8'),
      await readFile(join(ws.report, 'apply-report.md'), 'utf8'),
      r.out,
    ];
    for (const f of files) expect(f).not.toContain('T0SECRET');
  }, 180_000);
});
