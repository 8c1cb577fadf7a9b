// The back office's store screens against the real hub (issue 19): an owner pairs a till with the code
// the Devices screen shows (the till page redeems it), then revokes it there (the till says so); a
// manager of store A sees only store A (store B's lists answer 404); two customers are merged with a
// confirmation. axe: no serious violations on the screens.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { AdminCustomer } from '@ezo/contract/admin-lists';
import type { AdminStore } from '@ezo/contract/admin';
import type { RolePermissions, StaffRecord } from '@ezo/contract/staff';
import { DEMO_STORE_SETTINGS } from '../server/src/seed/demo-seed.ts';
import { expect, test, type TestServer } from './fixtures.ts';
import { seriousViolations } from './support/axe.ts';
import { expectTillReady } from './support/till-page.ts';

// A hub that pairs nobody by itself: the till pairs with the back office's code.
test.use({ serverOptions: { staticDir: fileURLToPath(new URL('../dist', import.meta.url)), demo: false, seedCatalog: true } });

/** The first pull after pairing downloads the whole demo catalog. */
const CATALOG_TIMEOUT_MS = 30_000;
const PASSWORD = 'correct horse battery';

async function createSignIn(server: TestServer, email: string, roles: { store_id: string; role: 'owner' | 'manager' }[]): Promise<StaffRecord> {
  const res = await server.admin<StaffRecord>('POST', '/api/v1/admin/staff', { display_name: email.split('@')[0], email, password: PASSWORD, roles });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function signInBackOffice(page: Page, email: string): Promise<void> {
  await page.goto('/backoffice/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as')).toBeVisible();
}

/** The empty status line takes no room (it stays in the page as a live region). */
async function expectEmptyNoticesHidden(page: Page): Promise<void> {
  const heights = await page.evaluate(() => [...document.querySelectorAll('.bo-notice')].filter((n) => n.textContent === '').map((n) => n.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(0);
  expect(heights.every((height) => height === 0)).toBe(true);
}

test('pairs a till with the code from the Devices screen and revokes it there; the till says so', async ({ page, context, server }) => {
  await createSignIn(server, 'owner.e2e@example.com', [{ store_id: server.store.id, role: 'owner' }]);
  const office = await context.newPage();
  await signInBackOffice(office, 'owner.e2e@example.com');
  await office.getByRole('link', { name: 'Devices' }).click();
  await expect(office.getByRole('heading', { name: 'Devices', level: 1 })).toBeVisible();
  await expect(office.getByRole('table', { name: 'Every device of this store' })).toBeVisible();
  await expectEmptyNoticesHidden(office);
  const row = office.getByRole('row').filter({ has: office.getByRole('rowheader') }).first();
  await row.getByRole('button', { name: /^Pair a device to / }).click();
  const code = (await office.getByTestId('pairing-code').textContent()) ?? '';
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
  const url = (await office.getByTestId('pairing-url').getAttribute('href')) ?? '';
  expect(url).toContain(`pair=${code}`);
  await expect(office.getByRole('img', { name: 'QR code of the pairing address' })).toBeVisible();
  expect(await seriousViolations(office), 'axe on Devices with a pairing code').toEqual([]);

  // The till redeems the code from the screen (the link the QR code holds).
  await page.goto(`/?pair=${code.replace('-', '')}`);
  await expectTillReady(page);
  await office.getByRole('button', { name: 'Done' }).click();
  await expect(row.getByRole('button', { name: /^Revoke the device of / })).toBeVisible();
  await expect(row).toContainText(/\d/); // last seen and app version of the new device

  await row.getByRole('button', { name: /^Revoke the device of / }).click();
  const dialog = office.getByRole('dialog', { name: 'Revoke this device?' });
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(office), 'axe on the revoke confirmation').toEqual([]);
  await dialog.getByRole('button', { name: 'Revoke device' }).click();
  await expect(office.getByRole('status').filter({ hasText: 'was revoked' })).toBeVisible();
  await expect(office.getByRole('table', { name: 'Every device of this store' })).toContainText('Revoked');

  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('region', { name: 'Sync status' })).toContainText('Till removed from the store', { timeout: CATALOG_TIMEOUT_MS });
});

test("a manager of store A sees store A's stock and customers, never store B's", async ({ context, server }) => {
  const storeB = await server.createStore('Filiale B');
  await createSignIn(server, 'manager.a@example.com', [{ store_id: server.store.id, role: 'manager' }]);
  const bob = await server.admin<AdminCustomer>('POST', '/api/v1/admin/customers', { name: 'Bob Filiale-B', store_id: storeB.id });
  expect(bob.status).toBe(201);
  const office = await context.newPage();
  await signInBackOffice(office, 'manager.a@example.com');
  await expect(office.getByRole('link', { name: 'Devices' })).toHaveCount(0); // no manage_devices by default

  await office.getByRole('link', { name: 'Stock' }).click();
  const picker = office.getByLabel('Store', { exact: true });
  await expect(picker.locator('option')).toHaveCount(1);
  await expect(office.getByRole('table', { name: 'Stock on hand' }).getByRole('row')).not.toHaveCount(1);
  expect(await seriousViolations(office), 'axe on Stock').toEqual([]);

  await office.getByRole('link', { name: 'Customers' }).click();
  await office.getByLabel('Search name, e-mail or phone').fill('Bob');
  await expect(office.getByRole('table', { name: 'Customers' })).toContainText('Nothing found.');
  // Asked directly, store B's lists answer as a store that does not exist.
  for (const path of [`/api/v1/admin/stores/${storeB.id}/stock`, `/api/v1/admin/stores/${storeB.id}/stock-adjustments`, `/api/v1/admin/customers/${bob.body.uuid}`]) {
    expect((await office.request.get(`${server.url}${path}`)).status(), path).toBe(404);
  }
});

test("a manager edits their store's receipt footer; without manage_store_settings the form is read-only with a note", async ({ context, server }) => {
  await createSignIn(server, 'manager.settings@example.com', [{ store_id: server.store.id, role: 'manager' }]);
  const before = await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${server.store.id}`);
  const roles = await server.admin<{ roles: RolePermissions[] }>('GET', '/api/v1/admin/roles');
  const managerPermissions = roles.body.roles.find((r) => r.role === 'manager')?.permissions ?? [];
  const settingsOf = (s: AdminStore) => Object.fromEntries(Object.keys(DEMO_STORE_SETTINGS).map((k) => [k, s[k as keyof AdminStore]]));
  const office = await context.newPage();
  try {
    await signInBackOffice(office, 'manager.settings@example.com');
    await office.getByRole('link', { name: 'Stores' }).click();
    const form = office.getByRole('form', { name: 'Store settings' });
    await form.getByLabel('Receipt footer').fill('Thanks from your store manager');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(office.getByRole('status').filter({ hasText: 'saved' })).toBeVisible();
    const after = await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${server.store.id}`);
    expect(after.body.receipt_footer).toBe('Thanks from your store manager');

    // The owner takes the permission from managers: the form stays visible, read-only, with a note.
    const put = await server.admin('PUT', '/api/v1/admin/roles', { roles: [{ role: 'manager', permissions: managerPermissions.filter((p) => p !== 'manage_store_settings') }] });
    expect(put.status).toBe(200);
    await office.reload();
    await expect(office.getByTestId('stores-read-only')).toContainText('cannot change them');
    await expect(form.getByLabel('Receipt footer')).toBeDisabled();
    await expect(form.getByRole('button', { name: 'Save' })).toHaveCount(0);
    expect(await seriousViolations(office), 'axe on read-only Stores').toEqual([]);
  } finally {
    await server.admin('PUT', '/api/v1/admin/roles', { roles: [{ role: 'manager', permissions: managerPermissions }] });
    await server.admin('PUT', `/api/v1/admin/stores/${server.store.id}`, settingsOf(before.body));
  }
});

test('merges two customers after a confirmation', async ({ context, server }) => {
  await createSignIn(server, 'owner.merge@example.com', [{ store_id: server.store.id, role: 'owner' }]);
  const keep = await server.admin<AdminCustomer>('POST', '/api/v1/admin/customers', { name: 'Quirin Zwilling', store_id: server.store.id, phone: '0171 555' });
  const dup = await server.admin<AdminCustomer>('POST', '/api/v1/admin/customers', { name: 'Quirin Zwiling', store_id: server.store.id, email: 'greta@example.com' });
  expect([keep.status, dup.status]).toEqual([201, 201]);
  const office = await context.newPage();
  await signInBackOffice(office, 'owner.merge@example.com');
  await office.getByRole('link', { name: 'Customers' }).click();
  await office.getByLabel('Search name, e-mail or phone').fill('zwil');
  const table = office.getByRole('table', { name: 'Customers' });
  await expect(table.getByRole('row')).toHaveCount(3);
  expect(await seriousViolations(office), 'axe on Customers').toEqual([]);

  await office.getByRole('button', { name: 'Merge Quirin Zwiling into another customer' }).click();
  await office.getByLabel('Find the customer to keep').fill('Zwil');
  await office.getByRole('radio', { name: /Quirin Zwilling/ }).check();
  await office.getByRole('button', { name: 'Merge', exact: true }).click();
  const dialog = office.getByRole('dialog', { name: 'Merge these customers?' });
  await expect(dialog).toContainText('Quirin Zwiling will be merged into Quirin Zwilling');
  await dialog.getByRole('button', { name: 'Merge now' }).click();
  await expect(office.getByRole('status').filter({ hasText: 'Merged into Quirin Zwilling.' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('greta@example.com'); // the survivor took the duplicate's e-mail
});
