// Selling with the network gone, against the real server: two sales (one split card + cash) while
// offline, a reload while still offline (the service worker serves the app, OPFS keeps the sales),
// then the network returns and the hub holds exactly those sales.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { expectTillReady } from './support/till-page.ts';
import type { Sale } from '@ezo/contract/sale';

/** A cold start pulls the whole demo catalog before the grid fills. */
const CATALOG_TIMEOUT_MS = 30_000;
/** Sync after reconnecting: one push of two sales. */
const SYNC_TIMEOUT_MS = 20_000;

async function completeSale(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const label = await page.locator('article.receipt').getAttribute('aria-label');
  const receipt = /^Receipt (\S+)$/.exec(label ?? '')?.[1];
  expect(receipt, `receipt label "${label}"`).toBeDefined();
  await page.getByRole('button', { name: 'New sale' }).click();
  return receipt ?? '';
}

async function serviceWorkerControls(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await expectTillReady(page);
  }
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('sells offline, survives a reload offline, and the hub holds the sales after reconnecting', async ({ context, tillPage: page, server }) => {
  const tiles = page.locator('.product-tile');
  await expect(tiles.first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
  await serviceWorkerControls(page);
  await expect(tiles.first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });

  // The worker's server is shared with other specs (same terminal): only this test's sales count.
  const startedAt = Date.now();
  await context.setOffline(true);

  // Sale 1: one product, exact cash.
  await tiles.nth(0).click();
  const total1 = (await page.getByTestId('cart-total').textContent()) ?? '';
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('button', { name: /^Exact / }).click();
  const receipt1 = await completeSale(page);

  // Sale 2: two of one product, 1.00 by card, the rest in cash with change.
  await tiles.nth(3).click();
  await tiles.nth(3).click();
  await page.getByRole('button', { name: /^Pay / }).click();
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await dialog.getByLabel('Card amount').fill('1');
  await dialog.getByRole('button', { name: 'Card payment' }).click();
  await expect(dialog.getByRole('button', { name: 'Complete sale' })).toBeDisabled();
  await dialog.getByRole('group', { name: 'Quick cash amounts' }).getByRole('button').nth(1).click();
  // English screens in a de-DE store: English number conventions on screen (receipts stay German).
  await expect(dialog.getByTestId('remaining')).toHaveText('€0.00');
  await expect(dialog.getByTestId('change')).not.toHaveText('€0.00');
  const receipt2 = await completeSale(page);
  expect(receipt2).not.toBe(receipt1);

  const bar = page.getByRole('region', { name: 'Sync status' });
  await expect(bar).toContainText('2 pending');
  await expect(bar).not.toContainText('All synced');

  // Reload with no network: the service worker serves the app, OPFS still has both sales.
  await page.reload();
  await expectTillReady(page);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'History' }).click();
  const rows = page.locator('.history-table tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: receipt1 })).toContainText('Waiting to sync');
  await expect(rows.filter({ hasText: receipt1 })).toContainText(total1);
  await expect(page.getByRole('region', { name: 'Sync status' })).toContainText('2 pending');

  // No button pressed: the `online` event makes the till push by itself.
  await context.setOffline(false);
  await expect(page.getByRole('region', { name: 'Sync status' })).toContainText('All synced', { timeout: SYNC_TIMEOUT_MS });

  const res = await server.admin<{ sales: Sale[] }>('GET', `/api/v1/admin/sales?terminal_id=${server.terminal.id}`);
  expect(res.status).toBe(200);
  const mine = res.body.sales.filter((s) => Date.parse(s.created_at) >= startedAt);
  const onHub = mine.map((s) => s.receipt_number).sort();
  expect(onHub).toEqual([receipt1, receipt2].sort());
  const second = mine.find((s) => s.receipt_number === receipt2);
  expect(second?.payments.map((p) => p.method).sort()).toEqual(['card', 'cash']);
  expect(second?.lines[0]?.quantity).toBe(2);
});
