// Schema v1 of the till's database. What is stored here and why:
// - master data pulled from the hub (categories, products, customers, stock_levels): the hub owns it,
//   the till keeps a copy so it can sell offline;
// - the till's own records (sales, sale_items, payments, inventory_adjustments, shifts): the till owns
//   them; sales, their lines and payments are immutable and adjustments append-only (triggers below);
// - sync_queue: the durable outbox (spec section 3); sync_state: the pull cursor the hub issued.
// Money is INTEGER minor units everywhere. Each syncable row has a uuid (its identity across devices)
// and a local INTEGER id (rowid, for joins and the queue's entity_id).
import type { Migration } from '../migration.ts';

export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  sku TEXT NOT NULL,
  barcode TEXT,
  name TEXT NOT NULL,
  category_uuid TEXT,
  price INTEGER NOT NULL CHECK (price >= 0),
  tax_rate_bp INTEGER NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
  tax_included INTEGER NOT NULL CHECK (tax_included IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  price_version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
-- Prefix search (LIKE 'abc%') uses an index only when it is COLLATE NOCASE.
CREATE INDEX products_name_nocase ON products (name COLLATE NOCASE);
CREATE INDEX products_sku_nocase ON products (sku COLLATE NOCASE);
CREATE INDEX products_barcode ON products (barcode);
CREATE INDEX products_category_name ON products (category_uuid, name COLLATE NOCASE);

-- Word search ("cola" finds "Diet Cola 330ml"): FTS5 over the products table's own rows.
CREATE VIRTUAL TABLE products_fts USING fts5 (
  name, sku, barcode,
  content = 'products', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
  INSERT INTO products_fts (rowid, name, sku, barcode) VALUES (new.id, new.name, new.sku, coalesce(new.barcode, ''));
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
  INSERT INTO products_fts (products_fts, rowid, name, sku, barcode) VALUES ('delete', old.id, old.name, old.sku, coalesce(old.barcode, ''));
END;
CREATE TRIGGER products_fts_update AFTER UPDATE OF name, sku, barcode ON products BEGIN
  INSERT INTO products_fts (products_fts, rowid, name, sku, barcode) VALUES ('delete', old.id, old.name, old.sku, coalesce(old.barcode, ''));
  INSERT INTO products_fts (rowid, name, sku, barcode) VALUES (new.id, new.name, new.sku, coalesce(new.barcode, ''));
END;

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  email TEXT,
  phone TEXT,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX customers_name_nocase ON customers (name COLLATE NOCASE);

-- The hub's stock figure per product for this store, as last pulled. Local stock = this figure plus
-- the deltas of this till's sales and adjustments the hub has not acknowledged yet.
CREATE TABLE stock_levels (
  product_uuid TEXT PRIMARY KEY,
  quantity INTEGER NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- Cash-drawer sessions. At most one open shift (closed_at IS NULL) at a time.
CREATE TABLE shifts (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  opened_at TEXT NOT NULL,
  opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
  closed_at TEXT,
  counted_cash INTEGER,
  expected_cash INTEGER,
  z_report TEXT
);
CREATE UNIQUE INDEX shifts_one_open ON shifts ((closed_at IS NULL)) WHERE closed_at IS NULL;

CREATE TABLE sales (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  receipt_number TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  shift_uuid TEXT,
  customer_uuid TEXT,
  refund_of TEXT REFERENCES sales (uuid),
  currency TEXT NOT NULL,
  subtotal INTEGER NOT NULL,
  discount_total INTEGER NOT NULL,
  tax_total INTEGER NOT NULL,
  total INTEGER NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (terminal_id, receipt_number)
);
CREATE INDEX sales_created_at ON sales (created_at);
CREATE INDEX sales_refund_of ON sales (refund_of);
CREATE INDEX sales_shift ON sales (shift_uuid);

CREATE TABLE sale_items (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  sale_id INTEGER NOT NULL REFERENCES sales (id),
  line_no INTEGER NOT NULL,
  product_uuid TEXT NOT NULL,
  name TEXT NOT NULL,
  sku TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity <> 0),
  unit_price INTEGER NOT NULL,
  discount_bp INTEGER NOT NULL,
  tax_rate_bp INTEGER NOT NULL,
  tax_included INTEGER NOT NULL CHECK (tax_included IN (0, 1)),
  line_subtotal INTEGER NOT NULL,
  line_discount INTEGER NOT NULL,
  line_tax INTEGER NOT NULL,
  line_total INTEGER NOT NULL,
  refund_of_line TEXT REFERENCES sale_items (uuid),
  UNIQUE (sale_id, line_no)
);
CREATE INDEX sale_items_product ON sale_items (product_uuid);
CREATE INDEX sale_items_refund_of_line ON sale_items (refund_of_line);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  sale_id INTEGER NOT NULL REFERENCES sales (id),
  method TEXT NOT NULL CHECK (method IN ('cash', 'card')),
  amount INTEGER NOT NULL,
  tendered INTEGER,
  change INTEGER
);
CREATE INDEX payments_sale ON payments (sale_id);

-- Sales, their lines and payments are immutable: a correction is a refund, a new sale.
CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales BEGIN SELECT RAISE(ABORT, 'sales are immutable'); END;
CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales BEGIN SELECT RAISE(ABORT, 'sales are immutable'); END;
CREATE TRIGGER sale_items_no_update BEFORE UPDATE ON sale_items BEGIN SELECT RAISE(ABORT, 'sale items are immutable'); END;
CREATE TRIGGER sale_items_no_delete BEFORE DELETE ON sale_items BEGIN SELECT RAISE(ABORT, 'sale items are immutable'); END;
CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments BEGIN SELECT RAISE(ABORT, 'payments are immutable'); END;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments BEGIN SELECT RAISE(ABORT, 'payments are immutable'); END;

-- Append-only stock deltas made at this till; stock is derived, never stored as a figure here.
CREATE TABLE inventory_adjustments (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  product_uuid TEXT NOT NULL,
  delta INTEGER NOT NULL CHECK (delta <> 0),
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX inventory_adjustments_product ON inventory_adjustments (product_uuid);
CREATE TRIGGER inventory_adjustments_no_update BEFORE UPDATE ON inventory_adjustments BEGIN SELECT RAISE(ABORT, 'inventory adjustments are append-only'); END;
CREATE TRIGGER inventory_adjustments_no_delete BEFORE DELETE ON inventory_adjustments BEGIN SELECT RAISE(ABORT, 'inventory adjustments are append-only'); END;

-- The outbox (spec section 3): the spec's columns, then what the sync engine needs.
-- status: 0 Pending, 1 Completed (the hub answered applied or duplicate), 2 Failed (parked with last_error).
-- A row leaves this table only when it is Completed and older than the retention period.
CREATE TABLE sync_queue (
  id INTEGER PRIMARY KEY,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('Sale', 'Product', 'Adjustment')),
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE')),
  payload TEXT NOT NULL,
  status INTEGER NOT NULL DEFAULT 0 CHECK (status IN (0, 1, 2)),
  retry_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  -- The uuid the hub deduplicates on: the sale's, adjustment's or edit's own uuid.
  idempotency_key TEXT NOT NULL UNIQUE,
  -- Epoch milliseconds before which a retry is not attempted (exponential backoff).
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  completed_at TEXT
);
CREATE INDEX sync_queue_due ON sync_queue (status, next_attempt_at, id);

-- One row: the pull cursor exactly as the hub issued it, and when pull and push last succeeded.
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  cursor TEXT,
  last_pull_at TEXT,
  last_push_at TEXT,
  last_error TEXT
);
INSERT INTO sync_state (id) VALUES (1);

-- Pairing and preferences: server URL, terminal token and info, receipt counter.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`,
};
