// Folds the stock-move log into the versioned stock rows. Ingest only appends moves (no lock), so
// batches commit in parallel; this step takes the commit-order lock once for all moves committed so
// far. Moves of transactions still open are invisible to the DELETE and are folded next time.
// Runs before every pull and stock report (so a till sees every committed move) and on a timer.
import type { Database } from '../db/database.ts';
import { COMMIT_ORDER_LOCK_KEY } from './item-outcome.ts';
import { foldReportProductMoves } from './fold-report-moves.ts';

/** How often each hub instance folds on its own, so reports stay fresh between pulls. */
export const STOCK_FOLD_INTERVAL_MS = 200;

export async function foldStockMoves(db: Database): Promise<void> {
  const pending = await db.query('SELECT 1 FROM stock_moves LIMIT 1');
  if (pending.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
    await tx.query(
      `WITH moved AS (DELETE FROM stock_moves RETURNING store_id, product_uuid, delta)
       INSERT INTO stock (store_id, product_uuid, quantity)
       SELECT store_id, product_uuid, sum(delta) FROM moved GROUP BY store_id, product_uuid ORDER BY store_id, product_uuid
       ON CONFLICT (store_id, product_uuid) DO UPDATE SET quantity = stock.quantity + excluded.quantity`,
    );
  });
}

/** Folds the stock moves and the product-summary moves (fold-report-moves.ts) every interval until stopped; a failed fold is retried on the next tick. */
export function startStockFolding(db: Database, onError: (err: unknown) => void): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => foldStockMoves(db)).then(() => foldReportProductMoves(db)).catch(onError);
  }, STOCK_FOLD_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
