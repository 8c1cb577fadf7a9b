// The sales journal: every sale and refund of the visible stores, newest first by (created_at, uuid),
// with an opaque keyset cursor "j1.<created_at in microseconds>.<uuid>" (exact: PostgreSQL keeps
// microseconds). Days are each store's own (its time zone). The WHERE clause always carries a coarse
// UTC range (the widest offsets, -12 h and +14 h) next to the exact per-store bounds, so the planner
// can walk an index on created_at (migrations/013-report-summaries.ts) whichever stores are involved.
// Only the page's rows are joined to names. The CSV export walks the same query page by page.
import type { JournalEntry, JournalExportQuery, JournalPage, JournalQuery } from '@ezo/contract/reports';
import { DEFAULT_JOURNAL_LIMIT } from '@ezo/contract/reports';
import type { PaymentMethod } from '@ezo/contract/sale';
import type { Sql, SqlParam } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import type { ReportStore } from './report-scope.ts';

const CURSOR_PATTERN = /^j1\.(0|[1-9][0-9]{0,16})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** The earliest and latest UTC offsets in use: a local day lies within [00:00 - 14 h, 24:00 + 12 h] UTC. */
const MAX_EAST_OFFSET = `interval '14 hours'`;
const MAX_WEST_OFFSET = `interval '12 hours'`;
const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const LOCAL = `'YYYY-MM-DD"T"HH24:MI:SS'`;
/**
 * How many of the newest rows of a period a filter checked row by row (payment method, receipt prefix,
 * product) looks at before collecting its matches another way (see journalRows): a few tens of ms.
 */
const JOURNAL_PROBE_ROWS = 2_000;
/**
 * A product search matching at most this many products skips the probe and collects their sales through
 * sale_lines_by_product: a product's lines are ~1,300 a year in the bench's million sales, and a probe
 * checking 2,000 sales' lines for them cost more than that and rarely filled a page.
 */
const FEW_PRODUCTS = 20;

/**
 * A sale with a payment of the method: the predicate of the method's partial index (migrations/
 * 021-product-months.ts), written as the same literal so the planner can use that index (a parameter or
 * jsonb_build_array would not match it). Every method needs its index there.
 */
const PAID_BY: Record<PaymentMethod, string> = {
  cash: `(s.body->'payments') @> '[{"method": "cash"}]'::jsonb`,
  card: `(s.body->'payments') @> '[{"method": "card"}]'::jsonb`,
};

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

/** The filters checked row by row (no index gives their rows in journal order), with their parameters. */
interface RowChecks {
  conditions: string[];
  /** The matches can be collected through an index (receipt prefix, product): see journalRows. */
  collectable: boolean;
}

async function journalRows(db: Sql, stores: readonly ReportStore[], q: JournalFilters, after: Position | undefined, limit: number): Promise<Row[]> {
  if (stores.length === 0) return [];
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`journal page limit ${limit} is not a positive integer`);
  const params: SqlParam[] = [];
  const p = (value: SqlParam) => `$${params.push(value)}`;
  const where: string[] = [`s.store_id = ANY(${p(stores.map((s) => s.id))}::uuid[])`];
  if (q.terminal_id !== undefined) where.push(`s.terminal_id = ${p(q.terminal_id)}::uuid`);
  if (q.staff_id !== undefined) where.push(`s.staff_id = ${p(q.staff_id)}::uuid`);
  if (q.kind !== undefined) where.push(q.kind === 'refund' ? 's.refund_of IS NOT NULL' : 's.refund_of IS NULL');
  // The period twice: a coarse UTC range (the planner estimates it well), and each store's own days,
  // `localDays(zone)` for the column that holds the sale's store's time zone.
  const from = q.from === undefined ? undefined : p(q.from);
  const to = q.to === undefined ? undefined : p(q.to);
  if (from !== undefined) where.push(`s.created_at >= ((${from}::date)::timestamp - ${MAX_EAST_OFFSET}) AT TIME ZONE 'UTC'`);
  if (to !== undefined) where.push(`s.created_at < ((${to}::date + 1)::timestamp + ${MAX_WEST_OFFSET}) AT TIME ZONE 'UTC'`);
  const localDays = (zone: string) => [
    ...(from === undefined ? [] : [`s.created_at >= ((${from}::date)::timestamp AT TIME ZONE ${zone})`]),
    ...(to === undefined ? [] : [`s.created_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${zone})`]),
  ];
  if (q.customer !== undefined) {
    const text = p(`%${likeLiteral(q.customer)}%`);
    where.push(`(s.body->>'customer_uuid')::uuid IN (SELECT c.uuid FROM customers c WHERE c.name ILIKE ${text} OR c.email ILIKE ${text} OR c.phone ILIKE ${text})`);
  }
  if (after !== undefined) {
    where.push(`(s.created_at, s.uuid) < (timestamptz 'epoch' + ${p(after.micros)}::bigint * interval '1 microsecond', ${p(after.uuid)}::uuid)`);
  }
  const checks: RowChecks = { conditions: [], collectable: false };
  if (q.payment_method !== undefined) checks.conditions.push(PAID_BY[q.payment_method]);
  if (q.receipt !== undefined) {
    checks.conditions.push(`s.receipt_number LIKE ${p(`${likeLiteral(q.receipt)}%`)}`);
    checks.collectable = true;
  }
  let fewProducts = false;
  if (q.product !== undefined) {
    // The products first: a search naming a few products collects their lines' sales at once (below);
    // one matching many ("Artikel") has sales in every stretch of time, which the probe meets soon.
    const pattern = `%${likeLiteral(q.product)}%`;
    const products = await db.query<{ uuid: string }>(
      `SELECT uuid::text AS uuid FROM products WHERE name ILIKE $1 OR sku ILIKE $1 OR barcode ILIKE $1 LIMIT ${FEW_PRODUCTS + 1}`,
      [pattern],
    );
    if (products.length === 0) return [];
    fewProducts = products.length <= FEW_PRODUCTS;
    if (fewProducts) {
      checks.conditions.push(`s.uuid IN (SELECT l.sale_uuid FROM sale_lines l WHERE l.product_uuid = ANY(${p(products.map((r) => r.uuid))}::uuid[]))`);
    } else {
      const text = p(pattern);
      checks.conditions.push(`EXISTS (SELECT 1 FROM sale_lines l JOIN products pr ON pr.uuid = l.product_uuid
                                      WHERE l.sale_uuid = s.uuid AND (pr.name ILIKE ${text} OR pr.sku ILIKE ${text} OR pr.barcode ILIKE ${text}))`);
    }
    checks.collectable = true;
  }
  const base = `sales s JOIN stores st ON st.id = s.store_id`;
  const pageColumns = `s.uuid, s.store_id, s.terminal_id, s.staff_id, s.refund_of, s.receipt_number, s.created_at, s.received_at, s.total, s.body, st.time_zone`;
  const newestFirst = `ORDER BY s.created_at DESC, s.uuid DESC`;
  const exact = [...where, ...localDays('st.time_zone')].join(' AND ');
  if (checks.conditions.length === 0) {
    return named(db, `SELECT ${pageColumns} FROM ${base} WHERE ${exact} ${newestFirst} LIMIT ${limit}`, params);
  }
  // A filter checked row by row has no good plan for every value. Walking the time index and checking
  // each row is quick for a common value (cash, a receipt prefix of a busy till) and reads the whole
  // period for a rare one, whose matches can lie anywhere in it (receipt numbers grow with time, so a
  // prefix's sales are one stretch of it). So: first the newest JOURNAL_PROBE_ROWS rows of the period,
  // checked; their matches are the page's first ones overall (every other row is older), so when they
  // fill the page, that is the answer. The window has only the coarse UTC period: with each store's
  // days too the planner expected a tenth of the rows and sorted the whole period instead of walking.
  const probe = fewProducts
    ? []
    : await named(
    db,
    `SELECT * FROM (SELECT ${pageColumns} FROM ${base} WHERE ${where.join(' AND ')} ${newestFirst} LIMIT ${JOURNAL_PROBE_ROWS}) AS s
      WHERE ${[...localDays('s.time_zone'), ...checks.conditions].join(' AND ')} ${newestFirst} LIMIT ${limit}`,
    params,
  );
  if (probe.length >= limit) return probe;
  // Otherwise the matches are rare in the newest rows: collect them all through their own index (the
  // receipt prefix's, or the product's lines; a materialized CTE, so the planner cannot go back to
  // walking the time index), then sort them, only their time and uuid (a prefix may match thousands).
  // A payment method's sales are found through its partial index (migrations/021-product-months.ts):
  // the planner reads the period's sales of that method in the stores and sorts them, few when rare.
  const all = [exact, ...checks.conditions].join(' AND ');
  return named(
    db,
    checks.collectable
      ? `WITH hits AS MATERIALIZED (SELECT s.uuid AS hit_uuid, s.created_at AS hit_at FROM ${base} WHERE ${all}),
              top AS (SELECT * FROM hits ORDER BY hit_at DESC, hit_uuid DESC LIMIT ${limit})
         SELECT ${pageColumns} FROM top JOIN ${base} ON s.uuid = top.hit_uuid ${newestFirst}`
      : `SELECT ${pageColumns} FROM ${base} WHERE ${all} ${newestFirst} LIMIT ${limit}`,
    params,
  );
}

/** The page's rows (`page`: the page's sales, with their store's time zone, in journal order) with their names. */
function named(db: Sql, page: string, params: SqlParam[]): Promise<Row[]> {
  // The page first (index walk, LIMIT), then the names of its rows only.
  return db.query<Row>(
    `WITH page AS (${page})
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
