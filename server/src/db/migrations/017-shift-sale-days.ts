// Which shift each till's sales of a day belong to (issue 20: "a day with a till that sold but has not
// sent its shift yet is flagged"). One row per store, local day (the store's time zone, as in
// 013-report-summaries.ts), terminal and the sale's shift_uuid (NULL: a till that recorded none), with
// how many sales and refunds it holds and the first and last created_at among them. Kept inside the
// ingest transaction (sync/sale-shift-days.ts), so the flag reads O(days x tills x shifts) rows and
// never the sales. No foreign key to shifts: a shift usually arrives after its sales, and that gap is
// exactly what the report shows.
import type { Migration } from './migration.ts';

/** The backfill as it was at this version (a migration never changes once applied). */
const BACKFILL = `
INSERT INTO report_shift_sales (store_id, local_day, terminal_id, shift_uuid, receipts, first_at, last_at)
SELECT s.store_id, (s.created_at AT TIME ZONE st.time_zone)::date, s.terminal_id, (s.body->>'shift_uuid')::uuid,
       count(*), min(s.created_at), max(s.created_at)
  FROM sales s JOIN stores st ON st.id = s.store_id
 GROUP BY 1, 2, 3, 4`;

export const shiftSaleDaysMigration: Migration = {
  version: 17,
  statements: [
    `CREATE TABLE report_shift_sales (
       store_id uuid NOT NULL REFERENCES stores(id),
       local_day date NOT NULL,
       terminal_id uuid NOT NULL REFERENCES terminals(id),
       shift_uuid uuid,
       receipts bigint NOT NULL,
       first_at timestamptz NOT NULL,
       last_at timestamptz NOT NULL,
       CONSTRAINT report_shift_sales_key UNIQUE NULLS NOT DISTINCT (store_id, local_day, terminal_id, shift_uuid)
     )`,
    BACKFILL,
  ],
};
