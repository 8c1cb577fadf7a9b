// The rules a sale must follow before it touches the database: it comes from the calling terminal, in
// the store's currency, its totals follow from its lines by src/domain/sale-totals.ts, its payments add
// up, and its lines have the signs of a sale or of a refund.
import type { Sale } from '@ezo/contract/v1/sale';
import { lineAmounts, saleAmounts, type LineAmounts } from '../../../src/domain/sale-totals.ts';
import type { TerminalPrincipal } from '../auth/authenticate.ts';
import { Rejection } from './item-outcome.ts';

const LINE_FIELDS = ['line_subtotal', 'line_discount', 'line_tax', 'line_total'] as const;
const SALE_FIELDS = ['subtotal', 'discount_total', 'tax_total', 'total'] as const;

export function checkSale(sale: Sale, who: TerminalPrincipal, knownProducts: ReadonlySet<string>, knownCustomers: ReadonlySet<string>): void {
  if (sale.terminal_id.toLowerCase() !== who.terminalId) {
    throw new Rejection('wrong_terminal', `terminal_id ${sale.terminal_id} is not the terminal this token belongs to`);
  }
  if (sale.currency !== who.currency) {
    throw new Rejection('currency_mismatch', `sale is in ${sale.currency}, the store sells in ${who.currency}`);
  }
  const refund = sale.refund_of !== null;
  sale.lines.forEach((line, i) => {
    if (!knownProducts.has(line.product_uuid.toLowerCase())) throw new Rejection('unknown_product', `line ${i}: unknown product ${line.product_uuid}`);
    if (refund && (line.quantity > 0 || line.refund_of_line === null)) {
      throw new Rejection('invalid', `line ${i}: a refund line has a negative quantity and names refund_of_line`);
    }
    if (!refund && (line.quantity < 0 || line.refund_of_line !== null)) {
      throw new Rejection('invalid', `line ${i}: a sale line has a positive quantity and no refund_of_line`);
    }
  });
  if (sale.customer_uuid !== null && !knownCustomers.has(sale.customer_uuid.toLowerCase())) {
    throw new Rejection('unknown_customer', `unknown customer ${sale.customer_uuid}`);
  }

  const computed: LineAmounts[] = sale.lines.map((line, i) => {
    let amounts: LineAmounts;
    try {
      amounts = lineAmounts(line);
    } catch {
      throw new Rejection('totals_mismatch', `line ${i}: unit_price * quantity is out of range`);
    }
    for (const f of LINE_FIELDS) {
      if (amounts[f] !== line[f]) throw new Rejection('totals_mismatch', `line ${i}: ${f} is ${line[f]}, the lines give ${amounts[f]}`);
    }
    return amounts;
  });
  const totals = saleAmounts(computed);
  for (const f of SALE_FIELDS) {
    if (totals[f] !== sale[f]) throw new Rejection('totals_mismatch', `${f} is ${sale[f]}, the lines give ${totals[f]}`);
  }

  let paid = 0;
  sale.payments.forEach((p, i) => {
    if (p.method === 'cash') {
      if (p.tendered === null || p.change === null || p.tendered - p.change !== p.amount) {
        throw new Rejection('payments_mismatch', `payment ${i}: cash needs tendered - change = amount`);
      }
    } else if (p.tendered !== null || p.change !== null) {
      throw new Rejection('payments_mismatch', `payment ${i}: a card payment has no tendered or change`);
    }
    paid += p.amount;
  });
  if (paid !== sale.total) throw new Rejection('payments_mismatch', `payments add up to ${paid}, the total is ${sale.total}`);
}
