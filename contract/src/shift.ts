// A closed shift as the till sends it (protocol 3): an immutable record of one cash-drawer session on
// one terminal and its Z report as the till printed it. The hub stores it once per uuid and never
// recomputes it from sales (a shift may arrive before its sales); it checks that the figures add up
// (src/domain/shift-record-check.ts) and rejects a record whose figures do not.
// Staff: opened_by, closed_by and close_approved_by are checked at the hub like a sale's staff_id (a
// role in the terminal's store); the staff named in cash movements, drawer openings and cashiers are
// stored as the till recorded them. All ids are null (never absent) when the till recorded nobody:
// a shift opened or closed before the till's update to protocol 2.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { Code, Currency, Money, Name, NonNegativeMoney, RecordTime, TaxRateBp, Text, Uuid } from './primitives.ts';
import { PaymentMethod } from './sale.ts';
import {
  MAX_CASHIERS_PER_SHIFT,
  MAX_CASH_MOVES_PER_SHIFT,
  MAX_DENOMINATIONS,
  MAX_DRAWER_OPENINGS_PER_SHIFT,
  MAX_SHIFT_COUNT,
  MAX_VAT_RATES_PER_SHIFT,
} from './limits.ts';

const Count = z.int().min(0).max(MAX_SHIFT_COUNT);

export const CashMoveKind = z.enum(['in', 'out']);
export type CashMoveKind = z.infer<typeof CashMoveKind>;

export const shiftSchemas = oncePerBuilder((object) => {
  const cashMove = object(
    {
      uuid: Uuid,
      kind: CashMoveKind.describe('in: cash put into the drawer; out: cash taken out.'),
      amount: Money.min(1).describe('Positive, in minor units.'),
      reason: Text.min(1).describe('Why the cash moved, as staff typed it.'),
      staff_id: Uuid.nullable().describe('Who moved it.'),
      approved_by: Uuid.nullable().describe('The manager who approved it, if any.'),
      created_at: RecordTime,
    },
    { id: 'ShiftCashMove', description: 'Cash put into or taken out of the drawer during the shift, with a reason.' },
  );
  const denomination = object(
    { value: Money.min(1).describe('A note or coin in minor units.'), count: Count.describe('How many of it were counted.') },
    { id: 'ShiftDenominationCount', description: 'One line of a count of the drawer by notes and coins.' },
  );
  const drawerOpening = object(
    {
      uuid: Uuid,
      staff_id: Uuid.nullable().describe('Who opened the drawer.'),
      approved_by: Uuid.nullable().describe('The manager who approved it when the member lacked open_drawer.'),
      created_at: RecordTime,
    },
    { id: 'ShiftDrawerOpening', description: 'An opening of the cash drawer without a sale.' },
  );
  const vatRate = object(
    { tax_rate_bp: TaxRateBp, net: Money, vat: Money, gross: Money.describe('net + vat.') },
    { id: 'ZReportVatRate', description: 'The sales and refunds of one VAT rate in the shift: net + VAT = gross.' },
  );
  const paymentTotal = object(
    { method: PaymentMethod, count: Count.describe('Payments (refunds count too).'), amount: Money.describe('Their sum; refunds negative.') },
    { id: 'ZReportPaymentTotal', description: 'The payments of one method in the shift.' },
  );
  const cashier = object(
    { staff_id: Uuid, name: Name.describe('The name the Z report printed.') },
    { id: 'ZReportCashier', description: 'A staff member who sold or refunded in the shift.' },
  );
  const zReport = object(
    {
      first_receipt: Code.nullable().describe('The first receipt number of the shift; null when nothing was sold.'),
      last_receipt: Code.nullable().describe('The last receipt number of the shift; null when nothing was sold.'),
      sales_count: Count,
      sales_total: Money,
      refunds_count: Count,
      refunds_total: Money.describe('What went back, as a positive amount.'),
      turnover: Money.describe('sales_total - refunds_total.'),
      discounts: Money.describe('Discounts given, less those returned with refunds.'),
      vat: z.array(vatRate).max(MAX_VAT_RATES_PER_SHIFT).describe('Per rate, highest first; the gross column adds up to the turnover.'),
      payments: z.array(paymentTotal).max(PaymentMethod.options.length).describe('Per payment method; the amounts add up to the turnover.'),
      cash_in: NonNegativeMoney,
      cash_out: NonNegativeMoney,
      cashiers: z.array(cashier).max(MAX_CASHIERS_PER_SHIFT).describe('In the order of their first sale in the shift.'),
      grand_total: Money.describe("The terminal's turnover since its first shift, up to and including this one."),
      no_sale_openings: Count.describe('How often the drawer was opened without a sale.'),
    },
    { id: 'ZReport', description: 'The figures of a Z report, as the till printed them.' },
  );
  const shift = object(
    {
      uuid: Uuid.describe('Idempotency id: the hub stores a shift once per uuid.'),
      terminal_id: Uuid.describe('The terminal whose drawer this was; must be the authenticated one.'),
      z_number: z.int().min(1).max(MAX_SHIFT_COUNT).describe('Consecutive per terminal, from 1.'),
      currency: Currency,
      opened_at: RecordTime,
      closed_at: RecordTime,
      opened_by: Uuid.nullable(),
      closed_by: Uuid.nullable(),
      close_approved_by: Uuid.nullable().describe('The manager who approved closing, when the member closing lacked close_shift.'),
      opening_float: NonNegativeMoney,
      cash_moves: z.array(cashMove).max(MAX_CASH_MOVES_PER_SHIFT).describe('Oldest first.'),
      expected_cash: Money.describe('opening_float + cash payments + cash_in - cash_out.'),
      counted_cash: NonNegativeMoney,
      denominations: z.array(denomination).max(MAX_DENOMINATIONS).nullable().describe('The count by notes and coins (its sum is counted_cash); null when the total was typed.'),
      difference: Money.describe('counted_cash - expected_cash: negative when cash is short.'),
      drawer_openings: z.array(drawerOpening).max(MAX_DRAWER_OPENINGS_PER_SHIFT).describe('No-sale openings of the drawer, oldest first.'),
      z_report: zReport,
    },
    { id: 'Shift', description: 'A closed shift of one terminal with its Z report, as the till printed it; immutable.' },
  );
  return { shift, cashMove, denomination, drawerOpening, vatRate, paymentTotal, cashier, zReport };
});

type Schemas = ReturnType<typeof shiftSchemas>;
export type Shift = z.infer<Schemas['shift']>;
export type ShiftCashMove = z.infer<Schemas['cashMove']>;
export type ShiftDrawerOpening = z.infer<Schemas['drawerOpening']>;
export type ZReportFigures = z.infer<Schemas['zReport']>;
