// What a chaos run does at the till: open it from the proxy, pair it through the setup form, and
// make sales, through the UI (a real user's path) or through the Comlink API (volume). Every sale
// made is written to the ledger the end state is checked against.
import { expect, type Page } from '@playwright/test';
import type { CartLineInput, PaymentInput, ProductView } from '../../src/api/till-api.ts';
import { lineAmounts, saleAmounts } from '../../src/domain/sale-totals.ts';
import { expectTillReady } from '../support/till-page.ts';
import { openShiftForSelling } from '../support/shift.ts';
import { callApi, tryApi } from './till-api-bridge.ts';
import { MAX_LINES, SOLD_PRODUCTS } from './chaos-settings.ts';

/** Sales the till confirmed: uuid -> total. The hub must end with exactly these. */
export type Ledger = Map<string, number>;

/** A cold start pulls the 300-product demo catalog through the faults before the grid fills. */
const CATALOG_TIMEOUT_MS = 60_000;

export async function openTillAt(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expectTillReady(page);
}

/**
 * Pairs through the setup form with a one-time pairing code (TestServer.pairingCode()), the way staff
 * do, and opens a shift (float 0): selling needs one. The shift is in the till's database, so it stays
 * open over the reloads and crashes that follow.
 */
export async function pairThroughUi(page: Page, serverUrl: string, code: string): Promise<void> {
  await page.goto(serverUrl);
  await page.getByLabel('Server URL').fill(serverUrl);
  await page.getByLabel('Pairing code').fill(code);
  await page.getByRole('button', { name: 'Pair till' }).click();
  await expectTillReady(page);
  await openShiftForSelling(page);
  await expect(page.locator('.product-tile').first()).toBeVisible({ timeout: CATALOG_TIMEOUT_MS });
}

/** The products sales are made from: the first SOLD_PRODUCTS of the catalog by name. */
export async function sellableProducts(page: Page): Promise<ProductView[]> {
  const products = await callApi(page, 'products', { categoryUuid: null, limit: SOLD_PRODUCTS, offset: 0 });
  expect(products.length).toBeGreaterThan(0);
  return products;
}

/** One UI sale: a tile, Pay, exact cash, Complete sale; the receipt is looked up to learn the uuid. */
export async function sellThroughUi(page: Page, tileIndex: number, ledger: Ledger): Promise<void> {
  await page.locator('.product-tile').nth(tileIndex).click();
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('button', { name: /^Exact / }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const label = await page.locator('article.receipt').getAttribute('aria-label');
  const receipt = /^Receipt (\S+)$/.exec(label ?? '')?.[1] ?? '';
  await page.getByRole('button', { name: 'New sale' }).click();
  const found = await callApi(page, 'sales', { day: null, text: receipt, limit: 5 });
  const sale = found.find((s) => s.receiptNumber === receipt);
  expect(sale, `receipt ${receipt} in the history`).toBeDefined();
  ledger.set(sale!.uuid, sale!.total);
}

/** A random sale of 1..MAX_LINES lines, paid by card or cash with change, totals by the shared money rules. */
export function randomDraft(random: () => number, products: readonly ProductView[]) {
  const count = 1 + Math.floor(random() * MAX_LINES);
  const lines: CartLineInput[] = Array.from({ length: count }, () => {
    const p = products[Math.floor(random() * products.length)]!;
    return { productUuid: p.uuid, name: p.name, sku: p.sku, quantity: 1 + Math.floor(random() * 3), unitPrice: p.price, discountBp: random() < 0.2 ? 1000 : 0, taxRateBp: p.taxRateBp, taxIncluded: p.taxIncluded };
  });
  const total = saleAmounts(lines.map((l) => lineAmounts({ unit_price: l.unitPrice, quantity: l.quantity, discount_bp: l.discountBp, tax_rate_bp: l.taxRateBp, tax_included: l.taxIncluded }))).total;
  const payments: PaymentInput[] = random() < 0.5 ? [{ method: 'card', amount: total, tendered: null }] : [{ method: 'cash', amount: total, tendered: total + Math.floor(random() * 1000) }];
  return { lines, payments, customerUuid: null, note: null };
}

/** One API sale; a refusal (e.g. a product the back office just removed) is returned, not thrown. */
export async function sellThroughApi(page: Page, random: () => number, products: readonly ProductView[], ledger: Ledger): Promise<boolean> {
  const answer = await tryApi(page, 'recordSale', randomDraft(random, products));
  if (!answer.ok) {
    expect(answer.error.code, `recordSale refused: ${JSON.stringify(answer.error)}`).toBe('invalid');
    return false;
  }
  ledger.set(answer.value.sale.uuid, answer.value.sale.total);
  return true;
}
