// A closed shift's record for the hub: queued with its outbox row in the transaction that closes the
// shift (a failing queue insert leaves the shift open), shaped as the contract's Shift with the
// figures the Z report printed, queued exactly once; shifts closed while unpaired (or before this
// update) are queued once later. No-sale drawer openings: gated by open_drawer, need an open shift,
// counted in the Z report and in the record.
import { describe, expect, it } from 'vitest';
import { strictContract } from '@ezo/contract/contract';
import type { Shift } from '@ezo/contract/shift';
import { TillError, hasTillErrorCode } from '../../api/till-error.ts';
import { shiftRecordProblem } from '../../domain/shift-record-check.ts';
import { TEST_STAFF_ID, TEST_TERMINAL, addProducts, cartLine, openTestTill, product, type TestTill } from './data-test-kit.ts';
import { queueUnsentShifts } from './shift-record.ts';

const item = product(1, { price: 119, taxRateBp: 1900, taxIncluded: true });

async function shiftRows(t: TestTill): Promise<{ payload: Shift; idempotency_key: string; entity_id: number }[]> {
  const rows = await t.db.all<{ payload: string; idempotency_key: string; entity_id: number }>(`SELECT payload, idempotency_key, entity_id FROM sync_queue WHERE entity_type = 'Shift' ORDER BY id`);
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Shift }));
}

async function sellAndClose(t: TestTill): Promise<void> {
  await t.api.recordSale({ lines: [cartLine(item, 2)], payments: [{ method: 'cash', amount: 238, tendered: 300 }], customerUuid: null, note: null });
  await t.api.recordCashMove({ kind: 'out', amount: 100, reason: 'stamps' });
}

describe('closed shifts for the hub', () => {
  it('queues the record with the close, as the Z report printed it, and only once', async () => {
    const t = await openTestTill(undefined, { openShift: false });
    await addProducts(t.db, [item]);
    const shift = await t.api.openShift(5_000);
    await sellAndClose(t);
    const opening = await t.api.openDrawer();
    expect(opening).toMatchObject({ openedBy: 'Test Cashier', count: 1 });
    t.now.ms += 3_600_000;
    const queuedBefore = t.queued.count;
    const report = await t.api.closeShift({ countedCash: 5_138, denominations: [{ value: 5_000, count: 1 }, { value: 100, count: 1 }, { value: 20, count: 1 }, { value: 10, count: 1 }, { value: 5, count: 1 }, { value: 2, count: 1 }, { value: 1, count: 1 }] });
    expect(report.noSaleOpenings).toBe(1);
    expect(t.queued.count).toBe(queuedBefore + 1);

    const rows = await shiftRows(t);
    expect(rows).toHaveLength(1);
    const record = rows[0]!.payload;
    expect(rows[0]!.idempotency_key).toBe(shift.uuid);
    expect(strictContract.upstream.shift.safeParse(record).success).toBe(true);
    expect(shiftRecordProblem(record)).toBeNull();
    expect(record).toMatchObject({
      uuid: shift.uuid,
      terminal_id: TEST_TERMINAL.terminal_id,
      z_number: 1,
      currency: 'EUR',
      opened_by: TEST_STAFF_ID,
      closed_by: TEST_STAFF_ID,
      close_approved_by: null,
      opening_float: 5_000,
      expected_cash: report.expectedCash,
      counted_cash: 5_138,
      difference: report.difference,
      drawer_openings: [{ uuid: opening.uuid, staff_id: TEST_STAFF_ID, approved_by: null, created_at: opening.createdAt }],
    });
    expect(record.cash_moves).toEqual([expect.objectContaining({ kind: 'out', amount: 100, reason: 'stamps', staff_id: TEST_STAFF_ID })]);
    expect(record.z_report).toEqual({
      first_receipt: report.firstReceipt,
      last_receipt: report.lastReceipt,
      sales_count: 1,
      sales_total: 238,
      refunds_count: 0,
      refunds_total: 0,
      turnover: 238,
      discounts: 0,
      vat: report.vat,
      payments: report.byMethod,
      cash_in: 0,
      cash_out: 100,
      cashiers: [{ staff_id: TEST_STAFF_ID, name: 'Test Cashier' }],
      grand_total: 238,
      no_sale_openings: 1,
    });
    // Opening another shift, or a restart, queues nothing more.
    await t.api.openShift(0);
    expect(await queueUnsentShifts(t.db, { terminal: () => Promise.resolve(TEST_TERMINAL), clock: { now: () => t.now.ms }, onQueued: () => undefined })).toBe(0);
    expect(await shiftRows(t)).toHaveLength(1);
  });

  it('closes and queues in one transaction: when the queue row cannot be written the shift stays open', async () => {
    const t = await openTestTill(undefined, { openShift: false });
    await t.api.openShift(0);
    await t.db.exec(`CREATE TRIGGER refuse_shift_rows BEFORE INSERT ON sync_queue WHEN NEW.entity_type = 'Shift' BEGIN SELECT RAISE(ABORT, 'queue full'); END;`);
    await expect(t.api.closeShift({ countedCash: 0, denominations: null })).rejects.toThrow(/queue full/);
    expect(await t.api.currentShift()).not.toBeNull();
    expect(await t.db.all(`SELECT * FROM shift_uploads`)).toEqual([]);
    await t.db.exec(`DROP TRIGGER refuse_shift_rows`);
    await t.api.closeShift({ countedCash: 0, denominations: null });
    expect(await shiftRows(t)).toHaveLength(1);
  });

  it('queues a shift closed while unpaired (or before this update) once, when the till is paired again', async () => {
    const t = await openTestTill(undefined, { openShift: false });
    t.terminal.current = null;
    const first = await t.api.openShift(1_000);
    await t.api.closeShift({ countedCash: 1_000, denominations: null });
    expect(await shiftRows(t)).toEqual([]);
    t.terminal.current = TEST_TERMINAL;
    const deps = { terminal: () => Promise.resolve(t.terminal.current), clock: { now: () => t.now.ms }, onQueued: () => undefined };
    expect(await queueUnsentShifts(t.db, deps)).toBe(1);
    expect(await queueUnsentShifts(t.db, deps)).toBe(0);
    // Closing the next shift queues only that one.
    await t.api.openShift(0);
    const second = await t.api.closeShift({ countedCash: 0, denominations: null });
    const rows = await shiftRows(t);
    expect(rows.map((r) => [r.idempotency_key, r.payload.z_number, r.payload.currency])).toEqual([
      [first.uuid, 1, 'EUR'],
      [second.shiftUuid, 2, 'EUR'],
    ]);
    expect(rows.every((r) => shiftRecordProblem(r.payload) === null && strictContract.upstream.shift.safeParse(r.payload).success)).toBe(true);
  });

  it("continues the terminal's Z numbers and grand total from the hub when this till replaced another", async () => {
    const t = await openTestTill(undefined, { openShift: false });
    await addProducts(t.db, [item]);
    t.terminal.current = { ...TEST_TERMINAL, last_z_number: 41, last_grand_total: 50_000 };
    await t.api.openShift(0);
    await t.api.recordSale({ lines: [cartLine(item, 1)], payments: [{ method: 'card', amount: 119, tendered: null }], customerUuid: null, note: null });
    const z42 = await t.api.closeShift({ countedCash: 0, denominations: null });
    expect([z42.zNumber, z42.grandTotal]).toEqual([42, 50_119]);
    // Its own numbers are further on now: the hub's (older) figure no longer decides.
    await t.api.openShift(0);
    expect((await t.api.closeShift({ countedCash: 0, denominations: null })).zNumber).toBe(43);
    expect((await shiftRows(t)).map((r) => r.payload.z_number)).toEqual([42, 43]);
  });

  it('opens the drawer without a sale only in an open shift and with open_drawer', async () => {
    const t = await openTestTill(undefined, { openShift: false });
    await expect(t.api.openDrawer()).rejects.toSatisfy((e) => hasTillErrorCode(e, 'no_shift'));
    await t.api.openShift(0);
    t.actor.current = (permission) => {
      if (permission === 'open_drawer') throw new TillError('forbidden', 'needs open_drawer');
      return { staffId: TEST_STAFF_ID, approvedBy: null };
    };
    await expect(t.api.openDrawer()).rejects.toSatisfy((e) => hasTillErrorCode(e, 'forbidden'));
    expect(await t.db.all(`SELECT * FROM drawer_opens`)).toEqual([]);
    // A manager approved it: recorded with both.
    const manager = '00000000-0000-4000-8000-00000000aaaa';
    t.actor.current = () => ({ staffId: TEST_STAFF_ID, approvedBy: manager });
    await t.api.openDrawer();
    expect((await t.api.openDrawer()).count).toBe(2);
    expect(await t.db.all(`SELECT staff_id, approved_by FROM drawer_opens`)).toEqual([
      { staff_id: TEST_STAFF_ID, approved_by: manager },
      { staff_id: TEST_STAFF_ID, approved_by: manager },
    ]);
    expect((await t.api.shiftPreview())?.noSaleOpenings).toBe(2);
  });
});
