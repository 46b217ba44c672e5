/**
 * Jira's duration strings ("3w 4d 12h 30m"), with Jira's default working time: a day is 8 hours,
 * a week 5 days; a bare number is minutes. Formatting gives the same units, largest first.
 */
const UNIT: Record<string, number> = { w: 5 * 8 * 3600, d: 8 * 3600, h: 3600, m: 60 };

/** Seconds of a duration string, or undefined when it is not one. */
export const parseDuration = (text: unknown): number | undefined => {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 && text * 60 <= Number.MAX_SAFE_INTEGER ? Math.round(text * 60) : undefined;
  if (typeof text !== 'string') return undefined;
  const s = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * 60 <= Number.MAX_SAFE_INTEGER ? Math.round(Number(s) * 60) : undefined;
  if (!/^(\d+(\.\d+)?\s*[wdhm]\s*)+$/.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)\s*([wdhm])/g)) total += Number(m[1]) * UNIT[m[2]!]!;
  // Past 2^53 seconds a duration is not a number of seconds any more (Jira keeps a long): refused.
  return total <= Number.MAX_SAFE_INTEGER ? Math.round(total) : undefined;
};

export const formatDuration = (seconds: number): string => {
  if (seconds <= 0) return '0m';
  const parts: string[] = [];
  let rest = seconds;
  for (const [u, size] of Object.entries(UNIT)) {
    const n = Math.floor(rest / size);
    if (n) parts.push(`${n}${u}`);
    rest -= n * size;
  }
  return parts.length ? parts.join(' ') : '0m';
};
