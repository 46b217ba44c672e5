/**
 * The bundled snapshot and every shipped migration rehearse green out of the box: `npm run
 * rehearse` on fixtures/acme exits 0 with a complete report, the rollback proven by hash and by
 * observations, and no undeclared difference; every phase observes exactly what the old runner did
 * (golden/acme-observations.json.gz, see observation-golden.ts: the count and content of the
 * observations never drop as the runner gets faster); and `npm run announce -- heads-up` on that
 * report writes a complete notice in every format. With the browser: the pipeline's own paths (hash
 * chain, reports, exit codes) are tested with the in-memory runner in tests/integration/rehearse/.
 * The command runs in this process (its thin script is run as a child by tests/integration/rehearse/)
 * so that the Playwright runner's answers can be recorded on their way to the pipeline.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runAnnounceCommand } from '../../../server/announce/command.ts';
import { type PhaseRun, PlaywrightRunner, type RegressionInput } from '../../../server/rehearse/index.ts';
import { rehearseGreen, scratchDir } from '../../helpers/rehearse-cli.ts';
import { compareWithGolden, GOLDEN_NOW } from './observation-golden.ts';

/** The real runner, keeping a copy of what it answers. */
class RecordingRunner extends PlaywrightRunner {
  readonly runs: PhaseRun[] = [];
  override async run(input: RegressionInput): Promise<PhaseRun[]> {
    const runs = await super.run(input);
    this.runs.push(...runs);
    return runs;
  }
}

let dir: string;
beforeAll(async () => {
  dir = await scratchDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('npm run rehearse on fixtures/acme with the shipped migrations: exit 0, rollback proven, a complete report', async () => {
  const report = join(dir, 'report');
  const runner = new RecordingRunner();
  const result = await rehearseGreen(['--now', GOLDEN_NOW], report, runner);
  expect(runner.runs.map((r) => r.run.phase)).toEqual(['baseline', 'after-up', 'after-down']);
  for (const c of compareWithGolden(runner.runs)) {
    expect(c.count, c.phase).toBeGreaterThanOrEqual(4206);
    expect({ ...c, count: 0 }).toEqual({ phase: c.phase, missing: [], added: [], changed: [], count: 0 });
  }
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
