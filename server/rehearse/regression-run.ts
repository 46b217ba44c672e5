/**
 * One regression run of a rehearsal phase: Playwright (the generated specs and the user's own)
 * against the rehearsal's sandbox, in a child process, workers in parallel; then the observations
 * the specs recorded plus every test's outcome (as `specs` observations), and the failures with
 * their traces and screenshots (kept under the report folder).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../common/errors.ts';
import { ENV } from './suite/client.ts';
import type { Observation, Phase, RegressionRun, TestFailure } from './result.ts';

export const SUITE_CONFIG = fileURLToPath(new URL('./suite/playwright.config.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunOptions {
  phase: Phase;
  url: string;
  planFile: string;
  reportDir: string;
  workers: number;
  shard?: string;
  userSpecs?: string;
  /** Lines of Playwright's own progress output. */
  progress: (chunk: string) => void;
  signal?: AbortSignal;
}

interface JsonResult {
  status: string;
  duration: number;
  errors?: { message?: string }[];
  attachments?: { name: string; path?: string }[];
}
interface JsonTest {
  results: JsonResult[];
  status: string;
}
interface JsonSpec {
  title: string;
  file: string;
  tests: JsonTest[];
}
interface JsonSuite {
  title: string;
  file?: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}

const specsOf = (s: JsonSuite, path: string[] = []): { spec: JsonSpec; path: string[] }[] => [
  ...(s.specs ?? []).map((spec) => ({ spec, path })),
  ...(s.suites ?? []).flatMap((c) => specsOf(c, c.title && !c.title.endsWith('.ts') ? [...path, c.title] : path)),
];

// eslint-disable-next-line no-control-regex
// biome-ignore lint/suspicious/noControlCharactersInRegex: it removes the terminal's colour escapes
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

export const runRegression = async (o: RunOptions): Promise<{ run: RegressionRun; observations: Observation[] }> => {
  const started = performance.now();
  const out = resolve(o.reportDir, 'test-results', o.phase);
  const obsDir = resolve(o.reportDir, '.observations', o.phase);
  const jsonFile = resolve(o.reportDir, '.observations', `${o.phase}.playwright.json`);
  await rm(out, { recursive: true, force: true });
  await rm(obsDir, { recursive: true, force: true });
  await mkdir(obsDir, { recursive: true });
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const args = [
    cli,
    'test',
    '-c',
    SUITE_CONFIG,
    '--workers',
    String(o.workers),
    '--output',
    out,
    '--reporter',
    o.shard ? 'dot,json,blob' : 'dot,json',
    ...(o.shard ? ['--shard', o.shard] : []),
  ];
  const env = {
    ...process.env,
    [ENV.url]: o.url,
    [ENV.plan]: o.planFile,
    [ENV.observations]: obsDir,
    [ENV.phase]: o.phase,
    PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile,
    PLAYWRIGHT_BLOB_OUTPUT_DIR: resolve(o.reportDir, 'blob-report', o.phase),
    FORCE_COLOR: '0',
    ...(o.userSpecs ? { UNDERSTUDY_USER_SPECS: o.userSpecs } : {}),
  };
  let stderr = '';
  const code = await new Promise<number>((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], signal: o.signal });
    child.stdout.on('data', (b: Buffer) => o.progress(b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('error', fail);
    child.on('close', (c) => done(c ?? 1));
  });
  if (!existsSync(jsonFile)) {
    throw new UserError(`the Playwright run of phase ${o.phase} did not start (exit ${code})`, {
      details: plain(stderr).trim().split('\n').slice(-8),
    });
  }
  const report = JSON.parse(await readFile(jsonFile, 'utf8')) as { suites: JsonSuite[]; errors?: { message?: string }[] };
  // A spec file that does not load makes Playwright run nothing at all: never compare an empty run.
  if (report.errors?.length) {
    throw new UserError(`the Playwright run of phase ${o.phase} could not load the specs`, {
      details: [
        ...report.errors.slice(0, 3).map((e) =>
          plain(e.message ?? '')
            .split('\n')
            .slice(0, 4)
            .join(' '),
        ),
        'fix the spec file named above (a regression spec in your --specs folder, most likely)',
      ],
    });
  }
  const observations: Observation[] = [];
  for (const name of (await readdir(obsDir)).sort()) {
    const lines = (await readFile(join(obsDir, name), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        observations.push(JSON.parse(line) as Observation);
      } catch {
        throw new UserError(`${join(obsDir, name)}:${i + 1}: an observation is not JSON (a test process was killed while writing?)`, {
          details: ['rehearse again'],
        });
      }
    });
  }
  const tests = { passed: 0, failed: 0, skipped: 0 };
  const failures: TestFailure[] = [];
  for (const { spec, path } of report.suites.flatMap((s) => specsOf(s))) {
    const title = [...path, spec.title].join(' › ');
    for (const t of spec.tests) {
      const last = t.results.at(-1);
      const status = last?.status ?? 'skipped';
      if (status === 'skipped') {
        tests.skipped++;
        continue;
      }
      const ok = status === 'passed';
      if (ok) tests.passed++;
      else tests.failed++;
      // How it failed is part of the fact: failing differently after the change is a difference.
      const how = ok
        ? 'passed'
        : `${status}: ${plain(last?.errors?.[0]?.message ?? '')
            .split('\n')[0]!
            .slice(0, 200)}`;
      observations.push({
        check: 'specs',
        id: `specs|${spec.file}|${title}`,
        label: `test "${title}" (${spec.file})`,
        keys: { test: [title, spec.title], file: [spec.file] },
        value: how,
      });
      if (!ok && last) {
        const at = (n: string) => last.attachments?.find((a) => a.name === n && a.path)?.path;
        const trace = at('trace');
        const screenshot = at('screenshot');
        failures.push({
          title,
          file: spec.file,
          error: plain(last.errors?.map((e) => e.message ?? '').join('\n') ?? '')
            .split('\n')
            .slice(0, 6)
            .join('\n'),
          ...(trace ? { trace: relative(o.reportDir, trace) } : {}),
          ...(screenshot ? { screenshot: relative(o.reportDir, screenshot) } : {}),
        });
      }
    }
  }
  if (tests.passed + tests.failed === 0) {
    throw new UserError(
      `the Playwright run of phase ${o.phase} ran no test${o.shard ? ` (shard ${o.shard} is empty)` : ''}: there is nothing to compare`,
      {
        details: [o.shard ? 'use fewer shards than there are tests' : 'check the specs folders'],
      },
    );
  }
  return { run: { phase: o.phase, ms: Math.round(performance.now() - started), tests, observations: observations.length, failures }, observations };
};
