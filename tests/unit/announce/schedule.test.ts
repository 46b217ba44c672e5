import { describe, expect, it } from 'vitest';
import { defaultStart, defaultWindow, estimate, formatDuration, formatWhen, parseAt, parseWindow } from '../../../server/announce/schedule.ts';
import type { RehearsalResult } from '../../../server/rehearse/result.ts';

const result = (issues: number, productionIssues: number | undefined, migrations: { touched: number; up: number; down: number }[]) =>
  ({
    snapshot: { dir: 'x', kind: 'clone', issues, projects: 1, ...(productionIssues !== undefined ? { productionIssues } : {}) },
    migrations: migrations.map((m, i) => ({
      id: `m${i}`,
      description: '',
      sentences: [],
      configChanges: [],
      issues: { total: m.touched, byProject: {}, byType: {}, byStatus: {} },
      notifications: { total: 0, perRecipient: [] },
      sharedSchemes: [],
      workflowsChanged: [],
      upMs: m.up,
      downMs: m.down,
    })),
  }) as unknown as RehearsalResult;

describe('--at', () => {
  it.each([
    ['2026-12-01T18:00:00Z', '2026-12-01T18:00:00.000Z'],
    ['2026-12-01T18:00+01:00', '2026-12-01T17:00:00.000Z'],
    ['2026-12-01 17:00', '2026-12-01T17:00:00.000Z'],
    ['2026-12-01T17:00:30', '2026-12-01T17:00:30.000Z'],
  ])('%s is %s', (input, iso) => expect(parseAt(input).toISOString()).toBe(iso));
  it.each(['tomorrow', '2026-12-01', '18:00', '2026-13-01T18:00Z', '', '2026-12-01T18:00 CET'])('%j is refused', (input) => {
    expect(() => parseAt(input)).toThrow(/is not a date and time/);
  });
});

describe('--window', () => {
  it.each([
    ['1', 1],
    ['90', 90],
    ['10080', 10080],
  ])('%s minutes', (v, n) => expect(parseWindow(v)).toBe(n));
  it.each(['0', '-5', '1.5', '1h', '', '10081'])('%j is refused', (v) => expect(() => parseWindow(v)).toThrow(/is not a number of minutes/));
});

describe('durations and times', () => {
  it('formats', () => {
    expect(formatWhen(new Date('2026-11-28T06:05:00Z'))).toBe('Sat 28 Nov 2026, 06:05 UTC');
    expect(formatDuration(400)).toBe('under a second');
    expect(formatDuration(4_400)).toBe('about 4 s');
    expect(formatDuration(29 * 60_000)).toBe('about 29 min');
    expect(formatDuration(80 * 60_000)).toBe('about 1 h 20 min');
    expect(formatDuration(120 * 60_000)).toBe('about 2 h');
  });
  it('the default start is the next full hour a day ahead', () => {
    expect(defaultStart(new Date('2026-11-27T10:20:00Z')).toISOString()).toBe('2026-11-28T11:00:00.000Z');
    expect(defaultStart(new Date('2026-11-27T10:00:00Z')).toISOString()).toBe('2026-11-28T10:00:00.000Z');
  });
});

describe('estimates scale to production', () => {
  it('steps that touch issues scale by production ÷ sample; configuration-only steps do not', () => {
    const e = estimate(
      result(1000, 100_000, [
        { touched: 500, up: 20_000, down: 10_000 },
        { touched: 0, up: 300, down: 200 },
      ]),
      undefined,
    );
    expect(e.upMs).toBe(20_300);
    expect(e.prodUpMs).toBe(20_000 * 100 + 300);
    expect(e.prodDownMs).toBe(10_000 * 100 + 200);
    expect(e.scaling).toBe(
      "measured on a copy with 1,000 of production's 100,000 issues; the step that changes issues is scaled by 100×, the configuration-only steps are not",
    );
    expect(defaultWindow(e.prodUpMs, e.prodDownMs)).toBe(105); // 2 × 50 min, rounded up to a quarter hour
  });
  it('a snapshot as big as production is not scaled, and the window is at least 30 minutes', () => {
    const e = estimate(result(3000, 3000, [{ touched: 10, up: 100, down: 50 }]), undefined);
    expect(e.prodUpMs).toBe(100);
    expect(e.scaling).toMatch(/no scaling/);
    expect(defaultWindow(e.prodUpMs, e.prodDownMs)).toBe(30);
    expect(defaultWindow(40 * 60_000, 20 * 60_000)).toBe(120); // a minute per runbook step, say 40 + 20
  });
  it("the manifest's production count wins over result.json's", () => {
    expect(estimate(result(10, 10, [{ touched: 1, up: 10, down: 10 }]), 1000).prodUpMs).toBe(1000);
  });
});
