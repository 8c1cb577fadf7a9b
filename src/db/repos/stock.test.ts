// Stock = the hub's figure + this till's unacknowledged deltas; adjustments queued with their record.
import { describe, expect, it } from 'vitest';
import { hasTillErrorCode } from '../../api/till-error.ts';
import { strictContract } from '@ezo/contract/contract';
import { addProducts, cartLine, openTestTill, product, TEST_STAFF_ID } from './data-test-kit.ts';

const cola = product(1, { name: 'Cola 330ml', sku: 'COLA-1', price: 100 });
const crisps = product(2, { name: 'Crisps', sku: 'CR-1', price: 150 });
const gone = product(3, { name: 'Cola Old', sku: 'COLA-0', deleted: true });
const isInvalid = (e: unknown) => hasTillErrorCode(e, 'invalid');

async function till() {
  const t = await openTestTill();
  await addProducts(t.db, [cola, crisps, gone]);
  await t.db.run(`INSERT INTO stock_levels (product_uuid, quantity, updated_at) VALUES (?, 10, '2024-03-10T08:00:00.000Z')`, [cola.uuid]);
  return t;
}

describe('stock', () => {
  it('adds this till\'s unacknowledged sales, refunds and adjustments to the hub\'s figure', async () => {
    const t = await till();
    const sale = await t.api.recordSale({ lines: [cartLine(cola, 3), cartLine(crisps, 1)], payments: [{ method: 'card', amount: 450, tendered: null }], customerUuid: null, note: null });
    expect(await t.api.stock({ text: 'cola', lowAtOrBelow: null, limit: 10 })).toEqual([{ productUuid: cola.uuid, name: 'Cola 330ml', sku: 'COLA-1', barcode: cola.barcode, serverQuantity: 10, pendingDelta: -3, quantity: 7 }]);
    await t.api.recordRefund({ originalSaleUuid: sale.sale.uuid, lines: [{ lineUuid: sale.sale.lines[0]?.uuid ?? '', quantity: 1 }], method: 'card', note: null });
    const adjusted = await t.api.adjustStock({ productUuid: cola.uuid, delta: 5, reason: ' delivery ' });
    expect(adjusted).toMatchObject({ serverQuantity: 10, pendingDelta: 3, quantity: 13 });
    expect(t.queued.count).toBe(3);

    // The hub acknowledged the sale: its lines no longer count (the next pull's figure has them).
    await t.db.run(`UPDATE sync_queue SET status = 1 WHERE idempotency_key = ?`, [sale.sale.uuid]);
    expect((await t.api.stock({ text: 'COLA', lowAtOrBelow: null, limit: 10 }))[0]).toMatchObject({ pendingDelta: 6, quantity: 16 });
    // A failed item is still this till's unacknowledged change.
    await t.db.run(`UPDATE sync_queue SET status = 2 WHERE entity_type = 'Adjustment'`);
    expect((await t.api.stock({ text: 'COLA', lowAtOrBelow: null, limit: 10 }))[0]).toMatchObject({ pendingDelta: 6 });
    await t.db.run(`UPDATE sync_queue SET status = 1`);
    expect((await t.api.stock({ text: 'COLA', lowAtOrBelow: null, limit: 10 }))[0]).toMatchObject({ pendingDelta: 0, quantity: 10 });
    // No figure from the hub yet: 0 plus the pending deltas.
    expect(await t.api.stock({ text: 'cr', lowAtOrBelow: null, limit: 10 })).toEqual([{ productUuid: crisps.uuid, name: 'Crisps', sku: 'CR-1', barcode: crisps.barcode, serverQuantity: 0, pendingDelta: 0, quantity: 0 }]);
  });

  it('lists products by name, filtered by name or SKU prefix, without deleted ones', async () => {
    const t = await till();
    expect((await t.api.stock({ text: '', lowAtOrBelow: null, limit: 10 })).map((s) => s.name)).toEqual(['Cola 330ml', 'Crisps']);
    expect((await t.api.stock({ text: 'cr-', lowAtOrBelow: null, limit: 10 })).map((s) => s.name)).toEqual(['Crisps']);
    expect((await t.api.stock({ text: 'c', lowAtOrBelow: null, limit: 1 })).map((s) => s.name)).toEqual(['Cola 330ml']);
    expect(await t.api.stock({ text: '%', lowAtOrBelow: null, limit: 10 })).toEqual([]);
  });

  it('finds products by barcode (exact, or a digits prefix) and by words anywhere, ignoring accents', async () => {
    const t = await till();
    const cafe = product(4, { name: 'Café Crème Bohnen', sku: 'CAF-1', barcode: 'ABC-77' });
    await addProducts(t.db, [cafe]);
    const names = async (text: string) => (await t.api.stock({ text, lowAtOrBelow: null, limit: 10 })).map((s) => s.name);
    expect(await names(cola.barcode ?? '')).toEqual(['Cola 330ml']);
    expect(await names((crisps.barcode ?? '').slice(0, 11))).toEqual(['Cola 330ml', 'Crisps']);
    expect(await names(crisps.barcode ?? '')).toEqual(['Crisps']);
    expect(await names('ABC-77')).toEqual(['Café Crème Bohnen']);
    expect(await names('creme')).toEqual(['Café Crème Bohnen']);
    expect(await names('bohnen')).toEqual(['Café Crème Bohnen']);
    expect(await names('330')).toEqual(['Cola 330ml']);
  });

  it('lists low stock, lowest first, counting this till\'s unsynced changes', async () => {
    const t = await till();
    await t.db.run(`INSERT INTO stock_levels (product_uuid, quantity, updated_at) VALUES (?, 3, '2024-03-10T08:00:00.000Z')`, [crisps.uuid]);
    const low = async (at: number, text = '') => (await t.api.stock({ text, lowAtOrBelow: at, limit: 10 })).map((s) => [s.name, s.quantity]);
    expect(await low(5)).toEqual([['Crisps', 3]]);
    expect(await low(10)).toEqual([['Crisps', 3], ['Cola 330ml', 10]]);
    await t.api.adjustStock({ productUuid: cola.uuid, delta: -9, reason: 'damaged' });
    expect(await low(5)).toEqual([['Cola 330ml', 1], ['Crisps', 3]]);
    expect(await low(5, 'cr')).toEqual([['Crisps', 3]]);
    expect(await low(0)).toEqual([]);
    await expect(t.api.stock({ text: '', lowAtOrBelow: 1.5, limit: 10 })).rejects.toSatisfy(isInvalid);
  });

  it('queues an adjustment the hub accepts, in one transaction with the record', async () => {
    const t = await till();
    await t.api.adjustStock({ productUuid: crisps.uuid, delta: -2, reason: 'damaged' });
    const row = await t.db.get<{ entity_type: string; action: string; payload: string; entity_id: number }>('SELECT entity_type, action, payload, entity_id FROM sync_queue');
    const adjustment = await t.db.get<{ id: number; uuid: string }>('SELECT id, uuid FROM inventory_adjustments');
    expect(row).toMatchObject({ entity_type: 'Adjustment', action: 'CREATE', entity_id: adjustment?.id });
    const payload: unknown = JSON.parse(row?.payload ?? '');
    expect(strictContract.upstream.adjustment.parse(payload)).toEqual({
      uuid: adjustment?.uuid, product_uuid: crisps.uuid, delta: -2, reason: 'damaged', created_at: '2024-03-10T09:00:00.000Z', staff_id: TEST_STAFF_ID, approved_by: null,
    });

    await t.db.exec(`CREATE TRIGGER test_queue_fails BEFORE INSERT ON sync_queue BEGIN SELECT RAISE(ABORT, 'queue refused'); END`);
    await expect(t.api.adjustStock({ productUuid: crisps.uuid, delta: 1, reason: 'found' })).rejects.toSatisfy((e) => hasTillErrorCode(e, 'sqlite'));
    expect((await t.db.all('SELECT id FROM inventory_adjustments')).length).toBe(1);
  });

  it('refuses bad adjustments', async () => {
    const t = await till();
    for (const input of [
      { productUuid: cola.uuid, delta: 0, reason: 'x' },
      { productUuid: cola.uuid, delta: 1.5, reason: 'x' },
      { productUuid: cola.uuid, delta: 1, reason: '   ' },
      { productUuid: cola.uuid, delta: 1, reason: 'x'.repeat(501) },
      { productUuid: gone.uuid, delta: 1, reason: 'x' },
      { productUuid: 'not-a-uuid', delta: 1, reason: 'x' },
    ]) {
      await expect(t.api.adjustStock(input)).rejects.toSatisfy(isInvalid);
    }
    expect((await t.db.all('SELECT id FROM inventory_adjustments')).length).toBe(0);
    expect(t.queued.count).toBe(0);
  });

  it('an open-price product (sold at a typed price) is no stock item: never listed, never adjusted, its sales leave no figure', async () => {
    const t = await till();
    const misc = product(4, { name: 'Diverses 7 %', sku: 'DIV-07', price: 0, taxRateBp: 700, taxIncluded: true });
    await addProducts(t.db, [misc]);
    await t.db.run('UPDATE products SET open_price = 1 WHERE uuid = ?', [misc.uuid]);
    await t.api.recordSale({ lines: [{ ...cartLine(misc, 1), unitPrice: 500 }], payments: [{ method: 'card', amount: 500, tendered: null }], customerUuid: null, note: null });
    expect(await t.api.stock({ text: 'Diverses', lowAtOrBelow: null, limit: 10 })).toEqual([]);
    expect((await t.api.stock({ text: '', lowAtOrBelow: 0, limit: 10 })).map((s) => s.name)).toEqual(['Crisps']);
    await expect(t.api.adjustStock({ productUuid: misc.uuid, delta: 1, reason: 'found' })).rejects.toSatisfy(isInvalid);
    expect((await t.db.all('SELECT id FROM inventory_adjustments')).length).toBe(0);
  });
});
