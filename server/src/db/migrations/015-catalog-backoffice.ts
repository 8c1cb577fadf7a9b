// The back office's catalog (issue 19): a price history kept by the database itself, and indexes for
// the product list's search, sorts and keyset pages at 100,000 products.
//
// product_price_history gets a row for every price (or VAT rate) a product takes, written by a trigger
// in the transaction that changes it, whichever path changes it (admin API, CSV import, a till's price
// edit). Who and how come from transaction-local settings the writer sets (ezo.price_source,
// ezo.actor_staff; catalog/price-history.ts); a write that sets none is a till's. Existing products get
// their current price as the first row (source 'initial').
import type { Migration } from './migration.ts';

export const catalogBackofficeMigration: Migration = {
  version: 15,
  statements: [
    `CREATE TABLE product_price_history (
       id bigserial PRIMARY KEY,
       product_uuid uuid NOT NULL REFERENCES products(uuid),
       price bigint NOT NULL,
       price_version int NOT NULL,
       tax_rate_bp int NOT NULL,
       changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
       source text NOT NULL CHECK (source IN ('admin', 'import', 'till', 'initial')),
       changed_by uuid REFERENCES staff(id)
     )`,
    `CREATE INDEX product_price_history_by_product ON product_price_history (product_uuid, id DESC)`,
    `INSERT INTO product_price_history (product_uuid, price, price_version, tax_rate_bp, changed_at, source)
       SELECT uuid, price, price_version, tax_rate_bp, updated_at, 'initial' FROM products`,
    `CREATE FUNCTION ezo_record_price() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'INSERT' OR NEW.price IS DISTINCT FROM OLD.price OR NEW.tax_rate_bp IS DISTINCT FROM OLD.tax_rate_bp THEN
         INSERT INTO product_price_history (product_uuid, price, price_version, tax_rate_bp, source, changed_by)
         VALUES (NEW.uuid, NEW.price, NEW.price_version, NEW.tax_rate_bp,
                 COALESCE(NULLIF(current_setting('ezo.price_source', true), ''), 'till'),
                 NULLIF(current_setting('ezo.actor_staff', true), '')::uuid);
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER products_price_history AFTER INSERT OR UPDATE OF price, tax_rate_bp ON products FOR EACH ROW EXECUTE FUNCTION ezo_record_price()`,
    // The list: live products only (deleted_at IS NULL), one index per sort, uuid breaking ties, so
    // every keyset page is an index range scan.
    `CREATE INDEX products_list_by_name ON products (name, uuid) WHERE deleted_at IS NULL`,
    `CREATE INDEX products_list_by_sku ON products (sku, uuid) WHERE deleted_at IS NULL`,
    `CREATE INDEX products_list_by_price ON products (price, uuid) WHERE deleted_at IS NULL`,
    `CREATE INDEX products_list_by_updated ON products (updated_at, uuid) WHERE deleted_at IS NULL`,
    // Search: name words by prefix (full-text, 'simple': no stemming, any language), SKU and barcode by
    // prefix (case-insensitive for SKU); the import finds products by SKU.
    `CREATE INDEX products_name_words ON products USING gin (to_tsvector('simple', name)) WHERE deleted_at IS NULL`,
    `CREATE INDEX products_sku_prefix ON products (lower(sku) text_pattern_ops) WHERE deleted_at IS NULL`,
    `CREATE INDEX products_barcode_prefix ON products (barcode text_pattern_ops) WHERE deleted_at IS NULL AND barcode IS NOT NULL`,
  ],
};
