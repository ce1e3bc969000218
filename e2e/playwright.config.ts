import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the real UI in a real Chromium against the real engine, through `bin/ferry serve`.
 * One worker (2 cores, noisy neighbours); no retries (a flaky test is a bug to fix, not to hide).
 * The performance script (e2e/perf) has its own config and is not part of `npm test`.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  testIgnore: ['perf/**'],
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  outputDir: '../test-results/e2e',
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1180, height: 740 },
    screenshot: 'on',
    actionTimeout: 20_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.FERRY_CHROMIUM || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
