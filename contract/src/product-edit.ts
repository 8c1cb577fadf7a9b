// A product change made at a till. Fields other than price: last write to reach the hub wins.
// Price: the hub is the authority; an edit made on an older price_version than the hub's is rejected.
import { z } from 'zod';
import type { ObjectBuilder } from './strictness.ts';
import { Code, IsoTime, Name, NonNegativeMoney, TaxRateBp, Uuid } from './primitives.ts';

export function productEditSchemas(object: ObjectBuilder) {
  const productEdit = object({
    /** Idempotency id of this edit (not the product's). */
    uuid: Uuid,
    product_uuid: Uuid,
    /** The product's price_version the till saw when the edit was made. */
    base_price_version: z.int().min(1),
    name: Name.optional(),
    sku: Code.optional(),
    barcode: Code.nullable().optional(),
    price: NonNegativeMoney.optional(),
    tax_rate_bp: TaxRateBp.optional(),
    tax_included: z.boolean().optional(),
    active: z.boolean().optional(),
    edited_at: IsoTime,
  });
  return { productEdit };
}

export type ProductEdit = z.infer<ReturnType<typeof productEditSchemas>['productEdit']>;
