// Days on which a till sold but the hub holds no closed shift for those sales (issue 20: "a day with a
// till that sold but has not sent its shift yet is flagged"): that day's Z figures are not complete.
// Read from report_shift_sales (migrations/017-shift-sale-days.ts), kept at ingest, so a period costs
// O(days x tills x shifts) rows whatever the number of sales. A row is covered when:
//   - its shift_uuid names a shift the hub holds (a primary-key probe), or
//   - it has no shift_uuid (a till that recorded none) and one closed shift of its terminal spans its
//     first to its last sale (the tills' own clock on both sides).
// Anything else is flagged: the shift is still open on the till, or closed and not yet synced.
import type { UnsentShifts, UnsentShiftsQuery } from '@ezo/contract/reports';
import type { Sql } from '../db/database.ts';
import { periodDays } from './period-report.ts';
import type { ReportStore } from './report-scope.ts';

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const UNSENT = `
SELECT r.store_id::text AS store_id, r.local_day::text AS day, r.terminal_id::text AS terminal_id, t.name AS terminal_name,
       sum(r.receipts)::text AS receipts, ${ISO('min(r.first_at)')} AS first_sale_at, ${ISO('max(r.last_at)')} AS last_sale_at
  FROM report_shift_sales r JOIN terminals t ON t.id = r.terminal_id
 WHERE r.store_id = ANY($1::uuid[]) AND r.local_day BETWEEN $2::date AND $3::date
   AND NOT CASE WHEN r.shift_uuid IS NOT NULL
                THEN EXISTS (SELECT 1 FROM shifts sh WHERE sh.uuid = r.shift_uuid)
                ELSE EXISTS (SELECT 1 FROM shifts sh WHERE sh.terminal_id = r.terminal_id AND sh.opened_at <= r.first_at AND sh.closed_at >= r.last_at)
           END
 GROUP BY r.store_id, r.local_day, r.terminal_id, t.name
 ORDER BY r.local_day, r.store_id, t.name, r.terminal_id`;

export async function readUnsentShifts(db: Sql, stores: readonly ReportStore[], q: Omit<UnsentShiftsQuery, 'store_id'>): Promise<UnsentShifts> {
  periodDays(q.from, q.to); // a 400 for a reversed or too long period, as the period report
  const ids = stores.map((s) => s.id);
  const rows = await db.query<Omit<UnsentShifts['unsent'][number], 'receipts'> & { receipts: string }>(UNSENT, [ids, q.from, q.to]);
  return { store_ids: ids, from: q.from, to: q.to, unsent: rows.map((r) => ({ ...r, receipts: Number(r.receipts) })) };
}
