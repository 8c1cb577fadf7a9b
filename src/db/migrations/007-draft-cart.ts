// Schema v7: the sale in progress, kept on this device so a reload or a move to another tab brings
// it back (src/ui/sell/use-cart-draft.ts). One row at most. A cart is not a sale: it is never queued
// in sync_queue nor sent to the hub, and recording the sale deletes it in the same transaction.
import type { Migration } from '../migration.ts';

export const migration007: Migration = {
  version: 7,
  name: 'draft cart',
  sql: `
CREATE TABLE draft_cart (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  cart TEXT NOT NULL,
  saved_at TEXT NOT NULL
);
`,
};
