// recordSale on a real wa-sqlite: money rules, exact payments, receipt numbers, and that a sale is
// written whole with its queue row or not at all.
import { describe, expect, it } from 'vitest';
import type { PaymentInput, SaleDraft } from '../../api/till-api.ts';
import { hasTillErrorCode } from '../../api/till-error.ts';
import { strictContract } from '@ezo/contract/contract';
import { MAX_QUANTITY } from '@ezo/contract/limits';
import { insertCustomers } from '../../../test-support/catalog-fixture.ts';
import { addProducts, cartLine, count, openTestTill, product, TEST_SHIFT_UUID } from './data-test-kit.ts';

const included = product(1, { price: 119, taxRateBp: 2000, taxIncluded: true });
const added = product(2, { price: 250, taxRateBp: 700, taxIncluded: false });
const gone = product(3, { deleted: true });

async function till() {
  const t = await openTestTill();
  await addProducts(t.db, [included, added, gone]);
  return t;
}

function cash(amount: number, tendered = amount): PaymentInput {
  return { method: 'cash', amount, tendered };
}

function draft(fields: Partial<SaleDraft> = {}): SaleDraft {
  return { lines: [cartLine(included, 1)], payments: [cash(119)], customerUuid: null, note: null, ...fields };
}

const isInvalid = (e: unknown) => hasTillErrorCode(e, 'invalid');

describe('recordSale', () => {
  it('computes every line and the totals by the money rules (tax included and added, discount)', async () => {
    const t = await till();
    const detail = await t.api.recordSale(
      draft({
        // 3 x 119 incl. 20 %: net 357, subtotal round(297.5) = 298, tax 59.
        // 2 x 250 less 10 % = 450 plus 7 %: tax round(31.5) = 32, total 482.
        lines: [cartLine(included, 3), cartLine(added, 2, 1000)],
        payments: [{ method: 'card', amount: 339, tendered: null }, cash(500, 1000)],
        note: '  regular  ',
      }),
    );
    const { sale } = detail;
    expect(sale.lines.map((l) => [l.line_subtotal, l.line_discount, l.line_tax, l.line_total])).toEqual([
      [298, 0, 59, 357],
      [450, 50, 32, 482],
    ]);
    expect([sale.subtotal, sale.discount_total, sale.tax_total, sale.total]).toEqual([748, 50, 91, 839]);
    expect(sale.payments.map((p) => [p.method, p.amount, p.tendered, p.change])).toEqual([
      ['card', 339, null, null],
      ['cash', 500, 1000, 500],
    ]);
    expect(sale.note).toBe('regular');
    expect(sale.created_at).toBe('2024-03-10T09:00:00.000Z');
    expect(sale.terminal_id).toBe('00000007-0000-4000-8000-000000000001');
    expect(sale.currency).toBe('EUR');
    expect(detail.syncState).toBe('pending');
    expect(t.queued.count).toBe(1);
    // The queued payload is the wire sale exactly, and the hub's strict parser accepts it.
    const queue = await t.db.all<{ entity_type: string; entity_id: number; action: string; payload: string; idempotency_key: string; status: number }>(
      'SELECT entity_type, entity_id, action, payload, idempotency_key, status FROM sync_queue',
    );
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ entity_type: 'Sale', action: 'CREATE', idempotency_key: sale.uuid, status: 0 });
    expect(JSON.parse(queue[0]?.payload ?? '')).toEqual(sale);
    expect(strictContract.upstream.sale.safeParse(JSON.parse(queue[0]?.payload ?? '')).success).toBe(true);
    expect(await t.api.sale(sale.uuid)).toEqual(detail);
  });

  it('refuses payments that do not cover the total exactly, writing nothing', async () => {
    const t = await till();
    const bad: PaymentInput[][] = [
      [cash(118)], // short
      [cash(120)], // too much
      [cash(119, 100)], // tendered less than the amount
      [{ method: 'card', amount: 119, tendered: 200 }], // card with cash tendered
      [cash(119), cash(0)], // a zero payment
      [cash(-1), cash(120)], // a negative payment
      [{ method: 'cheque' as 'cash', amount: 119, tendered: 119 }],
      [],
    ];
    for (const payments of bad) await expect(t.api.recordSale(draft({ payments }))).rejects.toSatisfy(isInvalid);
    expect(await count(t.db, 'sales')).toBe(0);
    expect(await count(t.db, 'sync_queue')).toBe(0);
    expect(t.queued.count).toBe(0);
  });

  it('refuses bad lines: none, zero, fractional or huge quantities, unknown or deleted products, negative totals', async () => {
    const t = await till();
    const bad: SaleDraft[] = [
      draft({ lines: [] }),
      draft({ lines: [cartLine(included, 0)] }),
      draft({ lines: [cartLine(included, 1.5)] }),
      draft({ lines: [cartLine(included, MAX_QUANTITY + 1)] }),
      draft({ lines: [{ ...cartLine(included, 1), unitPrice: -119 }] }),
      draft({ lines: [{ ...cartLine(included, 1), discountBp: 10_001 }] }),
      draft({ lines: [{ ...cartLine(included, 1), name: '  ' }] }),
      draft({ lines: [cartLine(gone, 1)], payments: [cash(100)] }),
      draft({ lines: [{ ...cartLine(included, 1), productUuid: '00000002-0000-4000-8000-0000000000ff' }] }),
      draft({ lines: [cartLine(included, -1)], payments: [] }),
      draft({ customerUuid: '00000003-0000-4000-8000-000000000001' }),
      draft({ note: 'x'.repeat(501) }),
    ];
    for (const d of bad) await expect(t.api.recordSale(d)).rejects.toSatisfy(isInvalid);
    expect(await count(t.db, 'sales')).toBe(0);
    expect(await count(t.db, 'settings')).toBe(0);
  });

  it('accepts a mixed line when the total stays positive, and a free sale with no payment', async () => {
    const t = await till();
    const mixed = await t.api.recordSale(draft({ lines: [cartLine(included, 2), cartLine(included, -1)], payments: [cash(119)] }));
    expect(mixed.sale.total).toBe(119);
    const free = await t.api.recordSale(draft({ lines: [cartLine(included, 1, 10_000)], payments: [] }));
    expect(free.sale.total).toBe(0);
  });

  it('needs a paired terminal', async () => {
    const t = await till();
    t.terminal.current = null;
    await expect(t.api.recordSale(draft())).rejects.toSatisfy((e) => hasTillErrorCode(e, 'not_paired'));
    expect(await count(t.db, 'sales')).toBe(0);
  });

  it('numbers receipts per terminal, sequentially, and a refused sale uses no number', async () => {
    const t = await till();
    const numbers: string[] = [];
    numbers.push((await t.api.recordSale(draft())).sale.receipt_number);
    await expect(t.api.recordSale(draft({ payments: [cash(1)] }))).rejects.toSatisfy(isInvalid);
    numbers.push((await t.api.recordSale(draft())).sale.receipt_number);
    numbers.push((await t.api.recordSale(draft())).sale.receipt_number);
    expect(numbers).toEqual(['T1-000001', 'T1-000002', 'T1-000003']);
    // Past the padded width the number grows; it never wraps.
    await t.db.run(`UPDATE settings SET value = '999999' WHERE key = 'receipt_counter'`);
    expect((await t.api.recordSale(draft())).sale.receipt_number).toBe('T1-1000000');
    expect((await t.api.recordSale(draft())).sale.receipt_number).toBe('T1-1000001');
  });

  it('writes nothing when the queue insert fails after the sale rows (one transaction)', async () => {
    const t = await till();
    await t.db.exec(`CREATE TRIGGER test_queue_fails BEFORE INSERT ON sync_queue BEGIN SELECT RAISE(ABORT, 'queue refused'); END`);
    await expect(t.api.recordSale(draft({ lines: [cartLine(included, 1), cartLine(added, 1)], payments: [cash(387)] }))).rejects.toSatisfy(
      (e) => hasTillErrorCode(e, 'sqlite'),
    );
    for (const table of ['sales', 'sale_items', 'payments', 'sync_queue', 'settings']) expect(await count(t.db, table)).toBe(0);
    expect(t.queued.count).toBe(0);
    await t.db.exec('DROP TRIGGER test_queue_fails');
    expect((await t.api.recordSale(draft())).sale.receipt_number).toBe('T1-000001');
  });

  it('needs an open shift: refuses a sale without one and records nothing', async () => {
    const t = await openTestTill(undefined, { openShift: false });
    await addProducts(t.db, [included, added, gone]);
    await expect(t.api.recordSale(draft())).rejects.toSatisfy((e: unknown) => hasTillErrorCode(e, 'no_shift'));
    expect(await t.db.get('SELECT count(*) AS n FROM sales')).toEqual({ n: 0 });
    expect(await t.db.get('SELECT count(*) AS n FROM sync_queue')).toEqual({ n: 0 });
  });

  it('attaches the open shift and the customer, and keeps the sale immutable', async () => {
    const t = await till();
    const customer = { uuid: '00000003-0000-4000-8000-000000000001', name: 'Ada Okafor', email: null, phone: null };
    await t.db.transaction((tx) => insertCustomers(tx, [customer]));
    const shift = { uuid: TEST_SHIFT_UUID };
    const detail = await t.api.recordSale(draft({ customerUuid: customer.uuid }));
    expect(detail.sale.shift_uuid).toBe(shift.uuid);
    expect(detail.sale.customer_uuid).toBe(customer.uuid);
    expect(detail.customerName).toBe('Ada Okafor');
    await expect(t.db.run('UPDATE sales SET total = 0')).rejects.toThrow(/immutable/);
    await expect(t.db.run('DELETE FROM payments')).rejects.toThrow(/immutable/);
    await expect(t.db.run('UPDATE sale_items SET quantity = 9')).rejects.toThrow(/immutable/);
    expect(await t.api.sale(detail.sale.uuid)).toEqual(detail);
  });

  it('reports the queue row state as the sync engine moves it', async () => {
    const t = await till();
    const { sale } = await t.api.recordSale(draft());
    await t.db.run('UPDATE sync_queue SET status = 2');
    expect((await t.api.sale(sale.uuid))?.syncState).toBe('failed');
    await t.db.run('UPDATE sync_queue SET status = 1');
    expect((await t.api.sale(sale.uuid))?.syncState).toBe('synced');
    await t.db.run('DELETE FROM sync_queue');
    expect((await t.api.sale(sale.uuid))?.syncState).toBe('synced');
    expect(await t.api.sale('00000009-0000-4000-8000-0000000000ff')).toBeNull();
  });

  it('surfaces a full database as quota_exceeded and keeps nothing of the sale', async () => {
    const t = await till();
    await t.api.recordSale(draft());
    // SQLITE_FULL from SQLite itself, as a full OPFS would produce: cap the file at its current size.
    const pages = await t.db.get<{ page_count: number }>('PRAGMA page_count');
    await t.db.exec(`PRAGMA max_page_count = ${pages?.page_count ?? 0}`);
    const big = draft({ lines: Array.from({ length: 400 }, () => cartLine(included, 1)), payments: [cash(400 * 119)], note: 'n'.repeat(500) });
    await expect(t.api.recordSale(big)).rejects.toSatisfy((e) => hasTillErrorCode(e, 'quota_exceeded'));
    expect([await count(t.db, 'sales'), await count(t.db, 'sale_items'), await count(t.db, 'sync_queue')]).toEqual([1, 1, 1]);
    expect(t.queued.count).toBe(1);
  });

  it('sells an open-price item at the price typed, and refuses it at 0 (its catalog price) with nothing written', async () => {
    const t = await till();
    const misc = product(4, { name: 'Diverses 7 %', price: 0, taxRateBp: 700, taxIncluded: true });
    await addProducts(t.db, [misc]);
    await t.db.run('UPDATE products SET open_price = 1 WHERE uuid = ?', [misc.uuid]);
    const salesBefore = await count(t.db, 'sales');
    await expect(t.api.recordSale(draft({ lines: [cartLine(misc, 1)], payments: [cash(0)] }))).rejects.toSatisfy(isInvalid);
    expect(await count(t.db, 'sales')).toBe(salesBefore);
    const detail = await t.api.recordSale(draft({ lines: [{ ...cartLine(misc, 2), unitPrice: 1234 }], payments: [cash(2468)] }));
    expect(detail.sale.lines[0]).toMatchObject({ product_uuid: misc.uuid, unit_price: 1234, quantity: 2, line_total: 2468, tax_rate_bp: 700 });
  });
});
