// Keeps report_shift_sales (migrations/017-shift-sale-days.ts) up to date: which shift each till's sales
// of a store day belong to. Called next to addSalesToSummaries (sale-summaries.ts), in the same transaction
// and savepoint as the insert, for the sales just inserted and only those, so a duplicate adds nothing
// and a rolled-back item takes its counts with it. Upserts in key order, like the other summaries.
import type { Sql } from '../db/database.ts';
import { summarySource } from './sale-summaries.ts';

/** A CTE (to follow `s` of sale-summaries.ts' summarySource) that adds the sales of `s` to report_shift_sales. */
export const SHIFT_DAYS_CTE = `shift_days AS (
  INSERT INTO report_shift_sales AS r (store_id, local_day, terminal_id, shift_uuid, receipts, first_at, last_at)
  SELECT store_id, local_time::date, terminal_id, (body->>'shift_uuid')::uuid, count(*), min(created_at), max(created_at)
    FROM s
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT report_shift_sales_key DO UPDATE SET
    receipts = r.receipts + EXCLUDED.receipts, first_at = LEAST(r.first_at, EXCLUDED.first_at), last_at = GREATEST(r.last_at, EXCLUDED.last_at)
  RETURNING 1
)`;

const UPSERT = `WITH ${summarySource('sales', 's.uuid = ANY($1::uuid[])')}, ${SHIFT_DAYS_CTE} SELECT 1`;

/** Adds these sales, just inserted in this transaction, to report_shift_sales. */
export async function addSalesToShiftDays(tx: Sql, saleUuids: readonly string[]): Promise<void> {
  if (saleUuids.length === 0) return;
  await tx.query(UPSERT, [saleUuids]);
}
