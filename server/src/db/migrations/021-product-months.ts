// A monthly product rollup for long period reports (issue 20): a year's report summed ~600,000
// product-day rows (report_products_daily, migration 013) for its product and category sections. This
// table holds per store, calendar month in the store's time zone (its first day, as a date) and product
// the sums of that month's day rows: quantity, net sales and discount, refunds on the month of their
// own day as the day rows have them. The ingest keeps it in the same statement as the day rows
// (sync/sale-summaries.ts), a time-zone change rebuilds it with them, and the period report
// (reports/period-report.ts) reads whole months here and only the partial months at its ends by day.
// The backfill sums the day rows already stored: integers added up, so a month row equals the sum of
// its day rows exactly, as the ingest's rows do (both sum the same lines' amounts).
// Also the journal's payment-method filter: one partial index per method on (store_id, created_at, uuid)
// of the sales with a payment of that method, so a method that is rare in a period (a kiosk's card
// sales) is found through its own index instead of a walk of the whole period (reports/journal.ts
// writes the same predicate as a literal, which the planner needs to match a partial index).
import type { Migration } from './migration.ts';

/** The methods of contract/src/sale.ts when this migration was written; a new method needs its own index. */
const METHODS = ['cash', 'card'] as const;

export const productMonthsMigration: Migration = {
  version: 21,
  statements: [
    // Same shape as report_products_daily; no terminal in the key, upserted in key order like the day rows.
    `CREATE TABLE report_products_monthly (
       store_id uuid NOT NULL REFERENCES stores(id),
       local_month date NOT NULL CHECK (extract(day FROM local_month) = 1),
       product_uuid uuid NOT NULL REFERENCES products(uuid),
       quantity bigint NOT NULL,
       net_sales bigint NOT NULL,
       discount bigint NOT NULL,
       PRIMARY KEY (store_id, local_month, product_uuid)
     )`,
    `INSERT INTO report_products_monthly (store_id, local_month, product_uuid, quantity, net_sales, discount)
     SELECT store_id, date_trunc('month', local_day)::date, product_uuid, sum(quantity), sum(net_sales), sum(discount)
       FROM report_products_daily
      GROUP BY 1, 2, 3`,
    ...METHODS.map((m) => `CREATE INDEX sales_journal_by_${m} ON sales (store_id, created_at, uuid) WHERE (body->'payments') @> '[{"method": "${m}"}]'::jsonb`),
  ],
};
