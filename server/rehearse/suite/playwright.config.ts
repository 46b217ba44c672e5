/**
 * The rehearsal's Playwright configuration: the generated specs plus the user's own in
 * tests/regression/, against the one sandbox the rehearsal started (UNDERSTUDY_SUITE_URL), observing
 * every phase of the run (UNDERSTUDY_PHASES) side by side: the generated specs declare their tests
 * once per phase (suite/phases.ts), so their workers and browsers serve all phases; your specs too
 * (suite/per-phase.ts: the `test` of tests/regression/fixtures.ts), on one worker of their own.
 * The rehearsal passes --workers, --shard, the output folder and the reporters on the command line.
 * Tracing is off in the runs that observe (recording DOM snapshots of every action cost about a tenth
 * of a rehearsal's time); the failed tests are then run again with tracing on
 * (UNDERSTUDY_TRACE=on, regression-run.ts) and their traces kept for the report.
 */
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, launchOptionsFor } from '../browser/find-chromium.ts';

const browser = await findChromium();
const root = fileURLToPath(new URL('../../../', import.meta.url));

// The user's specs: UNDERSTUDY_USER_SPECS (an absolute path; the command resolves --specs), else tests/regression.
const userSpecs = process.env.UNDERSTUDY_USER_SPECS ? resolve(process.env.UNDERSTUDY_USER_SPECS) : join(root, 'tests/regression');

export default defineConfig({
  projects: [
    // Yours first: on their one worker they then run beside the generated specs instead of after them.
    ...(existsSync(userSpecs) ? [{ name: 'yours', testDir: userSpecs, testMatch: '**/*.spec.ts', workers: 1 }] : []),
    { name: 'generated', testDir: join(root, 'server/rehearse/suite/specs'), testMatch: '**/*.spec.ts' },
  ],
  fullyParallel: true,
  retries: 0,
  timeout: 120_000,
  use: {
    browserName: 'chromium',
    launchOptions: launchOptionsFor(browser),
    baseURL: process.env.UNDERSTUDY_SUITE_URL,
    // The re-run's traces keep DOM snapshots but no screencast: the screencast doubled the browser's CPU time here.
    trace: process.env.UNDERSTUDY_TRACE === 'on' ? { mode: 'on', screenshots: false, snapshots: true, sources: false } : 'off',
    screenshot: 'only-on-failure',
  },
});
