/**
 * `npm run announce -- <kind>`: writes a notice from the rehearsal's evidence in every format under
 * the report's `notices/`, prints the Markdown, and with `--send` delivers it to the configured
 * channels. Every notice is appended to the report's communication log.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../common/atomic-write.ts';
import { type CommandIo, parseFlags, parseIsoTime } from '../cli/index.ts';
import { UserError } from '../common/errors.ts';
import { closest } from '../model/index.ts';
import { loadSettings, type Settings } from '../settings/index.ts';
import type { RehearsalResult } from '../rehearse/index.ts';
import { composeNotice } from './compose.ts';
import { resolveChannels, type ResolvedChannel } from './deliver/channels.ts';
import { appendLog, currentRun, deliveredBefore, lastStart, lastWindow, readLog, type LogEntry } from './deliver/log.ts';
import { postJson, type PostOptions } from './deliver/webhook.ts';
import { gatherFacts } from './facts.ts';
import { loadResult } from './load-result.ts';
import { NOTICE_KINDS, type Notice, type NoticeKind } from './notice.ts';
import { noticeBanner } from './render/banner-html.ts';
import { changeRequestJson } from './render/change-request-json.ts';
import { noticeEml } from './render/eml.ts';
import { noticeMarkdown } from './render/markdown.ts';
import { noticeSlack } from './render/slack.ts';
import { defaultStart, formatWhen, parseAt, parseWindow } from './schedule.ts';
import { readSnapshotFacts } from './snapshot-facts.ts';

const USAGE = `npm run announce -- <${NOTICE_KINDS.join('|')}> [--report DIR] [--at WHEN] [--window MINUTES] [--message TEXT] [--send] [--channel NAME] [--config FILE]`;
/** Kinds that announce a change as going ahead: refused when the rehearsal failed. */
const GO_AHEAD: readonly NoticeKind[] = ['heads-up', 'started', 'change-request'];
const WITH_MESSAGE: readonly NoticeKind[] = ['started', 'update', 'done', 'rolled-back'];

export interface AnnounceDeps {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Overrides for webhook delivery (tests make the backoff short). */
  post?: Partial<Pick<PostOptions, 'sleep' | 'baseDelayMs' | 'maxDelayMs' | 'random'>>;
}

const parseKind = (positionals: string[]): NoticeKind => {
  if (positionals.length > 1)
    throw new UserError(`one notice at a time: got ${positionals.map((p) => `'${p}'`).join(', ')}`, { details: [`usage: ${USAGE}`] });
  const kind = positionals[0];
  if (kind === undefined)
    throw new UserError('which notice? give its kind first', { details: [`usage: ${USAGE}`, 'e.g. npm run announce -- heads-up'] });
  if (!(NOTICE_KINDS as readonly string[]).includes(kind)) {
    const near = closest(kind, NOTICE_KINDS, 1);
    throw new UserError(`'${kind}' is not a kind of notice`, {
      details: [`the kinds are: ${NOTICE_KINDS.join(', ')}${near.length ? `; did you mean '${near[0]}'?` : ''}`],
    });
  }
  return kind as NoticeKind;
};

/** Writes a file whole or not at all (a notice need not survive a power cut: it is written again with the same idempotency key). */
const writeAtomic = (path: string, text: string): Promise<void> => writeFileAtomic(path, text, { durable: false });

interface Rendered {
  ext: string;
  text: string;
}

const renderAll = async (
  n: Notice,
  settings: Settings,
  to: readonly string[],
  date: Date,
  planned: { start: Date; end: Date },
): Promise<Rendered[]> => {
  const eml = await noticeEml(n, { from: settings.announce.from, to, date });
  if (n.kind === 'change-request') {
    return [
      { ext: 'md', text: noticeMarkdown(n) },
      { ext: 'json', text: `${JSON.stringify(changeRequestJson(n, planned), null, 2)}\n` },
      { ext: 'eml', text: eml },
    ];
  }
  return [
    { ext: 'md', text: noticeMarkdown(n) },
    { ext: 'eml', text: eml },
    { ext: 'slack.json', text: `${JSON.stringify(noticeSlack(n), null, 2)}\n` },
    { ext: 'banner.html', text: noticeBanner(n) },
  ];
};

const stamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

const deliver = async (
  c: ResolvedChannel,
  n: Notice,
  rendered: Rendered[],
  settings: Settings,
  now: Date,
  cwd: string,
  deps: AnnounceDeps,
  idempotencyKey: string,
): Promise<Pick<LogEntry, 'channel' | 'outcome' | 'files' | 'recipients' | 'attempts' | 'detail'>> => {
  if (c.kind === 'file') {
    const dir = resolve(cwd, c.path);
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${stamp(now)}-${n.kind}.md`);
    await writeAtomic(file, rendered.find((r) => r.ext === 'md')!.text);
    return {
      channel: c.name,
      outcome: 'written',
      files: [join(c.path, `${stamp(now)}-${n.kind}.md`)],
      ...(c.recipients ? { recipients: c.recipients } : {}),
    };
  }
  if (c.kind === 'email') {
    const dir = resolve(cwd, c.folder);
    await mkdir(dir, { recursive: true });
    const name = `${stamp(now)}-${n.kind}.eml`;
    await writeAtomic(join(dir, name), await noticeEml(n, { from: c.from ?? settings.announce.from, to: c.recipients, date: now }));
    return { channel: c.name, outcome: 'written', files: [join(c.folder, name)], recipients: c.recipients };
  }
  const payload = (c.format ?? 'slack') === 'slack' ? noticeSlack(n) : { notice: n, markdown: rendered.find((r) => r.ext === 'md')!.text };
  const out = await postJson(c.secretUrl, payload, {
    timeoutMs: (c.timeoutSeconds ?? 10) * 1000,
    retries: c.retries ?? 4,
    idempotencyKey,
    ...deps.post,
  });
  return {
    channel: c.name,
    outcome: out.delivered ? 'delivered' : 'not delivered',
    attempts: out.attempts,
    detail: out.detail,
    ...(c.recipients ? { recipients: c.recipients } : {}),
  };
};

/** File and e-mail folders are made (or found unusable) before anything is sent. */
const prepareFolders = async (channels: readonly ResolvedChannel[], cwd: string): Promise<void> => {
  for (const c of channels) {
    if (c.kind === 'webhook') continue;
    const folder = c.kind === 'file' ? c.path : c.folder;
    try {
      await mkdir(resolve(cwd, folder), { recursive: true });
    } catch (e) {
      throw new UserError(`channel '${c.name}': cannot use the folder '${folder}' (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, {
        details: [
          `make '${folder}' a folder you can write, or change the channel's "${c.kind === 'file' ? 'path' : 'folder'}" in understudy.config.json; nothing was sent`,
        ],
      });
    }
  }
};

/**
 * The idempotency key of a notice on a channel: the rehearsal, the kind, the announced time and the
 * message — not the time-dependent wording — so sending the same notice again carries the same key.
 */
const noticeKey = (rehearsal: string, kind: NoticeKind, start: Date, message: string | undefined, channel: string): string =>
  createHash('sha256')
    .update(JSON.stringify([rehearsal, kind, start.toISOString(), message ?? '', channel]))
    .digest('hex')
    .slice(0, 40);

export const runAnnounceCommand = async (argv: string[], io: CommandIo, deps: AnnounceDeps = {}): Promise<number> => {
  const cwd = deps.cwd ?? process.cwd();
  const env = deps.env ?? process.env;
  const { values: v, positionals } = parseFlags(
    argv,
    {
      report: { type: 'string' },
      at: { type: 'string' },
      window: { type: 'string' },
      message: { type: 'string' },
      send: { type: 'boolean' },
      channel: { type: 'string' },
      now: { type: 'string' },
      config: { type: 'string' },
    },
    USAGE,
    true,
  );
  const kind = parseKind(positionals);
  if (v.channel !== undefined && !v.send)
    throw new UserError('--channel picks where --send delivers: add --send, or leave --channel out for a dry run', { details: [`usage: ${USAGE}`] });
  if (v.message !== undefined && !WITH_MESSAGE.includes(kind))
    throw new UserError(`--message is for ${WITH_MESSAGE.join(', ')}; a ${kind} is written from the rehearsal alone`);
  if (v.message !== undefined && !v.message.trim())
    throw new UserError('--message is empty', {
      details: ['say in a sentence what is happening, e.g. --message "Half of the issues are migrated; on track."'],
    });
  if (kind === 'update' && v.message === undefined)
    throw new UserError('an update needs --message: what is happening now', {
      details: ['e.g. npm run announce -- update --message "Half of the issues are migrated; on track."'],
    });
  const windowFlag = v.window === undefined ? undefined : parseWindow(v.window);
  const now = new Date(parseIsoTime('--now', v.now) ?? Date.now());
  const at = v.at === undefined ? undefined : parseAt(v.at);

  const settings = await loadSettings({ cwd, ...(v.config !== undefined ? { file: v.config } : {}) });
  const reportDir = resolve(cwd, v.report ?? settings.defaults.report);
  const shownReport = v.report ?? settings.defaults.report;
  const result = await loadResult(reportDir);
  // Channels are checked before anything is written: a missing secret must not leave half a record.
  const channels = v.send ? resolveChannels(settings.announce.channels, v.channel, env) : [];

  if (GO_AHEAD.includes(kind) && result.verdict !== 'safe') {
    throw new UserError(`refusing a ${kind}: the rehearsal in ${shownReport} failed, so the change is not ready to announce`, {
      details: [
        ...failureReasons(result)
          .slice(0, 6)
          .map((w) => `- ${w}`),
        `fix what ${join(shownReport, 'index.html')} shows, rehearse again (npm run rehearse), then announce`,
      ],
    });
  }
  await prepareFolders(channels, cwd);
  const log = await readLog(reportDir);
  const run = currentRun(log, result.startedAt);
  // Later notices keep the window announced earlier in this run unless --window changes it.
  const windowMinutes = windowFlag ?? (kind === 'heads-up' || kind === 'change-request' ? undefined : lastWindow(run));
  let start: Date;
  let startedAt: Date | undefined;
  const notes: string[] = [];
  if (kind === 'heads-up' || kind === 'change-request') {
    start = at ?? defaultStart(now);
    if (!at) notes.push(`no --at given: announcing the change for ${formatWhen(start)} (a day's notice); pass --at to choose the time`);
    if (start.getTime() < now.getTime())
      throw new UserError(`--at ${v.at}: ${formatWhen(start)} is in the past`, {
        details: ['give the time the change will start, e.g. --at 2026-12-01T18:00Z'],
      });
  } else if (kind === 'started') {
    startedAt = at ?? now;
    start = startedAt;
  } else {
    startedAt = at ?? lastStart(run);
    if (!startedAt && kind === 'update') {
      throw new UserError(
        `an update needs to know when the work started: no 'started' notice for this rehearsal since the last done or rolled-back in ${join(shownReport, 'communication-log.jsonl')}`,
        {
          details: ['send `npm run announce -- started` when the window begins, or give the start with --at WHEN'],
        },
      );
    }
    start = startedAt ?? now;
  }

  const snapshot = await readSnapshotFacts(result.snapshot.dir, cwd);
  const reportUrl = settings.announce.reportUrl;
  const facts = gatherFacts({
    kind,
    result,
    snapshot,
    settings,
    now,
    start,
    ...(windowMinutes !== undefined ? { windowMinutes } : {}),
    ...(v.message !== undefined ? { message: v.message.trim() } : {}),
    ...(startedAt ? { startedAt } : {}),
    link: reportUrl ?? join(shownReport, 'index.html'),
    runbook: reportUrl ? siblingUrl(reportUrl, 'runbook.md') : join(shownReport, 'runbook.md'),
  });
  const notice = composeNotice(facts);
  const emailTo = [...new Set(settings.announce.channels.flatMap((c) => (c.kind === 'email' ? c.recipients : [])))];
  const to = emailTo.length ? emailTo : facts.people.emails.length ? facts.people.emails : snapshot.admins.map((a) => a.email);
  const rendered = await renderAll(notice, settings, to.length ? to : [settings.announce.from], now, { start: facts.start, end: facts.end });

  // The latest of each kind under notices/, and every notice ever written under notices/history/.
  const noticesDir = join(reportDir, 'notices');
  await mkdir(join(noticesDir, 'history'), { recursive: true });
  for (const r of rendered) {
    await writeAtomic(join(noticesDir, `${kind}.${r.ext}`), r.text);
    await writeAtomic(join(noticesDir, 'history', `${stamp(now)}-${kind}.${r.ext}`), r.text);
  }
  const files = rendered.map((r) => join(shownReport, 'notices', `${kind}.${r.ext}`));
  io.out(rendered[0]!.text.trimEnd());

  const base = {
    at: now.toISOString(),
    rehearsal: result.startedAt,
    kind,
    subject: notice.subject,
    sha256: createHash('sha256').update(rendered[0]!.text).digest('hex'),
    ...(kind === 'started' && startedAt ? { startedAt: startedAt.toISOString() } : {}),
    ...(windowFlag !== undefined || kind === 'heads-up' || kind === 'change-request' || kind === 'started'
      ? { windowMinutes: facts.windowMinutes }
      : {}),
  };
  // Each line is appended as soon as it is known: a crash or Ctrl-C later keeps what was already done.
  const record = async (e: LogEntry) => {
    await appendLog(reportDir, [e]);
    return e;
  };
  await record({
    ...base,
    channel: 'report',
    outcome: 'written',
    files: files.concat(rendered.map((r) => join(shownReport, 'notices', 'history', `${stamp(now)}-${kind}.${r.ext}`))),
  });
  for (const note of notes) io.err(`note: ${note}`);
  if (snapshot.unreadable) io.err(`note: ${snapshot.unreadable}; the notice names no groups or administrators`);
  io.err(`wrote ${files.join(', ')}`);
  if (!v.send) {
    const names = settings.announce.channels.map((c) => c.name);
    io.err(
      `dry run: nothing sent${names.length ? `; add --send to deliver to ${names.join(', ')}` : ' (no channel configured in understudy.config.json)'}`,
    );
  }
  if (v.send && !reportUrl)
    io.err('note: announce.reportUrl is not set: the notice points at the report on this machine; set it to where people can read the report');

  let failed = 0;
  for (const c of channels) {
    const key = noticeKey(result.startedAt, kind, start, v.message?.trim(), c.name);
    const before = c.kind === 'webhook' && v.channel === undefined ? deliveredBefore(log, key, c.name) : undefined;
    if (before) {
      io.err(`- ${c.name}: already delivered at ${before.at} (the same notice); --channel ${c.name} sends it again`);
      continue;
    }
    let e: LogEntry;
    try {
      e = { ...base, key, ...(await deliver(c, notice, rendered, settings, now, cwd, deps, key)) };
    } catch (err) {
      e = {
        ...base,
        key,
        channel: c.name,
        outcome: 'not delivered',
        detail: `could not be written: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      };
    }
    await record(e);
    if (e.outcome === 'not delivered') failed++;
    io.err(
      `${e.outcome === 'not delivered' ? '✘' : '✔'} ${e.channel}: ${e.outcome}${e.files ? ` (${e.files.join(', ')})` : ''}${e.detail && e.outcome !== 'written' ? ` — ${e.detail}` : ''}`,
    );
  }
  io.err(`recorded in ${join(shownReport, 'communication-log.jsonl')}`);
  if (failed) {
    io.err(
      `understudy: ${failed} channel${failed === 1 ? '' : 's'} not delivered; the log says so. Fix the channel and run the same command again: channels that got this notice are skipped, and the others get the same idempotency key.`,
    );
    return 1;
  }
  return 0;
};

/** Why a rehearsal failed, in sentences, even when it stopped before listing hazards. */
const failureReasons = (r: RehearsalResult): string[] => {
  const out = r.hazards.filter((h) => h.severity === 'error' || r.strict).map((h) => `${h.message}${h.migration ? ` (${h.migration})` : ''}`);
  if (r.regressions.length && !r.hazards.some((h) => h.kind === 'regression'))
    out.push(`${r.regressions.length} undeclared difference(s) after the change`);
  if (!r.rollbackProven)
    out.push('the rollback was not proven (the rehearsal did not get as far as restoring the baseline, or it did not restore it)');
  for (const run of r.runs) if (run.tests.failed) out.push(`${run.tests.failed} test(s) failed in the ${run.phase} run`);
  if (!out.length) out.push('the rehearsal stopped before it could finish (see its report)');
  return out;
};

/** A file beside the report's page: https://ci/x/index.html + runbook.md → https://ci/x/runbook.md. */
const siblingUrl = (url: string, name: string): string => {
  try {
    return new URL(name, url.endsWith('/') || /\.html?$/.test(url) ? url : `${url}/`).toString();
  } catch {
    return `${url.replace(/\/[^/]*\.html?$/, '')}/${name}`;
  }
};
