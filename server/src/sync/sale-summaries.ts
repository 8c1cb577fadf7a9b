// Keeps the report summary tables (migrations/013-report-summaries.ts) up to date: every path that
// stores a sale or refund calls addSalesToSummaries in the same transaction (and savepoint) as the
// insert, for the sales it has just inserted and only those, so a duplicate send adds nothing and a
// rolled-back item takes its sums with it. The figures come from the stored body's line amounts, which
// the hub checked against src/domain/sale-totals.ts at ingest: sums of integers, no rounding here.
// One statement for all of them (data-modifying CTEs). The tables keyed by till (hourly, VAT, payments)
// are upserted here, in key order; one till's batches come one after another, so no two batches wait on
// each other's rows. The product sums have no till in their key (every batch of a store would lock the
// same rows until its COMMIT, serialising the store's tills): they are appended to report_product_moves
// (migrations/022-report-product-moves.ts), a log of new rows nobody else locks, summed per store, day
// and product, and sync/fold-report-moves.ts adds the log to report_products_daily and to its monthly
// rollup (migrations/021-product-months.ts) in the background; the period report reads the log too, so it
// is exact before the fold. A store whose time zone changes has its summaries rebuilt from its sales
// (rebuildStoreSummaries), so every day and hour key is in the zone the store has now.
import type { Sql } from '../db/database.ts';

/**
 * The sales to add, as CTE `s`, from `source` (the sales table, or a CTE with its columns: ingest-sales-bulk.ts
 * adds the rows its INSERT … RETURNING gives, in the same statement) where `which` holds.
 */
export const summarySource = (source: string, which: string) => `s AS (
  SELECT s.uuid, s.store_id, s.terminal_id, s.staff_id, s.refund_of IS NOT NULL AS is_refund, s.total,
         (s.body->>'discount_total')::bigint AS discount, s.body, s.created_at,
         (s.created_at AT TIME ZONE st.time_zone) AS local_time,
         (SELECT COALESCE(sum((x->>'quantity')::bigint), 0) FROM jsonb_array_elements(s.body->'lines') x) AS items
    FROM ${source} s JOIN stores st ON st.id = s.store_id
   WHERE ${which}
)`;

/** CTEs (to follow `s` of summarySource) that add the sales of `s` to the summaries, each upsert in key order. */
export const SUMMARY_CTES = `hourly AS (
  INSERT INTO report_sales_hourly AS r (store_id, local_hour, terminal_id, staff_id, sales_count, sales_total, sales_discount, sales_items, refunds_count, refunds_total, refunds_items)
  SELECT store_id, date_trunc('hour', local_time), terminal_id, staff_id,
         count(*) FILTER (WHERE NOT is_refund), COALESCE(sum(total) FILTER (WHERE NOT is_refund), 0), COALESCE(sum(discount) FILTER (WHERE NOT is_refund), 0),
         COALESCE(sum(items) FILTER (WHERE NOT is_refund), 0),
         count(*) FILTER (WHERE is_refund), COALESCE(-sum(total) FILTER (WHERE is_refund), 0), COALESCE(-sum(items) FILTER (WHERE is_refund), 0)
    FROM s GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT report_sales_hourly_key DO UPDATE SET
    sales_count = r.sales_count + EXCLUDED.sales_count, sales_total = r.sales_total + EXCLUDED.sales_total,
    sales_discount = r.sales_discount + EXCLUDED.sales_discount, sales_items = r.sales_items + EXCLUDED.sales_items,
    refunds_count = r.refunds_count + EXCLUDED.refunds_count, refunds_total = r.refunds_total + EXCLUDED.refunds_total,
    refunds_items = r.refunds_items + EXCLUDED.refunds_items
  RETURNING 1
), vat AS (
  INSERT INTO report_vat_daily AS r (store_id, local_day, terminal_id, tax_rate_bp, net, vat, gross)
  SELECT s.store_id, s.local_time::date, s.terminal_id, l.tax_rate_bp, sum(l.line_subtotal), sum(l.line_tax), sum(l.line_total)
    FROM s, jsonb_to_recordset(s.body->'lines') AS l(tax_rate_bp int, line_subtotal bigint, line_tax bigint, line_total bigint)
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (store_id, local_day, terminal_id, tax_rate_bp) DO UPDATE SET
    net = r.net + EXCLUDED.net, vat = r.vat + EXCLUDED.vat, gross = r.gross + EXCLUDED.gross
  RETURNING 1
), pay AS (
  INSERT INTO report_payments_daily AS r (store_id, local_day, terminal_id, method, payments, amount)
  SELECT s.store_id, s.local_time::date, s.terminal_id, p.method, count(*), sum(p.amount)
    FROM s, jsonb_to_recordset(s.body->'payments') AS p(method text, amount bigint)
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (store_id, local_day, terminal_id, method) DO UPDATE SET
    payments = r.payments + EXCLUDED.payments, amount = r.amount + EXCLUDED.amount
  RETURNING 1
), product_moves AS (
  INSERT INTO report_product_moves (store_id, local_day, product_uuid, quantity, net_sales, discount)
  SELECT s.store_id, s.local_time::date, l.product_uuid, sum(l.quantity), sum(l.line_total), sum(l.line_discount)
    FROM s, jsonb_to_recordset(s.body->'lines') AS l(product_uuid uuid, quantity bigint, line_total bigint, line_discount bigint)
   GROUP BY 1, 2, 3
  RETURNING 1
)`;

/** The summaries of the sales that `which` (a condition on `s`, the sales row, using $1) selects. */
const upsert = (which: string) => `WITH ${summarySource('sales', which)}, ${SUMMARY_CTES} SELECT 1`;

/** Adds these sales, just inserted in this transaction, to the summaries. Never call it for a replay. */
export async function addSalesToSummaries(tx: Sql, saleUuids: readonly string[]): Promise<void> {
  if (saleUuids.length === 0) return;
  await tx.query(ADD_SALES, [saleUuids]);
}

const ADD_SALES = upsert('s.uuid = ANY($1::uuid[])');
const ADD_STORE = upsert('s.store_id = $1');
const SUMMARY_TABLES = ['report_sales_hourly', 'report_vat_daily', 'report_payments_daily', 'report_products_daily', 'report_products_monthly', 'report_product_moves'] as const;

/**
 * Recomputes one store's summaries from its stored sales, after its time zone changed. The caller holds
 * the store's row FOR UPDATE: a sale of the store cannot be inserted meanwhile (its foreign key waits
 * for that lock), so none is counted twice or missed. It also holds the commit-order lock, as every
 * fold of report_product_moves does (fold-report-moves.ts): no fold runs meanwhile, so the store's
 * moves deleted here are not also being added to the product rows; the store's sales are appended to
 * the log again and folded next time.
 */
export async function rebuildStoreSummaries(tx: Sql, storeId: string): Promise<void> {
  for (const table of SUMMARY_TABLES) await tx.query(`DELETE FROM ${table} WHERE store_id = $1`, [storeId]);
  await tx.query(ADD_STORE, [storeId]);
}
