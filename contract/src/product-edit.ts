// A product change made at a till. Fields other than price: last write to reach the hub wins.
// Price: the hub is the authority; an edit made on an older price_version than the hub's is rejected.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { Code, IsoTime, Name, NonNegativeMoney, TaxRateBp, Uuid } from './primitives.ts';
import { staffAttribution } from './attribution.ts';

export const productEditSchemas = oncePerBuilder((object) => {
  const productEdit = object(
    {
      uuid: Uuid.describe('Idempotency id of this edit (not the product).'),
      product_uuid: Uuid,
      base_price_version: z.int().min(1).describe('The product price_version the till saw when the edit was made.'),
      name: Name.optional(),
      sku: Code.optional(),
      barcode: Code.nullable().optional(),
      price: NonNegativeMoney.optional(),
      tax_rate_bp: TaxRateBp.optional(),
      tax_included: z.boolean().optional(),
      active: z.boolean().optional(),
      edited_at: IsoTime,
      ...staffAttribution,
    },
    {
      id: 'ProductEdit',
      description: 'A product change made at a till: fields other than price are last-write-wins; a price edit on an older price_version is rejected.',
    },
  );
  return { productEdit };
});

export type ProductEdit = z.infer<ReturnType<typeof productEditSchemas>['productEdit']>;
