/**
 * The rehearsal on broken change sets, with the in-memory regression runner (no browser): each exits
 * 1 and its report names the migration, the check and the evidence; a change that cannot be applied
 * or reverted, or that floods people with notifications, stops before any regression run and says
 * which steps did not run. One of these runs again with the browser in tests/e2e/rehearse/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryRunner } from '../../../server/rehearse/index.ts';
import { rehearseInProcess, scratchDir, writeMigrations, writeTinyWithBugFiler } from '../../helpers/rehearse-cli.ts';
import { BROKEN_CHANGES } from './change-sets.ts';

let dir: string;
let snapshot: string;
let emptySpecs: string;

beforeAll(async () => {
  dir = await scratchDir();
  snapshot = await writeTinyWithBugFiler(join(dir, 'snapshot'));
  emptySpecs = join(dir, 'no-specs');
  await mkdir(emptySpecs, { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Checks the in-memory runner observes (recorded integrations are replayed only through REST). */
const IN_MEMORY = new Set(['createmeta', 'transitions', 'permissions', 'filters', 'boards', 'notifications']);

describe('rehearse on broken change sets (the tracker in memory)', () => {
  it('the unchanged snapshot with no migration rehearses green (exit 0) with every report file', async () => {
    const migrations = await writeMigrations(join(dir, 'none'), {});
    const report = join(dir, 'report-none');
    const r = await rehearseInProcess(
      ['--snapshot', snapshot, '--migrations', migrations, '--report', report, '--specs', emptySpecs],
      new MemoryRunner(),
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const f of ['index.html', 'summary.md', 'runbook.md', 'junit.xml', 'result.json']) await readFile(join(report, f), 'utf8');
    const result = JSON.parse(await readFile(join(report, 'result.json'), 'utf8'));
    expect(result.verdict).toBe('safe');
    expect(result.rollbackProven).toBe(true);
    expect(result.skippedSteps).toBeUndefined();
    expect(result.runs.map((x: { phase: string }) => x.phase)).toEqual(['baseline', 'after-up', 'after-down']);
    expect(result.runs[0].observations).toBeGreaterThan(50);
  }, 120_000);

  for (const c of BROKEN_CHANGES) {
    it(c.name, async () => {
      const name = c.file.replace(/\.ts$/, '');
      const migrations = await writeMigrations(join(dir, name), { [c.file]: c.source });
      const report = join(dir, `report-${name}`);
      const args = ['--snapshot', snapshot, '--migrations', migrations, '--report', report, '--specs', emptySpecs];
      if (c.settings) {
        const file = join(dir, `${name}.config.json`);
        await writeFile(file, JSON.stringify(c.settings));
        args.push('--config', file);
      }
      const r = await rehearseInProcess(args, new MemoryRunner());
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const result = JSON.parse(await readFile(join(report, 'result.json'), 'utf8'));
      expect(result.verdict).toBe('failed');
      const kinds = result.hazards.map((h: { kind: string }) => h.kind);
      for (const k of c.hazards) expect(kinds, JSON.stringify(result.hazards, null, 1)).toContain(k);
      for (const h of result.hazards.filter((x: { kind: string }) => c.hazards.includes(x.kind))) expect(h.migration).toBe(name);
      for (const h of result.hazards) expect(h.code, JSON.stringify(h)).toMatch(/^[A-Z]{2}\d{3}$/);
      const checks = result.regressions.map((d: { check: string }) => d.check);
      for (const k of (c.checks ?? []).filter((x) => IN_MEMORY.has(x)))
        expect(checks, JSON.stringify(result.regressions.slice(0, 5), null, 1)).toContain(k);
      for (const d of result.regressions) expect(d.migration).toBe(name);
      const summary = await readFile(join(report, 'summary.md'), 'utf8');
      for (const m of c.mentions) expect(summary).toContain(m);
      expect(r.stdout).toContain(name);
      if (c.failsFast) {
        // Found without a browser: no regression run, and the report says what did not run.
        expect(result.runs).toEqual([]);
        const skipped = result.skippedSteps.map((s: { name: string }) => s.name);
        expect(skipped.some((s: string) => s.startsWith('regression runs'))).toBe(true);
        expect(summary).toContain('## Steps that did not run');
        expect(r.stdout).toMatch(/stopped early/);
      } else {
        expect(result.runs).toHaveLength(3);
        expect(result.skippedSteps).toBeUndefined();
      }
    }, 120_000);
  }
});
