import { defineConfig } from '@playwright/test';

/**
 * e2e tests drive the real UI in the browser mode: e2e/fixtures.ts starts `bin/serve.mjs` once
 * per worker on a free 127.0.0.1 port with temp data folders and hands tests an authenticated
 * page. The browser is Debian's Chromium (Playwright's own browser download is not used).
 */
export const CHROMIUM_PATH = process.env.GEMBA_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two cores shared with the engine thread and the host: more workers only add contention.
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: false,
    serviceWorkers: 'block',
  },
});
