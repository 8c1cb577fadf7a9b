// GET /api/v1/sync/downstream?last_synced_at=<cursor>&limit=<n>: one page of master-data changes
// in the hub's commit order. `timestamp` is the cursor for the next call; `has_more` says whether
// to call again at once. The till applies a page and stores its cursor in one SQLite transaction.
import { z } from 'zod';
import type { ObjectBuilder } from './strictness.ts';
import { catalogSchemas } from './catalog.ts';
import { Cursor, Uuid } from './primitives.ts';
import { MAX_DOWNSTREAM_LIMIT } from './limits.ts';

export function downstreamSchemas(object: ObjectBuilder) {
  const { category, product, customer, stockLevel } = catalogSchemas(object);
  const query = object({
    /** Absent on the first pull: everything from the beginning. */
    last_synced_at: Cursor.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_DOWNSTREAM_LIMIT).optional(),
  });
  const page = object({
    sync_id: z.string().min(1).max(100),
    /** The cursor to send next time (server-issued, commit-ordered; not a wall-clock time). */
    timestamp: Cursor,
    has_more: z.boolean(),
    /** The hub's estimate of rows still to come after this page, for the till's progress bar. */
    remaining: z.int().min(0).optional(),
    changes: object({
      products: z.array(product).max(MAX_DOWNSTREAM_LIMIT),
      categories: z.array(category).max(MAX_DOWNSTREAM_LIMIT),
      customers: z.array(customer).max(MAX_DOWNSTREAM_LIMIT),
      stock: z.array(stockLevel).max(MAX_DOWNSTREAM_LIMIT),
    }),
  });
  return { query, page, category, product, customer, stockLevel, uuid: Uuid };
}

export type DownstreamQuery = z.infer<ReturnType<typeof downstreamSchemas>['query']>;
export type DownstreamPage = z.infer<ReturnType<typeof downstreamSchemas>['page']>;
