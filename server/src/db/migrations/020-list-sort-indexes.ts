// Indexes for back-office list pages that bench/backoffice-lists.ts found sorting or scanning a whole
// table at 100,000 rows (issue 19: a page under 200 ms p95 on PostgreSQL): a store's stock by product
// name (the list sorts by lower(name)), customers by last change, and one product's adjustments.
import type { Migration } from './migration.ts';

export const listSortIndexesMigration: Migration = {
  version: 20,
  statements: [
    // Stock by name walks products in this order and looks each one's stock up by (store_id, product_uuid).
    `CREATE INDEX products_list_by_lower_name ON products (lower(name), uuid) WHERE deleted_at IS NULL`,
    `CREATE INDEX customers_by_updated ON customers (updated_at, uuid)`,
    `CREATE INDEX adjustments_by_store_product_time ON adjustments (store_id, product_uuid, created_at, uuid)`,
  ],
};
