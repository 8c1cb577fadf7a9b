// The installable shell, end to end against the real hub: the till cold-starts from the precache with the hub
// stopped, a new version waits while a sale is open, a Background Sync event makes the till push, the manifest
// passes Chromium's installability checks, and the "export unsynced sales" file re-imports without duplicates.
import { openShiftForSelling } from './support/shift.ts';
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { test as base, expect, type TestServer } from './fixtures.ts';
import { startTestServer } from '../server/src/testing/test-server.ts';
import { launchPersistent } from './support/browser.ts';
import { openTill } from './support/till-page.ts';
import { strictContract } from '@ezo/contract/contract';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import type { Sale } from '@ezo/contract/sale';

/** The first sync pulls the demo catalog; installing the service worker precaches ~4 MB. */
const READY_TIMEOUT_MS = 30_000;
/** How long a sale open must hold back a waiting update in the test before the cart is cleared. */
const HOLD_CHECK_MS = 1_500;
/** A woken quiet till contacts the hub at once; its own timers would not for a minute (the page) or 15 (the worker). */
const QUIET_WAKE_TIMEOUT_MS = 5_000;

// ---- UI steps (the app's screens, by role and name; adjust here when the UI changes) ----------------

function productTiles(page: Page) {
  return page.getByRole('region', { name: 'Products' }).getByRole('listitem').getByRole('button');
}

async function waitForCatalog(page: Page): Promise<void> {
  await expect(productTiles(page).first()).toBeVisible({ timeout: READY_TIMEOUT_MS });
}

async function addFirstProduct(page: Page): Promise<void> {
  await productTiles(page).first().click();
  await expect(page.getByRole('list', { name: 'Sale lines' }).getByRole('listitem')).toHaveCount(1);
}

async function clearCart(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Current sale' }).getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByRole('list', { name: 'Sale lines' }).getByRole('listitem')).toHaveCount(0);
}

/** Adds the first product and pays it in exact cash; resolves with the receipt number. */
async function sellOneItem(page: Page): Promise<string> {
  await addFirstProduct(page);
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('button', { name: /^Exact / }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  const receipt = page.getByRole('article', { name: /^Receipt / });
  await expect(receipt).toBeVisible();
  const label = (await receipt.getAttribute('aria-label')) ?? '';
  await page.getByRole('button', { name: 'New sale' }).click();
  return label.replace(/^Receipt /, '');
}

async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name }).click();
}

function syncBar(page: Page) {
  return page.getByRole('region', { name: 'Sync status' });
}

// ---- service worker and hub helpers ---------------------------------------------------------------

async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: READY_TIMEOUT_MS });
}

/** The CDP id of the page's service worker registration (ServiceWorker.dispatchSyncEvent needs it). */
async function serviceWorkerRegistrationId(cdp: CDPSession, scopeUrl: string): Promise<string> {
  const found = new Promise<string>((resolveId) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const match = registrations.find((r) => r.scopeURL === scopeUrl && !r.isDeleted);
      if (match !== undefined) resolveId(match.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

async function hubSales(hub: TestServer): Promise<Sale[]> {
  const res = await hub.admin<{ sales: Sale[] }>('GET', `/api/v1/admin/sales?terminal_id=${hub.terminal.id}`);
  expect(res.status).toBe(200);
  return res.body.sales;
}

/** The back office imports a till's export file (POST /api/v1/admin/terminals/:terminal_id/import). */
async function postUpstream(hub: TestServer, body: string): Promise<UpstreamResponse> {
  const res = await fetch(`${hub.url}/api/v1/admin/terminals/${hub.terminal.id}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'application/json' },
    body,
  });
  expect(res.status).toBe(200);
  return strictContract.upstream.response.parse(await res.json());
}

// ---- fixtures --------------------------------------------------------------------------------------
// A hub takes 10-20 s to start (PGlite, seeding), so the tests share one per worker, serving a copy of dist/ (the
// update test rewrites sw.js in it). The cold-start test stops its hub, so it gets one of its own.

async function copyOfDist(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ezo-pwa-dist-'));
  await cp(resolve('dist'), dir, { recursive: true });
  return dir;
}

async function startHub(staticDir: string): Promise<TestServer> {
  return startTestServer({ staticDir, demo: true, seedCatalog: true });
}

const test = base.extend<{ hub: TestServer }, { sharedDir: string; sharedHub: TestServer }>({
  sharedDir: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = await copyOfDist();
      try {
        await use(dir);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  sharedHub: [
    async ({ sharedDir }, use) => {
      const hub = await startHub(sharedDir);
      try {
        await use(hub);
      } finally {
        await hub.stop();
      }
    },
    { scope: 'worker' },
  ],
  hub: async ({ sharedHub }, use) => use(sharedHub),
  context: async ({ hub }, use) => {
    const browser = await launchPersistent(hub.url);
    try {
      await use(browser.context);
    } finally {
      await browser.close();
    }
  },
});

const testWithOwnHub = test.extend<{ ownDir: string }>({
  // eslint-disable-next-line no-empty-pattern
  ownDir: async ({}, use) => {
    const dir = await copyOfDist();
    try {
      await use(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  hub: async ({ ownDir }, use) => {
    const hub = await startHub(ownDir);
    try {
      await use(hub);
    } finally {
      await hub.stop();
    }
  },
});

/** The till open, paired by the demo hub, its catalog pulled and the service worker in control. */
async function readyTill(page: Page): Promise<Page> {
  await openTill(page);
  await openShiftForSelling(page);
  await waitForCatalog(page);
  await waitForServiceWorkerControl(page);
  return page;
}

test('the till is installable, its index.html has no inline script and the hub\'s CSP breaks nothing', async ({ context, page, hub }) => {
  const html = await readFile(resolve('dist', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc=/);
    expect(body?.trim()).toBe('');
  }
  expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">');
  // Both SQLite wasm builds are precached (the asyncify one is over workbox's default 2 MiB size limit).
  const sw = await readFile(resolve('dist', 'sw.js'), 'utf8');
  expect(sw.match(/"url":"assets\/[^"]+\.wasm"/g)).toHaveLength(2);
  // The build's precompressed copies are for the hub to send in place of a file, never precached themselves.
  expect(sw).not.toMatch(/"url":"[^"]+\.(br|gz)"/);
  // Both wasm builds reach the browser as their brotli copies (the page's and the service worker's requests).
  const wasmEncodings: string[] = [];
  context.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasmEncodings.push(r.headers()['content-encoding'] ?? 'none');
  });

  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await readyTill(page);
  expect(violations).toEqual([]);
  expect(wasmEncodings.length).toBeGreaterThanOrEqual(2);
  expect(new Set(wasmEncodings)).toEqual(new Set(['br']));
  // The worker's scope is the app and nothing wider.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
  expect(scope).toBe(`${hub.url}/`);

  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
});

testWithOwnHub('with the hub stopped, a new page cold-starts the till from the precache with its data', async ({ context, page, hub }) => {
  await readyTill(page);
  const storeName = (await page.locator('.store-name').textContent()) ?? '';
  const firstProduct = (await productTiles(page).first().textContent()) ?? '';
  const receipt = await sellOneItem(page);
  await expect(syncBar(page)).not.toContainText('pending');

  await hub.stop();
  await page.close();
  const again = await openTill(await context.newPage());
  await expect(again.getByText(storeName)).toBeVisible();
  await expect(productTiles(again).first()).toHaveText(firstProduct);
  await openScreen(again, 'History');
  await expect(again.getByText(receipt)).toBeVisible();
});

test('a new version waits while a sale is open and applies once the cart is empty', async ({ page, sharedDir }) => {
  await readyTill(page);
  await addFirstProduct(page);

  // A new build: the same precache, one more line in sw.js. The hub serves sw.js with no-cache, so the browser's
  // update check sees it (the tab would otherwise check on its next navigation or within the hour).
  const swPath = join(sharedDir, 'sw.js');
  const original = await readFile(swPath, 'utf8');
  await appendFile(swPath, `\n// next build ${Date.now()}\n`);
  try {
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });

    const banner = page.getByRole('status').filter({ hasText: 'Update available' });
    await expect(banner).toContainText('when this sale is finished', { timeout: READY_TIMEOUT_MS });
    await expect(banner.getByRole('button', { name: 'Update now' })).toHaveCount(0);
    // Held back: the page does not reload under the open sale, and the new version keeps waiting.
    await page.waitForTimeout(HOLD_CHECK_MS);
    await expect(page.getByRole('list', { name: 'Sale lines' }).getByRole('listitem')).toHaveCount(1);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

    await clearCart(page);
    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Update now' }).click();
    await reloaded;
    await openTill(page);
    await waitForServiceWorkerControl(page);
    const after = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { waiting: reg?.waiting ?? null, active: reg?.active?.state };
    });
    expect(after).toEqual({ waiting: null, active: 'activated' });
    await expect(page.getByText('Update available')).toHaveCount(0);
  } finally {
    await writeFile(swPath, original);
  }
});

test('a Background Sync event makes the open till push its queue', async ({ context, page, hub }) => {
  await readyTill(page);
  const cdp = await context.newCDPSession(page);
  const registrationId = await serviceWorkerRegistrationId(cdp, `${hub.url}/`);
  const dispatchSync = () => cdp.send('ServiceWorker.dispatchSyncEvent', { origin: hub.url, registrationId, tag: 'ezo-push', lastChance: false });
  // Counts the service worker's wake-up messages in the page (installed before any sync event is dispatched).
  await page.evaluate(() => {
    const w = window as unknown as { ezoWakes: number };
    w.ezoWakes = 0;
    navigator.serviceWorker.addEventListener('message', (e: MessageEvent<{ type?: string } | null>) => {
      if (e.data?.type === 'ezo-sync') w.ezoWakes += 1;
    });
  });
  const wakes = () => page.evaluate(() => (window as unknown as { ezoWakes: number }).ezoWakes);

  // A sale queued offline: the page asks for a wake-up where the browser supports Background Sync.
  await context.setOffline(true);
  const receipt = await sellOneItem(page);
  await expect(syncBar(page)).toContainText('1 pending');
  const tags = await page.evaluate(async () => {
    const reg = (await navigator.serviceWorker.getRegistration()) as ServiceWorkerRegistration & { sync?: { getTags(): Promise<string[]> } };
    return reg.sync === undefined ? null : reg.sync.getTags();
  });
  expect(tags).toContain('ezo-push');

  // Connectivity returns and the browser fires the sync: the page hears the wake-up and the hub gets the sale.
  // (The `online` event pushes too; the quiet check below shows the wake-up alone makes the till sync.)
  await context.setOffline(false);
  await dispatchSync();
  // At least once: the browser may also fire the tag registered offline by itself.
  await expect.poll(wakes).toBeGreaterThanOrEqual(1);
  await expect.poll(async () => (await hubSales(hub)).map((s) => s.receipt_number), { timeout: READY_TIMEOUT_MS }).toContain(receipt);
  await expect(syncBar(page)).not.toContainText('pending');

  // Quiet till (everything synced, no timer due for a minute): a sync event alone makes it contact the hub.
  await expect(syncBar(page)).toContainText('All synced');
  const requests: string[] = [];
  page.context().on('request', (r) => {
    if (r.url().includes('/api/v1/sync/')) requests.push(r.url());
  });
  const before = await wakes();
  await dispatchSync();
  await expect.poll(wakes).toBeGreaterThan(before);
  await expect.poll(() => requests.length, { timeout: QUIET_WAKE_TIMEOUT_MS }).toBeGreaterThan(0);
});

test('the export of unsynced sales re-imports through the upstream endpoint without duplicates', async ({ context, page, hub }) => {
  await readyTill(page);
  await context.setOffline(true);
  const receipt = await sellOneItem(page);
  await expect(syncBar(page)).toContainText('1 pending');
  // A fresh headless profile is not persistent, but a sale unsynced for a moment is no alarm: the bar shows
  // the count; the alarm comes only after UNSYNCED_ALARM_AFTER_MS (storage-safety.test.ts) or a full quota.
  await expect(page.locator('.sync-alarm')).toHaveCount(0);

  await openScreen(page, 'Settings');
  const panel = page.getByRole('region', { name: 'Storage on this device' });
  await expect(panel.getByTestId('storage-usage')).toContainText(/\d/);
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export unsynced sales' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ezo-unsynced-.*\.json$/);
  const text = await readFile(await file.path(), 'utf8');
  const batch = strictContract.upstream.batch.parse(JSON.parse(text));
  expect(batch.changes.sales.map((s) => s.receipt_number)).toEqual([receipt]);
  const uuid = batch.changes.sales[0]?.uuid;

  // Staff carry the file to the hub while the till is still offline: applied once.
  const imported = await postUpstream(hub, text);
  expect(imported.results).toEqual([expect.objectContaining({ uuid, entity: 'sale', status: 'applied' })]);

  // The till comes back and pushes the same sale: the hub answers duplicate and keeps one copy.
  await context.setOffline(false);
  await expect(syncBar(page)).not.toContainText('pending', { timeout: READY_TIMEOUT_MS });
  await expect(syncBar(page)).not.toContainText('failed');
  const again = await postUpstream(hub, text);
  expect(again.results).toEqual([expect.objectContaining({ uuid, status: 'duplicate' })]);
  expect((await hubSales(hub)).filter((s) => s.uuid === uuid)).toHaveLength(1);
});
