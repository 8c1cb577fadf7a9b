// Store settings (protocol 3): what a store's receipts print and how its tills behave, owned by the hub
// and pulled by that store's tills like the catalog. `stores` becomes a versioned table: the commit-order
// trigger of migrations/001-initial.ts stamps every insert and update, so a settings change reaches the
// store's tills with their next delta pull. Every existing store is stamped once here, past any cursor
// a till holds, so tills paired before this migration pull their store's settings at once.
//
// Lock order (see 005-store-prices.ts): sales, terminals, stock and devices point at stores with foreign
// keys, so the version index is a plain one; with a unique index a settings change would be a key update
// that waits for every open batch's KEY SHARE lock while it holds the commit-order lock.
//
// Products gain open_price: the till asks for the price (a "Misc 19 %" item), and the hub takes the
// price a line was sold at as its catalog price (sync/insert-sale-lines.ts).
import type { Migration } from './migration.ts';

export const storeSettingsMigration: Migration = {
  version: 9,
  statements: [
    // IF NOT EXISTS: another change may add the time zone as well; the two must not collide.
    `ALTER TABLE stores ADD COLUMN IF NOT EXISTS time_zone text NOT NULL DEFAULT 'Europe/Berlin'`,
    `ALTER TABLE stores
       ADD COLUMN legal_name text,
       ADD COLUMN address_lines text[] NOT NULL DEFAULT '{}',
       ADD COLUMN tax_number text,
       ADD COLUMN vat_id text,
       ADD COLUMN receipt_header text,
       ADD COLUMN receipt_footer text,
       ADD COLUMN storage_alarm_hours int NOT NULL DEFAULT 24,
       ADD COLUMN version bigint,
       ADD COLUMN updated_at timestamptz`,
    `CREATE TRIGGER stores_version BEFORE INSERT OR UPDATE ON stores FOR EACH ROW EXECUTE FUNCTION ezo_stamp_version()`,
    `UPDATE stores SET name = name`,
    `ALTER TABLE stores ALTER COLUMN version SET NOT NULL, ALTER COLUMN updated_at SET NOT NULL`,
    `CREATE INDEX stores_by_version ON stores (version)`,
    `ALTER TABLE products ADD COLUMN open_price boolean NOT NULL DEFAULT false`,
  ],
};
