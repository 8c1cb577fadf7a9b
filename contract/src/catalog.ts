// Master data owned by the hub: categories, products, customers, and the store's stock figures.
// A row with deleted_at set is a tombstone: the till removes it from sale.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { Code, IsoTime, Name, NonNegativeMoney, TaxRateBp, Text, Uuid } from './primitives.ts';
import { MAX_STOCK } from './limits.ts';

const UpdatedAt = IsoTime.describe('When the hub last changed the row.');
const DeletedAt = IsoTime.nullable().describe('Set when the row was deleted (a tombstone the till must apply); null while it lives.');

export const catalogSchemas = oncePerBuilder((object) => {
  const category = object(
    {
      uuid: Uuid,
      name: Name,
      sort_order: z.int().min(0).max(1_000_000).describe('Position of the category on the till; lower first.'),
      updated_at: UpdatedAt,
      deleted_at: DeletedAt,
    },
    { id: 'Category', description: 'A product category.' },
  );
  const product = object(
    {
      uuid: Uuid,
      sku: Code.describe('Stock keeping unit; unique.'),
      barcode: Code.nullable().describe('EAN/UPC or any scannable code; unique when set.'),
      name: Name,
      category_uuid: Uuid.nullable().describe('The category, or null for none.'),
      price: NonNegativeMoney.describe('Unit price in minor units; includes tax when tax_included is true.'),
      tax_rate_bp: TaxRateBp,
      tax_included: z.boolean().describe('Whether price includes tax (gross) or excludes it (net).'),
      active: z.boolean().describe('Inactive products stay in the catalog but are not offered for sale.'),
      open_price: z
        .boolean()
        .default(false)
        .describe('Protocol 3: the till asks for the price when it is sold (a "Misc 19 %" item) and the hub takes that price as the catalog price; absent: false.'),
      price_version: z.int().min(1).describe('Bumped by the hub on every price change; a till price edit names the version it started from.'),
      updated_at: UpdatedAt,
      deleted_at: DeletedAt,
    },
    { id: 'Product', description: 'A product of the global catalog, as the hub holds it.' },
  );
  const customer = object(
    {
      uuid: Uuid,
      name: Name,
      email: Text.nullable(),
      phone: Text.nullable(),
      updated_at: UpdatedAt,
      deleted_at: DeletedAt,
    },
    { id: 'Customer', description: 'A customer a sale can name.' },
  );
  const stockLevel = object(
    {
      product_uuid: Uuid,
      quantity: z
        .int()
        .min(-Number.MAX_SAFE_INTEGER)
        .max(Number.MAX_SAFE_INTEGER)
        .describe(`Units on hand; negative when more was sold than recorded. Items are kept within ±${MAX_STOCK}; see limits.ts.`),
      updated_at: UpdatedAt,
    },
    { id: 'StockLevel', description: "The hub's stock figure for one product in one store: adjustments plus sales applied so far." },
  );
  return { category, product, customer, stockLevel };
});

type Schemas = ReturnType<typeof catalogSchemas>;
export type Category = z.infer<Schemas['category']>;
export type Product = z.infer<Schemas['product']>;
export type Customer = z.infer<Schemas['customer']>;
export type StockLevel = z.infer<Schemas['stockLevel']>;
