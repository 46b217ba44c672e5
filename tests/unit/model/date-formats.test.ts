import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isDate, isDateTime } from '../../../server/model/date-formats.ts';
import { validatorFor } from '../../../server/model/shape.ts';

const { fullFormats } = createRequire(import.meta.url)('ajv-formats/dist/formats.js') as {
  fullFormats: Record<'date' | 'date-time', { validate: (s: string) => boolean }>;
};
const refDate = fullFormats.date.validate;
const refDateTime = fullFormats['date-time'].validate;

const EDGE = [
  '2026-11-27T08:00:00Z',
  '2026-11-27t08:00:00z',
  '2026-11-27 08:00:00+01:00',
  '2026-11-27T08:00:00.123456+0130',
  '2026-11-27T08:00:00',
  '2026-11-27T08:00:00+01',
  '2026-11-27T08:00:00+24:00',
  '2026-11-27T08:00:00+23:60',
  '2026-02-29T00:00:00Z',
  '2024-02-29T00:00:00Z',
  '2000-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2026-04-31T00:00:00Z',
  '2026-00-10T00:00:00Z',
  '2026-13-10T00:00:00Z',
  '2026-01-00T00:00:00Z',
  '2026-12-31T23:59:60Z',
  '2026-12-31T23:59:60.5Z',
  '2026-12-31T22:59:60-01:00',
  '2026-12-31T23:59:61Z',
  '2026-12-31T24:00:00Z',
  '2026-12-31T23:60:00Z',
  '2027-01-01T00:59:60+01:00',
  '2026-11-27T08:00:00Zt',
  '2026-11-27TT08:00:00Z',
  '2026-11-27\t08:00:00Z',
  '2026-11-27\u00a008:00:00Z',
  '2026-11-27\n08:00:00Z',
  '2026-11-27T08:00:00Z\n',
  ' 2026-11-27T08:00:00Z',
  '2026-11-27T8:00:00Z',
  '２０２６-11-27T08:00:00Z',
  '',
  'T',
  '2026-11-27',
  '2026-11-27T08:00:00.Z',
  '2026-11-27T08:00:00+0',
  '2026-11-27T08:00:00-00:00',
  '2026-11-27T08:00:00+01:3',
];
const DATES = ['2026-11-27', '2024-02-29', '2026-02-29', '2026-11-31', '2026-1-01', '2026-11-27T', '2026-11-27 ', '0000-01-01', '9999-12-31', ''];

// Random strings from the characters that matter, shaped roughly like timestamps so that many get far.
const random =
  (seed: number): (() => number) =>
  () =>
    (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const ALPHABET = '0123456789-:.+TtZz \t';
const fuzz = (n: number, seed: number): string[] => {
  const r = random(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = `${String(Math.floor(r() * 10000)).padStart(4, '0')}-${String(Math.floor(r() * 14)).padStart(2, '0')}-${String(Math.floor(r() * 33)).padStart(2, '0')}T${String(Math.floor(r() * 26)).padStart(2, '0')}:${String(Math.floor(r() * 62)).padStart(2, '0')}:${String(Math.floor(r() * 62)).padStart(2, '0')}${['Z', '+01:00', '-23:59', '+2400', '', '.5Z', '.123456-05:30', 'z', '+01'][Math.floor(r() * 9)]}`;
    const chars = [...base];
    const edits = Math.floor(r() * 3);
    for (let e = 0; e < edits; e++) chars[Math.floor(r() * chars.length)] = ALPHABET[Math.floor(r() * ALPHABET.length)]!;
    out.push(chars.join(''));
  }
  return out;
};

describe('date formats: the same answers as ajv-formats (full mode)', () => {
  it.each(EDGE)('date-time %j', (s) => expect(isDateTime(s)).toBe(refDateTime(s)));
  it.each(DATES)('date %j', (s) => expect(isDate(s)).toBe(refDate(s)));

  it('agrees on 50,000 random timestamps, both valid and not', () => {
    const strings = fuzz(50_000, 7);
    const disagree = strings.filter((s) => isDateTime(s) !== refDateTime(s));
    expect(disagree).toEqual([]);
    const valid = strings.filter(isDateTime).length;
    expect(valid).toBeGreaterThan(5_000);
    expect(valid).toBeLessThan(45_000);
    const dates = strings.map((s) => s.slice(0, 10));
    expect(dates.filter((s) => isDate(s) !== refDate(s))).toEqual([]);
  });

  it('is what the model validates issues with', () => {
    const isIssue = validatorFor('issue');
    const issue = {
      id: '1',
      key: 'A-1',
      project: 'A',
      issueType: 'bug',
      status: 's',
      resolution: null,
      priority: null,
      summary: 'x',
      description: null,
      reporter: null,
      assignee: null,
      labels: [],
      components: [],
      fixVersions: [],
      versions: [],
      created: '2026-02-29T00:00:00Z',
      updated: '2026-01-01T00:00:00Z',
      resolutionDate: null,
      watchers: [],
      customFields: {},
      comments: [],
      history: [],
      links: [],
    };
    expect(isIssue(issue)).toBe(false);
    expect(JSON.stringify(isIssue.errors)).toContain('date-time');
  });
});
