// Which price version a till's edit was made on, and which one its accepted price change produced.
// With them the hub can tell a till's second offline price edit of a product (made on the same base,
// after its own first edit that the till has seen) from an edit that never saw a newer price.
import type { Migration } from './migration.ts';

export const productEditVersionsMigration: Migration = {
  version: 3,
  statements: [
    `ALTER TABLE product_edits ADD COLUMN base_price_version int, ADD COLUMN produced_price_version int`,
    `CREATE INDEX product_edits_produced ON product_edits (product_uuid, produced_price_version) WHERE produced_price_version IS NOT NULL`,
  ],
};
