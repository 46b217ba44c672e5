/**
 * One broken change rehearsed end to end with the browser (the rest run with the in-memory runner in
 * tests/integration/rehearse/broken-changes.test.ts): a field made required with no default breaks
 * the create form and the recorded integration that files bugs through REST — exit 1, regressions of
 * both checks, after three real Playwright runs; a spec of yours that files a bug with the summary
 * alone fails after up only, and the report keeps the trace of its re-run with tracing on (the
 * observing run traces nothing).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { REPO } from '../../helpers/migrate-cli.ts';
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
  const specs = join(dir, 'specs');
  await mkdir(specs, { recursive: true });
  await writeFile(
    join(specs, 'files-a-bug.spec.ts'),
    `import { expect, test } from ${JSON.stringify(resolve(REPO, 'tests/regression/fixtures.ts'))};
test('a bug with a summary alone', async ({ sandbox }) => {
  const res = await sandbox.api('admin', 'POST', '/rest/api/2/issue', { fields: { project: { key: 'ACME' }, issuetype: { name: 'Bug' }, summary: 'checkout fails' } });
  expect(res.status).toBe(201);
});
`,
  );
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
  // Your spec fails after up only; its failure links the trace of its re-run, a file in the report.
  const failures = Object.fromEntries(result.runs.map((x: { phase: string; failures: unknown[] }) => [x.phase, x.failures]));
  expect(failures.baseline).toEqual([]);
  expect(failures['after-down']).toEqual([]);
  expect(failures['after-up']).toHaveLength(1);
  const [failure] = failures['after-up'] as { title: string; trace?: string; screenshot?: string }[];
  expect(failure!.title).toBe('a bug with a summary alone');
  expect(failure!.trace).toMatch(/trace\.zip$/);
  expect(existsSync(join(report, failure!.trace!))).toBe(true);
  expect(checks.has('specs')).toBe(true);
}, 600_000);
