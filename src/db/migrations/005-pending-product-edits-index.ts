// Schema v5: an index of the product edits still waiting for the hub. Every product the till shows
// (search, grid, barcode lookup) and every product a pull writes asks whether a local edit of it is
// pending. Without this index each ask walked every pending queue row on sync_queue_due, sales
// included: with a day's sales queued offline, each search result row and each pulled product cost
// a scan of thousands of rows. Partial, so recording a sale adds no entry to it.
import type { Migration } from '../migration.ts';

export const migration005: Migration = {
  version: 5,
  name: 'index of pending product edits',
  sql: `
CREATE INDEX sync_queue_pending_product_edits ON sync_queue (entity_id) WHERE status = 0 AND entity_type = 'Product';
`,
};
