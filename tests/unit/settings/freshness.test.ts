import { describe, expect, it } from 'vitest';
import { FUTURE_TOLERANCE_MS, snapshotFreshness } from '../../../server/settings/freshness.ts';

const NOW = new Date('2026-03-15T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const clone = (createdAt: string, clonedAt?: string) => ({ kind: 'clone', createdAt, ...(clonedAt ? { production: { clonedAt } } : {}) });

const CASES: { name: string; manifest: Parameters<typeof snapshotFreshness>[0]; max: number; ok: boolean; says: string[] }[] = [
  {
    name: 'fixture, however old, is exempt',
    manifest: { kind: 'fixture', createdAt: '2001-01-01T00:00:00Z' },
    max: 14,
    ok: true,
    says: ['bundled fixture: exempt from the freshness check'],
  },
  {
    name: 'fixture dated in the future is exempt too',
    manifest: { kind: 'fixture', createdAt: '2099-01-01T00:00:00Z' },
    max: 14,
    ok: true,
    says: ['exempt'],
  },
  { name: 'fresh clone', manifest: clone(ago(3 * DAY)), max: 14, ok: true, says: ['3 days old', 'limit of 14 days'] },
  { name: 'clone made just now', manifest: clone(ago(0)), max: 14, ok: true, says: ['0 days old'] },
  { name: 'exactly at the limit passes', manifest: clone(ago(14 * DAY)), max: 14, ok: true, says: ['14 days old'] },
  {
    name: 'a second past the limit fails',
    manifest: clone(ago(14 * DAY + 1000)),
    max: 14,
    ok: false,
    says: ['14.1 days old', 'the limit is 14 days', 'gate.maxSnapshotAgeDays in understudy.config.json'],
  },
  {
    name: 'stale clone',
    manifest: clone(ago(20.5 * DAY)),
    max: 14,
    ok: false,
    says: ['snapshot snapshots/prod is 20.5 days old', 'npm run clone -- --out snapshots/prod, then commit the snapshot'],
  },
  { name: 'fractional limit', manifest: clone(ago(DAY)), max: 0.5, ok: false, says: ['1 day old', 'the limit is 0.5 days'] },
  { name: 'production.clonedAt wins over createdAt (stale)', manifest: clone(ago(DAY), ago(30 * DAY)), max: 14, ok: false, says: ['30 days old'] },
  { name: 'production.clonedAt wins over createdAt (fresh)', manifest: clone(ago(30 * DAY), ago(DAY)), max: 14, ok: true, says: ['1 day old'] },
  {
    name: 'clone dated in the future fails',
    manifest: clone(ago(-2 * DAY)),
    max: 14,
    ok: false,
    says: ['2 days in the future', 'check the clock', 'npm run clone -- --out snapshots/prod'],
  },
  {
    name: 'within the clock tolerance is not the future',
    manifest: clone(ago(-FUTURE_TOLERANCE_MS + 1000)),
    max: 14,
    ok: true,
    says: ['0 days old'],
  },
  {
    name: 'just past the clock tolerance is the future',
    manifest: clone(ago(-FUTURE_TOLERANCE_MS - 1000)),
    max: 14,
    ok: false,
    says: ['in the future', 'createdAt'],
  },
  {
    name: 'a date that does not parse fails',
    manifest: clone('last tuesday'),
    max: 14,
    ok: false,
    says: ['"last tuesday" is not a date', 'ISO 8601'],
  },
];

describe('snapshotFreshness', () => {
  it.each(CASES)('$name', ({ manifest, max, ok, says }) => {
    const f = snapshotFreshness(manifest, max, NOW, 'snapshots/prod');
    expect(f.ok).toBe(ok);
    const text = f.ok ? f.note : [f.message, ...f.details].join('\n');
    for (const s of says) expect(text).toContain(s);
  });
  it('a stale message says the age, the limit, the setting and the refresh command', () => {
    const f = snapshotFreshness(clone(ago(15 * DAY)), 14, NOW, 'fixtures/prod');
    expect(f).toEqual({
      ok: false,
      message: `snapshot fixtures/prod is 15 days old (cloned ${ago(15 * DAY)}); the limit is 14 days, set by gate.maxSnapshotAgeDays in understudy.config.json`,
      details: [
        'refresh it: npm run clone -- --out fixtures/prod, then commit the snapshot',
        'or, if an older snapshot is good enough for this change, raise gate.maxSnapshotAgeDays in understudy.config.json',
      ],
    });
  });
});
