// Schema v1 of the hub. Every row a till pulls (categories, products, customers, stock) carries a
// `version` stamped by a trigger from one sequence under a transaction-scoped advisory lock; see
// change-version below for why that makes version order equal commit order.
import type { Migration } from './migration.ts';

export const initialMigration: Migration = {
  version: 1,
  statements: [
    // change-version: the commit-order clock.
    // The lock is taken by the first versioned write of a transaction and held until COMMIT (xact locks
    // cannot be released early). A transaction that holds versions n..m therefore commits before anyone
    // else can take version m+1, and PostgreSQL makes a commit visible before it releases the lock. So a
    // reader's snapshot that contains version v contains every version < v: "version > cursor" never
    // skips a late commit, and nothing reads the wall clock. Writers take the lock as late as possible
    // (after their inserts), so it is held only for the few versioned updates at the end.
    `CREATE SEQUENCE change_version`,
    `CREATE FUNCTION ezo_next_version() RETURNS bigint LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM pg_advisory_xact_lock(1702522734); -- 'ezo' commit-order lock, re-entrant within a transaction
       RETURN nextval('change_version');
     END $$`,
    `CREATE FUNCTION ezo_stamp_version() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       NEW.version := ezo_next_version();
       NEW.updated_at := clock_timestamp();
       RETURN NEW;
     END $$`,

    `CREATE TABLE stores (
       id uuid PRIMARY KEY,
       name text NOT NULL,
       currency char(3) NOT NULL,
       locale text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE terminals (
       id uuid PRIMARY KEY,
       store_id uuid NOT NULL REFERENCES stores(id),
       name text NOT NULL,
       receipt_prefix text NOT NULL,
       token_hash bytea NOT NULL UNIQUE,
       created_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE (store_id, receipt_prefix)
     )`,

    `CREATE TABLE categories (
       uuid uuid PRIMARY KEY,
       name text NOT NULL,
       sort_order int NOT NULL DEFAULT 0,
       version bigint NOT NULL,
       updated_at timestamptz NOT NULL,
       deleted_at timestamptz
     )`,
    `CREATE TABLE products (
       uuid uuid PRIMARY KEY,
       sku text NOT NULL,
       barcode text,
       name text NOT NULL,
       category_uuid uuid REFERENCES categories(uuid),
       price bigint NOT NULL CHECK (price >= 0),
       tax_rate_bp int NOT NULL,
       tax_included boolean NOT NULL,
       active boolean NOT NULL DEFAULT true,
       price_version int NOT NULL DEFAULT 1,
       version bigint NOT NULL,
       updated_at timestamptz NOT NULL,
       deleted_at timestamptz
     )`,
    `CREATE TABLE customers (
       uuid uuid PRIMARY KEY,
       name text NOT NULL,
       email text,
       phone text,
       version bigint NOT NULL,
       updated_at timestamptz NOT NULL,
       deleted_at timestamptz
     )`,
    `CREATE TABLE stock (
       store_id uuid NOT NULL REFERENCES stores(id),
       product_uuid uuid NOT NULL REFERENCES products(uuid),
       quantity bigint NOT NULL,
       version bigint NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (store_id, product_uuid)
     )`,
    `CREATE TRIGGER categories_version BEFORE INSERT OR UPDATE ON categories FOR EACH ROW EXECUTE FUNCTION ezo_stamp_version()`,
    `CREATE TRIGGER products_version BEFORE INSERT OR UPDATE ON products FOR EACH ROW EXECUTE FUNCTION ezo_stamp_version()`,
    `CREATE TRIGGER customers_version BEFORE INSERT OR UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION ezo_stamp_version()`,
    `CREATE TRIGGER stock_version BEFORE INSERT OR UPDATE ON stock FOR EACH ROW EXECUTE FUNCTION ezo_stamp_version()`,
    `CREATE UNIQUE INDEX categories_by_version ON categories (version)`,
    `CREATE UNIQUE INDEX products_by_version ON products (version)`,
    `CREATE UNIQUE INDEX customers_by_version ON customers (version)`,
    `CREATE UNIQUE INDEX stock_by_version ON stock (store_id, version)`,

    // Immutable facts from tills, exactly once by the client's uuid; content_hash tells a replay from a conflict.
    `CREATE TABLE sales (
       uuid uuid PRIMARY KEY,
       store_id uuid NOT NULL REFERENCES stores(id),
       terminal_id uuid NOT NULL REFERENCES terminals(id),
       receipt_number text NOT NULL,
       refund_of uuid REFERENCES sales(uuid),
       total bigint NOT NULL,
       created_at timestamptz NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now(),
       content_hash text NOT NULL,
       body jsonb NOT NULL
     )`,
    `CREATE INDEX sales_by_store_day ON sales (store_id, created_at)`,
    `CREATE TABLE sale_lines (
       uuid uuid PRIMARY KEY,
       sale_uuid uuid NOT NULL REFERENCES sales(uuid),
       product_uuid uuid NOT NULL REFERENCES products(uuid),
       quantity int NOT NULL,
       refund_of_line uuid REFERENCES sale_lines(uuid)
     )`,
    `CREATE INDEX sale_lines_by_sale ON sale_lines (sale_uuid)`,
    `CREATE INDEX sale_lines_by_refunded_line ON sale_lines (refund_of_line) WHERE refund_of_line IS NOT NULL`,
    `CREATE TABLE adjustments (
       uuid uuid PRIMARY KEY,
       store_id uuid NOT NULL REFERENCES stores(id),
       terminal_id uuid REFERENCES terminals(id),
       product_uuid uuid NOT NULL REFERENCES products(uuid),
       delta int NOT NULL,
       reason text NOT NULL,
       created_at timestamptz NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now(),
       content_hash text NOT NULL
     )`,
    `CREATE TABLE product_edits (
       uuid uuid PRIMARY KEY,
       terminal_id uuid NOT NULL REFERENCES terminals(id),
       product_uuid uuid NOT NULL REFERENCES products(uuid),
       received_at timestamptz NOT NULL DEFAULT now(),
       content_hash text NOT NULL
     )`,
  ],
};
