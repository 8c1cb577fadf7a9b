// Each sale line keeps what it charged next to what the catalog said when the sale reached the hub, so
// reports can list sales below the catalog price (offline price drift, or a price given at the till)
// and by which terminal. Lines stored before this migration have no catalog figures (NULL): unknown.
// Also the index the sales report pages by (created_at, uuid).
import type { Migration } from './migration.ts';

export const lineCatalogPriceMigration: Migration = {
  version: 4,
  statements: [
    `ALTER TABLE sale_lines
       ADD COLUMN unit_price bigint, ADD COLUMN tax_rate_bp int, ADD COLUMN tax_included boolean,
       ADD COLUMN catalog_price bigint, ADD COLUMN catalog_tax_rate_bp int, ADD COLUMN catalog_tax_included boolean`,
    `CREATE INDEX sale_lines_off_catalog ON sale_lines (sale_uuid)
       WHERE unit_price <> catalog_price OR tax_rate_bp <> catalog_tax_rate_bp OR tax_included <> catalog_tax_included`,
    `CREATE INDEX sales_by_time ON sales (created_at, uuid)`,
  ],
};
