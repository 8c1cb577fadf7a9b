// VAT per rate, as a German receipt, a Z report and a VAT report show it: for every rate, net + VAT =
// gross, summed from the lines' own figures (tax is rounded per line, see sale-totals.ts), so every
// printed figure adds up to the receipt's total. Letters (A, B, ...) mark each line's rate.
import type { LineAmounts } from './sale-totals.ts';

export interface VatLine extends Pick<LineAmounts, 'line_subtotal' | 'line_tax' | 'line_total'> {
  tax_rate_bp: number;
}

export interface VatRateRow {
  tax_rate_bp: number;
  net: number;
  vat: number;
  gross: number;
}

/** One row per rate present, highest rate first (the order German receipts print them). */
export function vatBreakdown(lines: readonly VatLine[]): VatRateRow[] {
  const rows = new Map<number, VatRateRow>();
  for (const l of lines) {
    const row = rows.get(l.tax_rate_bp) ?? { tax_rate_bp: l.tax_rate_bp, net: 0, vat: 0, gross: 0 };
    row.net += l.line_subtotal;
    row.vat += l.line_tax;
    row.gross += l.line_total;
    rows.set(l.tax_rate_bp, row);
  }
  return [...rows.values()].sort((a, b) => b.tax_rate_bp - a.tax_rate_bp);
}

/** Adds breakdowns (e.g. the sales of a shift): rows of the same rate are summed. */
export function sumVatBreakdowns(breakdowns: readonly (readonly VatRateRow[])[]): VatRateRow[] {
  return vatBreakdown(breakdowns.flat().map((r) => ({ tax_rate_bp: r.tax_rate_bp, line_subtotal: r.net, line_tax: r.vat, line_total: r.gross })));
}

/**
 * A letter per rate, fixed for a store: its rates from the highest (A) down, so 19 % is A and 7 % is B
 * on every receipt of a German store, whichever rates a receipt happens to contain.
 */
export function vatLetters(storeRates: readonly number[]): Map<number, string> {
  const rates = [...new Set(storeRates)].sort((a, b) => b - a);
  return new Map(rates.map((r, i) => [r, letterAt(i)]));
}

function letterAt(i: number): string {
  const A = 'A'.charCodeAt(0);
  return i < 26 ? String.fromCharCode(A + i) : `${String.fromCharCode(A + Math.floor(i / 26) - 1)}${String.fromCharCode(A + (i % 26))}`;
}
