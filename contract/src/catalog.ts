// Master data owned by the hub: categories, products, customers, and the store's stock figures.
// A row with deleted_at set is a tombstone: the till removes it from sale.
import { z } from 'zod';
import type { ObjectBuilder } from './strictness.ts';
import { Code, IsoTime, Name, NonNegativeMoney, TaxRateBp, Text, Uuid } from './primitives.ts';
import { MAX_STOCK } from './limits.ts';

export function catalogSchemas(object: ObjectBuilder) {
  const category = object({
    uuid: Uuid,
    name: Name,
    sort_order: z.int().min(0).max(1_000_000),
    updated_at: IsoTime,
    deleted_at: IsoTime.nullable(),
  });
  const product = object({
    uuid: Uuid,
    sku: Code,
    barcode: Code.nullable(),
    name: Name,
    category_uuid: Uuid.nullable(),
    /** Unit price in minor units; includes tax when tax_included is true. */
    price: NonNegativeMoney,
    tax_rate_bp: TaxRateBp,
    tax_included: z.boolean(),
    active: z.boolean(),
    /** Bumped by the hub on every price change; a till's price edit names the version it started from. */
    price_version: z.int().min(1),
    updated_at: IsoTime,
    deleted_at: IsoTime.nullable(),
  });
  const customer = object({
    uuid: Uuid,
    name: Name,
    email: Text.nullable(),
    phone: Text.nullable(),
    updated_at: IsoTime,
    deleted_at: IsoTime.nullable(),
  });
  /** The hub's stock figure for one product in the terminal's store: adjustments plus sales applied so far. */
  const stockLevel = object({
    product_uuid: Uuid,
    quantity: z.int().min(-MAX_STOCK).max(MAX_STOCK),
    updated_at: IsoTime,
  });
  return { category, product, customer, stockLevel };
}

type Schemas = ReturnType<typeof catalogSchemas>;
export type Category = z.infer<Schemas['category']>;
export type Product = z.infer<Schemas['product']>;
export type Customer = z.infer<Schemas['customer']>;
export type StockLevel = z.infer<Schemas['stockLevel']>;
