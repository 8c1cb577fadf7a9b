// The cart discount's sharing must add up exactly and be the same at the till and the hub.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cartDiscountAmount, refundedShare, shareCartDiscount } from './cart-discount.ts';

const nets = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 60 });

describe('cart discount', () => {
  it('shares add up to the amount, each within its line net and within one unit of its exact part', () => {
    fc.assert(
      fc.property(nets, fc.double({ min: 0, max: 1, noNaN: true }), (ns, f) => {
        const total = ns.reduce((a, b) => a + b, 0);
        const amount = Math.floor(total * f);
        const shares = shareCartDiscount(amount, ns);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
        shares.forEach((s, i) => {
          const n = ns[i]!;
          expect(Number.isSafeInteger(s) && s >= 0 && s <= n).toBe(true);
          if (total > 0) {
            // |s - amount * n / total| < 1, in integers
            const err = BigInt(s) * BigInt(total) - BigInt(amount) * BigInt(n);
            expect((err < 0n ? -err : err) < BigInt(total)).toBe(true);
          }
        });
      }),
    );
  });

  it('gives leftover units to the largest remainders, earlier lines first on ties', () => {
    expect(shareCartDiscount(100, [100, 100, 100])).toEqual([34, 33, 33]);
    expect(shareCartDiscount(1, [50, 150])).toEqual([0, 1]);
    expect(shareCartDiscount(0, [10, 20])).toEqual([0, 0]);
    expect(shareCartDiscount(30, [10, 20])).toEqual([10, 20]);
  });

  it('computes a percentage of the cart with the one rounding rule', () => {
    expect(cartDiscountAmount({ kind: 'percent', value: 1000 }, [995, 5])).toBe(100);
    expect(cartDiscountAmount({ kind: 'percent', value: 1250 }, [1004])).toBe(126); // 125.5 rounds away from zero
    expect(cartDiscountAmount({ kind: 'amount', value: 500 }, [300, 300])).toBe(500);
  });

  it('refuses a discount larger than the cart, a negative one, and a percentage above 100 %', () => {
    expect(() => cartDiscountAmount({ kind: 'amount', value: 601 }, [300, 300])).toThrow(RangeError);
    expect(() => cartDiscountAmount({ kind: 'amount', value: -1 }, [300])).toThrow(RangeError);
    expect(() => cartDiscountAmount({ kind: 'percent', value: 10_001 }, [300])).toThrow(RangeError);
    expect(() => shareCartDiscount(5, [-10, 20])).toThrow(RangeError);
  });

  it('returns a line share in proportion to the units returned; all units return it exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1000 }), (share, sold) => {
        expect(refundedShare(share, sold, sold)).toBe(share);
        expect(refundedShare(share, 0, sold)).toBe(0);
      }),
    );
    expect(refundedShare(100, 1, 3)).toBe(33);
    expect(refundedShare(5, 1, 2)).toBe(3); // 2.5 rounds away from zero
    expect(() => refundedShare(100, 4, 3)).toThrow(RangeError);
  });
});
