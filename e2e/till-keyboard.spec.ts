// A whole sale from the keyboard and a barcode scanner (a keyboard wedge: fast keys then Enter),
// then a refund from the history and a shift closed with its Z report, against the real server.
import { test, expect, type TestServer } from './fixtures.ts';
import { scan } from './support/scanner.ts';

/** A cold start pulls the whole demo catalog before the grid fills. */
const CATALOG_TIMEOUT_MS = 30_000;
/** Key delay of a person typing. */
const PERSON_KEY_DELAY_MS = 120;

async function product(server: TestServer, offset: number): Promise<{ name: string; barcode: string }> {
  const rows = await server.db.query<{ name: string; barcode: string }>(
    'SELECT name, barcode FROM products WHERE barcode IS NOT NULL ORDER BY name DESC LIMIT 1 OFFSET $1',
    [offset],
  );
  const row = rows[0];
  if (row === undefined) throw new Error('the demo catalog has no barcodes');
  return row;
}

test('a sale from the keyboard and the scanner, then a refund and a Z report', async ({ tillPage: page, server }) => {
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
  const first = await product(server, 0);
  const second = await product(server, 1);
  const lines = page.getByRole('list', { name: 'Sale lines' });

  // Scan with focus nowhere in particular.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await scan(page, first.barcode);
  await expect(lines.locator('.cart-line')).toHaveCount(1);
  await expect(lines.locator('.line-name')).toHaveText(first.name);

  // Scan while the search box has focus: the product is added, the box keeps no digits.
  await page.keyboard.press('F2');
  await expect(page.getByLabel('Search products')).toBeFocused();
  await scan(page, first.barcode);
  await expect(page.getByLabel('Search products')).toHaveValue('');
  await expect(lines.locator('.cart-line')).toHaveCount(1);
  await expect(lines).toContainText('2 ×');

  // Keys at a person's pace are typing, not a scan: they stay in the search box.
  await scan(page, '2000000000008', PERSON_KEY_DELAY_MS / 1000);
  await expect(page.getByLabel('Search products')).toHaveValue('2000000000008');
  await page.getByLabel('Search products').fill('');

  // An unknown code says so.
  await scan(page, '2000000000008');
  await expect(page.getByRole('alert').filter({ hasText: 'Unknown barcode 2000000000008' })).toBeVisible();

  // Search as a person types, Enter adds the first result.
  await page.getByLabel('Search products').pressSequentially(second.name, { delay: PERSON_KEY_DELAY_MS });
  await expect(page.getByRole('region', { name: 'Search results' }).locator('.product-tile').first()).toContainText(second.name);
  await page.keyboard.press('Enter');
  await expect(lines.locator('.cart-line')).toHaveCount(2);
  await expect(page.getByLabel('Search products')).toHaveValue('');

  // + and - work on the selected (last added) line when focus is not in a field.
  await page.getByLabel('Search products').blur();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('-');
  await expect(lines.locator('.cart-line.selected')).toContainText('2 ×');

  // F9 opens payment; typing the cash and Enter takes it; focus moves to Complete; Enter completes.
  await page.keyboard.press('F9');
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await expect(dialog.getByLabel('Cash tendered')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Complete sale' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  await expect(page.getByText('Change due:')).toBeVisible();
  const label = (await page.locator('article.receipt').getAttribute('aria-label')) ?? '';
  const receipt = label.replace(/^Receipt /, '');
  await expect(page.getByRole('button', { name: 'New sale' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Search products')).toBeFocused();

  // Refund one of the two units of the first product, by card.
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: receipt }).click();
  const sale = page.getByRole('dialog', { name: `Sale ${receipt}` });
  await sale.getByRole('button', { name: 'Refund…' }).click();
  const qty = sale.getByLabel(new RegExp(`Quantity of ${first.name} to refund \\(at most 2\\)`));
  await qty.fill('5');
  await expect(qty).toHaveValue('2'); // never more than refundable
  await qty.fill('1');
  await sale.getByLabel('Card').check();
  await sale.getByRole('button', { name: 'Record refund' }).click();
  // Receipts are printed in the store's language (the demo store is de-DE), whatever the screens speak.
  await expect(sale.locator('article.receipt')).toContainText('ERSTATTUNG');
  await expect(sale.locator('article.receipt')).toContainText(`Erstattung zu ${receipt}`);
  await sale.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('.history-table tbody tr')).toHaveCount(2);

  // Close the shift (the fixture opened it with a float of 0), counting the total: the count differs
  // from the expected cash, so closing asks first; the Z report compares expected and counted cash.
  await page.keyboard.press('Alt+3');
  await page.getByRole('radio', { name: 'Total only' }).click();
  await page.getByLabel('Counted cash').fill('99.50');
  await page.getByRole('button', { name: /^Close shift/ }).click();
  const confirm = page.getByRole('dialog', { name: 'The count differs' });
  await confirm.getByRole('button', { name: 'Close with difference' }).click();
  const z = page.getByRole('article', { name: 'Z report' });
  await expect(z).toBeVisible();
  await expect(z.locator('[data-figure="counted"]')).toHaveText(/^99,50\s€$/);
  await expect(z).toContainText('Soll-Bestand');
  await expect(z.locator('[data-figure="z-number"]')).toHaveText('Z-Nr. 1');

  // Escape closes dialogs: the help dialog opens with F1.
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
});

test('Enter right after typing adds what was typed, not the first result of the previous keystroke', async ({ tillPage: page, server }) => {
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
  const wanted = await product(server, 2);
  const box = page.getByLabel('Search products');
  const results = page.getByRole('region', { name: 'Search results' });

  // Results for a short prefix are on screen; another product heads them.
  await box.fill('a');
  await expect(results.locator('.product-tile').first()).toBeVisible();
  await expect(results.locator('.product-tile').first()).not.toContainText(wanted.name);

  // The whole name and Enter in one task of the page, so the name's search cannot have answered yet
  // (a scanner-fast typist or a slow worker): the previous results are still on screen.
  await box.evaluate((input: HTMLInputElement, name) => {
    input.value = name;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: name }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
  }, wanted.name);
  const lines = page.getByRole('list', { name: 'Sale lines' });
  await expect(lines.locator('.line-name')).toHaveText([wanted.name]);
  await expect(box).toHaveValue('');
});
