// GET /api/v1/sync/downstream?last_synced_at=<cursor>&limit=<n>: one page of master-data changes
// in the hub's commit order. `timestamp` is the cursor for the next call; `has_more` says whether
// to call again at once. The till applies a page and stores its cursor in one SQLite transaction.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { catalogSchemas } from './catalog.ts';
import { staffSchemas } from './staff.ts';
import { storeSettingsSchemas } from './store-settings.ts';
import { Cursor, Uuid } from './primitives.ts';
import { DEFAULT_DOWNSTREAM_LIMIT, MAX_DOWNSTREAM_LIMIT } from './limits.ts';

export const downstreamSchemas = oncePerBuilder((object) => {
  const { category, product, customer, stockLevel } = catalogSchemas(object);
  const { staffMember } = staffSchemas(object);
  const { storeSettings } = storeSettingsSchemas(object);
  const query = object({
    last_synced_at: Cursor.optional().describe('The timestamp of the previous page; absent on the first pull (everything from the beginning).'),
    limit: z.coerce.number().int().min(1).max(MAX_DOWNSTREAM_LIMIT).optional().describe(`Rows per page; default ${DEFAULT_DOWNSTREAM_LIMIT}.`),
  });
  const page = object(
    {
      sync_id: z.string().min(1).max(100).describe('Id of this page, for logs.'),
      timestamp: Cursor.describe('The cursor to send next time (server-issued, commit-ordered; not a wall-clock time).'),
      has_more: z.boolean().describe('Whether more rows follow: pull again at once with the new cursor.'),
      remaining: z.int().min(0).optional().describe("The hub's estimate of rows still to come after this page, for the till's progress bar."),
      changes: object(
        {
          products: z.array(product).max(MAX_DOWNSTREAM_LIMIT),
          categories: z.array(category).max(MAX_DOWNSTREAM_LIMIT),
          customers: z.array(customer).max(MAX_DOWNSTREAM_LIMIT),
          stock: z.array(stockLevel).max(MAX_DOWNSTREAM_LIMIT).describe("Stock rows of the terminal's store only."),
          staff: z
            .array(staffMember)
            .max(MAX_DOWNSTREAM_LIMIT)
            .default([])
            .describe("Protocol 2: members with a role in the terminal's store, and those who lost it or were deactivated (active false)."),
          store_settings: z
            .array(storeSettings)
            .max(1)
            .default([])
            .describe("Protocol 3: the terminal's own store's settings when they changed since the cursor (never another store's)."),
        },
        { description: 'The rows changed since the cursor, tombstones included, at most `limit` in all.' },
      ),
    },
    { id: 'DownstreamPage', description: "One page of master-data changes in the hub's commit order." },
  );
  return { query, page, category, product, customer, stockLevel, staffMember, storeSettings, uuid: Uuid };
});

export type DownstreamQuery = z.infer<ReturnType<typeof downstreamSchemas>['query']>;
export type DownstreamPage = z.infer<ReturnType<typeof downstreamSchemas>['page']>;
