/**
 * The rehearsal's Playwright reporter: one NDJSON line per finished test — its phase (the generated
 * specs' `[phase]` describe block, left out of the title; for your specs, the one their repeat index
 * names), its file (relative to the suite's configuration folder, as Playwright's JSON report names
 * it), its title under its describe blocks, its status, errors and attachments (trace, screenshot) —
 * and one line per error outside a test (a spec file that does not load). regression-run.ts reads it.
 */
import { appendFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { FullConfig, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { ENV, phaseFromTitle, suitePhases } from './client.ts';

export interface OutcomeLine {
  phase: string;
  file: string;
  /** The describe blocks' titles and the test's, joined by ' › '. */
  title: string;
  specTitle: string;
  status: TestResult['status'];
  errors: string[];
  attachments: { name: string; path: string }[];
  /** When it started (ISO), how long it took (ms) and on which worker: where a run's time went. */
  startTime: string;
  ms: number;
  worker: number;
}
export interface ErrorLine {
  error: string;
}

const describes = (s: Suite | undefined): string[] => (s && s.type === 'describe' ? [...describes(s.parent), s.title] : []);

export default class OutcomeReporter implements Reporter {
  private root = '';
  private readonly file = process.env[ENV.outcomes];
  private readonly phases = suitePhases();

  onBegin(config: FullConfig): void {
    this.root = config.rootDir;
  }

  private write(line: OutcomeLine | ErrorLine): void {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // The generated specs name the phase in their outermost describe block; your specs repeat once per phase.
    const blocks = describes(test.parent);
    const named = blocks[0] === undefined ? undefined : phaseFromTitle(blocks[0]);
    if (named) blocks.shift();
    this.write({
      phase: named ?? this.phases[test.repeatEachIndex] ?? `repeat ${test.repeatEachIndex}`,
      file: relative(this.root, test.location.file).split(sep).join('/'),
      title: [...blocks, test.title].join(' › '),
      specTitle: test.title,
      status: result.status,
      errors: result.errors.map((e) => e.message ?? ''),
      attachments: result.attachments.flatMap((a) => (a.path ? [{ name: a.name, path: a.path }] : [])),
      startTime: result.startTime.toISOString(),
      ms: result.duration,
      worker: result.parallelIndex,
    });
  }

  onError(error: TestError): void {
    this.write({ error: error.message ?? error.value ?? 'unknown error' });
  }

  printsToStdio(): boolean {
    return false;
  }
}
