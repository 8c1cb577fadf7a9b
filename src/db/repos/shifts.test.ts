// Shifts and the Z report, checked against figures computed by hand.
import { describe, expect, it } from 'vitest';
import type { ZReport } from '../../api/till-api.ts';
import { hasTillErrorCode } from '../../api/till-error.ts';
import { addProducts, cartLine, openTestTill, product } from './data-test-kit.ts';

const included = product(1, { price: 119, taxRateBp: 2000, taxIncluded: true });
const added = product(2, { price: 250, taxRateBp: 700, taxIncluded: false });
const isInvalid = (e: unknown) => hasTillErrorCode(e, 'invalid');

describe('shifts and the Z report', () => {
  it('opens one shift at a time', async () => {
    const t = await openTestTill();
    expect(await t.api.currentShift()).toBeNull();
    await expect(t.api.openShift(-1)).rejects.toSatisfy(isInvalid);
    await expect(t.api.openShift(10.5)).rejects.toSatisfy(isInvalid);
    const shift = await t.api.openShift(10_000);
    expect(shift).toEqual({ uuid: shift.uuid, openedAt: '2024-03-10T09:00:00.000Z', openingFloat: 10_000, closedAt: null, openedBy: 'Test Cashier' });
    expect(await t.api.currentShift()).toEqual(shift);
    await expect(t.api.openShift(0)).rejects.toSatisfy(isInvalid);
    await expect(t.api.closeShift(-5)).rejects.toSatisfy(isInvalid);
  });

  it('closes with the Z report of the shift\'s own sales and refunds (hand-computed)', async () => {
    const t = await openTestTill();
    await addProducts(t.db, [included, added]);
    // Before the shift: not counted.
    await t.api.recordSale({ lines: [cartLine(included, 1)], payments: [{ method: 'cash', amount: 119, tendered: 119 }], customerUuid: null, note: null });
    const shift = await t.api.openShift(10_000);
    // A: 3 x 119 incl. 20 % = 357 (tax 59), cash 500 tendered, 143 change.
    const a = await t.api.recordSale({ lines: [cartLine(included, 3)], payments: [{ method: 'cash', amount: 357, tendered: 500 }], customerUuid: null, note: null });
    // B: 2 x 250 - 10 % = 450 + 7 % = 482 (tax 32), card.
    await t.api.recordSale({ lines: [cartLine(added, 2, 1000)], payments: [{ method: 'card', amount: 482, tendered: null }], customerUuid: null, note: null });
    // Refund of one A item in cash: -119 (tax -20).
    await t.api.recordRefund({ originalSaleUuid: a.sale.uuid, lines: [{ lineUuid: a.sale.lines[0]?.uuid ?? '', quantity: 1 }], method: 'cash', note: null });
    t.now.ms += 8 * 3_600_000;
    const report = await t.api.closeShift(10_200);
    const expected: ZReport = {
      shiftUuid: shift.uuid,
      terminalName: 'Till 1',
      openedBy: 'Test Cashier',
      closedBy: 'Test Cashier',
      closeApprovedBy: null,
      openedAt: '2024-03-10T09:00:00.000Z',
      closedAt: '2024-03-10T17:00:00.000Z',
      currency: 'EUR',
      openingFloat: 10_000,
      salesCount: 2,
      refundsCount: 1,
      grossSales: 839,
      refundsTotal: 119,
      taxTotal: 71,
      netTotal: 720,
      byMethod: [
        { method: 'cash', count: 2, amount: 238 },
        { method: 'card', count: 1, amount: 482 },
      ],
      expectedCash: 10_238,
      countedCash: 10_200,
      difference: -38,
    };
    expect(report).toEqual(expected);
    const stored = await t.db.get<{ closed_at: string; counted_cash: number; expected_cash: number; z_report: string }>(
      'SELECT closed_at, counted_cash, expected_cash, z_report FROM shifts WHERE uuid = ?',
      [shift.uuid],
    );
    expect(stored).toEqual({ closed_at: '2024-03-10T17:00:00.000Z', counted_cash: 10_200, expected_cash: 10_238, z_report: JSON.stringify(expected) });
    expect(await t.api.currentShift()).toBeNull();
    await expect(t.api.closeShift(0)).rejects.toSatisfy(isInvalid);
    // Shifts are local: nothing about them is queued.
    expect((await t.db.all(`SELECT entity_type FROM sync_queue WHERE entity_type <> 'Sale'`)).length).toBe(0);
  });

  it('reports an empty shift', async () => {
    const t = await openTestTill();
    await t.api.openShift(500);
    const report = await t.api.closeShift(500);
    expect(report).toMatchObject({ salesCount: 0, refundsCount: 0, grossSales: 0, taxTotal: 0, expectedCash: 500, difference: 0 });
    expect(report.byMethod).toEqual([
      { method: 'cash', count: 0, amount: 0 },
      { method: 'card', count: 0, amount: 0 },
    ]);
  });
});
