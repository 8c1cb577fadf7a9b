// The back office's reports in Chromium against the real hub serving the build: sales and a refund
// reach the hub through its upstream API (as tills send them); a manager of the store signs in, the
// period report shows the figures this test computes from those sales on its own (money in the
// store's de-DE locale), the journal opens a receipt as printed with its refund linked and exports the
// day as CSV, the Shifts tab shows a closed shift's Z figures, flags the till that sold without a shift
// at the hub and reprints the Z report as the till printed it, and axe finds no serious violations.
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import type { Sale } from '@ezo/contract/sale';
import type { Shift } from '@ezo/contract/shift';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { moneyFormat } from '../src/domain/format-money.ts';
import { TEST_STAFF, startTestServer, type TestServer } from '../server/src/testing/test-server.ts';
import { batch, call, createProduct, line, sale } from '../server/test/support/fixtures.ts';
import { seriousViolations } from './support/axe.ts';

const BUILT = fileURLToPath(new URL('../dist', import.meta.url));
const EMAIL = 'mia@example.com';
const PASSWORD = 'a long test password';
/** The seeded store's locale and zone: its days and its money text. */
const STORE_LOCALE = 'de-DE';
const eur = (minor: number) => moneyFormat('EUR', STORE_LOCALE).format(minor);

let server: TestServer;
let sales: Sale[];
/** Till 1 sold without sending a shift; till 2's sale is in its closed shift. */
let till1Name: string;
let till2Name: string;

/** A closed shift whose figures add up (the hub checks them): one cash sale of 1190 at 19 %, a float of 100.00, counted 10 short. */
function closedShift(terminalId: string, uuid: string): Shift {
  const closed = new Date().toISOString();
  const cashier = TEST_STAFF.cashier.id;
  return {
    uuid,
    terminal_id: terminalId,
    z_number: 1,
    currency: 'EUR',
    opened_at: closed,
    closed_at: closed,
    opened_by: cashier,
    closed_by: cashier,
    close_approved_by: null,
    opening_float: 10_000,
    cash_moves: [],
    expected_cash: 11_190,
    counted_cash: 11_180,
    denominations: null,
    difference: -10,
    drawer_openings: [],
    z_report: {
      first_receipt: 'Z-1',
      last_receipt: 'Z-1',
      sales_count: 1,
      sales_total: 1190,
      refunds_count: 0,
      refunds_total: 0,
      turnover: 1190,
      discounts: 0,
      vat: [{ tax_rate_bp: 1900, net: 1000, vat: 190, gross: 1190 }],
      payments: [{ method: 'cash', count: 1, amount: 1190 }],
      cash_in: 0,
      cash_out: 0,
      cashiers: [{ staff_id: cashier, name: 'Cashier' }],
      grand_total: 1190,
      no_sale_openings: 0,
    },
  };
}

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });

test.beforeAll(async () => {
  server = await startTestServer({ staticDir: BUILT });
  const res = await server.admin('POST', '/api/v1/admin/staff', { display_name: 'Mia Manager', email: EMAIL, password: PASSWORD, roles: [{ store_id: server.store.id, role: 'manager' }] });
  expect(res.status).toBe(201);
  const pretzel = await createProduct(server, { name: 'Brezel', price: 120, tax_rate_bp: 700, tax_included: true });
  const spritzer = await createProduct(server, { name: 'Apfelschorle', price: 290, tax_rate_bp: 1900, tax_included: true });
  const till2 = await server.createTerminal(server.store.id);
  const first = sale(server.terminal.id, [line({ product: pretzel, quantity: 3 }), line({ product: spritzer, quantity: 2, discountBp: 1000 })], { method: 'cash' });
  const till2Shift = randomUUID();
  const second = { ...sale(till2.id, [line({ product: spritzer, quantity: 1 })], { method: 'card' }), shift_uuid: till2Shift };
  const refundLine = first.lines[0];
  if (refundLine === undefined) throw new Error('no line');
  const refund = sale(server.terminal.id, [line({ product: pretzel, quantity: -1, refundOfLine: refundLine.uuid })], { refundOf: first.uuid, method: 'cash' });
  sales = [first, second, refund];
  for (const [items, token] of [[[first, refund], server.terminal.token], [[second], till2.token]] as const) {
    const pushed = await call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', batch({ sales: [...items] }));
    expect(pushed.body.results.map((r) => r.status)).toEqual(items.map(() => 'applied'));
  }
  const shifted = await call<UpstreamResponse>(server, till2.token, 'POST', '/api/v1/sync/upstream', batch({ shifts: [closedShift(till2.id, till2Shift)] }));
  expect(shifted.body.results.map((r) => r.status)).toEqual(['applied']);
  const names = await server.db.query<{ id: string; name: string }>('SELECT id::text AS id, name FROM terminals WHERE id = ANY($1::uuid[])', [[server.terminal.id, till2.id]]);
  till1Name = names.find((n) => n.id === server.terminal.id)?.name ?? '';
  till2Name = names.find((n) => n.id === till2.id)?.name ?? '';
});
test.afterAll(async () => server.stop());

async function noSeriousViolations(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${where}`).toEqual([]);
}

test("a manager reads the day's period report, figures as computed from the sales, and opens a receipt from the journal", async ({ page }) => {
  test.setTimeout(90_000);
  const plain = sales.filter((s) => s.refund_of === null);
  const refunds = sales.filter((s) => s.refund_of !== null);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const salesTotal = sum(plain.map((s) => s.total));
  const discounts = sum(plain.map((s) => s.discount_total));
  const expected = {
    grossSales: eur(salesTotal + discounts),
    discounts: eur(discounts),
    refunds: eur(-sum(refunds.map((s) => s.total))),
    netSales: eur(sum(sales.map((s) => s.total))),
    salesCount: String(plain.length),
    refundsCount: String(refunds.length),
    // Half away from zero; the totals are positive.
    averageBasket: eur(Math.floor((2 * salesTotal + plain.length) / (2 * plain.length))),
  };

  await page.goto(`${server.url}/backoffice/`);
  await page.getByLabel('E-mail').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  // Today's report shows on opening, no "Show" needed.
  await expect(page.getByRole('button', { name: 'Today' })).toHaveAttribute('aria-pressed', 'true');
  for (const [figure, text] of Object.entries(expected)) {
    await expect(page.locator(`[data-figure="${figure}"] dd`), figure).toHaveText(text);
  }
  // VAT per rate: 19 % first; its gross is what the lines at 19 % came to.
  const gross19 = sum(sales.flatMap((s) => s.lines.filter((l) => l.tax_rate_bp === 1900).map((l) => l.line_total)));
  await expect(page.getByRole('table', { name: 'VAT per rate' }).getByRole('row').nth(1)).toContainText(eur(gross19));
  await expect(page.getByRole('table', { name: 'Per till, with when its newest sale arrived' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('img', { name: /Net sales per hour/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Payment mix/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Top categories' })).toBeVisible();
  await noSeriousViolations(page, 'period report');
  // A quick period loads at once: the last 7 days, one row per day, the same figures (every sale is today's).
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(page.getByRole('table', { name: 'Sales per day' }).getByRole('row')).toHaveCount(8);
  await expect(page.getByRole('img', { name: /Net sales per day/ })).toBeVisible();
  await expect(page.locator('[data-figure="netSales"] dd')).toHaveText(expected.netSales);
  await noSeriousViolations(page, 'period report of 7 days');
  // The summary's CSV (locale-neutral) opens with the same net sales.
  const summaryHref = await page.getByRole('link', { name: 'Summary (neutral)' }).getAttribute('href');
  const summaryCsv = await page.request.get(`${server.url}${summaryHref ?? ''}`);
  expect(summaryCsv.status()).toBe(200);
  const net = sum(sales.map((s) => s.total));
  expect(await summaryCsv.text()).toContain(`Net sales,${Math.trunc(net / 100)}.${String(net % 100).padStart(2, '0')}`);

  // The journal lists all three; the first sale opens as printed, with its refund linked.
  await page.getByRole('link', { name: 'Journal' }).click();
  const journal = page.getByRole('table', { name: 'Sales and refunds, newest first' });
  await expect(journal.getByRole('row')).toHaveCount(4);
  await noSeriousViolations(page, 'journal');
  const csv = await page.request.get(await page.getByRole('link', { name: 'Export the journal as CSV (neutral)' }).getAttribute('href').then((h) => `${server.url}${h ?? ''}`));
  expect(csv.status()).toBe(200);
  for (const s of sales) expect(await csv.text()).toContain(s.receipt_number);
  const first = plain[0];
  const refund = refunds[0];
  if (first === undefined || refund === undefined) throw new Error('no sales');
  await journal.getByRole('link', { name: `Open receipt ${first.receipt_number}` }).click();
  await expect(page.getByRole('heading', { name: `Receipt ${first.receipt_number}` })).toBeVisible();
  await expect(page.locator('[data-figure="total"] dd')).toHaveText(eur(first.total));
  await expect(page.getByRole('region', { name: 'Refunds of this sale' }).getByRole('link', { name: refund.receipt_number })).toBeVisible();
  await noSeriousViolations(page, 'receipt');
  await page.getByRole('region', { name: 'Refunds of this sale' }).getByRole('link', { name: refund.receipt_number }).click();
  await expect(page.getByRole('heading', { name: `Refund ${refund.receipt_number}` })).toBeVisible();

  // The day's closed shift with its Z figures.
  await page.getByRole('link', { name: 'Shifts' }).click();
  const shifts = page.getByRole('table', { name: 'Closed shifts with their Z figures' });
  await expect(shifts.getByRole('row')).toHaveCount(2);
  await expect(shifts.getByRole('row').nth(1)).toContainText(eur(1190));
  await expect(shifts.getByRole('row').nth(1)).toContainText(eur(-10));
  // Till 1 sold today without a shift at the hub: flagged; till 2's sale is in its closed shift.
  const today = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'Europe/Berlin' }).format(new Date());
  const flags = page.getByRole('region', { name: /whose shift has not reached the hub/ }).getByRole('listitem');
  await expect(flags).toHaveCount(1);
  await expect(flags.first()).toContainText(`${till1Name} sold on ${today}, its shift has not arrived yet`);
  await expect(flags.first()).toContainText('(2 receipts not in any closed shift)');
  await expect(flags.first()).not.toContainText(till2Name);
  await noSeriousViolations(page, 'shifts');

  // The reprint: the till's Z report layout in the store's language (de-DE), marked KOPIE, printed once.
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => {
      w.printed += 1;
    };
  });
  await shifts.getByRole('button', { name: 'Print Z report 1' }).click();
  const z = page.getByRole('article', { name: 'Z report 1 (copy)' });
  await expect(z).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(z).toContainText('KOPIE');
  await expect(z).toContainText(`Z-Bericht · ${till2Name}`);
  await expect(z.locator('[data-figure="z-number"]')).toHaveText('Z-Nr. 1');
  await expect(z.locator('[data-figure="sales"]')).toHaveText(eur(1190));
  await expect(z.locator('[data-figure="turnover"]')).toHaveText(eur(1190));
  await expect(z.locator('[data-figure="expected"]')).toHaveText(eur(11_190));
  await expect(z.locator('[data-figure="counted"]')).toHaveText(eur(11_180));
  await expect(z.locator('[data-figure="difference"]')).toHaveText(eur(-10));
  await expect(z.locator('[data-figure="grand-total"]')).toHaveText(eur(1190));
  await expect(z.locator('[data-rate="1900"]')).toContainText(eur(190));
  await expect(z.locator('[data-method="cash"]')).toContainText('Bar');
  await expect(z.locator('[data-figure="cashiers"]')).toHaveText('Kassierer: Cashier');
  await noSeriousViolations(page, 'Z report reprint');
  // On paper only the report: the shifts table and the navigation are hidden.
  await page.emulateMedia({ media: 'print' });
  await expect(z).toBeVisible();
  await expect(shifts).toBeHidden();
  await expect(page.getByRole('link', { name: 'Shifts' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
});
