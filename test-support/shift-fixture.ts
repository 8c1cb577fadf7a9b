// A closed shift whose figures add up, for tests of the shift record's rules (domain) and the
// contract: one cash sale of 1190 at 19 %, a card refund of 107 at 7 %, 500 cash in, 200 out, one
// no-sale drawer opening, counted 10 short by notes and coins.
import type { Shift } from '@ezo/contract/shift';

const STAFF = '00000000-0000-4000-8000-00000000ca51';

export function exampleShift(change: Partial<Shift> = {}): Shift {
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
