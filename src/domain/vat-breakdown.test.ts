// VAT per rate must add up to the receipt: every rate's net + VAT = gross, and the rows sum to the total.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineAmounts, saleAmounts } from './sale-totals.ts';
import { sumVatBreakdowns, vatBreakdown, vatLetters } from './vat-breakdown.ts';

const line = fc.record({
  unit_price: fc.integer({ min: 0, max: 1_000_000 }),
  quantity: fc.integer({ min: 1, max: 50 }),
  discount_bp: fc.integer({ min: 0, max: 10_000 }),
  tax_rate_bp: fc.constantFrom(0, 700, 1900),
  tax_included: fc.boolean(),
});

describe('VAT breakdown', () => {
  it('rows add up to the sale: net + vat = gross per rate, and the sums equal the sale totals', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (inputs) => {
        const lines = inputs.map((l) => ({ ...lineAmounts(l), tax_rate_bp: l.tax_rate_bp }));
        const rows = vatBreakdown(lines);
        const sale = saleAmounts(lines);
        for (const r of rows) expect(r.net + r.vat).toBe(r.gross);
        expect(rows.reduce((a, r) => a + r.gross, 0)).toBe(sale.total);
        expect(rows.reduce((a, r) => a + r.vat, 0)).toBe(sale.tax_total);
        expect(rows.reduce((a, r) => a + r.net, 0)).toBe(sale.subtotal);
        expect(rows.map((r) => r.tax_rate_bp)).toEqual([...new Set(inputs.map((l) => l.tax_rate_bp))].sort((a, b) => b - a));
      }),
    );
  });

  it('sums breakdowns of several sales rate by rate', () => {
    const a = [{ tax_rate_bp: 1900, net: 840, vat: 160, gross: 1000 }];
    const b = [
      { tax_rate_bp: 700, net: 935, vat: 65, gross: 1000 },
      { tax_rate_bp: 1900, net: -420, vat: -80, gross: -500 },
    ];
    expect(sumVatBreakdowns([a, b])).toEqual([
      { tax_rate_bp: 1900, net: 420, vat: 80, gross: 500 },
      { tax_rate_bp: 700, net: 935, vat: 65, gross: 1000 },
    ]);
  });

  it('letters the store rates from the highest: 19 % is A and 7 % is B', () => {
    const letters = vatLetters([700, 0, 1900, 700]);
    expect([letters.get(1900), letters.get(700), letters.get(0)]).toEqual(['A', 'B', 'C']);
  });
});
