// Shifts, cash movements and the Z report, checked against figures computed by hand; closed shifts
// are immutable records with consecutive Z numbers and a running grand total.
import { describe, expect, it } from 'vitest';
import { hasTillErrorCode } from '../../api/till-error.ts';
import { addProducts, cartLine, openTestTill, product } from './data-test-kit.ts';

const included = product(1, { price: 119, taxRateBp: 2000, taxIncluded: true });
const added = product(2, { price: 250, taxRateBp: 700, taxIncluded: false });
const isInvalid = (e: unknown) => hasTillErrorCode(e, 'invalid');
const noShift = (e: unknown) => hasTillErrorCode(e, 'no_shift');

describe('shifts and the Z report', () => {
  it('opens one shift at a time', async () => {
    const t = await openTestTill(undefined, { openShift: false });
    expect(await t.api.currentShift()).toBeNull();
    await expect(t.api.openShift(-1)).rejects.toSatisfy(isInvalid);
    await expect(t.api.openShift(10.5)).rejects.toSatisfy(isInvalid);
    const shift = await t.api.openShift(10_000);
    expect(shift).toEqual({ uuid: shift.uuid, openedAt: '2024-03-10T09:00:00.000Z', openingFloat: 10_000, closedAt: null, openedBy: 'Test Cashier' });
    expect(await t.api.currentShift()).toEqual(shift);
    await expect(t.api.openShift(0)).rejects.toSatisfy(isInvalid);
    await expect(t.api.closeShift({ countedCash: -5, denominations: null })).rejects.toSatisfy(isInvalid);
  });

  it('refuses sales, refunds and cash movements with no shift open', async () => {
    const t = await openTestTill(undefined, { openShift: false });
    await addProducts(t.db, [included]);
    await expect(t.api.recordSale({ lines: [cartLine(included, 1)], payments: [{ method: 'cash', amount: 119, tendered: 119 }], customerUuid: null, note: null })).rejects.toSatisfy(noShift);
    await expect(t.api.recordCashMove({ kind: 'in', amount: 100, reason: 'change' })).rejects.toSatisfy(noShift);
  });

  it('closes with the Z report of the shift\'s own sales, refunds and cash movements (hand-computed)', async () => {
    const t = await openTestTill(undefined, { openShift: false });
    await addProducts(t.db, [included, added]);
    const shift = await t.api.openShift(10_000);
    // A: 3 x 119 incl. 20 % = 357 (net 298, tax 59), cash 500 tendered, 143 change.
    const a = await t.api.recordSale({ lines: [cartLine(included, 3)], payments: [{ method: 'cash', amount: 357, tendered: 500 }], customerUuid: null, note: null });
    // B: 2 x 250 - 10 % = 450 + 7 % = 482 (tax 32, discount 50), card.
    await t.api.recordSale({ lines: [cartLine(added, 2, 1000)], payments: [{ method: 'card', amount: 482, tendered: null }], customerUuid: null, note: null });
    // Refund of one A item in cash: -119 (net -99, tax -20).
    await t.api.recordRefund({ originalSaleUuid: a.sale.uuid, lines: [{ lineUuid: a.sale.lines[0]?.uuid ?? '', quantity: 1 }], method: 'cash', note: null });
    await t.api.recordCashMove({ kind: 'in', amount: 2_000, reason: 'change from the bank' });
    await t.api.recordCashMove({ kind: 'out', amount: 500, reason: 'window cleaner' });
    await expect(t.api.recordCashMove({ kind: 'out', amount: 0, reason: 'x' })).rejects.toSatisfy(isInvalid);
    await expect(t.api.recordCashMove({ kind: 'in', amount: 100, reason: '  ' })).rejects.toSatisfy(isInvalid);
    await expect(t.api.recordCashMove({ kind: 'out', amount: 1_000_000, reason: 'more than the drawer' })).rejects.toSatisfy(isInvalid);
    expect((await t.api.shiftPreview())?.expectedCash).toBe(10_000 + 238 + 2_000 - 500);
    t.now.ms += 8 * 3_600_000;
    // Counted by notes and coins: 2 x 50 € + 1 x 20 € + 3 x 2 € + 1 x 1 € + 3 x 0.10 € = 127.30 €.
    const denominations = [
      { value: 5000, count: 2 },
      { value: 2000, count: 1 },
      { value: 200, count: 3 },
      { value: 100, count: 1 },
      { value: 10, count: 3 },
    ];
    await expect(t.api.closeShift({ countedCash: 12_731, denominations })).rejects.toSatisfy(isInvalid);
    const report = await t.api.closeShift({ countedCash: 12_730, denominations });
    expect(report).toMatchObject({
      shiftUuid: shift.uuid,
      zNumber: 1,
      terminalName: 'Till 1',
      openedBy: 'Test Cashier',
      closedBy: 'Test Cashier',
      closeApprovedBy: null,
      openedAt: '2024-03-10T09:00:00.000Z',
      closedAt: '2024-03-10T17:00:00.000Z',
      currency: 'EUR',
      firstReceipt: a.sale.receipt_number,
      salesCount: 2,
      salesTotal: 839,
      refundsCount: 1,
      refundsTotal: 119,
      turnover: 720,
      discounts: 50,
      byMethod: [
        { method: 'cash', count: 2, amount: 238 },
        { method: 'card', count: 1, amount: 482 },
      ],
      cashIn: 2_000,
      cashOut: 500,
      openingFloat: 10_000,
      expectedCash: 11_738,
      countedCash: 12_730,
      difference: 992,
      grandTotal: 720,
      denominations,
      cashiers: ['Test Cashier'],
    });
    expect(report.lastReceipt).not.toBe(report.firstReceipt);
    expect(report.vat).toEqual([
      { tax_rate_bp: 2000, net: 298 - 99, vat: 59 - 20, gross: 238 },
      { tax_rate_bp: 700, net: 450, vat: 32, gross: 482 },
    ]);
    expect(report.moves.map((m) => [m.kind, m.amount, m.reason])).toEqual([
      ['in', 2_000, 'change from the bank'],
      ['out', 500, 'window cleaner'],
    ]);
    expect(await t.api.zReport(shift.uuid)).toEqual(report);
    expect(await t.api.currentShift()).toBeNull();
    await expect(t.api.closeShift({ countedCash: 0, denominations: null })).rejects.toSatisfy(isInvalid);
    // The closed shift is an immutable record.
    await expect(t.db.run(`UPDATE shifts SET counted_cash = 0 WHERE uuid = ?`, [shift.uuid])).rejects.toThrow(/immutable/);
    await expect(t.db.run(`DELETE FROM shifts WHERE uuid = ?`, [shift.uuid])).rejects.toThrow(/immutable/);
    await expect(t.db.run(`DELETE FROM cash_movements`)).rejects.toThrow(/append-only/);
  });

  it('numbers Z reports consecutively and carries the grand total', async () => {
    const t = await openTestTill(undefined, { openShift: false });
    await addProducts(t.db, [included]);
    const sell = (n: number) => t.api.recordSale({ lines: [cartLine(included, n)], payments: [{ method: 'card', amount: 119 * n, tendered: null }], customerUuid: null, note: null });
    await t.api.openShift(0);
    await sell(1);
    const z1 = await t.api.closeShift({ countedCash: 0, denominations: null });
    await t.api.openShift(0);
    const z2empty = await t.api.closeShift({ countedCash: 0, denominations: null });
    await t.api.openShift(0);
    await sell(2);
    const z3 = await t.api.closeShift({ countedCash: 0, denominations: null });
    expect([z1.zNumber, z2empty.zNumber, z3.zNumber]).toEqual([1, 2, 3]);
    expect([z1.grandTotal, z2empty.grandTotal, z3.grandTotal]).toEqual([119, 119, 119 * 3]);
    expect(z2empty).toMatchObject({ salesCount: 0, firstReceipt: null, lastReceipt: null, turnover: 0, vat: [] });
    expect((await t.api.closedShifts(10)).map((s) => s.zNumber)).toEqual([3, 2, 1]);
  });
});
