// Stock = the hub's figure + this till's unacknowledged deltas; adjustments queued with their record.
import { describe, expect, it } from 'vitest';
import { hasTillErrorCode } from '../../api/till-error.ts';
import { strictContract } from '@ezo/contract/contract';
import { addProducts, cartLine, openTestTill, product } from './data-test-kit.ts';

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
    expect(await t.api.stock('cola', 10)).toEqual([{ productUuid: cola.uuid, name: 'Cola 330ml', sku: 'COLA-1', serverQuantity: 10, pendingDelta: -3, quantity: 7 }]);
    await t.api.recordRefund({ originalSaleUuid: sale.sale.uuid, lines: [{ lineUuid: sale.sale.lines[0]?.uuid ?? '', quantity: 1 }], method: 'card', note: null });
    const adjusted = await t.api.adjustStock({ productUuid: cola.uuid, delta: 5, reason: ' delivery ' });
    expect(adjusted).toMatchObject({ serverQuantity: 10, pendingDelta: 3, quantity: 13 });
    expect(t.queued.count).toBe(3);

    // The hub acknowledged the sale: its lines no longer count (the next pull's figure has them).
    await t.db.run(`UPDATE sync_queue SET status = 1 WHERE idempotency_key = ?`, [sale.sale.uuid]);
    expect((await t.api.stock('COLA', 10))[0]).toMatchObject({ pendingDelta: 6, quantity: 16 });
    // A failed item is still this till's unacknowledged change.
    await t.db.run(`UPDATE sync_queue SET status = 2 WHERE entity_type = 'Adjustment'`);
    expect((await t.api.stock('COLA', 10))[0]).toMatchObject({ pendingDelta: 6 });
    await t.db.run(`UPDATE sync_queue SET status = 1`);
    expect((await t.api.stock('COLA', 10))[0]).toMatchObject({ pendingDelta: 0, quantity: 10 });
    // No figure from the hub yet: 0 plus the pending deltas.
    expect(await t.api.stock('cr', 10)).toEqual([{ productUuid: crisps.uuid, name: 'Crisps', sku: 'CR-1', serverQuantity: 0, pendingDelta: 0, quantity: 0 }]);
  });

  it('lists products by name, filtered by name or SKU prefix, without deleted ones', async () => {
    const t = await till();
    expect((await t.api.stock('', 10)).map((s) => s.name)).toEqual(['Cola 330ml', 'Crisps']);
    expect((await t.api.stock('cr-', 10)).map((s) => s.name)).toEqual(['Crisps']);
    expect((await t.api.stock('c', 1)).map((s) => s.name)).toEqual(['Cola 330ml']);
    expect(await t.api.stock('%', 10)).toEqual([]);
  });

  it('queues an adjustment the hub accepts, in one transaction with the record', async () => {
    const t = await till();
    await t.api.adjustStock({ productUuid: crisps.uuid, delta: -2, reason: 'damaged' });
    const row = await t.db.get<{ entity_type: string; action: string; payload: string; entity_id: number }>('SELECT entity_type, action, payload, entity_id FROM sync_queue');
    const adjustment = await t.db.get<{ id: number; uuid: string }>('SELECT id, uuid FROM inventory_adjustments');
    expect(row).toMatchObject({ entity_type: 'Adjustment', action: 'CREATE', entity_id: adjustment?.id });
    const payload: unknown = JSON.parse(row?.payload ?? '');
    expect(strictContract.upstream.adjustment.parse(payload)).toEqual({
      uuid: adjustment?.uuid, product_uuid: crisps.uuid, delta: -2, reason: 'damaged', created_at: '2024-03-10T09:00:00.000Z',
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
});
