// Properties of the money rules every till and the hub share: they must hold for any line, not
// just the examples in the repository tests.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineAmounts, saleAmounts, type LineInput } from './sale-totals.ts';
import { BASIS_POINTS, MAX_QUANTITY, MAX_TAX_RATE_BP } from '@ezo/contract/limits';

/** Prices up to 10 million minor units keep unit_price * quantity a safe integer. */
const MAX_TEST_PRICE = 10_000_000;

const quantity = fc.integer({ min: -MAX_QUANTITY, max: MAX_QUANTITY }).filter((q) => q !== 0);
const line: fc.Arbitrary<LineInput> = fc.record({
  unit_price: fc.integer({ min: 0, max: MAX_TEST_PRICE }),
  quantity,
  discount_bp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: BASIS_POINTS })),
  tax_rate_bp: fc.oneof(fc.constantFrom(0, 700, 1900, 2000), fc.integer({ min: 0, max: MAX_TAX_RATE_BP })),
  tax_included: fc.boolean(),
});

// + 0 folds -0 into 0: a free line (price 0) gives -0 in JS; JSON and SQLite both write it as 0.
const net = (l: LineInput) => l.unit_price * l.quantity - lineAmounts(l).line_discount + 0;

describe('sale totals (properties)', () => {
  it('line_total = line_subtotal + line_tax, all integers', () => {
    fc.assert(
      fc.property(line, (l) => {
        const a = lineAmounts(l);
        for (const v of [a.line_subtotal, a.line_discount, a.line_tax, a.line_total]) expect(Number.isSafeInteger(v)).toBe(true);
        expect(a.line_total + 0).toBe(a.line_subtotal + a.line_tax + 0);
      }),
    );
  });

  it('an included-tax line totals exactly its net price; its tax is within half a unit of the exact share', () => {
    fc.assert(
      fc.property(line, (raw) => {
        const l = { ...raw, tax_included: true };
        const a = lineAmounts(l);
        const n = net(l);
        expect(a.line_total + 0).toBe(n);
        // |tax - n*r/(1e4+r)| <= 1/2, checked exactly in integers.
        const d = BigInt(BASIS_POINTS + l.tax_rate_bp);
        const err = BigInt(a.line_tax) * d - BigInt(n) * BigInt(l.tax_rate_bp);
        expect((err < 0n ? -err : err) * 2n <= d).toBe(true);
      }),
    );
  });

  it('an added-tax line has subtotal = net and tax rounded half away from zero', () => {
    fc.assert(
      fc.property(line, (raw) => {
        const l = { ...raw, tax_included: false };
        const a = lineAmounts(l);
        const n = net(l);
        expect(a.line_subtotal + 0).toBe(n);
        const err = BigInt(a.line_tax) * BigInt(BASIS_POINTS) - BigInt(n) * BigInt(l.tax_rate_bp);
        expect((err < 0n ? -err : err) * 2n <= BigInt(BASIS_POINTS)).toBe(true);
      }),
    );
  });

  it('the discount never exceeds the gross amount and has its sign', () => {
    fc.assert(
      fc.property(line, (l) => {
        const gross = l.unit_price * l.quantity;
        const { line_discount } = lineAmounts(l);
        expect(Math.abs(line_discount)).toBeLessThanOrEqual(Math.abs(gross));
        expect(line_discount * gross).toBeGreaterThanOrEqual(0);
        if (l.discount_bp === BASIS_POINTS) expect(line_discount + 0).toBe(gross + 0);
      }),
    );
  });

  it('refunding a line (negated quantity) negates every amount exactly', () => {
    fc.assert(
      fc.property(line, (l) => {
        const sold = lineAmounts(l);
        const refund = lineAmounts({ ...l, quantity: -l.quantity });
        const folded = (a: typeof sold): number[] => [a.line_subtotal, a.line_discount, a.line_tax, a.line_total].map((v) => v + 0);
        expect(folded(refund)).toEqual(folded(sold).map((v) => -v + 0));
      }),
    );
  });

  it('sale amounts are the sums of the lines, in any order, and total = subtotal + tax', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const amounts = lines.map(lineAmounts);
        const s = saleAmounts(amounts);
        expect(s.total + 0).toBe(s.subtotal + s.tax_total + 0);
        expect(s.total + 0).toBe(amounts.reduce((sum, a) => sum + a.line_total, 0) + 0);
        expect(saleAmounts([...amounts].reverse())).toEqual(s);
      }),
    );
  });

  it('matches hand-computed examples', () => {
    expect(lineAmounts({ unit_price: 119, quantity: 3, discount_bp: 0, tax_rate_bp: 2000, tax_included: true })).toEqual({
      line_subtotal: 298, line_discount: 0, line_tax: 59, line_total: 357,
    });
    expect(lineAmounts({ unit_price: 250, quantity: 2, discount_bp: 1000, tax_rate_bp: 700, tax_included: false })).toEqual({
      line_subtotal: 450, line_discount: 50, line_tax: 32, line_total: 482,
    });
    expect(() => lineAmounts({ unit_price: Number.MAX_SAFE_INTEGER, quantity: 2, discount_bp: 0, tax_rate_bp: 0, tax_included: false })).toThrow(RangeError);
  });
});
