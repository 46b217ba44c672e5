/**
 * When the change happens and how long it takes: `--at` and `--window`, and the rehearsal's
 * measured durations scaled to production's issue count (stated, so nobody over-reads them).
 */
import { UserError } from '../common/errors.ts';
import type { RehearsalResult } from '../rehearse/index.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** "Sat 28 Nov 2026, 09:00 UTC": the same on every machine. */
export const formatWhen = (d: Date): string =>
  `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;

/** "09:45 UTC" when on the same day as `ref`, else the full form. */
export const formatTime = (d: Date, ref: Date): string =>
  d.toISOString().slice(0, 10) === ref.toISOString().slice(0, 10) ? `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC` : formatWhen(d);

/** "about 4 min", "about 1 h 20 min", "under a second", "about 3 s". */
export const formatDuration = (ms: number): string => {
  if (ms < 1000) return 'under a second';
  if (ms < 60_000) return `about ${Math.round(ms / 1000)} s`;
  const min = Math.round(ms / 60_000);
  return min < 60 ? `about ${min} min` : `about ${Math.floor(min / 60)} h${min % 60 ? ` ${min % 60} min` : ''}`;
};

const ZONELESS = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** 2026-02-30 is not a day (Date.parse would quietly make it 2 March). */
const realDate = (iso: string): boolean => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const hh = Number(iso.slice(11, 13));
  const mm = Number(iso.slice(14, 16));
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && hh <= 23 && mm <= 59;
};

/** `--at`: an ISO 8601 time with a zone, or "YYYY-MM-DD HH:MM" read as UTC. */
export const parseAt = (value: string): Date => {
  const v = value.trim();
  const iso = ZONELESS.test(v) ? `${v.replace(' ', 'T')}Z` : v;
  const t = ISO_ZONED.test(iso) && realDate(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(t)) {
    throw new UserError(`--at '${value}' is not a date and time`, {
      details: ["give it as ISO 8601, e.g. --at 2026-12-01T18:00+01:00, or as '2026-12-01 17:00' (read as UTC)"],
    });
  }
  return new Date(t);
};

/** `--window`: whole minutes from 1 to a week. */
export const parseWindow = (value: string): number => {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 7 * 24 * 60) {
    throw new UserError(`--window '${value}' is not a number of minutes`, {
      details: ['give the length of the change window in whole minutes, from 1 to 10080 (a week), e.g. --window 60'],
    });
  }
  return n;
};

/** The next full hour at least a day after `now`: the default for a heads-up (a day's notice). */
export const defaultStart = (now: Date): Date => {
  const t = new Date(now.getTime() + 24 * 3_600_000);
  if (t.getUTCMinutes() || t.getUTCSeconds() || t.getUTCMilliseconds()) t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
  return t;
};

export interface Estimate {
  /** Measured on the rehearsal copy. */
  upMs: number;
  downMs: number;
  /** Scaled to production's issue count. */
  prodUpMs: number;
  prodDownMs: number;
  /** How the scaling was done, in one sentence. */
  scaling: string;
}

/**
 * Durations scaled linearly by production issues ÷ sampled issues, for the migrations that touch
 * issues only (configuration-only steps do not grow with the issue count).
 */
export const estimate = (r: RehearsalResult, productionIssues: number | undefined): Estimate => {
  const sample = r.snapshot.issues;
  const known = productionIssues ?? r.snapshot.productionIssues;
  const prod = known ?? sample;
  const factor = sample > 0 && prod > sample ? prod / sample : 1;
  let upMs = 0;
  let downMs = 0;
  let prodUpMs = 0;
  let prodDownMs = 0;
  let scaledSteps = 0;
  for (const m of r.migrations) {
    const f = m.issues.total > 0 ? factor : 1;
    if (m.issues.total > 0 && factor > 1) scaledSteps++;
    upMs += m.upMs ?? 0;
    downMs += m.downMs ?? 0;
    prodUpMs += (m.upMs ?? 0) * f;
    prodDownMs += (m.downMs ?? 0) * f;
  }
  const n = (x: number) => x.toLocaleString('en-US');
  const scaling =
    known === undefined
      ? `measured on a copy with ${n(sample)} issues; production's issue count is not in the snapshot's manifest, so the times are not scaled`
      : factor > 1
        ? `measured on a copy with ${n(sample)} of production's ${n(prod)} issues; ${scaledSteps === 1 ? 'the step that changes issues is' : `the ${scaledSteps} steps that change issues are`} scaled by ${n(Math.round(factor * 10) / 10)}×, the configuration-only steps are not`
        : `measured on a copy with all ${n(sample)} issues (the same count as production), so no scaling`;
  return { upMs, downMs, prodUpMs: Math.round(prodUpMs), prodDownMs: Math.round(prodDownMs), scaling };
};

/** The default window: the time to allow for the change plus its rollback, doubled, rounded up to 15 minutes, at least 30. */
export const defaultWindow = (applyMs: number, backoutMs: number): number => Math.max(30, Math.ceil((2 * (applyMs + backoutMs)) / 60_000 / 15) * 15);
