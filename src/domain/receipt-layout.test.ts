// Every printed figure adds up, in both presentations, for any lines the money rules allow.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineAmounts } from './sale-totals.ts';
import { receiptFigures, type ReceiptLineInput } from './receipt-layout.ts';

function line(i: number, unit_price: number, quantity: number, tax_rate_bp: number, tax_included: boolean, discount_bp = 0): ReceiptLineInput {
  return { uuid: `l${i}`, unit_price, quantity, tax_rate_bp, tax_included, ...lineAmounts({ unit_price, quantity, discount_bp, tax_rate_bp, tax_included }) };
}

describe('receiptFigures', () => {
  it('prints a German receipt: gross lines, discounts, total, VAT per rate with letters', () => {
    const f = receiptFigures([line(1, 199, 2, 700, true), line(2, 1299, 1, 1900, true, 1000)], [1900, 700, 0]);
    expect(f.presentation).toBe('gross');
    expect(f.lines).toEqual([
      { uuid: 'l1', amount: 398, discount: 0, letter: 'B' },
      { uuid: 'l2', amount: 1299, discount: 130, letter: 'A' },
    ]);
    expect(f.linesSum - f.discounts).toBe(f.total);
    expect(f.total).toBe(398 + 1169);
    expect(f.vat).toEqual([
      { tax_rate_bp: 1900, letter: 'A', net: 982, vat: 187, gross: 1169 },
      { tax_rate_bp: 700, letter: 'B', net: 372, vat: 26, gross: 398 },
    ]);
  });

  it('adds up in either presentation for any lines', () => {
    const lineArb = fc.record({
      unit_price: fc.integer({ min: 0, max: 1_000_000 }),
      quantity: fc.integer({ min: 1, max: 50 }),
      rate: fc.constantFrom(0, 700, 1900, 2000),
      included: fc.boolean(),
      discount: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 20 }), fc.boolean(), (raw, allIncluded) => {
        const lines = raw.map((r, i) => line(i, r.unit_price, r.quantity, r.rate, allIncluded || r.included, r.discount));
        const f = receiptFigures(lines, [1900, 700]);
        const vatGross = f.vat.reduce((s, r) => s + r.gross, 0);
        const vatNet = f.vat.reduce((s, r) => s + r.net, 0);
        const vatTax = f.vat.reduce((s, r) => s + r.vat, 0);
        expect(vatGross).toBe(f.total);
        for (const r of f.vat) expect(r.net + r.vat).toBe(r.gross);
        expect(f.lines.reduce((s, l) => s + l.amount, 0)).toBe(f.linesSum);
        if (f.presentation === 'gross') expect(f.linesSum - f.discounts).toBe(f.total);
        else {
          expect(f.subtotal).toBe(vatNet);
          expect(f.subtotal + vatTax).toBe(f.total);
        }
      }),
    );
  });
});
