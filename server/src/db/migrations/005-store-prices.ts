// Store-level prices over the chain's catalog (least privilege, issue 15): a till's price edit writes
// its own store's price here, never the chain's product row, and only that store's tills pull it.
// `price` NULL is a cleared override (the chain price applies again); the row stays, so its version
// tells the store's tills to pull the product again. `price_version` counts this store's price
// changes: the price version a till sees is products.price_version + store_prices.price_version, so
// it moves whenever the chain price or the store price changes (see sync/effective-price.ts).
//
// Lock order (issue 18): the version indexes of rows that foreign keys point at become plain indexes.
// PostgreSQL treats an UPDATE that changes a column with a unique index as a key update (FOR UPDATE),
// which waits for every KEY SHARE lock a foreign key check holds: an admin price change, holding the
// commit-order lock, waited for each open sales batch whose sale lines referenced the product, and
// deadlocked with any such batch that then wanted the lock. A plain index orders the pull as well; the
// version sequence keeps versions unique. Without the unique index an UPDATE is FOR NO KEY UPDATE,
// which a KEY SHARE lock never blocks.
import type { Migration } from './migration.ts';

export const storePricesMigration: Migration = {
  version: 5,
  statements: [
    `CREATE TABLE store_prices (
       store_id uuid NOT NULL REFERENCES stores(id),
       product_uuid uuid NOT NULL REFERENCES products(uuid),
       price bigint CHECK (price >= 0),
       price_version int NOT NULL DEFAULT 0,
       version bigint NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (store_id, product_uuid)
     )`,
    `CREATE TRIGGER store_prices_version BEFORE INSERT OR UPDATE ON store_prices FOR EACH ROW EXECUTE FUNCTION ezo_stamp_version()`,
    `CREATE UNIQUE INDEX store_prices_by_version ON store_prices (store_id, version)`,
    // The own-chain rule of a till's offline price edits is per store now: the edit that produced a
    // store's current price version is looked up by store.
    `ALTER TABLE product_edits ADD COLUMN store_id uuid REFERENCES stores(id)`,
    `UPDATE product_edits e SET store_id = t.store_id FROM terminals t WHERE t.id = e.terminal_id`,
    `DROP INDEX product_edits_produced`,
    `CREATE INDEX product_edits_produced ON product_edits (product_uuid, store_id, produced_price_version) WHERE produced_price_version IS NOT NULL`,
    `DROP INDEX products_by_version`,
    `CREATE INDEX products_by_version ON products (version)`,
    `DROP INDEX categories_by_version`,
    `CREATE INDEX categories_by_version ON categories (version)`,
    `DROP INDEX customers_by_version`,
    `CREATE INDEX customers_by_version ON customers (version)`,
  ],
};
