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
  /** For heads-up, change-request and started: the window announced, in minutes. */
  windowMinutes?: number;
}

export const appendLog = async (reportDir: string, entries: readonly LogEntry[]): Promise<void> => {
  if (entries.length) await appendFile(join(reportDir, LOG_FILE), entries.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
};

export const readLog = async (reportDir: string): Promise<LogEntry[]> => {
  const text = await readFile(join(reportDir, LOG_FILE), 'utf8').catch(() => '');
  return text.split('\n').filter((l) => l.trim()).flatMap((l) => {
    try {
      return [JSON.parse(l) as LogEntry];
    } catch {
      return [];
    }
  });
};

/** When the latest `started` notice says the work began. */
export const lastStart = (entries: readonly LogEntry[]): Date | undefined => {
  const e = [...entries].reverse().find((x) => x.kind === 'started' && x.startedAt);
  return e ? new Date(e.startedAt!) : undefined;
};

/** The window the latest heads-up, change request or start announced, in minutes. */
export const lastWindow = (entries: readonly LogEntry[]): number | undefined =>
  [...entries].reverse().find((x) => x.windowMinutes !== undefined)?.windowMinutes;
