/**
 * The bench's reference browser run: one trivial one-page test with the rehearsal's browser. The
 * bench hands in the same launch options the rehearsal uses (UNDERSTUDY_BENCH_LAUNCH, JSON), so the
 * reference loads nothing of the project and "rehearse vs three of these" compares like with like.
 */
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  testDir: fileURLToPath(new URL('.', import.meta.url)),
  testMatch: 'one-page.spec.ts',
  workers: 1,
  retries: 0,
  reporter: 'dot',
  use: { browserName: 'chromium', launchOptions: JSON.parse(process.env.UNDERSTUDY_BENCH_LAUNCH ?? '{}') },
});
