// A sale as the till sends it. Immutable once made: a refund is a new sale with negative lines whose
// refund_of names the original. The hub recomputes every total from the lines (src/domain/sale-totals.ts)
// and rejects a sale whose totals do not match.
import { z } from 'zod';
import type { ObjectBuilder } from './strictness.ts';
import { Code, Currency, DiscountBp, IsoTime, Money, Name, Quantity, TaxRateBp, Text, Uuid } from './primitives.ts';
import { MAX_LINES_PER_SALE, MAX_PAYMENTS_PER_SALE } from './limits.ts';

export const PaymentMethod = z.enum(['cash', 'card']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export function saleSchemas(object: ObjectBuilder) {
  const line = object({
    uuid: Uuid,
    product_uuid: Uuid,
    name: Name,
    sku: Code,
    quantity: Quantity.refine((q) => q !== 0, 'quantity must not be 0'),
    unit_price: Money.min(0),
    discount_bp: DiscountBp,
    tax_rate_bp: TaxRateBp,
    tax_included: z.boolean(),
    /** Net of discount, excluding tax. */
    line_subtotal: Money,
    line_discount: Money,
    line_tax: Money,
    line_total: Money,
    /** On a refund line: the uuid of the original sale line it returns. */
    refund_of_line: Uuid.nullable(),
  });
  const payment = object({
    uuid: Uuid,
    method: PaymentMethod,
    /** What this payment contributes to the sale total (negative on refunds). */
    amount: Money,
    /** Cash handed over; null for card. */
    tendered: Money.nullable(),
    /** Cash given back; null for card. tendered - change = amount. */
    change: Money.nullable(),
  });
  const sale = object({
    uuid: Uuid,
    receipt_number: Code,
    terminal_id: Uuid,
    shift_uuid: Uuid.nullable(),
    customer_uuid: Uuid.nullable(),
    refund_of: Uuid.nullable(),
    currency: Currency,
    subtotal: Money,
    discount_total: Money,
    tax_total: Money,
    total: Money,
    note: Text.nullable(),
    created_at: IsoTime,
    lines: z.array(line).min(1).max(MAX_LINES_PER_SALE),
    payments: z.array(payment).max(MAX_PAYMENTS_PER_SALE),
  });
  return { line, payment, sale };
}

type Schemas = ReturnType<typeof saleSchemas>;
export type SaleLine = z.infer<Schemas['line']>;
export type SalePayment = z.infer<Schemas['payment']>;
export type Sale = z.infer<Schemas['sale']>;
