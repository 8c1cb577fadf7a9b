// First run of a till the hub has not paired: the setup form shows the hub's refusal of a wrong
// token, pairs with the right one, and the till then sells to a customer from the synced list.
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.ts';
import { expectTillState } from './support/till-page.ts';
import type { Sale } from '@ezo/contract/sale';
import { hashToken, newToken } from '../server/src/auth/tokens.ts';

// A hub that does not pair anybody by itself (no demo pairing), with the demo catalog.
test.use({ serverOptions: { staticDir: fileURLToPath(new URL('../dist', import.meta.url)), demo: false, seedCatalog: true } });

/** The first pull after pairing downloads the whole demo catalog. */
const CATALOG_TIMEOUT_MS = 30_000;

test('pairs from the setup form, then sells to a customer', async ({ page, server }) => {
  await page.goto('/');
  await expectTillState(page, 'owner');
  await expect(page.getByRole('heading', { name: 'Set up this till' })).toBeVisible();
  await expect(page.getByLabel('Server URL')).toHaveValue(server.url);
  await page.screenshot({ path: 'test-results/screenshots/setup.png' });

  await page.getByLabel('Terminal token').fill('not-the-token');
  await page.getByRole('button', { name: 'Pair till' }).click();
  await expect(page.getByRole('alert')).toContainText('Could not pair this till');

  await page.getByLabel('Terminal token').fill(server.terminal.token);
  await page.getByRole('button', { name: 'Pair till' }).click();
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });

  await page.locator('.product-tile').first().click();
  await page.getByRole('button', { name: '+ Customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Customer' });
  const [customer] = await server.db.query<{ name: string }>('SELECT name FROM customers ORDER BY name LIMIT 1');
  const name = customer?.name ?? '';
  await expect(dialog.getByLabel('Search customers')).toBeFocused();
  await page.keyboard.type(name.slice(0, 3));
  await dialog.locator('.pick-item').filter({ hasText: name }).first().click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Current sale' })).toContainText(`Customer: ${name}`);

  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('button', { name: /^Exact / }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  // The receipt is printed in the store's language (de-DE).
  await expect(page.locator('article.receipt')).toContainText(`Kunde: ${name}`);

  await expect(page.getByRole('region', { name: 'Sync status' })).toContainText('All synced', { timeout: CATALOG_TIMEOUT_MS });
  const res = await server.admin<{ sales: Sale[] }>('GET', `/api/v1/admin/sales?terminal_id=${server.terminal.id}`);
  expect(res.body.sales).toHaveLength(1);
  expect(res.body.sales[0]?.customer_uuid).not.toBeNull();
});

test('a token the hub stops accepting: the till says "not authorised", keeps the sale, and pairing again in Settings sends it', async ({ page, server }) => {
  const salesPath = `/api/v1/admin/sales?terminal_id=${server.terminal.id}`;
  const before = (await server.admin<{ sales: Sale[] }>('GET', salesPath)).body.sales.length;
  await page.goto('/');
  await expectTillState(page, 'owner');
  await page.getByLabel('Terminal token').fill(server.terminal.token);
  await page.getByRole('button', { name: 'Pair till' }).click();
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });

  // The back office replaces the terminal's token: the old one now gets 401.
  const replacement = newToken();
  await server.db.query('UPDATE terminals SET token_hash = $1 WHERE id = $2', [hashToken(replacement), server.terminal.id]);

  await page.locator('.product-tile').first().click();
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('button', { name: /^Exact / }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.locator('article.receipt')).toBeVisible();
  const status = page.getByRole('region', { name: 'Sync status' });
  await expect(status).toContainText('Terminal not authorised', { timeout: CATALOG_TIMEOUT_MS });
  await expect(status).toContainText('1 pending');

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Pair again…' }).click();
  await expect(page.getByLabel('Server URL')).toHaveValue(server.url);
  await page.getByLabel('Terminal token').fill(replacement);
  await page.getByRole('button', { name: 'Pair till' }).click();
  await expect(page.getByRole('button', { name: 'Pair again…' })).toBeVisible();

  await expect(status).toContainText('All synced', { timeout: CATALOG_TIMEOUT_MS });
  expect((await server.admin<{ sales: Sale[] }>('GET', salesPath)).body.sales).toHaveLength(before + 1);
});
