// What a sale needs beyond selling, decided once for the payment screen (which asks a manager first)
// and the worker (which refuses the sale without it): a line discount above the store's limit, and a
// unit price changed at the counter. The permission names are the contract's (staff.ts).
import { BASIS_POINTS_PER_PERCENT } from './discount-limit.ts';
import { priceOverridden, type CartLineInput } from './cart.ts';

export type SalePermission = 'discount_over_limit' | 'price_override';

/** `discountLimitPercent`: the store's limit (TerminalInfo.discount_limit_percent). Empty: a plain sale. */
export function salePermissions(lines: readonly CartLineInput[], discountLimitPercent: number): SalePermission[] {
  const needed: SalePermission[] = [];
  if (lines.some((l) => l.discountBp > discountLimitPercent * BASIS_POINTS_PER_PERCENT)) needed.push('discount_over_limit');
  if (lines.some(priceOverridden)) needed.push('price_override');
  return needed;
}
