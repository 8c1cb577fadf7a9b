// End-to-end tests: the built till (`vite build`, see the test:e2e script) served by the real
// server, in the Chromium test-support/chromium.ts finds (CHROMIUM_PATH, the system's, Playwright's).
// One worker: the machine has two cores shared with the server under test and other test runs.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './test-support/chromium.ts';

const executablePath = findChromium();

/** Per test; a cold start builds the database and pulls the demo catalog. */
const TEST_TIMEOUT_MS = 60_000;
const EXPECT_TIMEOUT_MS = 10_000;

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: TEST_TIMEOUT_MS,
  expect: { timeout: EXPECT_TIMEOUT_MS },
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: { ...(executablePath === undefined ? {} : { executablePath }), args: [...CHROMIUM_ARGS] },
  },
});
