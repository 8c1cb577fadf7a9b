// The sale every benchmark records: 3 lines and 1 cash payment, built from catalog products with
// the money rules of src/domain, so the floor writes the same rows and payload the app writes.
import type { Product } from '@ezo/contract/catalog';
import type { Sale } from '@ezo/contract/sale';
import type { SaleDraft } from '../../src/api/till-api.ts';
import { lineAmounts, saleAmounts } from '../../src/domain/sale-totals.ts';

export const LINES_PER_SALE = 3;
/** Cash handed over is rounded up to this many minor units, so the sale has change to give. */
const CASH_NOTE_MINOR = 5_000;

function saleProducts(catalog: readonly Product[], n: number): Product[] {
  const picked: Product[] = [];
  for (let i = 0; i < LINES_PER_SALE; i++) picked.push(catalog[(n * 7 + i * 13) % catalog.length] as Product);
  return picked;
}

function tendered(total: number): number {
  return Math.ceil((total + 1) / CASH_NOTE_MINOR) * CASH_NOTE_MINOR;
}

/** The n-th bench sale as the app's API takes it. */
export function saleDraft(catalog: readonly Product[], n: number): SaleDraft {
  const lines = saleProducts(catalog, n).map((p, i) => ({
    productUuid: p.uuid,
    name: p.name,
    sku: p.sku,
    quantity: 1 + (i % 2),
    unitPrice: p.price,
    discountBp: 0,
    taxRateBp: p.tax_rate_bp,
    taxIncluded: p.tax_included,
  }));
  const totals = saleAmounts(lines.map((l) => lineAmounts({ unit_price: l.unitPrice, quantity: l.quantity, discount_bp: l.discountBp, tax_rate_bp: l.taxRateBp, tax_included: l.taxIncluded })));
  return { lines, payments: [{ method: 'cash', amount: totals.total, tendered: tendered(totals.total) }], customerUuid: null, note: null };
}

/** The test hub's seeded cashier (TEST_STAFF in server/src/testing/test-server.ts): bench sales name them, so a bench hub accepts them. */
export const BENCH_STAFF_ID = '00000000-0000-4000-8000-00000000ca51';
/** That cashier's PIN (TEST_STAFF.cashier.pin): a till records sales only while someone is signed in. */
export const BENCH_STAFF_PIN = '1234';

/** The n-th bench sale as a contract Sale (what the floor stores and queues). */
export function contractSale(catalog: readonly Product[], n: number, ids: { uuid: () => string; terminalId: string; createdAt: string }): Sale {
  const lines = saleProducts(catalog, n).map((p, i) => {
    const input = { unit_price: p.price, quantity: 1 + (i % 2), discount_bp: 0, tax_rate_bp: p.tax_rate_bp, tax_included: p.tax_included };
    return { uuid: ids.uuid(), product_uuid: p.uuid, name: p.name, sku: p.sku, ...input, ...lineAmounts(input), refund_of_line: null };
  });
  const totals = saleAmounts(lines);
  const cash = tendered(totals.total);
  return {
    uuid: ids.uuid(),
    receipt_number: `B-${String(n).padStart(7, '0')}`,
    terminal_id: ids.terminalId,
    shift_uuid: null,
    customer_uuid: null,
    refund_of: null,
    currency: 'EUR',
    ...totals,
    note: null,
    created_at: ids.createdAt,
    lines,
    payments: [{ uuid: ids.uuid(), method: 'cash', amount: totals.total, tendered: cash, change: cash - totals.total }],
    staff_id: BENCH_STAFF_ID,
  };
}
