// The sales list: newest first, one local calendar day at a time, filtered by receipt number,
// product or customer name. created_at is stored in UTC; the day's bounds come from the worker's
// own time zone (JS local time), so "today" means the shop's today.
import type { SqlExecutor, SqlValue } from '../../sync/sql-connection.ts';
import type { SaleHistoryQuery, SaleSummary } from '../../api/till-api.ts';
import { MAX_HISTORY_RESULTS } from './data-limits.ts';
import { LIKE_ESCAPE, clampLimit, cleanSearchText, likeContains } from './text-match.ts';
import { SALE_QUEUE_STATUS, syncStateOf } from './sale-store.ts';
import { invalid } from './draft-checks.ts';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** [start, end) of a local calendar day as UTC ISO strings, comparable with sales.created_at. */
export function localDayRange(day: string): [string, string] {
  const m = DAY_PATTERN.exec(day);
  if (m === null) throw invalid('The day must be written YYYY-MM-DD.');
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const start = new Date(y, mo, d);
  if (start.getFullYear() !== y || start.getMonth() !== mo || start.getDate() !== d) throw invalid(`There is no day ${day}.`);
  // new Date(y, m, d + 1) is the next local midnight, 23 or 25 hours later on a DST change.
  return [start.toISOString(), new Date(y, mo, d + 1).toISOString()];
}

interface SummaryRow {
  uuid: string;
  receipt_number: string;
  created_at: string;
  total: number;
  item_count: number;
  refund_of: string | null;
  customer_name: string | null;
  queue_status: number | null;
}

export async function sales(db: SqlExecutor, query: SaleHistoryQuery): Promise<SaleSummary[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (query.day !== null) {
    const [start, end] = localDayRange(query.day);
    where.push('s.created_at >= ? AND s.created_at < ?');
    params.push(start, end);
  }
  const text = cleanSearchText(query.text);
  if (text !== '') {
    const esc = `ESCAPE '${LIKE_ESCAPE}'`;
    where.push(`(s.receipt_number LIKE ? ${esc} OR c.name LIKE ? ${esc}
      OR EXISTS (SELECT 1 FROM sale_items i WHERE i.sale_id = s.id AND i.name LIKE ? ${esc}))`);
    const pattern = likeContains(text);
    params.push(pattern, pattern, pattern);
  }
  params.push(clampLimit(query.limit, MAX_HISTORY_RESULTS));
  const sql = `SELECT s.uuid, s.receipt_number, s.created_at, s.total, s.refund_of, c.name AS customer_name,
      (SELECT coalesce(sum(abs(i.quantity)), 0) FROM sale_items i WHERE i.sale_id = s.id) AS item_count,
      ${SALE_QUEUE_STATUS} AS queue_status
    FROM sales s LEFT JOIN customers c ON c.uuid = s.customer_uuid
    ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
    ORDER BY s.created_at DESC, s.id DESC LIMIT ?`;
  const rows = await db.all<SummaryRow>(sql, params);
  return rows.map((r) => ({
    uuid: r.uuid,
    receiptNumber: r.receipt_number,
    createdAt: r.created_at,
    total: r.total,
    itemCount: r.item_count,
    isRefund: r.refund_of !== null,
    customerName: r.customer_name,
    syncState: syncStateOf(r.queue_status),
  }));
}
