// Store settings and open-price items against the real hub, German screens: the store's footer changed
// through the admin API reaches an open till with "Sync now" and is printed on the next receipt with the
// store's legal name and VAT id; "Diverses 7 %" asks for its price (0 is refused), is sold at the typed
// "3,50", and the hub records that price as the line's catalog price (no deviation).
import { test, expect } from './fixtures.ts';
import { ANY, like, t as translate } from './support/language.ts';
import { DEMO_STORE_SETTINGS } from '../server/src/seed/demo-seed.ts';

/** A cold start pulls the whole demo catalog before the grid fills. */
const CATALOG_TIMEOUT_MS = 30_000;
/** A pull or a push after "Sync now". */
const SYNC_TIMEOUT_MS = 20_000;
const FOOTER = 'Schönen Tag noch! (E2E)';

test.describe('store settings and open-price items', () => {
  test.use({ browserLocale: 'de-DE' });
  const t = translate('de');

  test.afterEach(async ({ server }) => {
    await server.admin('PUT', `/api/v1/admin/stores/${server.store.id}`, DEMO_STORE_SETTINGS);
  });

  test("the footer set in the back office is on the next receipt; a Misc 7 % item is sold at the typed price", async ({ tillPage: page, server }) => {
    await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
    const put = await server.admin('PUT', `/api/v1/admin/stores/${server.store.id}`, { ...DEMO_STORE_SETTINGS, receipt_footer: FOOTER });
    expect(put.status).toBe(200);
    await page.getByRole('button', { name: t('sync.syncNow') }).click();
    await expect(page.locator('.notice-info')).toBeVisible({ timeout: SYNC_TIMEOUT_MS });

    const since = new Date().toISOString();
    await page.getByLabel(t('sell.picker.searchLabel')).fill('Diverses 7');
    await page.locator('.product-tile', { hasText: 'Diverses 7 %' }).click();
    const dialog = page.getByRole('dialog', { name: t('sell.openPrice.title', { name: 'Diverses 7 %' }) });
    const price = dialog.getByLabel(t('sell.openPrice.label'));
    await price.fill('0');
    await dialog.getByRole('button', { name: t('sell.openPrice.add') }).click();
    await expect(dialog.getByRole('alert')).toHaveText(t('sell.openPrice.zero'));
    await price.fill('3,50');
    await dialog.getByRole('button', { name: t('sell.openPrice.add') }).click();
    await expect(dialog).toHaveCount(0);
    const lines = page.getByRole('list', { name: t('sell.cart.lines') }).locator('.cart-line');
    await expect(lines).toHaveCount(1);
    await expect(lines.first()).toContainText('Diverses 7 %');

    await page.getByRole('button', { name: like(t('sell.cart.pay', { amount: ANY })) }).click();
    const payment = page.getByRole('dialog', { name: t('payment.title') });
    await payment.getByRole('button', { name: like(t('payment.exact', { amount: ANY })) }).click();
    await payment.getByRole('button', { name: t('payment.complete') }).click();
    await expect(page.getByRole('heading', { name: t('sell.done.title') })).toBeVisible();

    const receipt = page.locator('article.receipt');
    await expect(receipt.locator('.receipt-footer')).toHaveText(FOOTER);
    await expect(receipt.locator('.receipt-store')).toHaveText('Ezo Demo-Laden GmbH');
    await expect(receipt.locator('.receipt-head')).toContainText('Musterstraße 12');
    await expect(receipt.locator('.receipt-head')).toContainText('DE123456789');
    await expect(receipt.locator('[data-figure="total"]')).toHaveText(/3,50\s€/);

    // The hub took the typed price as the catalog price of the line: no deviation.
    await expect
      .poll(
        () =>
          server.db.query<{ unit_price: number; catalog_price: number }>(
            `SELECT l.unit_price::int AS unit_price, l.catalog_price::int AS catalog_price FROM sale_lines l JOIN sales s ON s.uuid = l.sale_uuid
              JOIN products p ON p.uuid = l.product_uuid WHERE p.name = 'Diverses 7 %' AND s.received_at >= $1`,
            [since],
          ),
        { timeout: SYNC_TIMEOUT_MS },
      )
      .toEqual([{ unit_price: 350, catalog_price: 350 }]);
  });
});
