/**
 * One Playwright run of the regression suite (the generated specs and the user's own) against the
 * rehearsal's sandbox, in a child process, workers in parallel, observing every phase given at once:
 * each test is declared once per phase (its `[phase]` describe block names it). Then, per phase, the
 * observations the specs recorded plus every test's outcome (as `specs` observations), and the
 * failures with their screenshots and the traces of a re-run of the failed tests with tracing on
 * (kept under the report folder).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../common/errors.ts';
import { ENV } from './suite/client.ts';
import type { ErrorLine, OutcomeLine } from './suite/outcome-reporter.ts';
import type { Observation, Phase, RegressionRun, TestFailure } from './result.ts';

export const SUITE_CONFIG = fileURLToPath(new URL('./suite/playwright.config.ts', import.meta.url));
const REPORTER = fileURLToPath(new URL('./suite/outcome-reporter.ts', import.meta.url));
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

export type RunsOptions = Omit<RunOptions, 'phase'> & {
  /** The phases the sandbox serves (by the x-understudy-phase header), in the order results come back. */
  phases: readonly Phase[];
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: it removes the terminal's colour escapes
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

const readLines = async <T>(file: string, what: string): Promise<T[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter((x) => x.line.trim())
    .map(({ line, i }) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new UserError(`${file}:${i + 1}: ${what} is not JSON (a test process was killed while writing?)`, { details: ['rehearse again'] });
      }
    });

/** The observations and the outcomes of one phase. */
const phaseResult = async (
  o: RunsOptions,
  phase: Phase,
  outcomes: OutcomeLine[],
  obsRoot: string,
  ms: number,
  traces: ReadonlyMap<string, string>,
) => {
  const observations: Observation[] = [];
  const dir = join(obsRoot, phase);
  for (const name of existsSync(dir) ? (await readdir(dir)).sort() : [])
    observations.push(...(await readLines<Observation>(join(dir, name), 'an observation')));
  const tests = { passed: 0, failed: 0, skipped: 0 };
  const failures: TestFailure[] = [];
  // The last outcome of each test counts (a retried test reports once per try).
  const last = new Map<string, OutcomeLine>();
  for (const t of outcomes) if (t.phase === phase) last.set(`${t.file}|${t.title}`, t);
  for (const t of last.values()) {
    if (t.status === 'skipped') {
      tests.skipped++;
      continue;
    }
    const ok = t.status === 'passed';
    if (ok) tests.passed++;
    else tests.failed++;
    // How it failed is part of the fact: failing differently after the change is a difference.
    const how = ok
      ? 'passed'
      : `${t.status}: ${plain(t.errors[0] ?? '')
          .split('\n')[0]!
          .slice(0, 200)}`;
    observations.push({
      check: 'specs',
      id: `specs|${t.file}|${t.title}`,
      label: `test "${t.title}" (${t.file})`,
      keys: { test: [t.title, t.specTitle], file: [t.file] },
      value: how,
    });
    if (!ok) {
      const at = (n: string) => t.attachments.find((a) => a.name === n)?.path;
      const trace = traces.get(testKey(t));
      const screenshot = at('screenshot');
      failures.push({
        title: t.title,
        file: t.file,
        error: plain(t.errors.join('\n')).split('\n').slice(0, 6).join('\n'),
        ...(trace ? { trace: relative(o.reportDir, trace) } : {}),
        ...(screenshot ? { screenshot: relative(o.reportDir, screenshot) } : {}),
      });
    }
  }
  if (tests.passed + tests.failed === 0) {
    throw new UserError(
      `the Playwright run of phase ${phase} ran no test${o.shard ? ` (shard ${o.shard} is empty)` : ''}: there is nothing to compare`,
      {
        details: [o.shard ? 'use fewer shards than there are tests' : 'check the specs folders'],
      },
    );
  }
  const run: RegressionRun = {
    phase,
    ms,
    tests,
    observations: observations.length,
    failures,
    ...(o.phases.length > 1 ? { together: [...o.phases] } : {}),
  };
  return { run, observations };
};

/** The Playwright CLI as a child process: its exit code and what it wrote to stderr. */
const playwright = (args: readonly string[], env: NodeJS.ProcessEnv, o: RunsOptions): Promise<{ code: number; stderr: string }> =>
  new Promise((done, fail) => {
    let stderr = '';
    const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], signal: o.signal });
    child.stdout.on('data', (b: Buffer) => o.progress(b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('error', fail);
    child.on('close', (c) => done({ code: c ?? 1, stderr }));
  });

const failed = (t: OutcomeLine) => t.status !== 'passed' && t.status !== 'skipped';
const testKey = (t: OutcomeLine) => `${t.phase}|${t.file}|${t.title}`;

/**
 * The failed tests run again with tracing on (`--last-failed`; the observing run traces nothing):
 * each one's trace, by phase, file and title. What the re-run observes is thrown away: the first
 * run's outcomes and observations are the facts, the trace shows how the test goes on that state.
 */
const traceFailures = async (
  o: RunsOptions,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  out: string,
  obsRoot: string,
): Promise<Map<string, string>> => {
  const outcomes = `${obsRoot}.retrace.ndjson`;
  await rm(`${obsRoot}.retrace`, { recursive: true, force: true });
  await rm(outcomes, { force: true });
  await mkdir(`${obsRoot}.retrace`, { recursive: true });
  await playwright(
    [...args, '--last-failed', '--last-failed-file', join(out, '.last-run.json'), '--output', `${out}-traces`],
    // Its own blob report too: a shard's blob is the observing run's, merged later.
    {
      ...env,
      UNDERSTUDY_TRACE: 'on',
      [ENV.observations]: `${obsRoot}.retrace`,
      [ENV.outcomes]: outcomes,
      PLAYWRIGHT_BLOB_OUTPUT_DIR: `${out}-traces/blob`,
    },
    o,
  );
  const traces = new Map<string, string>();
  if (!existsSync(outcomes)) return traces;
  for (const t of await readLines<OutcomeLine | ErrorLine>(outcomes, 'a test outcome')) {
    const trace = 'phase' in t && t.attachments.find((a) => a.name === 'trace')?.path;
    if (trace) traces.set(testKey(t as OutcomeLine), trace);
  }
  return traces;
};

/** One Playwright run observing every phase of `o.phases`; one result per phase, in that order. */
export const runRegressions = async (o: RunsOptions): Promise<{ run: RegressionRun; observations: Observation[] }[]> => {
  const started = performance.now();
  const name = o.phases.join('+');
  const out = resolve(o.reportDir, 'test-results', o.phases.length > 1 ? 'phases' : o.phases[0]!);
  const obsRoot = resolve(o.reportDir, '.observations', name);
  const outcomesFile = resolve(o.reportDir, '.observations', `${name}.outcomes.ndjson`);
  await rm(out, { recursive: true, force: true });
  await rm(`${out}-traces`, { recursive: true, force: true });
  await rm(obsRoot, { recursive: true, force: true });
  await rm(outcomesFile, { force: true });
  await mkdir(obsRoot, { recursive: true });
  const args = [
    'test',
    '-c',
    SUITE_CONFIG,
    '--workers',
    String(o.workers),
    '--reporter',
    ['dot', REPORTER, ...(o.shard ? ['blob'] : [])].join(','),
    ...(o.shard ? ['--shard', o.shard] : []),
  ];
  const env = {
    ...process.env,
    [ENV.url]: o.url,
    [ENV.plan]: o.planFile,
    [ENV.observations]: obsRoot,
    [ENV.phases]: o.phases.join(','),
    [ENV.outcomes]: outcomesFile,
    PLAYWRIGHT_BLOB_OUTPUT_DIR: resolve(o.reportDir, 'blob-report', name),
    FORCE_COLOR: '0',
    ...(o.userSpecs ? { UNDERSTUDY_USER_SPECS: o.userSpecs } : {}),
  };
  const { code, stderr } = await playwright([...args, '--output', out, '--last-failed-file', join(out, '.last-run.json')], env, o);
  const what = o.phases.length > 1 ? `phases ${o.phases.join(', ')}` : `phase ${o.phases[0]}`;
  if (!existsSync(outcomesFile)) {
    // No test ended and nothing was reported: the run did not start (or every spec failed to load silently).
    throw new UserError(`the Playwright run of ${what} did not start or ran no test (exit ${code})`, {
      details: plain(stderr).trim().split('\n').slice(-8),
    });
  }
  const lines = await readLines<OutcomeLine | ErrorLine>(outcomesFile, 'a test outcome');
  const errors = lines.filter((l): l is ErrorLine => 'error' in l);
  // A spec file that does not load makes Playwright run nothing at all: never compare an empty run.
  if (errors.length) {
    throw new UserError(`the Playwright run of ${what} could not load the specs`, {
      details: [
        ...errors.slice(0, 3).map((e) => plain(e.error).split('\n').slice(0, 4).join(' ')),
        'fix the spec file named above (a regression spec in your --specs folder, most likely)',
      ],
    });
  }
  const outcomes = lines.filter((l): l is OutcomeLine => 'phase' in l);
  // The run's time is the observing run's: the traces of its failures come after it.
  const ms = Math.round(performance.now() - started);
  const traces = outcomes.some(failed) ? await traceFailures(o, args, env, out, obsRoot) : new Map<string, string>();
  const results = [];
  for (const phase of o.phases) results.push(await phaseResult(o, phase, outcomes, obsRoot, ms, traces));
  return results;
};

/** One phase on its own (the bench's reference run). */
export const runRegression = async (o: RunOptions): Promise<{ run: RegressionRun; observations: Observation[] }> =>
  (await runRegressions({ ...o, phases: [o.phase] }))[0]!;
