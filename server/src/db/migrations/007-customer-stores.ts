// Customers per store (least privilege, issue 15): a customer belongs to a store, and a till pulls and
// may attach only its own store's customers, unless the chain shares them (chain_settings). A customer
// without a store is the chain's: seen by tills only when customers are shared. Customers from before
// this migration are given the oldest store (a single-store hub keeps seeing all of them).
import type { Migration } from './migration.ts';

export const customerStoresMigration: Migration = {
  version: 7,
  statements: [
    `ALTER TABLE customers ADD COLUMN store_id uuid REFERENCES stores(id)`,
    `UPDATE customers SET store_id = (SELECT id FROM stores ORDER BY created_at, id LIMIT 1)`,
    `CREATE INDEX customers_by_store_version ON customers (store_id, version)`,
    // One row: settings of the whole chain.
    `CREATE TABLE chain_settings (
       id boolean PRIMARY KEY DEFAULT true CHECK (id),
       share_customers boolean NOT NULL DEFAULT false
     )`,
    `INSERT INTO chain_settings DEFAULT VALUES`,
  ],
};
