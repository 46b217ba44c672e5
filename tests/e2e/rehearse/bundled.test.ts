/**
 * The bundled snapshot and every shipped migration rehearse green out of the box: `npm run
 * rehearse` on fixtures/acme exits 0 with a complete report, the rollback proven by hash and by
 * observations, and no undeclared difference; and `npm run announce -- heads-up` on that report
 * writes a complete notice in every format. With the browser: the pipeline's own paths (hash chain,
 * reports, exit codes) are tested with the in-memory runner in tests/integration/rehearse/.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runAnnounceCommand } from '../../../server/announce/command.ts';
import { rehearseGreen, scratchDir } from '../../helpers/rehearse-cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await scratchDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('npm run rehearse on fixtures/acme with the shipped migrations: exit 0, rollback proven, a complete report', async () => {
  const report = join(dir, 'report');
  const result = await rehearseGreen([], report);
  expect(result.hashes.afterUpAgain).toBe(result.hashes.afterUp);
  expect(result.hazards.filter((h: { severity: string }) => h.severity === 'error')).toEqual([]);
  expect(result.expected.length).toBeGreaterThan(20);
  // The browser tier covers once every observation path the pipeline's tests take with the in-memory runner.
  const checks = new Set(result.expected.map((d: { check: string }) => d.check));
  for (const c of ['createmeta', 'transitions', 'permissions', 'filters', 'boards', 'notifications']) expect([...checks]).toContain(c);
  const html = await readFile(join(report, 'index.html'), 'utf8');
  expect(html).toContain('20261104-090000-restrict-security-browse');
  expect(html).toContain('<svg');
  const runbook = await readFile(join(report, 'runbook.md'), 'utf8');
  expect(runbook).toMatch(/Backout/i);
  await readFile(join(report, 'junit.xml'), 'utf8');

  // The notice flow on that report: a complete heads-up in every format, no placeholder left.
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAnnounceCommand(['heads-up', '--report', report], { out: (l) => out.push(l), err: (l) => err.push(l) }, { env: {} });
  expect(code, err.join('\n')).toBe(0);
  for (const ext of ['md', 'eml', 'slack.json', 'banner.html']) {
    const text = await readFile(join(report, 'notices', `heads-up.${ext}`), 'utf8');
    expect(text, ext).not.toMatch(/undefined|NaN|\[object |\{\{|—$/m);
    expect(text, ext).toContain('Office Location');
  }
  const md = out.join('\n');
  for (const section of [
    '## What changes',
    '## Why',
    '## Who is affected',
    '## What you need to do differently',
    '## When',
    '## If something goes wrong',
    '## Questions',
  ])
    expect(md).toContain(section);
  expect(md).toMatch(/On the rehearsal copy the rollback was practised and checked/);
  expect(md).toMatch(/Undo “Remove the resolution 'Won't Do'/);
}, 600_000);
