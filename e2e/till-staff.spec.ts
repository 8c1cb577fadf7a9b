// Staff at the counter against the real hub: a cashier's price override and discount over the store's
// limit need a manager's PIN and the hub's sale names both (the override also shows in the hub's price
// deviations and on the receipt); the till locks after the store's idle time; a pairing link opened
// on a paired till asks first, needs a manager for a cashier, and the header, settings and receipts
// show the new terminal at once; the header and the cart's buttons fit a German tablet screen.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { expectTillReady, openTill, signIn, STAFF } from './support/till-page.ts';
import { openShiftForSelling } from './support/shift.ts';

/** The first pull after pairing downloads the whole demo catalog; a sale reaches the hub within a sync. */
const SYNC_TIMEOUT_MS = 30_000;
/** The shortest idle time a store may set (contract MIN_IDLE_LOCK_SECONDS). */
const IDLE_SECONDS = 30;
const SCREENSHOT_DIR = 'test-results/screenshots';

interface AdminSale {
  uuid: string;
  receipt_number: string;
  staff_id: string | null;
  approved_by: string | null;
}
interface AdminSales {
  sales: AdminSale[];
  price_deviations: { sale_uuid: string; unit_price: number; catalog_price: number; price_deviation: number }[];
}

/** Receipts print in the store's locale (the demo store is de-DE, EUR). */
const storeMoney = (minor: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(minor / 100);

function syncBar(page: Page) {
  return page.getByRole('region', { name: 'Sync status' });
}

async function switchTo(page: Page, who: { name: string; pin: string }): Promise<void> {
  await page.getByRole('button', { name: 'Switch cashier' }).click();
  await signIn(page, who);
  await expect(page.getByText(`Cashier: ${who.name}`)).toBeVisible();
}

/** Pays the cart exactly in cash; the manager approves when the dialog asks. Returns the receipt number. */
async function payApprovedByManager(page: Page, asked: string): Promise<string> {
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('button', { name: /^Exact / }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  const approval = page.getByRole('dialog', { name: 'Manager approval' });
  await expect(approval).toContainText(`${STAFF.cashier.name} may not ${asked}`);
  await approval.locator('input.pin-input').fill(STAFF.manager.pin);
  await approval.getByRole('button', { name: 'Approve' }).click();
  const receipt = page.getByRole('article', { name: /^Receipt / });
  await expect(receipt).toBeVisible();
  return ((await receipt.getAttribute('aria-label')) ?? '').replace(/^Receipt /, '');
}

async function hubSales(page: Page, server: { admin: <T>(m: string, p: string) => Promise<{ body: T }>; terminal: { id: string } }): Promise<AdminSales> {
  await expect(syncBar(page)).toContainText('All synced', { timeout: SYNC_TIMEOUT_MS });
  return (await server.admin<AdminSales>('GET', `/api/v1/admin/sales?terminal_id=${server.terminal.id}`)).body;
}

test('a cashier’s price override and discount over the limit need a manager; the hub’s sales name both', async ({ tillPage: page, server }) => {
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: SYNC_TIMEOUT_MS });
  await switchTo(page, STAFF.cashier);

  // Price override in the line editor: the cart shows the catalog price struck through.
  await page.locator('.product-tile').first().click();
  await page.getByRole('button', { name: /^Pay / }).waitFor();
  const line = page.locator('.cart-line').first();
  if (!(await page.getByLabel('Unit price').isVisible())) await line.locator('.line-main').click();
  await page.getByLabel('Unit price').fill('0.07');
  await expect(line.locator('.line-catalog-price')).toBeVisible();
  await expect(page.getByTestId('cart-total')).toContainText('0.07');
  const overridden = await payApprovedByManager(page, 'change prices');
  const receipt = page.getByRole('article', { name: `Receipt ${overridden}` });
  await expect(receipt).toContainText(`1 × ${storeMoney(7)}`);
  await page.getByRole('button', { name: 'New sale' }).click();

  // A line discount above the store's limit (10 %).
  await page.locator('.product-tile').nth(1).click();
  if (!(await page.getByLabel('Discount %').isVisible())) await page.locator('.cart-line').first().locator('.line-main').click();
  await page.getByLabel('Discount %').fill('50');
  const discounted = await payApprovedByManager(page, 'give a discount above the store’s limit');
  await page.getByRole('button', { name: 'New sale' }).click();

  const hub = await hubSales(page, server);
  const both = { staff_id: server.staff.cashier.id, approved_by: server.staff.manager.id };
  const overriddenSale = hub.sales.find((s) => s.receipt_number === overridden);
  expect(overriddenSale).toMatchObject(both);
  expect(hub.sales.find((s) => s.receipt_number === discounted)).toMatchObject(both);
  // The hub compared the price charged with its catalog: the override is in its price deviations.
  const deviation = hub.price_deviations.find((d) => d.sale_uuid === overriddenSale?.uuid);
  expect(deviation).toMatchObject({ unit_price: 7 });
  expect(deviation?.price_deviation).toBe(7 - (deviation?.catalog_price ?? 0));
  expect(deviation?.catalog_price).toBeGreaterThan(7);
});

test('the till locks after the store’s idle time, and any touch starts the time again', async ({ page, server }) => {
  // The till takes the store's settings when it pairs (demo pairing on first open) and follows every later
  // change at once (live notices), so the short time is restored only after the test.
  const patch = (seconds: number) => server.admin('PATCH', `/api/v1/admin/stores/${server.store.id}`, { idle_lock_seconds: seconds });
  expect((await patch(IDLE_SECONDS)).status).toBe(200);
  try {
    await page.clock.install();
    await openTill(page);
    const lock = page.getByRole('heading', { name: 'Who is at the till?' });
    await page.clock.fastForward((IDLE_SECONDS - 10) * 1000);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'History' }).click();
    await page.clock.fastForward((IDLE_SECONDS - 10) * 1000);
    await expect(lock).toHaveCount(0);
    await page.clock.fastForward(11_000);
    await expect(lock).toBeVisible();
    await signIn(page, STAFF.cashier);
    await expect(page.getByText(`Cashier: ${STAFF.cashier.name}`)).toBeVisible();
  } finally {
    await patch(300);
  }
});

test('a pairing link on a paired till asks first, needs a manager for a cashier, and shows the new terminal at once', async ({ tillPage: page, server, context }) => {
  // Three starts of the till (two links, each a page load) and an offline round trip: about 35 s
  // alone, more on a shared machine.
  test.setTimeout(120_000);
  const second = await server.createTerminal(server.store.id);
  const code = await server.pairingCode(second.id);
  await expect(syncBar(page)).toContainText('All synced', { timeout: SYNC_TIMEOUT_MS });
  await expect(page.locator('.terminal-name')).toHaveText('Till 1');

  // A sale made offline waits unsynced. The link, opened as a cashier (the till starts locked), asks
  // first and says what waits; declining keeps the pairing and the sale.
  await context.setOffline(true);
  await page.locator('.product-tile').first().click();
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('button', { name: /^Exact / }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  await page.getByRole('button', { name: 'New sale' }).click();
  await page.goto(`/?pair=${code}`);
  await expectTillReady(page, STAFF.cashier);
  const ask = page.getByRole('dialog', { name: 'Pair this till again?' });
  await expect(ask).toContainText('This till is paired as Till 1');
  await expect(ask.getByTestId('pair-link-unsynced')).toContainText('1 sale on this till is not synced yet.');
  await ask.getByRole('button', { name: 'Keep the current pairing' }).click();
  await expect(ask).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
  await expect(page.locator('.terminal-name')).toHaveText('Till 1');
  await context.setOffline(false);
  await expect(syncBar(page)).toContainText('All synced', { timeout: SYNC_TIMEOUT_MS });

  // Again, confirmed: the cashier lacks settings_and_pairing, the manager approves. The fixture's shift,
  // opened as Till 1, is still open: the till refuses to become Till 2 (that shift's record would be
  // refused by the hub) and says to close it first.
  const confirmPairing = async (pairingCode: string) => {
    await page.goto(`/?pair=${pairingCode}`);
    await expectTillReady(page, STAFF.cashier);
    await ask.getByRole('button', { name: 'Pair again', exact: true }).click();
    const approval = page.getByRole('dialog', { name: 'Manager approval' });
    await approval.locator('input.pin-input').fill(STAFF.manager.pin);
    await approval.getByRole('button', { name: 'Approve' }).click();
  };
  await confirmPairing(code);
  await expect(page.getByText(/A shift is still open on this till/).first()).toBeVisible();
  await expect(page.locator('.terminal-name')).toHaveText('Till 1');
  await closeShiftCountingNothing(page);
  // The refused attempt used its code up (the hub redeemed it): a new one.
  await confirmPairing(await server.pairingCode(second.id));
  await expect(ask).toHaveCount(0);

  // No reload: header, settings and the next receipt show Till 2 and its receipt prefix.
  await expect(page.locator('.terminal-name')).toHaveText('Till 2');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Settings' }).click();
  const facts = page.locator('.settings dl.facts').first();
  await expect(facts).toContainText('Till 2');
  const prefix = (await facts.locator('dt:has-text("Receipt prefix") + dd').textContent()) ?? '';
  expect(prefix).not.toBe('');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Sell' }).click();
  // Till 2 starts its own shift (Till 1's was closed before the re-pair).
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: SYNC_TIMEOUT_MS });
  await openShiftForSelling(page);
  await page.locator('.product-tile').first().click();
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('button', { name: /^Exact / }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  const receipt = page.getByRole('article', { name: /^Receipt / });
  await expect(receipt).toHaveAttribute('aria-label', new RegExp(`^Receipt ${prefix}`));
  await expect(receipt).toContainText('Till 2');
});

/** Closes the open shift from the Shift screen with nothing counted (a difference, confirmed). */
async function closeShiftCountingNothing(page: Page): Promise<void> {
  if ((await page.getByRole('dialog').count()) > 0) await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Shift' }).click();
  await page.getByRole('radio', { name: 'Total only' }).click();
  await page.getByLabel('Counted cash').fill('0');
  await page.getByRole('button', { name: /^Close shift/ }).click();
  // Either the till asks about the difference or, when the count matches, prints at once: wait for one.
  const confirm = page.getByRole('dialog', { name: 'The count differs' });
  const z = page.getByRole('article', { name: 'Z report' });
  await expect(confirm.or(z).first()).toBeVisible();
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Close with difference' }).click();
  await expect(z).toBeVisible();
}

test.describe('on a German tablet', () => {
  test.use({ browserLocale: 'de-DE' });

  test('the header’s Switch cashier is readable and the cart’s buttons stay inside the panel at 1024 × 768', async ({ tillPage: page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: SYNC_TIMEOUT_MS });
    await page.locator('.product-tile').first().click();
    await page.getByRole('button', { name: 'Parken', exact: true }).click();
    await page.locator('.product-tile').nth(1).click();
    await expect(page.getByRole('button', { name: 'Geparkt (1)' })).toBeEnabled();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/de-tablet-cart-head.png` });

    // Inside the cart's content box (the header spans it), each label on one line and not cut off.
    const head = await page.locator('.cart-head').boundingBox();
    const buttons = page.locator('.cart-head button');
    expect(await buttons.count()).toBe(3);
    for (const button of await buttons.all()) {
      const label = (await button.textContent()) ?? '';
      const box = await button.boundingBox();
      expect(box, label).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), label).toBeLessThanOrEqual((head?.x ?? 0) + (head?.width ?? 0) + 0.5);
      expect(box?.height ?? 0, label).toBeGreaterThanOrEqual(40);
      const oneLineUncut = await button.evaluate((b) => {
        const text = document.createRange();
        text.selectNodeContents(b);
        const lines = new Set([...text.getClientRects()].map((r) => Math.round(r.top)));
        return lines.size === 1 && b.scrollWidth <= b.clientWidth;
      });
      expect(oneLineUncut, label).toBe(true);
    }

    // White text on the brand-coloured bar, not on a white button.
    const colours = await page
      .getByRole('button', { name: 'Kassierer wechseln' })
      .evaluate((b) => ({ text: getComputedStyle(b).color, background: getComputedStyle(b).backgroundColor, bar: getComputedStyle(b.closest('header') ?? b).backgroundColor }));
    expect(colours.text).toBe('rgb(255, 255, 255)');
    expect(colours.background).toBe('rgba(0, 0, 0, 0)');
    expect(colours.bar).not.toBe('rgb(255, 255, 255)');
    await page.locator('header.top-bar').screenshot({ path: `${SCREENSHOT_DIR}/de-tablet-header.png` });
  });
});
