// Properties of the one rounding rule for money: round half away from zero, exact in integers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divRound, mulDivRound } from './rounding.ts';

const safeInt = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const positive = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
const abs = (v: bigint) => (v < 0n ? -v : v);

/** q is n/d rounded half away from zero, checked without floating point. */
function isRoundedQuotient(q: number, n: bigint, d: bigint): boolean {
  const remainder = abs(n - BigInt(q) * d) * 2n;
  if (remainder < d) return true;
  // A tie rounds away from zero: |q*d| exceeds |n|.
  return remainder === d && abs(BigInt(q) * d) > abs(n);
}

describe('divRound and mulDivRound (properties)', () => {
  it('divRound is the nearest integer, ties away from zero', () => {
    fc.assert(fc.property(safeInt, positive, (n, d) => isRoundedQuotient(divRound(n, d), BigInt(n), BigInt(d))));
  });

  it('divRound is odd-symmetric and exact on multiples', () => {
    fc.assert(
      fc.property(safeInt, fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        // + 0 folds -0 into 0: divRound(-1, 3) is -0, which is 0 as money (JSON and SQLite write 0).
        expect(divRound(-n, d) + 0).toBe(-divRound(n, d) + 0);
        const m = Math.trunc(n / d / 2) + 0;
        expect(divRound(m * d, d) + 0).toBe(m);
      }),
    );
  });

  it('mulDivRound rounds a*b/c exactly even when a*b exceeds 2^53', () => {
    fc.assert(fc.property(safeInt, safeInt, positive, (a, b, c) => isRoundedQuotient(mulDivRound(a, b, c), BigInt(a) * BigInt(b), BigInt(c)) || abs((BigInt(a) * BigInt(b)) / BigInt(c)) > BigInt(Number.MAX_SAFE_INTEGER)));
  });

  it('rounds the ties of the money rules away from zero', () => {
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(-5, 2)).toBe(-3);
    expect(divRound(3, 2)).toBe(2);
    expect(divRound(1, 3)).toBe(0);
    expect(mulDivRound(450, 700, 10_000)).toBe(32); // 31.5
    expect(mulDivRound(-450, 700, 10_000)).toBe(-32);
  });

  it('refuses non-integers and non-positive divisors', () => {
    expect(() => divRound(1.5, 2)).toThrow(RangeError);
    expect(() => divRound(1, 0)).toThrow(RangeError);
    expect(() => divRound(1, -2)).toThrow(RangeError);
    expect(() => mulDivRound(1, 2, 0)).toThrow(RangeError);
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER + 1, 1, 1)).toThrow(RangeError);
  });
});
