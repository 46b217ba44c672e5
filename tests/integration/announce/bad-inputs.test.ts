/**
 * Every way a user can get `announce` wrong: exit 2, one clear message naming what and how to fix
 * it, and nothing written or sent (no notices, no log line).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { announce, makeWorkspace, type Workspace } from '../../helpers/announce-workspace.ts';

const WEBHOOK = { announce: { channels: [{ name: 'team', kind: 'webhook', url: 'env:TEAM_WEBHOOK' }] } };
const NOW = ['--now', '2026-11-27T10:00:00Z'];

interface Case {
  name: string;
  argv: string[];
  settings?: unknown;
  prepare?: (ws: Workspace) => Promise<void>;
  message: RegExp;
  detail?: RegExp;
}

const failResult = async (ws: Workspace) => {
  const file = join(ws.report, 'result.json');
  const r = JSON.parse(await readFile(file, 'utf8'));
  r.verdict = 'failed';
  r.exitCode = 1;
  r.hazards = [
    {
      kind: 'regression',
      severity: 'error',
      migration: '20261104-090000-restrict-security-browse',
      message: '3 undeclared differences after up',
      evidence: [],
    },
  ];
  await writeFile(file, JSON.stringify(r));
};

const CASES: Case[] = [
  { name: 'no kind', argv: [...NOW], message: /which notice\? give its kind first/, detail: /usage: npm run announce -- <heads-up\|started/ },
  { name: 'unknown kind', argv: ['heads-down', ...NOW], message: /'heads-down' is not a kind of notice/, detail: /did you mean 'heads-up'/ },
  { name: 'two kinds', argv: ['heads-up', 'done', ...NOW], message: /one notice at a time/ },
  { name: 'unknown flag', argv: ['heads-up', '--sned'], message: /Unknown option '--sned'/, detail: /usage:/ },
  {
    name: 'no report',
    argv: ['heads-up', ...NOW],
    prepare: (ws) => rm(ws.report, { recursive: true }),
    message: /no rehearsal report: .*result\.json does not exist/,
    detail: /run `npm run rehearse` first/,
  },
  {
    name: 'result.json cut short',
    argv: ['heads-up', ...NOW],
    prepare: (ws) => writeFile(join(ws.report, 'result.json'), '{"schemaVersion": 1, "verd'),
    message: /result\.json: not valid JSON/,
    detail: /rehearse again/,
  },
  {
    name: 'result.json of another shape',
    argv: ['heads-up', ...NOW],
    prepare: (ws) => writeFile(join(ws.report, 'result.json'), '{"schemaVersion": 2}'),
    message: /not a rehearsal result: schemaVersion: 2 is not 1/,
  },
  {
    name: 'malformed settings (JSON)',
    argv: ['heads-up', ...NOW],
    settings: '{ "announce": { "channels": [], } }',
    message: /understudy\.config\.json:1:\d+: not valid JSON/,
  },
  {
    name: 'malformed settings (a webhook URL written out)',
    argv: ['heads-up', ...NOW],
    settings: { announce: { channels: [{ name: 'team', kind: 'webhook', url: 'https://hooks.example.test/x' }] } },
    message: /announce\.channels\[0\]\.url: .* is not allowed/,
    detail: /env:THAT_VARIABLE/,
  },
  {
    name: 'missing environment variable for a channel',
    argv: ['heads-up', '--send', ...NOW],
    settings: WEBHOOK,
    message: /channel 'team': the environment variable TEAM_WEBHOOK is not set/,
    detail: /nothing was sent/,
  },
  { name: '--send with no channel configured', argv: ['heads-up', '--send', ...NOW], message: /--send: no channel is configured/ },
  {
    name: 'unknown --channel',
    argv: ['heads-up', '--send', '--channel', 'teem', ...NOW],
    settings: WEBHOOK,
    message: /--channel 'teem': no channel of that name/,
    detail: /did you mean 'team'/,
  },
  {
    name: '--channel without --send',
    argv: ['heads-up', '--channel', 'team', ...NOW],
    settings: WEBHOOK,
    message: /--channel picks where --send delivers/,
  },
  {
    name: 'heads-up for a failed rehearsal',
    argv: ['heads-up', ...NOW],
    prepare: failResult,
    message: /refusing a heads-up: the rehearsal in report failed/,
    detail: /3 undeclared differences after up \(20261104-090000-restrict-security-browse\)/,
  },
  {
    name: 'heads-up for a rehearsal that stopped before listing hazards',
    argv: ['heads-up', ...NOW],
    prepare: async (ws) => {
      const file = join(ws.report, 'result.json');
      const r = JSON.parse(await readFile(file, 'utf8'));
      Object.assign(r, { verdict: 'failed', exitCode: 1, hazards: [], rollbackProven: false });
      await writeFile(file, JSON.stringify(r));
    },
    message: /refusing a heads-up/,
    detail: /the rollback was not proven/,
  },
  { name: 'change request for a failed rehearsal', argv: ['change-request', ...NOW], prepare: failResult, message: /refusing a change-request/ },
  { name: 'update without --message', argv: ['update', ...NOW], message: /an update needs --message/ },
  {
    name: 'update before anything started',
    argv: ['update', '--message', 'on track', ...NOW],
    message: /an update needs to know when the work started/,
    detail: /announce -- started/,
  },
  { name: 'empty --message', argv: ['done', '--message', '  ', ...NOW], message: /--message is empty/ },
  { name: '--message on a heads-up', argv: ['heads-up', '--message', 'hi', ...NOW], message: /--message is for started, update, done, rolled-back/ },
  { name: '--at not a time', argv: ['heads-up', '--at', 'tomorrow', ...NOW], message: /--at 'tomorrow' is not a date and time/, detail: /ISO 8601/ },
  {
    name: '--at in the past',
    argv: ['heads-up', '--at', '2026-11-01T09:00Z', ...NOW],
    message: /--at 2026-11-01T09:00Z: Sun 1 Nov 2026, 09:00 UTC is in the past/,
  },
  { name: '--window zero', argv: ['heads-up', '--window', '0', ...NOW], message: /--window '0' is not a number of minutes/ },
  { name: '--window not a number', argv: ['heads-up', '--window', '1h', ...NOW], message: /--window '1h' is not a number of minutes/ },
  { name: '--window over a week', argv: ['heads-up', '--window', '20000', ...NOW], message: /--window '20000'/ },
  { name: '--now not a time', argv: ['heads-up', '--now', 'soon'], message: /--now 'soon' is not a date-time/ },
];

let ws: Workspace | undefined;
afterEach(async () => {
  await ws?.cleanup();
  ws = undefined;
});

describe('announce: bad inputs', () => {
  it.each(CASES)('$name: exit 2, one clear message, nothing written', async (c) => {
    ws = await makeWorkspace(c.settings);
    await c.prepare?.(ws);
    const r = await announce(ws, c.argv);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    const [first, ...rest] = r.stderr.split('\n');
    expect(first).toMatch(/^understudy: /);
    expect(first).toMatch(c.message);
    if (c.detail) expect(rest.join('\n')).toMatch(c.detail);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(r.stdout).toBe('');
    expect(existsSync(join(ws.report, 'notices'))).toBe(false);
    expect(existsSync(join(ws.report, 'communication-log.jsonl'))).toBe(false);
  });

  it("the log outlives a change: after done, an update needs a new start; another rehearsal's start never counts", async () => {
    ws = await makeWorkspace();
    expect((await announce(ws, ['started', '--now', '2026-11-20T10:00:00Z'])).code).toBe(0);
    expect((await announce(ws, ['done', '--now', '2026-11-20T10:30:00Z'])).code).toBe(0);
    const after = await announce(ws, ['update', '--message', 'on track', '--now', '2026-11-28T18:20:00Z']);
    expect(after.code).toBe(2);
    expect(after.stderr).toMatch(/an update needs to know when the work started/);
    // A start logged by an earlier rehearsal (another result.json) is not this change's start.
    const file = join(ws.report, 'communication-log.jsonl');
    await writeFile(
      file,
      `${JSON.stringify({ at: '2026-11-28T18:00:00.000Z', rehearsal: '2026-01-01T00:00:00.000Z', kind: 'started', channel: 'report', outcome: 'written', subject: 'old', startedAt: '2026-11-28T18:00:00.000Z' })}\n`,
      { flag: 'a' },
    );
    expect((await announce(ws, ['update', '--message', 'on track', '--now', '2026-11-28T18:20:00Z'])).code).toBe(2);
    // This rehearsal's new start does count, and its window carries to the update.
    expect((await announce(ws, ['started', '--window', '90', '--now', '2026-11-28T18:00:00Z'])).code).toBe(0);
    const update = await announce(ws, ['update', '--message', 'on track', '--now', '2026-11-28T18:20:00Z']);
    expect(update.code, update.stderr).toBe(0);
    expect(update.stdout).toContain('**Elapsed**: about 20 min');
    expect(update.stdout).toContain('**Window ends**: 19:30 UTC');
  });

  it('a failed rehearsal may still be told as done or rolled back', async () => {
    ws = await makeWorkspace();
    await failResult(ws);
    const r = await announce(ws, ['rolled-back', ...NOW]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('through the npm script: exit 2 and one message, no stack trace', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/announce.ts', 'heads-down'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toBe("understudy: 'heads-down' is not a kind of notice");
    expect(r.stderr).not.toMatch(/\s+at /);
  });
});
