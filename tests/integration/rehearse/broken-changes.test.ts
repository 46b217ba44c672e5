/**
 * The rehearsal on broken change sets: each exits 1 and its report names the migration, the check
 * and the evidence. Runs the real command (Playwright included) on a small snapshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runScript, scratchDir, writeMigrations, writeTinyWithBugFiler } from '../../helpers/rehearse-cli.ts';
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

const rel = (p: string) => p.slice(process.cwd().length + 1);

describe('rehearse on broken change sets', () => {
  it('the unchanged snapshot with no migration rehearses green (exit 0) with every report file', async () => {
    const migrations = await writeMigrations(join(dir, 'none'), {});
    const report = join(dir, 'report-none');
    const r = await runScript('rehearse', [
      '--snapshot',
      rel(snapshot),
      '--migrations',
      rel(migrations),
      '--report',
      rel(report),
      '--specs',
      rel(emptySpecs),
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const f of ['index.html', 'summary.md', 'runbook.md', 'junit.xml', 'result.json']) await readFile(join(report, f), 'utf8');
    const result = JSON.parse(await readFile(join(report, 'result.json'), 'utf8'));
    expect(result.verdict).toBe('safe');
    expect(result.runs.map((x: { phase: string }) => x.phase)).toEqual(['baseline', 'after-up', 'after-down']);
    expect(result.runs[0].observations).toBeGreaterThan(50);
  }, 240_000);

  for (const c of BROKEN_CHANGES) {
    it(c.name, async () => {
      const name = c.file.replace(/\.ts$/, '');
      const migrations = await writeMigrations(join(dir, name), { [c.file]: c.source });
      const report = join(dir, `report-${name}`);
      const args = [
        '--snapshot',
        rel(snapshot),
        '--migrations',
        rel(migrations),
        '--report',
        rel(report),
        '--specs',
        rel(emptySpecs),
        '--workers',
        '1',
      ];
      if (c.settings) {
        const file = join(dir, `${name}.config.json`);
        await writeFile(file, JSON.stringify(c.settings));
        args.push('--config', rel(file));
      }
      const r = await runScript('rehearse', args);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      const result = JSON.parse(await readFile(join(report, 'result.json'), 'utf8'));
      expect(result.verdict).toBe('failed');
      const kinds = result.hazards.map((h: { kind: string }) => h.kind);
      for (const k of c.hazards) expect(kinds, JSON.stringify(result.hazards, null, 1)).toContain(k);
      for (const h of result.hazards.filter((x: { kind: string }) => c.hazards.includes(x.kind))) expect(h.migration).toBe(name);
      const checks = result.regressions.map((d: { check: string }) => d.check);
      for (const k of c.checks ?? []) expect(checks, JSON.stringify(result.regressions.slice(0, 5), null, 1)).toContain(k);
      for (const d of result.regressions) expect(d.migration).toBe(name);
      const summary = await readFile(join(report, 'summary.md'), 'utf8');
      for (const m of c.mentions) expect(summary).toContain(m);
      expect(r.stdout).toContain(name);
    }, 240_000);
  }
});
