// Indexes for back-office list pages that bench/backoffice-lists.ts found sorting or scanning a whole
// table at 100,000 rows (issue 19: a page under 200 ms p95 on PostgreSQL): a store's stock by product
// name (the list sorts by lower(name)), customers by last change, one product's adjustments, and
// trigram indexes for the searches that match any part of a text (LIKE '%...%', which a b-tree cannot
// serve): a customer's name words, e-mail and phone digits, a product's name in the stock list.
// pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database's owner may create
// it. PGlite loads it in pglite-worker.ts.
import type { Migration } from './migration.ts';

export const listSortIndexesMigration: Migration = {
  version: 20,
  statements: [
    // Stock by name walks products in this order and looks each one's stock up by (store_id, product_uuid).
    `CREATE INDEX products_list_by_lower_name ON products (lower(name), uuid) WHERE deleted_at IS NULL`,
    `CREATE INDEX customers_by_updated ON customers (updated_at, uuid)`,
    `CREATE INDEX adjustments_by_store_product_time ON adjustments (store_id, product_uuid, created_at, uuid)`,
    `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
    // The expressions exactly as customers/customer-search.ts and stock/stock-pages.ts write them.
    `CREATE INDEX customers_name_trigrams ON customers USING gin ((translate(search_name, '-', ' ')) gin_trgm_ops)`,
    `CREATE INDEX customers_email_trigrams ON customers USING gin (search_email gin_trgm_ops)`,
    `CREATE INDEX customers_phone_trigrams ON customers USING gin (phone_digits gin_trgm_ops)`,
    `CREATE INDEX products_name_trigrams ON products USING gin (lower(name) gin_trgm_ops) WHERE deleted_at IS NULL`,
  ],
};
