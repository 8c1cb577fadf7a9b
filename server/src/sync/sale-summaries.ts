// Keeps the report summary tables (migrations/013-report-summaries.ts) up to date: every path that
// stores a sale or refund calls addSalesToSummaries in the same transaction (and savepoint) as the
// insert, for the sales it has just inserted and only those, so a duplicate send adds nothing and a
// rolled-back item takes its sums with it. The figures come from the stored body's line amounts, which
// the hub checked against src/domain/sale-totals.ts at ingest: sums of integers, no rounding here.
// One statement for the five tables (data-modifying CTEs), each upsert in key order so two batches
// of one store that meet on a product's row wait for each other instead of deadlocking. A product's
// month row (migrations/021-product-months.ts) is the sum of its day rows of that calendar month in the
// store's zone, taken from the same lines in the same statement, so the two never disagree. A store whose
// time zone changes has its summaries rebuilt from its sales (rebuildStoreSummaries), so every day and
// hour key is in the zone the store has now.
import type { Sql } from '../db/database.ts';

/** The upsert of the sales that `which` selects (a condition on `s`, the sales row, using $1). */
const upsert = (which: string) => `
WITH s AS (
  SELECT s.uuid, s.store_id, s.terminal_id, s.staff_id, s.refund_of IS NOT NULL AS is_refund, s.total,
         (s.body->>'discount_total')::bigint AS discount, s.body,
         (s.created_at AT TIME ZONE st.time_zone) AS local_time,
         (SELECT COALESCE(sum((x->>'quantity')::bigint), 0) FROM jsonb_array_elements(s.body->'lines') x) AS items
    FROM sales s JOIN stores st ON st.id = s.store_id
   WHERE ${which}
), hourly AS (
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
), lines AS (
  SELECT s.store_id, s.local_time, l.product_uuid, l.quantity, l.line_total, l.line_discount
    FROM s, jsonb_to_recordset(s.body->'lines') AS l(product_uuid uuid, quantity bigint, line_total bigint, line_discount bigint)
), products AS (
  INSERT INTO report_products_daily AS r (store_id, local_day, product_uuid, quantity, net_sales, discount)
  SELECT store_id, local_time::date, product_uuid, sum(quantity), sum(line_total), sum(line_discount)
    FROM lines GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (store_id, local_day, product_uuid) DO UPDATE SET
    quantity = r.quantity + EXCLUDED.quantity, net_sales = r.net_sales + EXCLUDED.net_sales, discount = r.discount + EXCLUDED.discount
  RETURNING 1
)
INSERT INTO report_products_monthly AS r (store_id, local_month, product_uuid, quantity, net_sales, discount)
SELECT store_id, date_trunc('month', local_time)::date, product_uuid, sum(quantity), sum(line_total), sum(line_discount)
  FROM lines GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
ON CONFLICT (store_id, local_month, product_uuid) DO UPDATE SET
  quantity = r.quantity + EXCLUDED.quantity, net_sales = r.net_sales + EXCLUDED.net_sales, discount = r.discount + EXCLUDED.discount`;

/** Adds these sales, just inserted in this transaction, to the summaries. Never call it for a replay. */
export async function addSalesToSummaries(tx: Sql, saleUuids: readonly string[]): Promise<void> {
  if (saleUuids.length === 0) return;
  await tx.query(ADD_SALES, [saleUuids]);
}

const ADD_SALES = upsert('s.uuid = ANY($1::uuid[])');
const ADD_STORE = upsert('s.store_id = $1');
const SUMMARY_TABLES = ['report_sales_hourly', 'report_vat_daily', 'report_payments_daily', 'report_products_daily', 'report_products_monthly'] as const;

/**
 * Recomputes one store's summaries from its stored sales, after its time zone changed. The caller holds
 * the store's row FOR UPDATE: a sale of the store cannot be inserted meanwhile (its foreign key waits
 * for that lock), so none is counted twice or missed.
 */
export async function rebuildStoreSummaries(tx: Sql, storeId: string): Promise<void> {
  for (const table of SUMMARY_TABLES) await tx.query(`DELETE FROM ${table} WHERE store_id = $1`, [storeId]);
  await tx.query(ADD_STORE, [storeId]);
}
