// Shared Playwright fixtures: the real server (PGlite, demo data) serving the built till on a free
// port, a persistent Chromium profile per test (so OPFS behaves as on a device), and a page that
// has opened the till, owns its database and shows the paired shell. Every e2e spec imports `test`
// and `expect` from here; a spec that needs another server calls test.use({ serverOptions }).
import { fileURLToPath } from 'node:url';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { startTestServer, type TestServer, type TestServerOptions } from '../server/src/testing/test-server.ts';
import { launchPersistent } from './support/browser.ts';
import { openTill } from './support/till-page.ts';
import { openShiftForSelling } from './support/shift.ts';

export type { TestServer };

/** The built till (`vite build` runs first in the test:e2e script); the server wants an absolute path. */
const BUILT_TILL = fileURLToPath(new URL('../dist', import.meta.url));

interface TestFixtures {
  /** The browser's language for this test (test.use({ browserLocale: 'de-DE' })); default: Chromium's en-US. */
  browserLocale: string | undefined;
  /** A persistent-profile context of this test's own (replaces Playwright's throwaway context). */
  context: BrowserContext;
  /** The context's first page. */
  page: Page;
  /** Whether tillPage opens a shift (float 0) so the test can sell; default true. */
  shiftOpen: boolean;
  /** `page` with the till open, owning the database, paired (demo pairing) and showing its screens. */
  tillPage: Page;
}

interface WorkerFixtures {
  /** How the worker's server is started; default: the built till, demo pairing, the demo catalog. */
  serverOptions: TestServerOptions;
  /** One server per Playwright worker. */
  server: TestServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  serverOptions: [{ staticDir: BUILT_TILL, demo: true, seedCatalog: true }, { scope: 'worker', option: true }],
  server: [
    async ({ serverOptions }, use) => {
      const server = await startTestServer(serverOptions);
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    { scope: 'worker' },
  ],
  browserLocale: [undefined, { option: true }],
  context: async ({ server, browserLocale }, use) => {
    const browser = await launchPersistent(server.url, browserLocale === undefined ? {} : { locale: browserLocale });
    try {
      await use(browser.context);
    } finally {
      await browser.close();
    }
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  shiftOpen: [true, { option: true }],
  tillPage: async ({ page, shiftOpen }, use) => {
    await openTill(page);
    if (shiftOpen) await openShiftForSelling(page);
    await use(page);
  },
});

export { expect };
