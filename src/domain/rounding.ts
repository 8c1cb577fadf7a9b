// Integer division with the one rounding rule used for money everywhere in Ezo POS:
// round half away from zero ("commercial rounding"), computed exactly in BigInt so no
// floating-point value ever stands for money.

/** round(numerator / denominator), halves away from zero. Both must be safe integers; denominator > 0. */
export function divRound(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`divRound needs safe integers and a positive denominator, got ${numerator}/${denominator}`);
  }
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (abs * 2n + d) / (2n * d); // floor((2|n| + d) / 2d) = round-half-up of |n|/d
  const result = Number(q);
  return negative && result !== 0 ? -result : result; // never -0
}

/** a * b / c rounded half away from zero, without overflowing 2^53 in the product. */
export function mulDivRound(a: number, b: number, c: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(c) || c <= 0) {
    throw new RangeError(`mulDivRound needs safe integers and a positive divisor, got ${a}*${b}/${c}`);
  }
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return negative && q !== 0n ? -Number(q) : Number(q); // never -0
}
