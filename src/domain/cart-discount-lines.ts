// A cart-level discount put onto the sale's lines, so the sale on the wire is an ordinary sale: every
// line carries one discount in basis points (the contract has no cart discount field) and the hub's
// recomputation (sale-totals.ts) gives the same figures.
//
// Per line: own = the line's own discount; its share of the cart discount comes from
// shareCartDiscount (largest remainder over the lines' amounts after their own discounts). The line
// then needs a discount_bp whose rounded discount is own + share. For a line of up to 10000 minor
// units every discount amount has such a bp; on a larger line a bp step moves the discount by more
// than one unit, so the nearest bp is taken and the difference is made up on other lines, one bp at
// a time, smallest lines first. What the customer gets off (`given`) is the sum of what the lines
// actually give, which equals the requested amount except, rarely, by a unit or two on carts made of
// lines above 10000 minor units only.
import { BASIS_POINTS } from '@ezo/contract/limits';
import { cartDiscountAmount, shareCartDiscount, type CartDiscountInput } from './cart-discount.ts';
import { mulDivRound } from './rounding.ts';

export interface DiscountableLine {
  unitPrice: number;
  quantity: number;
  discountBp: number;
}

export interface DiscountedLines<L> {
  lines: L[];
  /** The cart discount the lines give on top of their own discounts. */
  given: number;
  /** The cart discount asked for. */
  requested: number;
}

/** Rounds away from zero as the money rules do: the discount a bp gives on `gross`. */
function discountAt(gross: number, bp: number): number {
  return mulDivRound(gross, bp, BASIS_POINTS);
}

/** Upper bound of fix-up steps: ample for any cart of MAX_LINES_PER_SALE lines. */
const MAX_FIX_STEPS = 100_000;

export function applyCartDiscount<L extends DiscountableLine>(lines: readonly L[], discount: CartDiscountInput | null): DiscountedLines<L> {
  if (discount === null || lines.length === 0) return { lines: [...lines], given: 0, requested: 0 };
  const gross = lines.map((l) => l.unitPrice * l.quantity);
  const own = lines.map((l, i) => discountAt(gross[i] ?? 0, l.discountBp));
  const nets = gross.map((g, i) => g - (own[i] ?? 0));
  // An amount larger than the cart (lines removed after it was set) gives the whole cart, not an error.
  const room = nets.reduce((a, b) => a + b, 0);
  const requested = cartDiscountAmount(discount.kind === 'amount' ? { kind: 'amount', value: Math.min(discount.value, room) } : discount, nets);
  const shares = shareCartDiscount(requested, nets);
  const target = own.map((o, i) => o + (shares[i] ?? 0));
  const bps = lines.map((l, i) => {
    const g = gross[i] ?? 0;
    if (g === 0) return l.discountBp;
    return Math.min(BASIS_POINTS, Math.max(l.discountBp, Math.round(((target[i] ?? 0) * BASIS_POINTS) / g)));
  });
  const achieved = () => bps.reduce((s, bp, i) => s + discountAt(gross[i] ?? 0, bp), 0);
  const wanted = target.reduce((s, x) => s + x, 0);
  // Make up rounding differences, smallest lines first (their bp steps are at most one unit).
  const order = gross.map((g, i) => ({ g, i })).filter((x) => x.g > 0).sort((a, b) => a.g - b.g || a.i - b.i);
  let missing = wanted - achieved();
  for (let step = 0; missing !== 0 && step < MAX_FIX_STEPS; step += 1) {
    let moved = false;
    for (const { g, i } of order) {
      const bp = bps[i] ?? 0;
      const next = missing > 0 ? bp + 1 : bp - 1;
      if (next < (lines[i]?.discountBp ?? 0) || next > BASIS_POINTS) continue;
      const delta = discountAt(g, next) - discountAt(g, bp);
      if (Math.abs(missing - delta) < Math.abs(missing) || (delta === 0 && next !== bp)) {
        bps[i] = next;
        missing -= delta;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  const given = achieved() - own.reduce((s, x) => s + x, 0);
  return { lines: lines.map((l, i) => ({ ...l, discountBp: bps[i] ?? l.discountBp })), given, requested };
}
