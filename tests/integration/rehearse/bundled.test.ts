/**
 * The bundled snapshot and every shipped migration rehearse green out of the box: `npm run
 * rehearse` on fixtures/acme exits 0 with a complete report, the rollback proven by hash and by
 * observations, and no undeclared difference.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runScript, scratchDir } from '../../helpers/rehearse-cli.ts';

let dir: string;
beforeAll(async () => { dir = await scratchDir(); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

it('npm run rehearse on fixtures/acme with the shipped migrations: exit 0, rollback proven, a complete report', async () => {
  const report = join(dir, 'report');
  const r = await runScript('rehearse', ['--report', report.slice(process.cwd().length + 1)]);
  expect(r.code, r.stdout + r.stderr.slice(-4000)).toBe(0);
  expect(r.stdout).toMatch(/✔ safe to proceed: 6 migration\(s\) applied/);
  const result = JSON.parse(await readFile(join(report, 'result.json'), 'utf8'));
  expect(result.verdict).toBe('safe');
  expect(result.rollbackProven).toBe(true);
  expect(result.hashes.afterDown).toBe(result.hashes.baseline);
  expect(result.hashes.afterUpAgain).toBe(result.hashes.afterUp);
  expect(result.regressions).toEqual([]);
  expect(result.rollbackDifferences).toEqual([]);
  expect(result.hazards.filter((h: { severity: string }) => h.severity === 'error')).toEqual([]);
  expect(result.expected.length).toBeGreaterThan(20);
  for (const run of result.runs) {
    expect(run.tests.failed, JSON.stringify(run.failures)).toBe(0);
    expect(run.observations).toBeGreaterThan(3000);
  }
  const html = await readFile(join(report, 'index.html'), 'utf8');
  expect(html).toContain('20261104-090000-restrict-security-browse');
  expect(html).toContain('<svg');
  const runbook = await readFile(join(report, 'runbook.md'), 'utf8');
  expect(runbook).toMatch(/Backout/i);
  await readFile(join(report, 'junit.xml'), 'utf8');
}, 600_000);
