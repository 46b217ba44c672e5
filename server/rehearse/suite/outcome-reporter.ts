/**
 * The rehearsal's Playwright reporter: one NDJSON line per finished test — its phase (its outermost
 * describe block, `[phase]`, left out of the title: the generated specs' and yours alike), its file
 * (relative to the suite's configuration folder, as Playwright's JSON report names it; from its file
 * suite, since Playwright takes the location of your tests from suite/per-phase.ts, which declares
 * them), its title under its describe blocks, its status, errors and attachments (trace,
 * screenshot) — and one line per error outside a test (a spec file that does not load, a test in no
 * phase block). regression-run.ts reads it.
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
const fileSuite = (s: Suite | undefined): Suite | undefined => (!s || s.type === 'file' ? s : fileSuite(s.parent));

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
    // Every spec names the phase in its outermost describe block (phases.ts, per-phase.ts).
    const blocks = describes(test.parent);
    const named = blocks[0] === undefined ? undefined : phaseFromTitle(blocks[0]);
    if (named) blocks.shift();
    const file = fileSuite(test.parent)?.title ?? relative(this.root, test.location.file);
    if (!named && this.phases.length > 1) {
      // Compared in one phase only, it would look gone after the change: say how to declare it instead.
      this.write({
        error: `${file}: test "${[...blocks, test.title].join(' › ')}" is in no phase block: declare it with the test of tests/regression/fixtures.ts (or one extended from it), not @playwright/test's, so it runs in every phase (${this.phases.join(', ')})`,
      });
      return;
    }
    this.write({
      phase: named ?? this.phases[0]!,
      file: file.split(sep).join('/'),
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
