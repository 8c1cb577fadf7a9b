// What a receipt prints, as figures that add up by construction (every figure a sum of the lines' own
// amounts, src/domain/sale-totals.ts), in one of two presentations:
//
//   gross (prices include VAT, as German and most EU shops sell):
//     each line: gross before discount (unit price × quantity), with its VAT letter
//     − discounts (the lines' discounts)          = total
//     below: "incl. VAT" per rate: rate, net, VAT, gross (the gross column sums to the total)
//   net (prices exclude VAT, e.g. a B2B or US-style store):
//     each line: net before discount
//     − discounts                                 = subtotal (net)
//     + VAT per rate (rate, net, VAT)              = total
//
// A sale is presented gross when every line's price included VAT, net otherwise; both add up exactly.
import type { LineAmounts } from './sale-totals.ts';
import { vatBreakdown, vatLetters, type VatRateRow } from './vat-breakdown.ts';

export interface ReceiptLineInput extends LineAmounts {
  uuid: string;
  unit_price: number;
  quantity: number;
  tax_rate_bp: number;
  tax_included: boolean;
}

export type Presentation = 'gross' | 'net';

export interface ReceiptLineFigures {
  uuid: string;
  /** The line's amount before its discount, in the presentation's terms (gross or net). */
  amount: number;
  discount: number;
  letter: string;
}

export interface VatRow extends VatRateRow {
  letter: string;
}

export interface ReceiptFigures {
  presentation: Presentation;
  lines: ReceiptLineFigures[];
  /** Sum of the lines' amounts before discounts. */
  linesSum: number;
  discounts: number;
  /** Net presentation only: linesSum − discounts, the net before VAT. */
  subtotal: number;
  vat: VatRow[];
  total: number;
}

/**
 * The figures of a receipt. `storeRates` are the rates the store uses (for fixed letters: 19 % is A,
 * 7 % is B on every receipt of a German store); the sale's own rates are always included.
 */
export function receiptFigures(lines: readonly ReceiptLineInput[], storeRates: readonly number[]): ReceiptFigures {
  const presentation: Presentation = lines.every((l) => l.tax_included) ? 'gross' : 'net';
  const letters = vatLetters([...storeRates, ...lines.map((l) => l.tax_rate_bp)]);
  const letterOf = (rate: number) => letters.get(rate) ?? '';
  const figures = lines.map((l) => {
    // Gross: what the line costs before its discount = its total plus its discount (a tax-included
    // discount is taken off the gross). Net: the net before discount.
    const amount = presentation === 'gross' ? l.line_total + l.line_discount : l.line_subtotal + (l.tax_included ? 0 : l.line_discount);
    const discount = presentation === 'gross' || !l.tax_included ? l.line_discount : 0;
    return { uuid: l.uuid, amount, discount, letter: letterOf(l.tax_rate_bp) };
  });
  const linesSum = figures.reduce((s, f) => s + f.amount, 0);
  const discounts = figures.reduce((s, f) => s + f.discount, 0);
  const vat = vatBreakdown(lines).map((r) => ({ ...r, letter: letterOf(r.tax_rate_bp) }));
  const total = lines.reduce((s, l) => s + l.line_total, 0);
  return { presentation, lines: figures, linesSum, discounts, subtotal: linesSum - discounts, vat, total };
}
