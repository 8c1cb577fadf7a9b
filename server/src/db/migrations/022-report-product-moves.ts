// The product summaries (report_products_daily, migration 013; report_products_monthly, migration 021)
// as a log folded in the background, like stock (migration 002): their keys have no terminal, so every
// sales batch of a store upserted the same rows, and each batch held those row locks until its COMMIT.
// With 50 tills of one store pushing, 85 % of the active backends sampled waited on those locks
// (server/README.md, "Ingest at scale"). Ingest now appends its product sums here (its own new rows, no
// lock anyone else wants), and sync/fold-report-moves.ts adds them to the two summary tables under the
// commit-order lock, many batches per statement. No foreign keys: the log lives for a fold interval,
// and the sale's own rows (in the same transaction) already reference the store and the products.
import type { Migration } from './migration.ts';

export const reportProductMovesMigration: Migration = {
  version: 22,
  statements: [
    `CREATE TABLE report_product_moves (
       store_id uuid NOT NULL,
       local_day date NOT NULL,
       product_uuid uuid NOT NULL,
       quantity bigint NOT NULL,
       net_sales bigint NOT NULL,
       discount bigint NOT NULL
     )`,
  ],
};
