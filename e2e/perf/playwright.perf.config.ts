import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

/**
 * Performance measurements of the UI (not part of `npm test`: they report numbers, they assert no timing).
 * Run: FERRY_CHROMIUM=/usr/bin/chromium node node_modules/@playwright/test/cli.js test --config e2e/perf/playwright.perf.config.ts
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.spec.ts',
  testIgnore: [],
  timeout: 300_000,
  outputDir: '../../test-results/perf',
  use: { ...base.use, screenshot: 'off', trace: 'off' },
});
