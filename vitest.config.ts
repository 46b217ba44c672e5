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
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], setupFiles: ['tests/unit/setup-no-io.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 600_000 } },
    ],
  },
});
