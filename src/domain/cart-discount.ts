// A discount on the whole cart (a fixed amount, or a percentage of the cart) is shared over its lines,
// so every line's net, and with it the VAT of every rate, stays exact in minor units. The till, the hub
// (which recomputes every sale) and the reports share these rules.
//
// Rules (integer minor units, rounding half away from zero as everywhere, see rounding.ts):
//   percent:  amount = round(sum(nets) * bp / 10000)
//   sharing:  largest remainder: share_i = floor(amount * net_i / sum(nets)), then the units left over go
//             one each to the lines with the largest remainders (ties: the earlier line), so the shares
//             add up to the amount exactly and no line gets more than its net.
//   refund:   returning r of the q units of a line whose share was s gives back round(s * r / q).
import { BASIS_POINTS } from '@ezo/contract/limits';
import { mulDivRound } from './rounding.ts';

export type CartDiscountInput = { kind: 'amount'; value: number } | { kind: 'percent'; value: number };

/** The cart discount in minor units for lines whose nets (after their own discounts) are `nets`. */
export function cartDiscountAmount(discount: CartDiscountInput, nets: readonly number[]): number {
  const total = sumSafe(nets);
  if (discount.kind === 'percent') {
    if (!Number.isSafeInteger(discount.value) || discount.value < 0 || discount.value > BASIS_POINTS) throw new RangeError('a percentage is 0 to 10000 basis points');
    return mulDivRound(total, discount.value, BASIS_POINTS);
  }
  if (!Number.isSafeInteger(discount.value) || discount.value < 0) throw new RangeError('a discount amount is a non-negative integer');
  if (discount.value > total) throw new RangeError('the discount is larger than the cart');
  return discount.value;
}

/**
 * Shares `amount` over lines with non-negative `nets` in proportion to them (largest remainder).
 * The shares are integers, add up to `amount`, and none exceeds its line's net.
 */
export function shareCartDiscount(amount: number, nets: readonly number[]): number[] {
  const total = sumSafe(nets);
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > total) throw new RangeError('the discount must lie between 0 and the cart total');
  if (nets.some((n) => n < 0)) throw new RangeError('a cart discount is shared over sale lines, whose nets are not negative');
  if (amount === 0 || total === 0) return nets.map(() => 0);
  const a = BigInt(amount);
  const t = BigInt(total);
  const shares = nets.map((n) => (a * BigInt(n)) / t);
  const remainders = nets.map((n, i) => ({ i, r: (a * BigInt(n)) % t }));
  let left = Number(a - shares.reduce((s, x) => s + x, 0n));
  remainders.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1;
  }
  return shares.map(Number);
}

/** The part of a line's cart-discount share that goes back with `returned` of its `sold` units. */
export function refundedShare(share: number, returned: number, sold: number): number {
  if (!Number.isSafeInteger(sold) || sold <= 0 || !Number.isSafeInteger(returned) || returned < 0 || returned > sold) {
    throw new RangeError('returned units must lie between 0 and the units sold');
  }
  return mulDivRound(share, returned, sold);
}

function sumSafe(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError('amounts are safe integers');
    total += v;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('the cart total is out of range');
  return total;
}
