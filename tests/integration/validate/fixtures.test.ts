import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INVALID_CASES } from '../../helpers/invalid-cases.ts';
import { writeInvalidCase } from '../../helpers/make-invalid-fixtures.ts';
import { ROOT, invalidCases, validateDir } from './helpers.ts';

describe('fixtures/invalid: every case is invalid with its precise message', () => {
  const cases = invalidCases();
  it('has at least 20 cases, one per row of the table', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(cases.map((c) => c.name).sort()).toEqual(INVALID_CASES.map((c) => c.name).sort());
  });
  it.each(cases)('$name', async ({ dir, expected }) => {
    const { lines, invalid } = await validateDir(dir);
    expect(invalid).toBe(true);
    for (const e of expected) expect(lines.join('\n')).toContain(e);
  });
});

describe('the committed invalid fixtures are what the table generates', () => {
  let tmp = '';
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });
  it.each(INVALID_CASES.filter((c) => !c.name.includes('hash')))('$name', async (c) => {
    tmp ||= await mkdtemp(join(tmpdir(), 'understudy-invalid-'));
    const fresh = await validateDir(await writeInvalidCase(tmp, c));
    const committed = await validateDir(join(ROOT, 'fixtures/invalid', c.name));
    // Paths in messages are relative to the snapshot; only JSON.parse's byte positions move with the $schema path's length.
    const norm = (lines: string[]) => lines.map((l) => l.replace(/at position \d+/, 'at position N'));
    expect(norm(fresh.lines)).toEqual(norm(committed.lines));
  });
});

describe('valid snapshots', () => {
  it('fixtures/tiny is valid with no warnings', async () => {
    const { lines, invalid, issues } = await validateDir(join(ROOT, 'fixtures/tiny'));
    expect(lines).toEqual([]);
    expect(invalid).toBe(false);
    expect(issues).toBe(12);
  });
  it('fixtures/acme is valid', async () => {
    const { lines, invalid } = await validateDir(join(ROOT, 'fixtures/acme'));
    expect(lines.filter((l) => !l.startsWith('warning: '))).toEqual([]);
    expect(invalid).toBe(false);
  }, 120_000);
});
