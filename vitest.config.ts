import { defineConfig } from 'vitest/config';

/**
 * Three tiers, one project each (npm run test:unit | test:integration | test:e2e):
 * unit — no sockets, no child processes (tests/unit/setup-no-io.ts makes a test that tries fail);
 * integration — servers on 127.0.0.1 and the CLIs, no browser;
 * e2e — the few full rehearsals that drive a browser (beside the Playwright specs of tests/e2e/).
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Unit and integration run two files at once (package.json: --maxWorkers, UNDERSTUDY_TEST_WORKERS
    // overrides); the two kill -9 tests, whose timing windows a busy neighbour can miss, run
    // alone afterwards. e2e keeps Vitest's default (one file at a time on 2 cores): each drives a browser.
    projects: [
      // Unit and integration files share their worker process, and the modules it has imported, with
      // the files before them: package.json runs these two projects with --no-isolate (Vitest 3 takes
      // `isolate` from the command line or the root config, not from a project's), so the worker's
      // start and the imports of Vitest and of server/ are paid once per worker, not once per file
      // (unit 45 s -> 18 s, integration 401 s -> 359 s on 2 cores). The price: a file must leave the
      // process as it found it (listeners removed, msw closed, env restored, no module state it
      // changed left behind), which these files do; runs with --sequence.shuffle.files check that no
      // file leans on another's leftovers. Setup files still run before every file.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], setupFiles: ['tests/unit/setup-no-io.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 600_000 } },
    ],
  },
});
