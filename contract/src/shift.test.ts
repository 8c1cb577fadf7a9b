// The Shift item (protocol 3): bounded lists and strings, money as integers, strict at the hub and
// lenient at the till; a protocol 2 batch (no `shifts`) is still a valid batch.
import { describe, expect, it } from 'vitest';
import { strictContract, lenientContract } from './contract.ts';
import { MAX_CASH_MOVES_PER_SHIFT, MAX_DRAWER_OPENINGS_PER_SHIFT, MAX_UPSTREAM_ITEMS, MAX_VAT_RATES_PER_SHIFT } from './limits.ts';

const STAFF = '00000000-0000-4000-8000-00000000ca51';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const move = (n: number) => ({ uuid: uuid(n), kind: 'in', amount: 1, reason: 'r', staff_id: STAFF, approved_by: null, created_at: '2026-01-10T09:00:00.000Z' });
const opening = (n: number) => ({ uuid: uuid(n), staff_id: STAFF, approved_by: null, created_at: '2026-01-10T09:00:00.000Z' });

function shift(change: Record<string, unknown> = {}, z: Record<string, unknown> = {}) {
  return {
    uuid: uuid(1),
    terminal_id: uuid(2),
    z_number: 1,
    currency: 'EUR',
    opened_at: '2026-01-10T08:00:00.000Z',
    closed_at: '2026-01-10T17:00:00.000Z',
    opened_by: STAFF,
    closed_by: STAFF,
    close_approved_by: null,
    opening_float: 0,
    cash_moves: [],
    expected_cash: 0,
    counted_cash: 0,
    denominations: null,
    difference: 0,
    drawer_openings: [],
    z_report: {
      first_receipt: null,
      last_receipt: null,
      sales_count: 0,
      sales_total: 0,
      refunds_count: 0,
      refunds_total: 0,
      turnover: 0,
      discounts: 0,
      vat: [],
      payments: [],
      cash_in: 0,
      cash_out: 0,
      cashiers: [],
      grand_total: 0,
      no_sale_openings: 0,
      ...z,
    },
    ...change,
  };
}

const strict = strictContract.upstream.shift;

describe('Shift', () => {
  it('parses a valid record, strictly at the hub and leniently at the till', () => {
    expect(strict.safeParse(shift()).success).toBe(true);
    expect(strict.safeParse({ ...shift(), extra: 1 }).success).toBe(false);
    expect(lenientContract.upstream.shift.safeParse({ ...shift(), extra: 1 }).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a fractional amount', { opening_float: 0.5 }, {}],
    ['a negative counted cash', { counted_cash: -1 }, {}],
    ['Z number 0', { z_number: 0 }, {}],
    ['a clock in 1970', { closed_at: '1970-01-01T00:00:00.000Z' }, {}],
    ['a cash movement of 0', { cash_moves: [{ ...move(3), amount: 0 }] }, {}],
    ['a cash movement without a reason', { cash_moves: [{ ...move(3), reason: '' }] }, {}],
    ['a reason past the text limit', { cash_moves: [{ ...move(3), reason: 'x'.repeat(501) }] }, {}],
    ['too many cash movements', { cash_moves: Array.from({ length: MAX_CASH_MOVES_PER_SHIFT + 1 }, (_, i) => move(10 + i)) }, {}],
    ['too many drawer openings', { drawer_openings: Array.from({ length: MAX_DRAWER_OPENINGS_PER_SHIFT + 1 }, (_, i) => opening(10 + i)) }, {}],
    ['too many VAT rates', {}, { vat: Array.from({ length: MAX_VAT_RATES_PER_SHIFT + 1 }, (_, i) => ({ tax_rate_bp: i, net: 0, vat: 0, gross: 0 })) }],
    ['a negative count', {}, { sales_count: -1 }],
    ['an unknown payment method', {}, { payments: [{ method: 'cheque', count: 1, amount: 0 }] }],
    ['a receipt number past the code limit', {}, { first_receipt: 'x'.repeat(65), last_receipt: 'x' }],
    ['a NUL in a cashier name', {}, { cashiers: [{ staff_id: STAFF, name: 'A\u0000' }] }],
    ['a denomination of 0', { denominations: [{ value: 0, count: 1 }] }, {}],
  ])('refuses %s', (_name, change, z) => {
    expect(strict.safeParse(shift(change, z)).success).toBe(false);
  });

  it('travels in an upstream batch; a protocol 2 batch without shifts is still valid, the item limit counts shifts', () => {
    const batch = strictContract.upstream.batch;
    const v2 = batch.parse({ sync_id: 's', timestamp: '2026-01-10T17:00:00.000Z', changes: { sales: [] } });
    expect(v2.changes.shifts).toEqual([]);
    expect(batch.safeParse({ sync_id: 's', timestamp: '2026-01-10T17:00:00.000Z', changes: { shifts: [shift()] } }).success).toBe(true);
    const tooMany = Array.from({ length: MAX_UPSTREAM_ITEMS + 1 }, (_, i) => shift({ uuid: uuid(100 + i) }));
    expect(batch.safeParse({ sync_id: 's', timestamp: '2026-01-10T17:00:00.000Z', changes: { shifts: tooMany } }).success).toBe(false);
    expect(strictContract.upstream.itemResult.safeParse({ uuid: uuid(1), entity: 'shift', status: 'duplicate' }).success).toBe(true);
  });
});
