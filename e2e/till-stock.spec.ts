// The stock screen in German against the real hub, and the scanner on every screen where it means
// something: search by barcode (typed or scanned), the low-stock filter, count mode (scan, type the
// counted quantity, see the difference, save it as one adjustment the hub receives with a reason in
// the store's language), and a scan on History (finds the product's sales) and Shift (says where).
import type { Page } from '@playwright/test';
import { test, expect, type TestServer } from './fixtures.ts';
import { ANY, like, t as translate } from './support/language.ts';
import { scan } from './support/scanner.ts';

/** A cold start pulls the whole demo catalog before the grid fills. */
const CATALOG_TIMEOUT_MS = 30_000;
/** The push of one adjustment once it is queued. */
const SYNC_TIMEOUT_MS = 20_000;
/** The demo store's opening stock is 20 to 99 per product: some are at most this. */
const LOW_LEVEL = 25;

const t = translate('de');
test.use({ browserLocale: 'de-DE' });

async function product(server: TestServer, offset: number): Promise<{ name: string; barcode: string; uuid: string }> {
  const rows = await server.db.query<{ name: string; barcode: string; uuid: string }>(
    'SELECT name, barcode, uuid::text AS uuid FROM products WHERE barcode IS NOT NULL ORDER BY name DESC LIMIT 1 OFFSET $1',
    [offset],
  );
  const row = rows[0];
  if (row === undefined) throw new Error('the demo catalog has barcodes');
  return row;
}

async function openStock(page: Page): Promise<void> {
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
  await page.getByRole('navigation').getByRole('button', { name: t('shell.screens.stock') }).click();
  await expect(page.getByRole('heading', { name: t('stock.title') })).toBeVisible();
}

const rows = (page: Page) => page.locator('.stock .data-table tbody tr');
const onHand = async (page: Page) => (await rows(page).locator('td:nth-child(2)').allTextContents()).map(Number);

test('finds a product by barcode, typed or scanned, and lists low stock lowest first', async ({ tillPage: page, server }) => {
  const wanted = await product(server, 0);
  await openStock(page);
  await page.getByLabel(t('stock.search')).fill(wanted.barcode);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(wanted.name);

  // A scan fills the search, wherever the focus is.
  await page.getByLabel(t('stock.search')).fill('');
  await page.getByRole('heading', { name: t('stock.title') }).click();
  const other = await product(server, 5);
  await scan(page, other.barcode);
  await expect(page.getByLabel(t('stock.search'))).toHaveValue(other.barcode);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(other.name);

  await page.getByLabel(t('stock.search')).fill('');
  await page.getByLabel(t('stock.lowOnly')).check();
  await page.getByLabel(t('stock.lowThreshold')).fill(String(LOW_LEVEL));
  await expect(rows(page).first()).toBeVisible();
  await expect.poll(async () => (await onHand(page)).every((n) => n <= LOW_LEVEL)).toBe(true);
  const levels = await onHand(page);
  expect(levels.length).toBeGreaterThan(0);
  expect(levels).toEqual([...levels].sort((a, b) => a - b));
  await page.getByLabel(t('stock.lowThreshold')).fill('-1');
  await expect(page.getByText(t('stock.noneLow', { count: -1 }))).toBeVisible();
});

test('count mode: scan, type what is on the shelf, see the difference, save it for the hub', async ({ tillPage: page, server }) => {
  const first = await product(server, 1);
  const second = await product(server, 2);
  await openStock(page);
  await page.getByRole('radio', { name: t('stock.mode.count') }).click();
  await expect(page.getByText(t('stock.counting.waiting'))).toBeVisible();

  await scan(page, first.barcode);
  const counted = page.getByLabel(t('stock.counting.counted'));
  await expect(counted).toBeFocused();
  const expected = Number(await page.getByTestId('count-expected').textContent());
  await counted.fill(String(expected - 2));
  await expect(page.getByTestId('count-difference')).toHaveText('−2');
  await counted.press('Enter');
  await expect(page.locator('.count-log li').first()).toHaveText(
    t('stock.counting.saved', { name: first.name, counted: String(expected - 2), difference: '−2' }),
  );
  await expect(page.getByText(t('stock.counting.waiting'))).toBeVisible();

  // Counting by scanning each item: the same product again adds one; another product saves the count.
  // Each scan once the previous one has shown (a person scans the next item after seeing the last).
  await scan(page, second.barcode);
  await expect(page.locator('.count-product')).toContainText(second.name);
  const secondExpected = Number(await page.getByTestId('count-expected').textContent());
  await scan(page, second.barcode);
  await expect(counted).toHaveValue('1');
  await scan(page, second.barcode);
  await expect(counted).toHaveValue('2');
  const third = await product(server, 4);
  await scan(page, third.barcode);
  await expect(page.locator('.count-log li').first()).toContainText(`${second.name}: 2`);
  await expect(page.locator('.count-product')).toContainText(third.name);
  await page.getByRole('button', { name: t('stock.counting.skip') }).click();

  // Both adjustments reach the hub, with the reason in the store's language.
  await page.getByRole('button', { name: t('sync.syncNow') }).click();
  await expect
    .poll(async () => server.db.query<{ delta: number; reason: string }>('SELECT delta, reason FROM adjustments WHERE product_uuid = ANY($1::uuid[]) ORDER BY created_at', [[first.uuid, second.uuid]]), {
      timeout: SYNC_TIMEOUT_MS,
    })
    .toEqual([
      { delta: -2, reason: t('stock.reasons.count') },
      { delta: 2 - secondExpected, reason: t('stock.reasons.count') },
    ]);
});

test('a scan finds the product’s sales on History and says where it works on Shift', async ({ tillPage: page, server }) => {
  const wanted = await product(server, 3);
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
  await scan(page, wanted.barcode);
  await page.getByRole('button', { name: like(t('sell.cart.pay', { amount: ANY })) }).click();
  await page.getByRole('button', { name: like(t('payment.exact', { amount: ANY })) }).click();
  await page.getByRole('button', { name: t('payment.complete') }).click();
  await page.getByRole('button', { name: t('sell.done.newSale') }).click();

  await page.getByRole('navigation').getByRole('button', { name: t('shell.screens.history') }).click();
  await expect(page.getByRole('heading', { name: t('history.title') })).toBeVisible();
  await scan(page, wanted.barcode);
  await expect(page.getByLabel(t('history.search'))).toHaveValue(wanted.name);
  await expect(page.locator('.history-table tbody tr')).toHaveCount(1);

  await page.getByRole('navigation').getByRole('button', { name: t('shell.screens.shift') }).click();
  await expect(page.getByRole('heading', { name: t('shift.title'), exact: true })).toBeVisible();
  // The shift is open (the fixture opened it): a scan into the cash-in amount is caught, not typed.
  await page.getByLabel(t('shift.move.amount')).focus();
  await scan(page, wanted.barcode);
  await expect(page.getByRole('alert').filter({ hasText: t('shell.scanNotHere', { code: wanted.barcode }) })).toBeVisible();
  await expect(page.getByLabel(t('shift.move.amount'))).toHaveValue('');
});
