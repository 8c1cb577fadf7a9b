// The arithmetic of a closed shift's record: the example adds up, and breaking any one figure is
// found (each rule can fail), so the till never queues and the hub never stores a Z report that
// does not add up.
import { describe, expect, it } from 'vitest';
import type { Shift, ZReportFigures } from '@ezo/contract/shift';
import { shiftRecordProblem } from './shift-record-check.ts';

/** A shift whose figures add up: one cash sale of 1190 at 19 %, a card refund of 107 at 7 %, 500 cash in, 200 out, one no-sale opening, counted 10 short. */
const STAFF = '00000000-0000-4000-8000-00000000ca51';

function exampleShift(change: Partial<Shift> = {}): Shift {
  return {
    uuid: '00000000-0000-4000-8000-000000005001',
    terminal_id: '00000000-0000-4000-8000-000000007001',
    z_number: 1,
    currency: 'EUR',
    opened_at: '2026-01-10T08:00:00.000Z',
    closed_at: '2026-01-10T17:00:00.000Z',
    opened_by: STAFF,
    closed_by: STAFF,
    close_approved_by: null,
    opening_float: 10_000,
    cash_moves: [
      { uuid: '00000000-0000-4000-8000-000000005101', kind: 'in', amount: 500, reason: 'change from the bank', staff_id: STAFF, approved_by: null, created_at: '2026-01-10T09:00:00.000Z' },
      { uuid: '00000000-0000-4000-8000-000000005102', kind: 'out', amount: 200, reason: 'window cleaner', staff_id: STAFF, approved_by: null, created_at: '2026-01-10T10:00:00.000Z' },
    ],
    expected_cash: 11_490,
    counted_cash: 11_480,
    denominations: [
      { value: 10_000, count: 1 },
      { value: 1_000, count: 1 },
      { value: 200, count: 2 },
      { value: 50, count: 1 },
      { value: 10, count: 3 },
    ],
    difference: -10,
    drawer_openings: [{ uuid: '00000000-0000-4000-8000-000000005201', staff_id: STAFF, approved_by: null, created_at: '2026-01-10T11:00:00.000Z' }],
    z_report: {
      first_receipt: 'T1-1',
      last_receipt: 'T1-2',
      sales_count: 1,
      sales_total: 1190,
      refunds_count: 1,
      refunds_total: 107,
      turnover: 1083,
      discounts: 0,
      vat: [
        { tax_rate_bp: 1900, net: 1000, vat: 190, gross: 1190 },
        { tax_rate_bp: 700, net: -100, vat: -7, gross: -107 },
      ],
      payments: [
        { method: 'cash', count: 1, amount: 1190 },
        { method: 'card', count: 1, amount: -107 },
      ],
      cash_in: 500,
      cash_out: 200,
      cashiers: [{ staff_id: STAFF, name: 'Anna' }],
      grand_total: 1083,
      no_sale_openings: 1,
    },
    ...change,
  };
}

const z = (change: Partial<ZReportFigures>): Partial<Shift> => ({ z_report: { ...exampleShift().z_report, ...change } });

describe('shift record arithmetic', () => {
  it('accepts a record whose figures add up, also an empty shift', () => {
    expect(shiftRecordProblem(exampleShift())).toBeNull();
    const empty = exampleShift({
      cash_moves: [],
      drawer_openings: [],
      denominations: null,
      expected_cash: 10_000,
      counted_cash: 10_000,
      difference: 0,
      ...z({ first_receipt: null, last_receipt: null, sales_count: 0, sales_total: 0, refunds_count: 0, refunds_total: 0, turnover: 0, vat: [], payments: [], cash_in: 0, cash_out: 0, cashiers: [], grand_total: 0, no_sale_openings: 0 }),
    });
    expect(shiftRecordProblem(empty)).toBeNull();
  });

  it.each<[string, Partial<Shift>, RegExp]>([
    ['closed before opened', { closed_at: '2026-01-10T07:00:00.000Z' }, /before opened_at/],
    ['a VAT row whose net + VAT is not its gross', z({ vat: [{ tax_rate_bp: 1900, net: 1000, vat: 191, gross: 1190 }, { tax_rate_bp: 700, net: -100, vat: -7, gross: -107 }] }), /net \+ VAT/],
    ['a rate twice', z({ vat: [{ tax_rate_bp: 1900, net: 1000, vat: 190, gross: 1190 }, { tax_rate_bp: 1900, net: -100, vat: -7, gross: -107 }] }), /listed twice/],
    ['a method twice', z({ payments: [{ method: 'cash', count: 1, amount: 1190 }, { method: 'cash', count: 1, amount: -107 }] }), /listed twice/],
    ['turnover off by one', z({ turnover: 1084 }), /turnover is not/],
    ['VAT rows that miss the turnover', z({ vat: [{ tax_rate_bp: 1900, net: 1000, vat: 190, gross: 1190 }] }), /VAT rows/],
    ['payments that miss the turnover', z({ payments: [{ method: 'cash', count: 1, amount: 1190 }] }), /payments/],
    ['receipt numbers on an empty shift', z({ first_receipt: null }), /first_receipt/],
    ['cash in that is not its movements', z({ cash_in: 600 }), /cash_in and cash_out/],
    ['expected cash off', { expected_cash: 11_491, difference: -11 }, /expected_cash/],
    ['difference off', { difference: 0 }, /difference/],
    ['notes and coins that miss the count', { denominations: [{ value: 10_000, count: 1 }] }, /notes and coins/],
    ['openings not counted', z({ no_sale_openings: 2 }), /no_sale_openings/],
  ])('finds %s', (_name, change, problem) => {
    expect(shiftRecordProblem(exampleShift(change))).toMatch(problem);
  });
});
