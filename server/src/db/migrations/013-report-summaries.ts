// Reports (issue 20). A store's days are its own time zone's days (stores.time_zone, IANA name). Four
// summary tables hold the sums the period report reads, kept up to date inside the ingest transaction
// (sync/sale-summaries.ts) and backfilled here from the sales already stored, so a month's report
// reads O(days x terminals x dimension) rows, never the sales. Every figure is a sum of the lines' own
// amounts, which the hub checked against src/domain/sale-totals.ts when the sale came in: no rounding
// happens in a summary. Keys use the store's wall clock (timestamp without time zone) at the sale's
// created_at. Indexes for the sales journal (newest first per store, terminal, cashier; searches).
import type { Migration } from './migration.ts';

/**
 * The backfill, written out as it was at this version (a migration never changes once applied, even if
 * sync/sale-summaries.ts does later). Same statement as there, over every stored sale.
 */
const BACKFILL = `
WITH s AS (
  SELECT s.uuid, s.store_id, s.terminal_id, s.staff_id, s.refund_of IS NOT NULL AS is_refund, s.total,
         (s.body->>'discount_total')::bigint AS discount, s.body,
         (s.created_at AT TIME ZONE st.time_zone) AS local_time,
         (SELECT COALESCE(sum((x->>'quantity')::bigint), 0) FROM jsonb_array_elements(s.body->'lines') x) AS items
    FROM sales s JOIN stores st ON st.id = s.store_id
), hourly AS (
  INSERT INTO report_sales_hourly (store_id, local_hour, terminal_id, staff_id, sales_count, sales_total, sales_discount, sales_items, refunds_count, refunds_total, refunds_items)
  SELECT store_id, date_trunc('hour', local_time), terminal_id, staff_id,
         count(*) FILTER (WHERE NOT is_refund), COALESCE(sum(total) FILTER (WHERE NOT is_refund), 0), COALESCE(sum(discount) FILTER (WHERE NOT is_refund), 0),
         COALESCE(sum(items) FILTER (WHERE NOT is_refund), 0),
         count(*) FILTER (WHERE is_refund), COALESCE(-sum(total) FILTER (WHERE is_refund), 0), COALESCE(-sum(items) FILTER (WHERE is_refund), 0)
    FROM s GROUP BY 1, 2, 3, 4
  RETURNING 1
), vat AS (
  INSERT INTO report_vat_daily (store_id, local_day, terminal_id, tax_rate_bp, net, vat, gross)
  SELECT s.store_id, s.local_time::date, s.terminal_id, l.tax_rate_bp, sum(l.line_subtotal), sum(l.line_tax), sum(l.line_total)
    FROM s, jsonb_to_recordset(s.body->'lines') AS l(tax_rate_bp int, line_subtotal bigint, line_tax bigint, line_total bigint)
   GROUP BY 1, 2, 3, 4
  RETURNING 1
), pay AS (
  INSERT INTO report_payments_daily (store_id, local_day, terminal_id, method, payments, amount)
  SELECT s.store_id, s.local_time::date, s.terminal_id, p.method, count(*), sum(p.amount)
    FROM s, jsonb_to_recordset(s.body->'payments') AS p(method text, amount bigint)
   GROUP BY 1, 2, 3, 4
  RETURNING 1
)
INSERT INTO report_products_daily (store_id, local_day, product_uuid, quantity, net_sales, discount)
SELECT s.store_id, s.local_time::date, l.product_uuid, sum(l.quantity), sum(l.line_total), sum(l.line_discount)
  FROM s, jsonb_to_recordset(s.body->'lines') AS l(product_uuid uuid, quantity bigint, line_total bigint, line_discount bigint)
 GROUP BY 1, 2, 3`;

export const reportSummariesMigration: Migration = {
  version: 13,
  statements: [
    // Other migrations of this release may add the same column: IF NOT EXISTS keeps either order working.
    `ALTER TABLE stores ADD COLUMN IF NOT EXISTS time_zone text NOT NULL DEFAULT 'Europe/Berlin'`,
    // Ingest converts every sale's time with it: a name PostgreSQL does not know would make each sale of
    // the store unstorable, so no such name gets in (whatever route sets it later).
    `ALTER TABLE stores ADD CONSTRAINT stores_time_zone_known CHECK ((timestamptz '2000-01-01 00:00Z' AT TIME ZONE time_zone) IS NOT NULL)`,

    // Per store, wall-clock hour, terminal and cashier (NULL: a protocol 1 till's sale). Refund figures
    // are positive (what went back). Totals are after discounts, VAT included as charged.
    `CREATE TABLE report_sales_hourly (
       store_id uuid NOT NULL REFERENCES stores(id),
       local_hour timestamp NOT NULL,
       terminal_id uuid NOT NULL REFERENCES terminals(id),
       staff_id uuid REFERENCES staff(id),
       sales_count bigint NOT NULL,
       sales_total bigint NOT NULL,
       sales_discount bigint NOT NULL,
       sales_items bigint NOT NULL,
       refunds_count bigint NOT NULL,
       refunds_total bigint NOT NULL,
       refunds_items bigint NOT NULL,
       CONSTRAINT report_sales_hourly_key UNIQUE NULLS NOT DISTINCT (store_id, local_hour, terminal_id, staff_id)
     )`,
    // VAT per rate; refund lines are negative, so gross sums to the turnover.
    `CREATE TABLE report_vat_daily (
       store_id uuid NOT NULL REFERENCES stores(id),
       local_day date NOT NULL,
       terminal_id uuid NOT NULL REFERENCES terminals(id),
       tax_rate_bp int NOT NULL,
       net bigint NOT NULL,
       vat bigint NOT NULL,
       gross bigint NOT NULL,
       PRIMARY KEY (store_id, local_day, terminal_id, tax_rate_bp)
     )`,
    // Payments per method: count of payments and their sum (refund payments negative).
    `CREATE TABLE report_payments_daily (
       store_id uuid NOT NULL REFERENCES stores(id),
       local_day date NOT NULL,
       terminal_id uuid NOT NULL REFERENCES terminals(id),
       method text NOT NULL,
       payments bigint NOT NULL,
       amount bigint NOT NULL,
       PRIMARY KEY (store_id, local_day, terminal_id, method)
     )`,
    // Per product and day, sales minus refunds. No terminal in the key: a store's tills update the same
    // rows, like its stock rows, in product order (sync/sale-summaries.ts) so they never deadlock.
    `CREATE TABLE report_products_daily (
       store_id uuid NOT NULL REFERENCES stores(id),
       local_day date NOT NULL,
       product_uuid uuid NOT NULL REFERENCES products(uuid),
       quantity bigint NOT NULL,
       net_sales bigint NOT NULL,
       discount bigint NOT NULL,
       PRIMARY KEY (store_id, local_day, product_uuid)
     )`,
    BACKFILL,

    // The sales journal pages newest first by (created_at, uuid) within one of these.
    `CREATE INDEX sales_journal_by_store ON sales (store_id, created_at, uuid)`,
    `CREATE INDEX sales_journal_by_terminal ON sales (terminal_id, created_at, uuid)`,
    `CREATE INDEX sales_journal_by_staff ON sales (staff_id, created_at, uuid) WHERE staff_id IS NOT NULL`,
    `CREATE INDEX sales_journal_by_customer ON sales (((body->>'customer_uuid')::uuid), created_at) WHERE body->>'customer_uuid' IS NOT NULL`,
    // Receipt-number search is a prefix match (LIKE 'R1-00%'), which needs pattern ops under any collation.
    `CREATE INDEX sales_journal_by_receipt ON sales (store_id, receipt_number text_pattern_ops)`,
    `CREATE INDEX sale_lines_by_product ON sale_lines (product_uuid, sale_uuid)`,
    `CREATE INDEX sales_refunds_of ON sales (refund_of) WHERE refund_of IS NOT NULL`,
    // When each till's newest sale arrived: one index probe per terminal.
    `CREATE INDEX sales_by_terminal_received ON sales (terminal_id, received_at)`,
    // The sales index of migration 001 is covered by sales_journal_by_store.
    `DROP INDEX IF EXISTS sales_by_store_day`,
  ],
};
