// Schema v2: the hub's own version of a product while a local edit of it waits in sync_queue.
// `products` always holds what the till shows (the hub's row with pending local edits laid over it),
// so searches and the grid need no join; this table keeps what the hub said underneath, so a pull
// can update it without hiding the edit, and the overlay can be lifted when the hub answers.
// Invariant (kept by src/sync/product-overlay.ts): a row exists here exactly while at least one
// Pending (status 0) 'Product' row for that product is in sync_queue.
import type { Migration } from '../migration.ts';

export const migration002: Migration = {
  version: 2,
  name: 'product hub versions under pending local edits',
  sql: `
CREATE TABLE product_hub_versions (
  product_uuid TEXT PRIMARY KEY,
  -- The hub's product as last pulled (contract Product, JSON).
  row TEXT NOT NULL
) WITHOUT ROWID;
`,
};
