/**
 * The in-memory double of the regression run: the generated suite's checks answered by the tracker
 * directly (memory-observers.ts), no browser, no HTTP, no child process — so the pipeline's own tests
 * (the hash chain, hazards, reports, exit codes) run in seconds. It leaves out what only a browser or
 * the REST API can show: the web UI paths, recorded integrations, the user's own specs.
 */
import type { Observation, RegressionRun } from '../result.ts';
import { type Observed, observeCreates, observeFiltersAndBoards, observePermissions, observeTransitions } from './memory-observers.ts';
import type { PhaseRun, RegressionInput, RegressionRunner } from './regression-runner.ts';

const GENERATED = [observeCreates, observeFiltersAndBoards, observePermissions, observeTransitions];

export class MemoryRunner implements RegressionRunner {
  readonly name = 'the tracker in memory, no browser';
  readonly checkName = 'prepare the in-memory runner';
  readonly leavesOut = [
    'the web UI and the REST API: the in-memory runner asked the tracker directly',
    'recorded integrations: their REST requests are not replayed in memory',
    'your own regression specs: they need Playwright',
  ];

  async check(): Promise<string[]> {
    return ['regression runs answered by the tracker in memory: no browser, no sockets'];
  }

  async run(input: RegressionInput): Promise<PhaseRun[]> {
    return input.phases.map(({ phase, state }) => {
      const started = performance.now();
      const observed: Observed = GENERATED.flatMap((observe) => observe(input.suite, state, input.now));
      const observations: Observation[] = observed.flatMap((o) => o.observations);
      const run: RegressionRun = {
        phase,
        ms: Math.round(performance.now() - started),
        tests: { passed: observed.length, failed: 0, skipped: 0 },
        observations: observations.length,
        failures: [],
      };
      return { run, observations };
    });
  }
}
