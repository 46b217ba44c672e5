/**
 * One broken change rehearsed end to end with the browser (the rest run with the in-memory runner in
 * tests/integration/rehearse/broken-changes.test.ts): a field made required with no default breaks
 * the create form and the recorded integration that files bugs through REST — exit 1, regressions of
 * both checks, after three real Playwright runs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runScript, scratchDir, writeMigrations, writeTinyWithBugFiler } from '../../helpers/rehearse-cli.ts';
import { BROKEN_CHANGES } from '../../integration/rehearse/change-sets.ts';

let dir: string;
beforeAll(async () => {
  dir = await scratchDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('a field made required with no default: regressions in the create form and the integration, exit 1', async () => {
  const c = BROKEN_CHANGES.find((x) => x.file.includes('require-root-cause'))!;
  const snapshot = await writeTinyWithBugFiler(join(dir, 'snapshot'));
  const specs = join(dir, 'no-specs');
  await mkdir(specs, { recursive: true });
  const migrations = await writeMigrations(join(dir, 'migrations'), { [c.file]: c.source });
  const report = join(dir, 'report');
  const r = await runScript('rehearse', ['--snapshot', snapshot, '--migrations', migrations, '--report', report, '--specs', specs, '--workers', '1']);
  expect(r.code, r.stdout + r.stderr).toBe(1);
  const result = JSON.parse(await readFile(join(report, 'result.json'), 'utf8'));
  expect(result.runs.map((x: { phase: string }) => x.phase)).toEqual(['baseline', 'after-up', 'after-down']);
  const checks = new Set(result.regressions.map((d: { check: string }) => d.check));
  for (const k of c.checks ?? []) expect([...checks]).toContain(k);
  const summary = await readFile(join(report, 'summary.md'), 'utf8');
  for (const m of c.mentions) expect(summary).toContain(m);
}, 600_000);
