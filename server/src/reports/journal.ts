// The sales journal: every sale and refund of the visible stores, newest first by (created_at, uuid),
// with an opaque keyset cursor "j1.<created_at in microseconds>.<uuid>" (exact: PostgreSQL keeps
// microseconds). Days are each store's own (its time zone). The WHERE clause always carries a coarse
// UTC range (the widest offsets, -12 h and +14 h) next to the exact per-store bounds, so the planner
// can walk an index on created_at (migrations/013-report-summaries.ts) whichever stores are involved.
// Only the page's rows are joined to names. The CSV export walks the same query page by page.
import type { JournalEntry, JournalExportQuery, JournalPage, JournalQuery } from '@ezo/contract/reports';
import { DEFAULT_JOURNAL_LIMIT } from '@ezo/contract/reports';
import type { Sql, SqlParam } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import type { ReportStore } from './report-scope.ts';

const CURSOR_PATTERN = /^j1\.(0|[1-9][0-9]{0,16})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** The earliest and latest UTC offsets in use: a local day lies within [00:00 - 14 h, 24:00 + 12 h] UTC. */
const MAX_EAST_OFFSET = `interval '14 hours'`;
const MAX_WEST_OFFSET = `interval '12 hours'`;
const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const LOCAL = `'YYYY-MM-DD"T"HH24:MI:SS'`;

export type JournalFilters = Omit<JournalQuery, 'cursor' | 'limit'> | Omit<JournalExportQuery, 'format'>;

interface Position {
  micros: string;
  uuid: string;
}

function decodeCursor(cursor: string): Position {
  const match = CURSOR_PATTERN.exec(cursor);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new HttpError('bad_request', 'cursor is not a cursor this hub issued', [{ path: 'cursor', message: 'expected the next_cursor of a previous page' }]);
  }
  return { micros: match[1], uuid: match[2] };
}

/** "50%_off" -> "50\%\_off": the text is matched literally inside LIKE patterns. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

type Row = Omit<JournalEntry, 'total' | 'discount_total' | 'tax_total'> & { total: string; discount_total: string; tax_total: string; micros: string };

export async function readJournalPage(db: Sql, stores: readonly ReportStore[], q: JournalFilters & { cursor?: string | undefined; limit?: number | undefined }): Promise<JournalPage> {
  const limit = q.limit ?? DEFAULT_JOURNAL_LIMIT;
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  const rows = await journalRows(db, stores, q, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toEntry), next_cursor: rows.length > limit && last !== undefined ? `j1.${last.micros}.${last.uuid}` : null };
}

/** The whole filtered journal, newest first, `batch` rows per query: never more than one batch in memory. */
export async function* journalBatches(db: Sql, stores: readonly ReportStore[], q: JournalFilters, batch: number): AsyncGenerator<JournalEntry[]> {
  let after: Position | undefined;
  for (;;) {
    const rows = await journalRows(db, stores, q, after, batch);
    if (rows.length > 0) yield rows.map(toEntry);
    const last = rows.at(-1);
    if (rows.length < batch || last === undefined) return;
    after = { micros: last.micros, uuid: last.uuid };
  }
}

function toEntry(r: Row): JournalEntry {
  const { micros: _micros, ...entry } = r;
  return { ...entry, total: Number(r.total), discount_total: Number(r.discount_total), tax_total: Number(r.tax_total) };
}

async function journalRows(db: Sql, stores: readonly ReportStore[], q: JournalFilters, after: Position | undefined, limit: number): Promise<Row[]> {
  if (stores.length === 0) return [];
  const params: SqlParam[] = [];
  const p = (value: SqlParam) => `$${params.push(value)}`;
  const where: string[] = [`s.store_id = ANY(${p(stores.map((s) => s.id))}::uuid[])`];
  if (q.terminal_id !== undefined) where.push(`s.terminal_id = ${p(q.terminal_id)}::uuid`);
  if (q.staff_id !== undefined) where.push(`s.staff_id = ${p(q.staff_id)}::uuid`);
  if (q.kind !== undefined) where.push(q.kind === 'refund' ? 's.refund_of IS NOT NULL' : 's.refund_of IS NULL');
  if (q.payment_method !== undefined) where.push(`s.body->'payments' @> jsonb_build_array(jsonb_build_object('method', ${p(q.payment_method)}::text))`);
  if (q.from !== undefined) {
    const from = p(q.from);
    where.push(`s.created_at >= ((${from}::date)::timestamp - ${MAX_EAST_OFFSET}) AT TIME ZONE 'UTC'`);
    where.push(`s.created_at >= ((${from}::date)::timestamp AT TIME ZONE st.time_zone)`);
  }
  if (q.to !== undefined) {
    const to = p(q.to);
    where.push(`s.created_at < ((${to}::date + 1)::timestamp + ${MAX_WEST_OFFSET}) AT TIME ZONE 'UTC'`);
    where.push(`s.created_at < ((${to}::date + 1)::timestamp AT TIME ZONE st.time_zone)`);
  }
  if (q.receipt !== undefined) where.push(`s.receipt_number LIKE ${p(`${likeLiteral(q.receipt)}%`)}`);
  if (q.product !== undefined) {
    const text = p(`%${likeLiteral(q.product)}%`);
    where.push(`EXISTS (SELECT 1 FROM sale_lines l JOIN products pr ON pr.uuid = l.product_uuid
                         WHERE l.sale_uuid = s.uuid AND (pr.name ILIKE ${text} OR pr.sku ILIKE ${text} OR pr.barcode ILIKE ${text}))`);
  }
  if (q.customer !== undefined) {
    const text = p(`%${likeLiteral(q.customer)}%`);
    where.push(`(s.body->>'customer_uuid')::uuid IN (SELECT c.uuid FROM customers c WHERE c.name ILIKE ${text} OR c.email ILIKE ${text} OR c.phone ILIKE ${text})`);
  }
  if (after !== undefined) {
    where.push(`(s.created_at, s.uuid) < (timestamptz 'epoch' + ${p(after.micros)}::bigint * interval '1 microsecond', ${p(after.uuid)}::uuid)`);
  }
  // The page first (index walk, LIMIT), then the names of its rows only.
  return db.query<Row>(
    `WITH page AS (
       SELECT s.uuid, s.store_id, s.terminal_id, s.staff_id, s.refund_of, s.receipt_number, s.created_at, s.received_at, s.total, s.body, st.time_zone
         FROM sales s JOIN stores st ON st.id = s.store_id
        WHERE ${where.join(' AND ')}
        ORDER BY s.created_at DESC, s.uuid DESC
        LIMIT ${p(limit)}
     )
     SELECT s.uuid::text AS uuid, CASE WHEN s.refund_of IS NULL THEN 'sale' ELSE 'refund' END AS kind,
            s.store_id::text AS store_id, st.name AS store_name, s.terminal_id::text AS terminal_id, t.name AS terminal_name,
            s.receipt_number, to_char(s.created_at AT TIME ZONE 'UTC', ${ISO_UTC}) AS created_at,
            to_char(s.created_at AT TIME ZONE s.time_zone, ${LOCAL}) AS local_time,
            to_char(s.received_at AT TIME ZONE 'UTC', ${ISO_UTC}) AS received_at,
            s.staff_id::text AS staff_id, sf.display_name AS staff_name,
            lower(s.body->>'customer_uuid') AS customer_uuid, c.name AS customer_name, s.refund_of::text AS refund_of, st.currency,
            s.total::text AS total, (s.body->>'discount_total') AS discount_total, (s.body->>'tax_total') AS tax_total,
            ARRAY(SELECT DISTINCT m.method FROM jsonb_to_recordset(s.body->'payments') AS m(method text) ORDER BY 1) AS payment_methods,
            jsonb_array_length(s.body->'lines') AS lines,
            (extract(epoch FROM s.created_at) * 1000000)::bigint::text AS micros
       FROM page s
       JOIN stores st ON st.id = s.store_id
       JOIN terminals t ON t.id = s.terminal_id
       LEFT JOIN staff sf ON sf.id = s.staff_id
       LEFT JOIN customers c ON c.uuid = (s.body->>'customer_uuid')::uuid
      ORDER BY s.created_at DESC, s.uuid DESC`,
    params,
  );
}
