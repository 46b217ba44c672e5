import { defineConfig } from '@playwright/test';
import { findChromium, launchOptionsFor } from './server/rehearse/browser/find-chromium.ts';

// Debian's Chromium (or UNDERSTUDY_CHROMIUM) through executablePath; Playwright's own where installed.
const browser = await findChromium();

export default defineConfig({
  testDir: './tests',
  testMatch: ['e2e/**/*.spec.ts'],
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: launchOptionsFor(browser),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
