// The back office in Chromium against the real hub serving the build: an owner signs in with e-mail and
// password, creates a product, changes its price (the price history shows both), imports a CSV file with
// one bad row (refused with its line number, nothing applied), fixes it and imports it twice (the second
// time nothing changes), passes axe without serious violations on each screen, and a run of wrong
// passwords is throttled with a clear message.
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../server/src/testing/test-server.ts';
import { seriousViolations } from './support/axe.ts';

const BUILT = fileURLToPath(new URL('../dist', import.meta.url));
const EMAIL = 'olga@example.com';
const PASSWORD = 'a long test password';
const ACCOUNT_FAILURES = 3;

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer({ staticDir: BUILT, accountThrottle: { maxFailures: ACCOUNT_FAILURES, windowSeconds: 300 } });
  const res = await server.admin('POST', '/api/v1/admin/staff', { display_name: 'Olga Owner', email: EMAIL, password: PASSWORD, roles: [{ store_id: server.store.id, role: 'owner' }] });
  expect(res.status).toBe(201);
  expect((await server.admin('POST', '/api/v1/admin/categories', { name: 'Drinks' })).status).toBe(201);
});
test.afterAll(async () => server.stop());

async function signIn(page: Page, password = PASSWORD): Promise<void> {
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(password);
  // Each attempt's answer before the next (a failed one clears the password field when it arrives).
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/backoffice/session') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await answered;
}

async function noSeriousViolations(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${where}`).toEqual([]);
}

const csv = (rows: string[]) => Buffer.from(['sku,name,barcode,category,price,vat_rate', ...rows].join('\n') + '\n', 'utf8');

test('an owner signs in, creates a product, changes its price, and imports a CSV file', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${server.url}/backoffice/`);
  await expect(page.getByRole('heading', { name: 'Sign in to the back office' })).toBeVisible();
  // The back office is not the till: it links no web app manifest, so it never installs as the till.
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(0);
  await noSeriousViolations(page, 'sign-in');
  await signIn(page);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page).toHaveURL(/\/backoffice\/catalog$/);
  await expect(page.getByText('Signed in as Olga Owner')).toBeVisible();
  await noSeriousViolations(page, 'product list');

  // Create a product.
  await page.getByRole('link', { name: 'New product' }).click();
  await page.getByLabel('Name').fill('Flat White');
  await page.getByLabel('SKU').fill('FW-1');
  await page.getByLabel('Category').selectOption({ label: 'Drinks' });
  await page.getByLabel('Price', { exact: true }).fill('3,20');
  await page.getByLabel('VAT rate').fill('19');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Edit product' })).toBeVisible();
  await expect(page.getByLabel('Price', { exact: true })).toHaveValue('3.20');

  // Change its price: the history shows both prices, newest first.
  await page.getByLabel('Price', { exact: true }).fill('3.50');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const history = page.getByRole('table', { name: 'Past prices, newest first' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText('3.50');
  await expect(history.getByRole('row').nth(1)).toContainText('Olga Owner');
  await expect(history.getByRole('row').nth(2)).toContainText('3.20');
  await noSeriousViolations(page, 'product form');

  // The list finds it by a word of its name.
  await page.getByRole('link', { name: 'Back to the list' }).click();
  await page.getByLabel('Search by name, SKU or barcode').fill('flat');
  await expect(page.getByRole('link', { name: 'Edit Flat White' })).toBeVisible();

  // A file with one bad row is refused with its line; nothing is applied.
  await page.getByRole('link', { name: 'Import and export' }).click();
  await page.getByLabel('CSV file').setInputFiles({ name: 'products.csv', mimeType: 'text/csv', buffer: csv(['IMP-1,Espresso,,Drinks,2.10,19', 'IMP-2,Latte,,Drinks,two euros,19']) });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByRole('alert')).toContainText('The file was refused: 1 error. Nothing was changed.');
  const errors = page.getByRole('table', { name: 'Errors by line' });
  await expect(errors.getByRole('row').nth(1)).toContainText('3');
  await expect(errors.getByRole('row').nth(1)).toContainText('price');
  await expect(page.getByRole('button', { name: 'Import' })).toBeDisabled();
  await noSeriousViolations(page, 'import refused');
  const skus = async () => (await server.db.query<{ sku: string }>(`SELECT sku FROM products WHERE sku LIKE 'IMP-%' ORDER BY sku`)).map((r) => r.sku);
  expect(await skus()).toEqual([]);

  // Fixed, it imports; the same file again changes nothing.
  const fixed = csv(['IMP-1,Espresso,,Drinks,2.10,19', 'IMP-2,Latte,,Drinks,2.90,19']);
  for (const [round, expected] of [
    [1, 'Imported: 2 new, 0 changed, 0 unchanged.'],
    [2, 'Imported: 0 new, 0 changed, 2 unchanged.'],
  ] as const) {
    await page.getByLabel('CSV file').setInputFiles({ name: `products-${round}.csv`, mimeType: 'text/csv', buffer: fixed });
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(page.locator('[data-import-result="ready"]')).toBeVisible();
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.locator('[data-import-result="applied"]')).toHaveText(expected);
  }
  expect(await skus()).toEqual(['IMP-1', 'IMP-2']);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to the back office' })).toBeVisible();
});

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('prices show and edit with a decimal comma', async ({ page }) => {
    const created = await server.admin<{ uuid: string }>('POST', '/api/v1/admin/products', { sku: 'DE-1', name: 'Brezel', price: 179, tax_rate_bp: 700, tax_included: true });
    expect(created.status).toBe(201);
    await page.goto(`${server.url}/backoffice/`);
    await page.getByLabel('E-Mail').fill(EMAIL);
    await page.getByLabel('Passwort').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByLabel('Nach Name, SKU oder Barcode suchen').fill('Brezel');
    const row = page.getByRole('row').filter({ hasText: 'DE-1' });
    await expect(row).toContainText('1,79');
    await expect(row).not.toContainText('1.79');

    await page.getByRole('link', { name: 'Brezel bearbeiten' }).click();
    await expect(page.getByLabel('Preis', { exact: true })).toHaveValue('1,79');
    await page.getByLabel('Preis', { exact: true }).fill('1,89');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
    await expect(page.getByLabel('Preis', { exact: true })).toHaveValue('1,89');
    const history = page.getByRole('table', { name: 'Frühere Preise, neueste zuerst' });
    await expect(history.getByRole('row').nth(1)).toContainText('1,89');
    await expect(history.getByRole('row').nth(2)).toContainText('1,79');
    const stored = await server.db.query<{ price: number | string }>(`SELECT price FROM products WHERE sku = 'DE-1'`);
    expect(Number(stored[0]?.price)).toBe(189);
  });
});

test('wrong passwords are throttled per account with a clear message', async ({ page }) => {
  await page.goto(`${server.url}/backoffice/`);
  for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) {
    await signIn(page, `wrong password ${i}`);
    await expect(page.getByRole('alert')).toHaveText('Wrong e-mail or password.');
  }
  await signIn(page, 'wrong password again');
  await expect(page.getByRole('alert')).toContainText('Too many attempts. Please wait');
  // The right password is refused too while the account is throttled.
  await signIn(page);
  await expect(page.getByRole('alert')).toContainText('Too many attempts. Please wait');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
});
