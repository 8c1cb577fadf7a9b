// POST /api/v1/sync/upstream: a batch of the till's changes (spec 4.1), answered item by item.
// Each item is applied atomically and exactly once by its uuid: the same uuid with the same
// content again is `duplicate` (a success); the same uuid with other content is `rejected`.
// Protocol 2: every item names its staff member (attribution.ts). The hub still takes protocol 1
// batches (v1/upstream.ts, chosen by the protocol header); their items are stored without staff.
// Protocol 3 adds `shifts` (closed shifts with their Z reports, shift.ts), defaulting to none, so every
// protocol 2 batch is a protocol 3 batch: no frozen v2 copy is needed.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { saleSchemas } from './sale.ts';
import { adjustmentSchemas } from './adjustment.ts';
import { productEditSchemas } from './product-edit.ts';
import { shiftSchemas } from './shift.ts';
import { IsoTime, StorableString, Text, Uuid } from './primitives.ts';
import { MAX_UPSTREAM_ITEMS } from './limits.ts';

export const ItemStatus = z
  .enum(['applied', 'duplicate', 'rejected'])
  .describe('applied: written now; duplicate: the same item was applied before (a success); rejected: not applied, see code and reason.');
export type ItemStatus = z.infer<typeof ItemStatus>;

export const EntityKind = z.enum(['sale', 'adjustment', 'product', 'shift']);
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
    'unknown_staff', // staff_id or approved_by names nobody who has a role in this store (protocol 2)
    'invalid', // fails a rule not expressible in the schema
  ])
  .describe('Why an item was rejected, for machines; reason says it for people.');
export type RejectCode = z.infer<typeof RejectCode>;

export const upstreamSchemas = oncePerBuilder((object) => {
  const { sale, line, payment } = saleSchemas(object);
  const { adjustment } = adjustmentSchemas(object);
  const { productEdit } = productEditSchemas(object);
  const { shift } = shiftSchemas(object);
  const batch = object.doc(
    object({
      sync_id: StorableString.min(1).max(100).describe('Id of this batch, echoed in the answer.'),
      timestamp: IsoTime.describe("The till's clock when the batch was sent: informational only, never used as a cursor."),
      changes: object(
        {
          sales: z.array(sale).default([]),
          adjustments: z.array(adjustment).default([]),
          products: z.array(productEdit).default([]),
          shifts: z.array(shift).default([]).describe('Closed shifts (protocol 3); a shift is sent after the sales it counts were queued.'),
        },
        { description: `The items, at most ${MAX_UPSTREAM_ITEMS} in all.` },
      ),
    }).refine((b) => b.changes.sales.length + b.changes.adjustments.length + b.changes.products.length + b.changes.shifts.length <= MAX_UPSTREAM_ITEMS, {
      message: `a batch carries at most ${MAX_UPSTREAM_ITEMS} items`,
      path: ['changes'],
    }),
    { id: 'UpstreamBatch', description: "A batch of the till's changes; each item is applied atomically and exactly once by its uuid." },
  );
  const itemResult = object(
    {
      uuid: Uuid.describe('The uuid of the item this result is for.'),
      entity: EntityKind,
      status: ItemStatus,
      code: RejectCode.optional(),
      reason: Text.optional().describe('Why the item was rejected, in a sentence.'),
    },
    { id: 'ItemResult', description: 'What became of one item of a batch.' },
  );
  const response = object(
    {
      sync_id: z.string().min(1).max(100).describe('The sync_id of the batch.'),
      timestamp: IsoTime.describe("The hub's clock when the batch was applied."),
      results: z.array(itemResult).describe('One result per item, in the order of the batch: sales, adjustments, products, shifts.'),
    },
    { id: 'UpstreamResponse', description: 'The answer to a batch: one result per item.' },
  );
  return { batch, itemResult, response, sale, line, payment, adjustment, productEdit, shift };
});

type Schemas = ReturnType<typeof upstreamSchemas>;
export type UpstreamBatch = z.input<Schemas['batch']>;
export type ParsedUpstreamBatch = z.infer<Schemas['batch']>;
export type ItemResult = z.infer<Schemas['itemResult']>;
export type UpstreamResponse = z.infer<Schemas['response']>;
