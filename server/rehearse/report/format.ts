/** Small renderings shared by the report writers: durations, short values, counts, capped lists. */
import type { RehearsalResult } from '../result.ts';

/** `850 ms`, `4.2 s`, `3 min 05 s`. */
export const formatMs = (ms: number | undefined): string => {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};

/** A value on one line, JSON-ish, at most `max` characters: `"Open"`, `["a","b"]`, `—` when absent. */
export const shortValue = (v: unknown, max = 60): string => {
  if (v === undefined) return '—';
  const text = (JSON.stringify(v) ?? String(v)).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The first `max` items and how many were left out. */
export const capped = <T>(items: readonly T[], max: number): { shown: readonly T[]; more: number } => ({
  shown: items.slice(0, max),
  more: Math.max(0, items.length - max),
});

export interface Tally {
  regressions: number;
  expected: number;
  errors: number;
  warnings: number;
  failedSteps: number;
  rollbackDifferences: number;
}

export const tally = (r: RehearsalResult): Tally => ({
  regressions: r.regressions.length,
  expected: r.expected.length,
  errors: r.hazards.filter((h) => h.severity === 'error').length,
  warnings: r.hazards.filter((h) => h.severity === 'warning').length,
  failedSteps: r.steps.filter((s) => !s.ok).length,
  rollbackDifferences: r.rollbackDifferences.length,
});

/** The verdict in words, without decoration: "safe to proceed" / "rehearsal failed", then the counts. */
export const verdictWords = (r: RehearsalResult): { ok: boolean; title: string; counts: string } => {
  const t = tally(r);
  const parts = [
    plural(r.migrations.length, 'migration'),
    plural(t.regressions, 'regression'),
    plural(t.expected, 'expected difference'),
    plural(t.errors, 'error'),
    plural(t.warnings, 'warning'),
    r.rollbackProven ? 'rollback proven' : 'rollback not proven',
  ];
  if (t.failedSteps) parts.push(plural(t.failedSteps, 'failed step'));
  const ok = r.verdict === 'safe';
  return { ok, title: ok ? 'safe to proceed' : 'rehearsal failed', counts: parts.join(', ') };
};

/** Each hash phase with whether it matches what it must (after down = baseline; up again = first up). */
export const hashRows = (r: RehearsalResult): { phase: string; hash: string | undefined; ok?: boolean; rule?: string }[] => {
  const h = r.hashes;
  return [
    { phase: 'baseline', hash: h.baseline },
    { phase: 'after up', hash: h.afterUp },
    { phase: 'after down', hash: h.afterDown, ok: h.afterDown === undefined ? undefined : h.afterDown === h.baseline, rule: '= baseline' },
    {
      phase: 'after up again',
      hash: h.afterUpAgain,
      ok: h.afterUpAgain === undefined ? undefined : h.afterUpAgain === h.afterUp,
      rule: '= after up',
    },
  ];
};

/** Errors before warnings, order otherwise kept. */
export const hazardsBySeverity = (r: RehearsalResult) => [
  ...r.hazards.filter((h) => h.severity === 'error'),
  ...r.hazards.filter((h) => h.severity === 'warning'),
];
