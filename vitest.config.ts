import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    // The hostile CLI table still has open rows (issue 17, points 9–13: the fixes are not merged yet);
    // it runs with `npm run test:soak:hostile-cli` until they are.
    exclude: ['tests/integration/hostile/cli.test.ts', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
