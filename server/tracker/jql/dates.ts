/**
 * JQL date operands: absolute dates ('2026-01-31', '2026/01/31 14:00'), periods relative to now
 * ('-7d', '4w 2d', '-3h') and the date functions. Times are UTC (the sandbox has no user zones).
 */
import { JqlError } from '../../model/index.ts';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

export const dateFormatError = (value: string, field: string) =>
  new JqlError(
    'value',
    `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );

/** Parses a period like '-5d', '4w 2d', '+1h' into milliseconds, or undefined. */
const period = (text: string): number | undefined => {
  const m = /^([-+])?\s*((?:\d+\s*[wdhm]\s*)+)$/i.exec(text.trim());
  if (!m) return undefined;
  let ms = 0;
  for (const part of m[2]!.matchAll(/(\d+)\s*([wdhm])/gi)) ms += Number(part[1]) * UNIT_MS[part[2]!.toLowerCase()]!;
  return m[1] === '-' ? -ms : ms;
};

export const parseDateValue = (value: string, now: number, field: string): number => {
  const abs = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(value.trim());
  if (abs) {
    const [, y, mo, d, h, mi] = abs;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
    if (!Number.isNaN(ms)) return ms;
  }
  const p = period(value);
  if (p !== undefined) return now + p;
  throw dateFormatError(value, field);
};

const DAY = 86_400_000;
const startOfDayUtc = (ms: number) => Math.floor(ms / DAY) * DAY;

/** Applies an optional increment argument like '-1d', '+2w' or '1M' (months) to a start/end point. */
const shift = (ms: number, arg: string | undefined, fn: string): number => {
  if (arg === undefined || arg.trim() === '') return ms;
  const m = /^([-+])?(\d+)([dwMyhm])?$/.exec(arg.trim());
  if (!m)
    throw new JqlError('function', `Incorrect format for the increment '${arg}' for function '${fn}'. Valid formats include: '-1d', '+2w', '1M'.`);
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  const unit = m[3] ?? 'd';
  const d = new Date(ms);
  if (unit === 'M') {
    d.setUTCMonth(d.getUTCMonth() + n);
    return d.getTime();
  }
  if (unit === 'y') {
    d.setUTCFullYear(d.getUTCFullYear() + n);
    return d.getTime();
  }
  return ms + n * UNIT_MS[unit]!;
};

const startOf = (unit: 'day' | 'week' | 'month' | 'year', now: number): number => {
  const d = new Date(startOfDayUtc(now));
  if (unit === 'week') return d.getTime() - d.getUTCDay() * DAY; // Jira's default week starts on Sunday
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  if (unit === 'year') return Date.UTC(d.getUTCFullYear(), 0, 1);
  return d.getTime();
};

const endOf = (unit: 'day' | 'week' | 'month' | 'year', now: number): number => {
  const start = startOf(unit, now);
  const d = new Date(start);
  if (unit === 'day') return start + DAY - 1;
  if (unit === 'week') return start + 7 * DAY - 1;
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1) - 1;
};

export const DATE_FUNCTIONS = ['now', 'startofday', 'endofday', 'startofweek', 'endofweek', 'startofmonth', 'endofmonth', 'startofyear', 'endofyear'];

/** Evaluates a date function (name already known to be one of DATE_FUNCTIONS, any case). */
export const dateFunction = (name: string, args: readonly string[], now: number): number => {
  const fn = name.toLowerCase();
  if (fn === 'now') return now;
  const m = /^(start|end)of(day|week|month|year)$/.exec(fn)!;
  const unit = m[2] as 'day' | 'week' | 'month' | 'year';
  const base = m[1] === 'start' ? startOf(unit, now) : endOf(unit, now);
  return shift(base, args[0], name);
};

/** An issue's date value (ISO date-time or YYYY-MM-DD) as epoch milliseconds. */
const parsed = new Map<string, number | null>();
/** Memoised: searches over 100k issues parse the same timestamps on every query otherwise. */
export const toMs = (v: unknown): number | null => {
  if (typeof v !== 'string' || v === '') return null;
  let ms = parsed.get(v);
  if (ms !== undefined) return ms;
  const p = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
  ms = Number.isNaN(p) ? null : p;
  if (parsed.size > 1_000_000) parsed.clear();
  parsed.set(v, ms);
  return ms;
};
