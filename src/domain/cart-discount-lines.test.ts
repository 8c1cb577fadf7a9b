// The cart discount lands on the lines exactly (or within a unit or two on carts of large lines only),
// every line keeps at least its own discount, and the hub's money rules give the discounted total.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCartDiscount } from './cart-discount-lines.ts';
import { lineAmounts, saleAmounts } from './sale-totals.ts';

const total = (lines: { unitPrice: number; quantity: number; discountBp: number }[]) =>
  saleAmounts(lines.map((l) => lineAmounts({ unit_price: l.unitPrice, quantity: l.quantity, discount_bp: l.discountBp, tax_rate_bp: 1900, tax_included: true }))).total;

describe('applyCartDiscount', () => {
  it('gives 10 % of a two-rate cart as line discounts', () => {
    const lines = [
      { unitPrice: 199, quantity: 2, discountBp: 0 },
      { unitPrice: 1299, quantity: 1, discountBp: 0 },
    ];
    const r = applyCartDiscount(lines, { kind: 'percent', value: 1000 });
    expect(r.requested).toBe(170); // round(1697 * 10 %)
    expect(r.given).toBe(170);
    expect(total(r.lines)).toBe(1697 - 170);
  });

  it('gives an amount exactly, on top of a line discount', () => {
    const lines = [
      { unitPrice: 250, quantity: 3, discountBp: 1000 },
      { unitPrice: 99, quantity: 1, discountBp: 0 },
    ];
    const r = applyCartDiscount(lines, { kind: 'amount', value: 100 });
    expect(r.given).toBe(100);
    expect(r.lines[0]?.discountBp).toBeGreaterThanOrEqual(1000);
    expect(total(r.lines)).toBe(675 + 99 - 100);
  });

  it('lands within one bp step of the largest line, and never below a line’s own discount', () => {
    const line = fc.record({ unitPrice: fc.integer({ min: 0, max: 200_000 }), quantity: fc.integer({ min: 1, max: 20 }), discountBp: fc.integer({ min: 0, max: 5000 }) });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 10_000 }), fc.boolean(), (lines, value, percent) => {
        const before = total(lines);
        const amount = percent ? value : Math.min(value, before);
        const r = applyCartDiscount(lines, percent ? { kind: 'percent', value } : { kind: 'amount', value: amount });
        r.lines.forEach((l, i) => expect(l.discountBp).toBeGreaterThanOrEqual(lines[i]?.discountBp ?? 0));
        expect(total(r.lines)).toBe(before - r.given);
        // At most one bp step of the largest line away (a step is gross / 10000 units, rounded up).
        const step = Math.max(...lines.map((l) => Math.ceil((l.unitPrice * l.quantity) / 10_000)));
        expect(Math.abs(r.given - r.requested)).toBeLessThanOrEqual(step);
      }),
    );
  });
});
