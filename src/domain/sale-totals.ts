// How a sale's money is computed, identically at the till and at the hub (which recomputes and
// rejects a sale whose totals differ). All amounts are integer minor units.
//
// The rule, per line (rounding = divRound: half away from zero, once per step):
//   gross        = unit_price * quantity
//   line_discount = round(gross * discount_bp / 10000)
//   net          = gross - line_discount
//   tax included: line_tax = net - round(net * 10000 / (10000 + tax_rate_bp)); line_subtotal = net - line_tax
//   tax added:    line_tax = round(net * tax_rate_bp / 10000);                 line_subtotal = net
//   line_total   = line_subtotal + line_tax
// Per sale: subtotal, discount_total, tax_total and total are the sums of the lines' figures.
// Tax is rounded per line, not per rate group, so a refund of a line returns exactly its tax.
import { BASIS_POINTS } from '@ezo/contract/limits';
import { mulDivRound } from './rounding.ts';

export interface LineInput {
  unit_price: number;
  quantity: number;
  discount_bp: number;
  tax_rate_bp: number;
  tax_included: boolean;
}

export interface LineAmounts {
  line_subtotal: number;
  line_discount: number;
  line_tax: number;
  line_total: number;
}

export interface SaleAmounts {
  subtotal: number;
  discount_total: number;
  tax_total: number;
  total: number;
}

export function lineAmounts(line: LineInput): LineAmounts {
  const gross = line.unit_price * line.quantity + 0; // + 0 turns 0 * -n = -0 into 0
  if (!Number.isSafeInteger(gross)) throw new RangeError('line amount out of range');
  const line_discount = mulDivRound(gross, line.discount_bp, BASIS_POINTS);
  const net = gross - line_discount;
  let line_tax: number;
  let line_subtotal: number;
  if (line.tax_included) {
    line_subtotal = mulDivRound(net, BASIS_POINTS, BASIS_POINTS + line.tax_rate_bp);
    line_tax = net - line_subtotal;
  } else {
    line_subtotal = net;
    line_tax = mulDivRound(net, line.tax_rate_bp, BASIS_POINTS);
  }
  return { line_subtotal, line_discount, line_tax, line_total: line_subtotal + line_tax };
}

export function saleAmounts(lines: readonly LineAmounts[]): SaleAmounts {
  let subtotal = 0;
  let discount_total = 0;
  let tax_total = 0;
  let total = 0;
  for (const l of lines) {
    subtotal += l.line_subtotal;
    discount_total += l.line_discount;
    tax_total += l.line_tax;
    total += l.line_total;
  }
  return { subtotal, discount_total, tax_total, total };
}
