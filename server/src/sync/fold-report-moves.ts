// Folds the product-summary log (migrations/022-report-product-moves.ts) into report_products_daily and
// its monthly rollup (migrations/021-product-months.ts). Ingest only appends to the log, so the batches
// of one store no longer wait on each other's product rows; this step takes each product row's lock once
// for all the moves committed so far. Moves of transactions still open are invisible to the DELETE and
// are folded next time; a move is deleted and added in one transaction, so it counts exactly once.
// It runs under the commit-order lock, the lock every stock fold and every time-zone rebuild
// (sale-summaries.ts, rebuildStoreSummaries) holds: folds of several hub instances never meet on the same
// rows, and a rebuild never deletes a store's moves while a fold is adding them. No other writer locks
// these summary rows, so the holder waits for no one (server/README.md, "Lock order").
import type { Database } from '../db/database.ts';
import { COMMIT_ORDER_LOCK_KEY } from './item-outcome.ts';

export async function foldReportProductMoves(db: Database): Promise<void> {
  const pending = await db.query('SELECT 1 FROM report_product_moves LIMIT 1');
  if (pending.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
    // Each upsert in key order, as the ingest's summaries are. A month row is the sum of its day rows:
    // both are added from the same moves here, integers summed.
    await tx.query(
      `WITH moved AS (
         DELETE FROM report_product_moves RETURNING store_id, local_day, product_uuid, quantity, net_sales, discount
       ), daily AS (
         INSERT INTO report_products_daily AS r (store_id, local_day, product_uuid, quantity, net_sales, discount)
         SELECT store_id, local_day, product_uuid, sum(quantity), sum(net_sales), sum(discount)
           FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
         ON CONFLICT (store_id, local_day, product_uuid) DO UPDATE SET
           quantity = r.quantity + EXCLUDED.quantity, net_sales = r.net_sales + EXCLUDED.net_sales, discount = r.discount + EXCLUDED.discount
         RETURNING 1
       )
       INSERT INTO report_products_monthly AS r (store_id, local_month, product_uuid, quantity, net_sales, discount)
       SELECT store_id, date_trunc('month', local_day)::date, product_uuid, sum(quantity), sum(net_sales), sum(discount)
         FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
       ON CONFLICT (store_id, local_month, product_uuid) DO UPDATE SET
         quantity = r.quantity + EXCLUDED.quantity, net_sales = r.net_sales + EXCLUDED.net_sales, discount = r.discount + EXCLUDED.discount`,
    );
  });
}
