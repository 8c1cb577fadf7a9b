// FROZEN: protocol 1 as it was released (contract/src/upstream.ts at protocol 1). The hub still parses batches of
// tills that speak 1 with it (see ../protocol-version.ts). Never edit: v1-frozen.test.ts pins its hash.
// POST /api/v1/sync/upstream: a batch of the till's changes (spec 4.1), answered item by item.
// Each item is applied atomically and exactly once by its uuid: the same uuid with the same
// content again is `duplicate` (a success); the same uuid with other content is `rejected`.
import { z } from 'zod';
import { oncePerBuilder } from '../strictness.ts';
import { saleSchemas } from './sale.ts';
import { adjustmentSchemas } from './adjustment.ts';
import { productEditSchemas } from './product-edit.ts';
import { IsoTime, Text, Uuid } from '../primitives.ts';
import { MAX_UPSTREAM_ITEMS } from '../limits.ts';

export const ItemStatus = z
  .enum(['applied', 'duplicate', 'rejected'])
  .describe('applied: written now; duplicate: the same item was applied before (a success); rejected: not applied, see code and reason.');
export type ItemStatus = z.infer<typeof ItemStatus>;

export const EntityKind = z.enum(['sale', 'adjustment', 'product']);
export type EntityKind = z.infer<typeof EntityKind>;

/** Machine-readable reasons for a rejected item; `reason` carries the human sentence. */
export const RejectCode = z
  .enum([
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
  ])
  .describe('Why an item was rejected, for machines; reason says it for people.');
export type RejectCode = z.infer<typeof RejectCode>;

export const upstreamSchemas = oncePerBuilder((object) => {
  const { sale, line, payment } = saleSchemas(object);
  const { adjustment } = adjustmentSchemas(object);
  const { productEdit } = productEditSchemas(object);
  const batch = object.doc(
    object({
      sync_id: z.string().min(1).max(100).describe('Id of this batch, echoed in the answer.'),
      timestamp: IsoTime.describe("The till's clock when the batch was sent: informational only, never used as a cursor."),
      changes: object(
        {
          sales: z.array(sale).default([]),
          adjustments: z.array(adjustment).default([]),
          products: z.array(productEdit).default([]),
        },
        { description: `The items, at most ${MAX_UPSTREAM_ITEMS} in all.` },
      ),
    }).refine((b) => b.changes.sales.length + b.changes.adjustments.length + b.changes.products.length <= MAX_UPSTREAM_ITEMS, {
      message: `a batch carries at most ${MAX_UPSTREAM_ITEMS} items`,
      path: ['changes'],
    }),
    { id: 'UpstreamBatchV1', description: "A batch of the till's changes; each item is applied atomically and exactly once by its uuid." },
  );
  const itemResult = object(
    {
      uuid: Uuid.describe('The uuid of the item this result is for.'),
      entity: EntityKind,
      status: ItemStatus,
      code: RejectCode.optional(),
      reason: Text.optional().describe('Why the item was rejected, in a sentence.'),
    },
    { id: 'ItemResultV1', description: 'What became of one item of a batch.' },
  );
  const response = object(
    {
      sync_id: z.string().min(1).max(100).describe('The sync_id of the batch.'),
      timestamp: IsoTime.describe("The hub's clock when the batch was applied."),
      results: z.array(itemResult).describe('One result per item, in the order of the batch: sales, adjustments, products.'),
    },
    { id: 'UpstreamResponseV1', description: 'The answer to a batch: one result per item.' },
  );
  return { batch, itemResult, response, sale, line, payment, adjustment, productEdit };
});

type Schemas = ReturnType<typeof upstreamSchemas>;
export type UpstreamBatch = z.input<Schemas['batch']>;
export type ParsedUpstreamBatch = z.infer<Schemas['batch']>;
export type ItemResult = z.infer<Schemas['itemResult']>;
export type UpstreamResponse = z.infer<Schemas['response']>;
