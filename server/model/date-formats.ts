/**
 * The `date` and `date-time` formats of ajv-formats' full mode (RFC 3339), accepting exactly the
 * same strings, without its per-call string split: a million issues carry several million
 * timestamps, and validating them was a third of the model's rule check. Equivalence with
 * ajv-formats is tested on edge cases and random strings (tests/unit/model/date-formats.test.ts).
 */
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const dayFits = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]!);

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
// ajv-formats splits on any 't' or white space and requires two parts; neither part can hold one.
const DATE_TIME = /^(\d\d\d\d)-(\d\d)-(\d\d)[t\s](\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)$/i;

export const isDate = (s: string): boolean => {
  const m = DATE.exec(s);
  return m !== null && dayFits(+m[1]!, +m[2]!, +m[3]!);
};

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};
const two = (s: string, i: number): number => {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
};

/**
 * The common shape `YYYY-MM-DDTHH:MM:SS[.f+](Z|±HH:MM)` read character by character, or
 * undefined for anything else (which the regular expression then decides).
 */
const quick = (
  s: string,
): { y: number; mo: number; d: number; hr: number; min: number; sec: number; sign: number; tzH: number; tzM: number } | undefined => {
  if (
    s.length < 20 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return undefined;
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const hr = two(s, 11);
  const min = two(s, 14);
  let sec = two(s, 17);
  if (y1 < 0 || y2 < 0 || mo < 0 || d < 0 || hr < 0 || min < 0 || sec < 0) return undefined;
  let i = 19;
  if (s.charCodeAt(i) === 46) {
    let frac = '';
    for (i++; digit(s, i) >= 0; i++) frac += s[i];
    if (!frac) return undefined;
    sec = +`${sec}.${frac}`;
  }
  const c = s.charCodeAt(i);
  if ((c === 90 || c === 122) && i + 1 === s.length) return { y: y1 * 100 + y2, mo, d, hr, min, sec, sign: 1, tzH: 0, tzM: 0 };
  if ((c === 43 || c === 45) && i + 6 === s.length && s.charCodeAt(i + 3) === 58) {
    const tzH = two(s, i + 1);
    const tzM = two(s, i + 4);
    if (tzH < 0 || tzM < 0) return undefined;
    return { y: y1 * 100 + y2, mo, d, hr, min, sec, sign: c === 45 ? -1 : 1, tzH, tzM };
  }
  return undefined;
};

export const isDateTime = (s: string): boolean => {
  let y: number, mo: number, d: number, hr: number, min: number, sec: number, tzSign: number, tzH: number, tzM: number;
  const q = quick(s);
  if (q) ({ y, mo, d, hr, min, sec, sign: tzSign, tzH, tzM } = q);
  else {
    const m = DATE_TIME.exec(s);
    if (m === null) return false;
    [y, mo, d, hr, min, sec] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!];
    tzSign = m[8] === '-' ? -1 : 1;
    tzH = +(m[9] || 0);
    tzM = +(m[10] || 0);
  }
  if (!dayFits(y, mo, d)) return false;
  if (tzH > 23 || tzM > 59) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  // A leap second: 23:59:60 in UTC.
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
};
