/**
 * The communication log: one JSON line per notice and channel in the report directory
 * (`communication-log.jsonl`), appended and never rewritten, so the record of who was told what
 * survives the next rehearsal. Holds no URL and no secret.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NoticeKind } from '../notice.ts';

export const LOG_FILE = 'communication-log.jsonl';

export interface LogEntry {
  at: string;
  /** Which rehearsal the notice was written from (its result.json's startedAt). */
  rehearsal?: string;
  /** The notice's idempotency key: the same notice sent again carries the same key. */
  key?: string;
  /** sha256 of the notice's Markdown, so the record says exactly what was said. */
  sha256?: string;
  kind: NoticeKind;
  channel: string;
  outcome: 'written' | 'delivered' | 'not delivered';
  subject: string;
  recipients?: string[];
  attempts?: number;
  detail?: string;
  files?: string[];
  /** For `started`: when the work began. */
  startedAt?: string;
  /** The window announced (heads-up, change-request, started, or any notice given --window), in minutes. */
  windowMinutes?: number;
}

export const appendLog = async (reportDir: string, entries: readonly LogEntry[]): Promise<void> => {
  if (entries.length) await appendFile(join(reportDir, LOG_FILE), entries.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
};

export const readLog = async (reportDir: string): Promise<LogEntry[]> => {
  const text = await readFile(join(reportDir, LOG_FILE), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as LogEntry];
      } catch {
        return [];
      }
    });
};

/**
 * The notices of the current run of a change: this rehearsal's entries since its last `done` or
 * `rolled-back` (a log outlives rehearsals and changes; an old start must not count).
 */
export const currentRun = (entries: readonly LogEntry[], rehearsal: string): LogEntry[] => {
  const mine = entries.filter((e) => e.rehearsal === rehearsal && e.channel === 'report');
  let from = 0;
  mine.forEach((e, i) => {
    if (e.kind === 'done' || e.kind === 'rolled-back') from = i + 1;
  });
  return mine.slice(from);
};

/** When the work of the current run began (its latest `started` notice). */
export const lastStart = (run: readonly LogEntry[]): Date | undefined => {
  const e = [...run].reverse().find((x) => x.kind === 'started' && x.startedAt);
  return e ? new Date(e.startedAt!) : undefined;
};

/** The window the current run announced last, in minutes. */
export const lastWindow = (run: readonly LogEntry[]): number | undefined =>
  [...run].reverse().find((x) => x.windowMinutes !== undefined)?.windowMinutes;

/** Whether a notice with this key was already delivered to a channel. */
export const deliveredBefore = (entries: readonly LogEntry[], key: string, channel: string): LogEntry | undefined =>
  entries.find((e) => e.key === key && e.channel === channel && e.outcome === 'delivered');
