// Stock moves as an append-only log: ingest writes here without the commit-order lock, and
// sync/fold-stock.ts folds them into the versioned stock rows, many batches per lock hold.
import type { Migration } from './migration.ts';

export const stockMovesMigration: Migration = {
  version: 2,
  statements: [
    `CREATE TABLE stock_moves (
       id bigserial PRIMARY KEY,
       store_id uuid NOT NULL REFERENCES stores(id),
       product_uuid uuid NOT NULL REFERENCES products(uuid),
       delta bigint NOT NULL
     )`,
  ],
};
