// The sales list by local day and text, newest first, with each sale's sync state.
import { describe, expect, it } from 'vitest';
import { hasTillErrorCode } from '../../api/till-error.ts';
import { insertCustomers } from '../../../test-support/catalog-fixture.ts';
import { addProducts, cartLine, openTestTill, product } from './data-test-kit.ts';
import { localDayRange } from './sale-history.ts';

const tea = product(1, { name: 'Green Tea', price: 300 });
const bun = product(2, { name: 'Cinnamon Bun', price: 250 });
const customer = { uuid: '00000003-0000-4000-8000-000000000001', name: 'Hana Novak', email: null, phone: null };

describe('sale history', () => {
  it('computes a local day\'s bounds in UTC from the worker\'s time zone', () => {
    const [start, end] = localDayRange('2024-03-10');
    expect(start).toBe(new Date(2024, 2, 10).toISOString());
    expect(end).toBe(new Date(2024, 2, 11).toISOString());
    expect(() => localDayRange('2024-02-30')).toThrow();
    expect(() => localDayRange('10/03/2024')).toThrow();
  });

  it('lists one local day newest first, filtered by receipt, product or customer name', async () => {
    const t = await openTestTill();
    await addProducts(t.db, [tea, bun]);
    await t.db.transaction((tx) => insertCustomers(tx, [customer]));
    const sell = async (at: Date, line: ReturnType<typeof cartLine>, customerUuid: string | null = null) => {
      t.now.ms = at.getTime();
      return t.api.recordSale({ lines: [line], payments: [{ method: 'card', amount: line.unitPrice * line.quantity, tendered: null }], customerUuid, note: null });
    };
    // Local times: the first is the evening before, the rest on 10 March.
    const eve = await sell(new Date(2024, 2, 9, 23, 30), cartLine(tea, 1));
    const morning = await sell(new Date(2024, 2, 10, 0, 15), cartLine(tea, 2), customer.uuid);
    const noon = await sell(new Date(2024, 2, 10, 12, 0), cartLine(bun, 1));
    t.now.ms = new Date(2024, 2, 10, 13, 0).getTime();
    const refund = await t.api.recordRefund({ originalSaleUuid: morning.sale.uuid, lines: [{ lineUuid: morning.sale.lines[0]?.uuid ?? '', quantity: 1 }], method: 'card', note: null });

    const day = await t.api.sales({ day: '2024-03-10', text: '', limit: 50 });
    expect(day.map((s) => s.uuid)).toEqual([refund.sale.uuid, noon.sale.uuid, morning.sale.uuid]);
    expect(day[0]).toEqual({
      uuid: refund.sale.uuid, receiptNumber: 'T1-000004', createdAt: refund.sale.created_at, total: -300, itemCount: 1,
      isRefund: true, customerName: 'Hana Novak', syncState: 'pending',
    });
    expect(day[2]).toMatchObject({ itemCount: 2, total: 600, isRefund: false });
    expect((await t.api.sales({ day: '2024-03-09', text: '', limit: 50 })).map((s) => s.uuid)).toEqual([eve.sale.uuid]);
    expect((await t.api.sales({ day: null, text: '', limit: 2 })).map((s) => s.uuid)).toEqual([refund.sale.uuid, noon.sale.uuid]);

    expect((await t.api.sales({ day: null, text: 'cinnamon', limit: 50 })).map((s) => s.uuid)).toEqual([noon.sale.uuid]);
    expect((await t.api.sales({ day: null, text: 'novak', limit: 50 })).map((s) => s.uuid)).toEqual([refund.sale.uuid, morning.sale.uuid]);
    expect((await t.api.sales({ day: null, text: '000001', limit: 50 })).map((s) => s.uuid)).toEqual([eve.sale.uuid]);
    expect(await t.api.sales({ day: null, text: '%', limit: 50 })).toEqual([]);

    await t.db.run(`UPDATE sync_queue SET status = 2 WHERE idempotency_key = ?`, [noon.sale.uuid]);
    expect((await t.api.sales({ day: '2024-03-10', text: 'cinnamon', limit: 50 }))[0]?.syncState).toBe('failed');
    await expect(t.api.sales({ day: '2024-13-01', text: '', limit: 5 })).rejects.toSatisfy((e) => hasTillErrorCode(e, 'invalid'));
  });
});
