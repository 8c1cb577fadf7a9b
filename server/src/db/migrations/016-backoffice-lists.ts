// Back-office lists (issue 19): customer search, merging duplicate customers, stock and adjustment pages.
// Search: a customer matches on any word of the name (by prefix), any part of the e-mail, or the phone's
// digits anywhere, ignoring case and accents. The folded forms are stored generated columns, computed
// by one IMMUTABLE function (ezo_fold), so every writer (admin API, seed, future paths) keeps them right.
// Merging: the duplicate keeps its row as a tombstone (deleted_at) with merged_into naming the survivor;
// sales keep the customer_uuid the till sent (their history), and reports resolve it through merged_into.
import type { Migration } from './migration.ts';

// Latin letters with diacritics folded to their base letter (translate() maps one character to one);
// ß becomes ss afterwards. Lower-casing first halves the list.
const ACCENTED = 'àáâãäåāăąçćčďèéêëēėęěìíîïīįıñńňòóôõöøōőùúûüūůűųýÿźżžłśšţťŕř';
const PLAIN = 'aaaaaaaaaccc' + 'deeeeeeeeiiiiiii' + 'nnnoooooooouuuuuuuuyyzzzlsst' + 'trr';

export const backofficeListsMigration: Migration = {
  version: 16,
  statements: [
    `CREATE FUNCTION ezo_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
       SELECT replace(translate(lower(t), '${ACCENTED}', '${PLAIN}'), 'ß', 'ss')
     $$`,
    `ALTER TABLE customers
       ADD COLUMN search_name text GENERATED ALWAYS AS (ezo_fold(name)) STORED,
       ADD COLUMN search_email text GENERATED ALWAYS AS (ezo_fold(coalesce(email, ''))) STORED,
       ADD COLUMN phone_digits text GENERATED ALWAYS AS (regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')) STORED,
       ADD COLUMN merged_into uuid REFERENCES customers(uuid),
       ADD COLUMN merged_at timestamptz`,
    // Keyset pages by name (all stores, and one store's).
    `CREATE INDEX customers_by_search_name ON customers (search_name, uuid)`,
    `CREATE INDEX customers_by_store_search_name ON customers (store_id, search_name, uuid)`,
    `CREATE INDEX customers_merged_into ON customers (merged_into) WHERE merged_into IS NOT NULL`,
    // A customer's sales (those of the customers merged into it included), as the till named them.
    `CREATE INDEX sales_by_customer ON sales ((lower(body->>'customer_uuid'))) WHERE body->>'customer_uuid' IS NOT NULL`,
    // A store's stock by quantity (low stock first) and its adjustments journal, newest first.
    `CREATE INDEX stock_by_store_quantity ON stock (store_id, quantity, product_uuid)`,
    `CREATE INDEX adjustments_by_store_time ON adjustments (store_id, created_at, uuid)`,
  ],
};
