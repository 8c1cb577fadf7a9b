// FROZEN: protocol 1 as it was released (contract/src/sale.ts at protocol 1). The hub still parses batches of
// tills that speak 1 with it (see ../protocol-version.ts). Never edit: v1-frozen.test.ts pins its hash.
// A sale as the till sends it. Immutable once made: a refund is a new sale with negative lines whose
// refund_of names the original. The hub recomputes every total from the lines (src/domain/sale-totals.ts)
// and rejects a sale whose totals do not match.
import { z } from 'zod';
import { oncePerBuilder } from '../strictness.ts';
import { Code, Currency, DiscountBp, IsoTime, Money, Name, Quantity, TaxRateBp, Text, Uuid } from '../primitives.ts';
import { MAX_LINES_PER_SALE, MAX_PAYMENTS_PER_SALE } from '../limits.ts';

export const PaymentMethod = z.enum(['cash', 'card']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const saleSchemas = oncePerBuilder((object) => {
  const line = object(
    {
      uuid: Uuid,
      product_uuid: Uuid,
      name: Name.describe('The product name at the time of sale.'),
      sku: Code.describe('The product SKU at the time of sale.'),
      quantity: Quantity.refine((q) => q !== 0, 'quantity must not be 0'),
      unit_price: Money.min(0).describe('The unit price charged, in minor units (gross or net as tax_included says).'),
      discount_bp: DiscountBp,
      tax_rate_bp: TaxRateBp,
      tax_included: z.boolean().describe('Whether unit_price includes tax.'),
      line_subtotal: Money.describe('Net of discount, excluding tax.'),
      line_discount: Money.describe('The discount given on this line.'),
      line_tax: Money.describe('The tax on this line.'),
      line_total: Money.describe('What the customer pays for this line: subtotal plus tax.'),
      refund_of_line: Uuid.nullable().describe('On a refund line: the uuid of the original sale line it returns.'),
    },
    { id: 'SaleLineV1', description: 'One line of a sale; every amount follows from quantity, price, discount and tax by the shared money rules.' },
  );
  const payment = object(
    {
      uuid: Uuid,
      method: PaymentMethod,
      amount: Money.describe('What this payment contributes to the sale total (negative on refunds).'),
      tendered: Money.nullable().describe('Cash handed over; null for card.'),
      change: Money.nullable().describe('Cash given back; null for card. tendered - change = amount.'),
    },
    { id: 'SalePaymentV1', description: 'One payment of a sale.' },
  );
  const sale = object(
    {
      uuid: Uuid.describe('Idempotency id: the hub applies a sale once per uuid.'),
      receipt_number: Code,
      terminal_id: Uuid.describe('The terminal that made the sale; must be the authenticated one.'),
      shift_uuid: Uuid.nullable(),
      customer_uuid: Uuid.nullable(),
      refund_of: Uuid.nullable().describe('On a refund: the uuid of the sale refunded.'),
      currency: Currency,
      subtotal: Money,
      discount_total: Money,
      tax_total: Money,
      total: Money,
      note: Text.nullable(),
      created_at: IsoTime.describe("The till's clock when the sale was completed."),
      lines: z.array(line).min(1).max(MAX_LINES_PER_SALE),
      payments: z.array(payment).max(MAX_PAYMENTS_PER_SALE),
    },
    { id: 'SaleV1', description: 'A completed sale as the till sent it; immutable (a refund is a new sale with negative lines).' },
  );
  return { line, payment, sale };
});

type Schemas = ReturnType<typeof saleSchemas>;
export type SaleLine = z.infer<Schemas['line']>;
export type SalePayment = z.infer<Schemas['payment']>;
export type Sale = z.infer<Schemas['sale']>;
