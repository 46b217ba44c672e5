/**
 * Golden files of every format of every notice, written from a fixed result.json (a real rehearsal
 * of fixtures/acme, trimmed) with a fixed clock. A change in wording shows as a diff here; to accept
 * it, run with UPDATE_GOLDEN=1 and review the files in tests/unit/announce/golden/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { announce, makeWorkspace, type Workspace } from '../../helpers/announce-workspace.ts';

const GOLDEN = resolve('tests/unit/announce/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const SETTINGS = {
  announce: {
    trackerName: 'Acme Jira',
    from: 'Acme Jira admins <jira-admins@acme.example>',
    contact: '#jira-help on Slack or jira-admins@acme.example',
    reportUrl: 'https://ci.acme.example/understudy/1234/index.html',
    updateEveryMinutes: 30,
    channels: [{ name: 'staff-mail', kind: 'email', folder: 'outbox', recipients: ['Acme staff <staff@acme.example>'] }],
  },
};

/** The sequence of a real change: heads-up, change request, start, an update, then done or a rollback. */
const STEPS: { kind: string; args: string[] }[] = [
  { kind: 'heads-up', args: ['--now', '2026-11-27T10:00:00Z', '--at', '2026-11-28T18:00:00Z', '--window', '60'] },
  { kind: 'change-request', args: ['--now', '2026-11-27T10:05:00Z', '--at', '2026-11-28T18:00:00Z', '--window', '60'] },
  { kind: 'started', args: ['--now', '2026-11-28T18:00:00Z', '--window', '60'] },
  {
    kind: 'update',
    args: ['--now', '2026-11-28T18:20:00Z', '--message', 'The Office Location backfill is done; the permission change is next. On track.'],
  },
  { kind: 'done', args: ['--now', '2026-11-28T18:41:00Z'] },
  {
    kind: 'rolled-back',
    args: ['--now', '2026-11-28T18:50:00Z', '--message', 'The triage integration could not file bugs after the change, so we rolled back.'],
  },
];

let ws: Workspace;
beforeAll(async () => {
  ws = await makeWorkspace(SETTINGS);
});
afterAll(async () => {
  await ws.cleanup();
});

describe('notices from a fixed rehearsal', () => {
  it.each(STEPS)('$kind: every format matches its golden file', async ({ kind, args }) => {
    const r = await announce(ws, [kind, ...args]);
    expect(r.code, r.stderr).toBe(0);
    const files = (await readdir(join(ws.report, 'notices'))).filter((f) => f.startsWith(`${kind}.`)).sort();
    expect(files).toEqual(
      kind === 'change-request'
        ? ['change-request.eml', 'change-request.json', 'change-request.md']
        : [`${kind}.banner.html`, `${kind}.eml`, `${kind}.md`, `${kind}.slack.json`],
    );
    for (const f of files) {
      const text = await readFile(join(ws.report, 'notices', f), 'utf8');
      // No placeholder, no missing value, no internal vocabulary leaking into a notice.
      expect(text, f).not.toMatch(/undefined|NaN|\[object |\{\{|TODO|—$|\b(up|down)\(\)|\b[A-Z]{2,}_[A-Z_]{2,}\b/m);
      const golden = join(GOLDEN, f);
      if (UPDATE) await writeFile(golden, text);
      expect(existsSync(golden), `${f} has no golden file: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(text, `${f} differs from its golden file (UPDATE_GOLDEN=1 to accept)`).toBe(await readFile(golden, 'utf8'));
    }
    // The dry run prints the Markdown.
    expect(r.stdout.trimEnd()).toBe((await readFile(join(ws.report, 'notices', `${kind}.md`), 'utf8')).trimEnd());
  });

  it('the e-mail is RFC 5322: CRLF lines of at most 78 characters, the headers a mail client needs, recipients from the config', async () => {
    const eml = await readFile(join(ws.report, 'notices', 'heads-up.eml'), 'utf8');
    expect(eml.split('\r\n').length).toBeGreaterThan(20);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of eml.split('\r\n')) expect(line.length, line).toBeLessThanOrEqual(78);
    const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
    for (const h of [
      'From: Acme Jira admins <jira-admins@acme.example>',
      'To: Acme staff <staff@acme.example>',
      'Date: Fri, 27 Nov 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      'X-Understudy-Notice: heads-up',
    ]) {
      expect(head).toContain(h);
    }
    expect(head).toMatch(/^Message-ID: <[0-9a-f]{32}@understudy\.invalid>$/m);
    expect(head).toMatch(/^Subject: /m);
  });

  it("the Slack payload keeps within Slack's limits and escapes what would become markup", async () => {
    for (const kind of ['heads-up', 'started', 'update', 'done', 'rolled-back']) {
      const p = JSON.parse(await readFile(join(ws.report, 'notices', `${kind}.slack.json`), 'utf8'));
      expect(p.text.length).toBeLessThanOrEqual(3000);
      expect(p.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
      expect(p.blocks[0].text.text.length).toBeLessThanOrEqual(150);
      expect(p.blocks.length).toBeLessThanOrEqual(50);
      for (const b of p.blocks.slice(1, -1)) {
        expect(b.text.type).toBe('mrkdwn');
        expect(b.text.text.length).toBeLessThanOrEqual(3000);
        expect(b.text.text).not.toMatch(/<(?!@)[^&]*>/); // no raw <…> link or mention from the tracker's text
      }
    }
  });

  it('the communication log has one line per notice, in order, with the start of the work', async () => {
    const lines = (await readFile(join(ws.report, 'communication-log.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toEqual(STEPS.map((s) => s.kind));
    expect(lines.every((l) => l.channel === 'report' && l.outcome === 'written')).toBe(true);
    expect(lines.find((l) => l.kind === 'started').startedAt).toBe('2026-11-28T18:00:00.000Z');
  });
});
