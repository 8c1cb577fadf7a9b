// The arithmetic a closed shift's record must satisfy, checked by the till before it queues the record
// and by the hub when it comes in (never recomputed from sales: those may arrive later or not at all).
// Each rule is one the Z report prints (src/domain/z-figures.ts): a record that breaks one was not
// made by these rules, and storing it would show a Z report that does not add up.
import type { Shift } from '@ezo/contract/shift';

const sum = (values: readonly number[]) => values.reduce((a, v) => a + v, 0);

/** The first rule `shift` breaks, as a sentence, or null when its figures add up. */
export function shiftRecordProblem(shift: Shift): string | null {
  const z = shift.z_report;
  if (Date.parse(shift.closed_at) < Date.parse(shift.opened_at)) return 'closed_at is before opened_at';
  for (const row of z.vat) if (row.net + row.vat !== row.gross) return `VAT rate ${row.tax_rate_bp}: net + VAT is not the gross`;
  if (new Set(z.vat.map((r) => r.tax_rate_bp)).size !== z.vat.length) return 'a VAT rate is listed twice';
  if (new Set(z.payments.map((p) => p.method)).size !== z.payments.length) return 'a payment method is listed twice';
  if (z.sales_total - z.refunds_total !== z.turnover) return 'turnover is not sales_total - refunds_total';
  if (sum(z.vat.map((r) => r.gross)) !== z.turnover) return 'the VAT rows do not add up to the turnover';
  if (sum(z.payments.map((p) => p.amount)) !== z.turnover) return 'the payments do not add up to the turnover';
  if ((z.first_receipt === null) !== (z.sales_count + z.refunds_count === 0) || (z.first_receipt === null) !== (z.last_receipt === null)) {
    return 'first_receipt and last_receipt are null exactly when nothing was sold or refunded';
  }
  const movedIn = sum(shift.cash_moves.filter((m) => m.kind === 'in').map((m) => m.amount));
  const movedOut = sum(shift.cash_moves.filter((m) => m.kind === 'out').map((m) => m.amount));
  if (movedIn !== z.cash_in || movedOut !== z.cash_out) return 'cash_in and cash_out are not the sums of the cash movements';
  const cash = sum(z.payments.filter((p) => p.method === 'cash').map((p) => p.amount));
  if (shift.opening_float + cash + z.cash_in - z.cash_out !== shift.expected_cash) return 'expected_cash is not opening_float + cash payments + cash_in - cash_out';
  if (shift.counted_cash - shift.expected_cash !== shift.difference) return 'difference is not counted_cash - expected_cash';
  if (shift.denominations !== null && sum(shift.denominations.map((d) => d.value * d.count)) !== shift.counted_cash) return 'the notes and coins do not add up to counted_cash';
  if (z.no_sale_openings !== shift.drawer_openings.length) return 'no_sale_openings is not the number of drawer openings';
  return null;
}
