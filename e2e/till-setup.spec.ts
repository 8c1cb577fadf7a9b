// First run of a till the hub has not paired: the setup form pairs with a one-time code (typed, or
// from a ?pair= link), staff sign in with a PIN (offline too), five wrong PINs lock PIN entry, a
// cashier's refund needs a manager's PIN and the hub's sale names both, and a revoked till keeps its
// unsynced sales, says so, and exports them for the back office to import exactly once.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.ts';
import { expectTillReady, expectTillState, signIn, STAFF } from './support/till-page.ts';
import { openShiftForSelling } from './support/shift.ts';
import type { Page } from '@playwright/test';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { strictContract } from '@ezo/contract/contract';

// A hub that does not pair anybody by itself (no demo pairing), with the demo catalog.
test.use({ serverOptions: { staticDir: fileURLToPath(new URL('../dist', import.meta.url)), demo: false, seedCatalog: true } });

/** The first pull after pairing downloads the whole demo catalog. */
const CATALOG_TIMEOUT_MS = 30_000;

interface AdminSale {
  uuid: string;
  receipt_number: string;
  refund_of: string | null;
  staff_id: string | null;
  approved_by: string | null;
  device_id: string | null;
}

function syncBar(page: Page) {
  return page.getByRole('region', { name: 'Sync status' });
}

async function sellFirstProduct(page: Page): Promise<string> {
  await page.locator('.product-tile').first().click();
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('button', { name: /^Exact / }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  const receipt = page.getByRole('article', { name: /^Receipt / });
  await expect(receipt).toBeVisible();
  const label = (await receipt.getAttribute('aria-label')) ?? '';
  await page.getByRole('button', { name: 'New sale' }).click();
  return label.replace(/^Receipt /, '');
}

test('pairs with a typed code, refuses a wrong one in words, and signs a cashier in with a PIN, offline too', async ({ page, server, context }) => {
  await page.goto('/');
  await expectTillState(page, 'owner');
  await expect(page.getByRole('heading', { name: 'Set up this till' })).toBeVisible();
  await expect(page.getByLabel('Server URL')).toHaveValue(server.url);

  await page.getByLabel('Pairing code').fill('ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Pair till' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Could not pair this till' })).toContainText('wrong, expired or already used');

  // Typed in lower case without the dash: the field shows it grouped, the hub takes it.
  const code = await server.pairingCode();
  await page.getByLabel('Pairing code').fill(code.replace('-', '').toLowerCase());
  await expect(page.getByLabel('Pairing code')).toHaveValue(`${code.replace('-', '').slice(0, 4)}-${code.replace('-', '').slice(4)}`);
  await page.getByRole('button', { name: 'Pair till' }).click();
  await expect(page.getByRole('heading', { name: 'Who is at the till?' })).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
  await signIn(page, STAFF.cashier);
  await expect(page.getByText(`Cashier: ${STAFF.cashier.name}`)).toBeVisible();
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });

  // Offline: a reload starts locked, and the PIN is checked against the pulled hash.
  await context.setOffline(true);
  await page.reload();
  await expectTillState(page, 'owner');
  await expect(page.getByRole('heading', { name: 'Who is at the till?' })).toBeVisible();
  await signIn(page, STAFF.cashier);
  await expect(page.getByText(`Cashier: ${STAFF.cashier.name}`)).toBeVisible();
  // Switching cashier is one tap and a PIN.
  await page.getByRole('button', { name: 'Switch cashier' }).click();
  await signIn(page, STAFF.manager);
  await expect(page.getByText(`Cashier: ${STAFF.manager.name}`)).toBeVisible();
  await context.setOffline(false);

  // The code was used: a second till cannot pair with it (the hub says so; one answer for all).
  const res = await fetch(`${server.url}/api/v1/pairing/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, app_version: 'test' }) });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
});

test('a ?pair= link pairs with no typing and leaves the address; five wrong PINs lock PIN entry, also after a reload', async ({ page, server }) => {
  const code = await server.pairingCode();
  await page.goto(`/?pair=${code}`);
  await expect(page.getByRole('heading', { name: 'Who is at the till?' })).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
  expect(new URL(page.url()).search).toBe('');

  await page.getByRole('button', { name: STAFF.cashier.name, exact: true }).click();
  const pin = page.locator('input.pin-input');
  for (let i = 1; i <= 4; i++) {
    // The keypad works as well as the keyboard: 0 0 0 0.
    for (let d = 0; d < 4; d++) await page.getByRole('group', { name: 'PIN keypad' }).getByRole('button', { name: '0', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong PIN' })).toContainText(`${5 - i} more tr`);
  }
  await pin.fill('9999');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Too many wrong PINs' })).toBeVisible();
  await expect(pin).toBeDisabled();

  await page.reload();
  await expectTillState(page, 'owner');
  await page.getByRole('button', { name: STAFF.cashier.name, exact: true }).click({ timeout: CATALOG_TIMEOUT_MS });
  await expect(page.getByRole('alert').filter({ hasText: 'Too many wrong PINs' })).toBeVisible();
  await expect(page.locator('input.pin-input')).toBeDisabled();
});

test('a cashier refund needs a manager PIN, and the hub records both', async ({ page, server }) => {
  await page.goto(`/?pair=${await server.pairingCode()}`);
  await expectTillReady(page, STAFF.cashier);
  await openShiftForSelling(page); // the cashier opens the shift: no permission needed
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
  const receipt = await sellFirstProduct(page);

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: receipt }).click();
  const sale = page.getByRole('dialog', { name: `Sale ${receipt}` });
  await sale.getByRole('button', { name: 'Refund…' }).click();
  await sale.getByLabel(/^Quantity of .* to refund/).first().fill('1');
  await sale.getByLabel('Card').check();
  await sale.getByRole('button', { name: 'Record refund' }).click();

  const approval = page.getByRole('dialog', { name: 'Manager approval' });
  await expect(approval).toContainText(`${STAFF.cashier.name} may not give refunds`);
  // The only other member with a PIN is chosen already: the dialog asks for their PIN.
  await expect(approval.getByLabel(`PIN for ${STAFF.manager.name}`)).toBeFocused();
  await approval.locator('input.pin-input').fill(STAFF.manager.pin);
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(approval).toHaveCount(0);
  await expect(sale.locator('article.receipt')).toContainText('ERSTATTUNG');
  await expect(sale.locator('article.receipt')).toContainText(STAFF.cashier.name);

  await expect(syncBar(page)).toContainText('All synced', { timeout: CATALOG_TIMEOUT_MS });
  const res = await server.admin<{ sales: AdminSale[] }>('GET', `/api/v1/admin/sales?terminal_id=${server.terminal.id}`);
  const refund = res.body.sales.find((s) => s.refund_of !== null);
  const original = res.body.sales.find((s) => s.receipt_number === receipt);
  expect(original).toMatchObject({ staff_id: server.staff.cashier.id, approved_by: null });
  expect(refund).toMatchObject({ staff_id: server.staff.cashier.id, approved_by: server.staff.manager.id });
});

test('a revoked till keeps its unsynced sales, says so, and its export imports once', async ({ page, server, context }) => {
  await page.goto(`/?pair=${await server.pairingCode()}`);
  await expectTillReady(page);
  await openShiftForSelling(page);
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
  await expect(syncBar(page)).toContainText('All synced', { timeout: CATALOG_TIMEOUT_MS });
  const devices = await server.admin<{ devices: { id: string; status: string; app_version: string | null }[] }>('GET', `/api/v1/admin/devices?store_id=${server.store.id}`);
  const device = devices.body.devices.find((d) => d.status === 'active');
  expect(device?.app_version).not.toBeNull();

  await context.setOffline(true);
  const receipt = await sellFirstProduct(page);
  await expect(syncBar(page)).toContainText('1 pending');
  expect((await server.admin('POST', `/api/v1/admin/devices/${device?.id ?? ''}/revoke`)).status).toBe(200);
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncBar(page)).toContainText('Till removed from the store', { timeout: CATALOG_TIMEOUT_MS });
  await expect(syncBar(page).getByRole('alert')).toContainText('unsynced sales are kept here');
  await expect(syncBar(page)).toContainText('1 pending');

  const download = page.waitForEvent('download');
  await syncBar(page).getByRole('button', { name: 'Export unsynced sales' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  const batch = strictContract.upstream.batch.parse(JSON.parse(text));
  expect(batch.changes.sales.map((s) => s.receipt_number)).toEqual([receipt]);

  const importFile = async () => {
    const res = await fetch(`${server.url}/api/v1/admin/terminals/${server.terminal.id}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: text,
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as UpstreamResponse).results.map((r) => r.status);
  };
  expect(await importFile()).toEqual(['applied']);
  expect(await importFile()).toEqual(['duplicate']);
});
