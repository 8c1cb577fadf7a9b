// POST /api/v1/sync/upstream: a batch of the till's changes (spec 4.1), answered item by item.
// Each item is applied atomically and exactly once by its uuid: the same uuid with the same
// content again is `duplicate` (a success); the same uuid with other content is `rejected`.
import { z } from 'zod';
import type { ObjectBuilder } from './strictness.ts';
import { saleSchemas } from './sale.ts';
import { adjustmentSchemas } from './adjustment.ts';
import { productEditSchemas } from './product-edit.ts';
import { IsoTime, Text, Uuid } from './primitives.ts';
import { MAX_UPSTREAM_ITEMS } from './limits.ts';

export const ItemStatus = z.enum(['applied', 'duplicate', 'rejected']);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const EntityKind = z.enum(['sale', 'adjustment', 'product']);
export type EntityKind = z.infer<typeof EntityKind>;

/** Machine-readable reasons for a rejected item; `reason` carries the human sentence. */
export const RejectCode = z.enum([
  'uuid_conflict', // same uuid, different content
  'totals_mismatch', // totals do not follow from the lines
  'payments_mismatch', // payments do not add up to the total
  'unknown_product',
  'unknown_customer',
  'unknown_sale', // a refund of a sale the hub does not have
  'over_refund', // refunding more than was sold
  'stale_price', // a price edit made on an older price version
  'currency_mismatch',
  'wrong_terminal', // terminal_id is not the authenticated terminal
  'invalid', // fails a rule not expressible in the schema
]);
export type RejectCode = z.infer<typeof RejectCode>;

export function upstreamSchemas(object: ObjectBuilder) {
  const { sale, line, payment } = saleSchemas(object);
  const { adjustment } = adjustmentSchemas(object);
  const { productEdit } = productEditSchemas(object);
  const batch = object({
    sync_id: z.string().min(1).max(100),
    /** The till's clock when the batch was sent: informational only, never used as a cursor. */
    timestamp: IsoTime,
    changes: object({
      sales: z.array(sale).default([]),
      adjustments: z.array(adjustment).default([]),
      products: z.array(productEdit).default([]),
    }),
  }).refine(
    (b) => b.changes.sales.length + b.changes.adjustments.length + b.changes.products.length <= MAX_UPSTREAM_ITEMS,
    { message: `a batch carries at most ${MAX_UPSTREAM_ITEMS} items`, path: ['changes'] },
  );
  const itemResult = object({
    uuid: Uuid,
    entity: EntityKind,
    status: ItemStatus,
    code: RejectCode.optional(),
    reason: Text.optional(),
  });
  const response = object({
    sync_id: z.string().min(1).max(100),
    /** The hub's clock when the batch was applied. */
    timestamp: IsoTime,
    results: z.array(itemResult),
  });
  return { batch, itemResult, response, sale, line, payment, adjustment, productEdit };
}

type Schemas = ReturnType<typeof upstreamSchemas>;
export type UpstreamBatch = z.input<Schemas['batch']>;
export type ParsedUpstreamBatch = z.infer<Schemas['batch']>;
export type ItemResult = z.infer<Schemas['itemResult']>;
export type UpstreamResponse = z.infer<Schemas['response']>;
