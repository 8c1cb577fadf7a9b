// The period report: from the summary tables kept at ingest (migrations/013-report-summaries.ts), never
// from the sales, so a month costs O(days x tills x cashiers) rows whatever the number of sales. Days are
// each store's own (the tables are keyed by its wall clock). Products and categories read the whole
// calendar months of the period from the monthly rollup (migrations/021-product-months.ts) and only the
// partial months at its ends by day, so a year reads ~12 x products rows, not ~365 x products: a month
// row is the sum of its day rows, so the figures are the same. Figures (PeriodSummary in the contract):
//   gross_sales = sales after discounts + their discounts;  discounts = the sales' discounts
//   refunds     = what refunds returned (positive);          net_sales = gross - discounts - refunds
// net_sales is the turnover VAT included, and equals the gross column of the VAT rows (every figure is a
// sum of the lines' own amounts, checked at ingest by src/domain/sale-totals.ts). The one division,
// the average basket, uses the tills' rounding rule (src/domain/rounding.ts).
import type { PeriodQuery, PeriodReport } from '@ezo/contract/reports';
import { DEFAULT_REPORT_TOP, MAX_REPORT_DAYS } from '@ezo/contract/reports';
import type { PaymentMethod } from '@ezo/contract/sale';
import { divRound } from '../../../src/domain/rounding.ts';
import { addDays, daysInclusive, firstOfMonth, lastOfMonth } from '../../../src/domain/calendar-day.ts';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import type { ReportStore } from './report-scope.ts';

const HOURS_PER_DAY = 24;

interface HourlyRow {
  grouping_set: 'terminal' | 'staff' | 'hour' | 'day' | 'total';
  terminal_id: string;
  staff_id: string | null;
  day: string;
  hour: number;
  sales_count: string;
  sales_total: string;
  sales_discount: string;
  sales_items: string;
  refunds_count: string;
  refunds_total: string;
  refunds_items: string;
}

interface Figures {
  sales_count: number;
  sales_total: number;
  refunds_count: number;
  refunds_total: number;
  net_sales: number;
}

const zero = (): Figures => ({ sales_count: 0, sales_total: 0, refunds_count: 0, refunds_total: 0, net_sales: 0 });

function add(into: Figures, r: HourlyRow): void {
  into.sales_count += Number(r.sales_count);
  into.sales_total += Number(r.sales_total);
  into.refunds_count += Number(r.refunds_count);
  into.refunds_total += Number(r.refunds_total);
  into.net_sales += Number(r.sales_total) - Number(r.refunds_total);
}

/** Every day from..to inclusive, YYYY-MM-DD; a 400 when to is before from or the span is too long. */
export function periodDays(from: string, to: string): string[] {
  const count = daysInclusive(from, to);
  if (count < 1) throw new HttpError('bad_request', 'to is before from', [{ path: 'to', message: 'expected a day on or after from' }]);
  if (count > MAX_REPORT_DAYS) throw new HttpError('bad_request', `a report covers at most ${MAX_REPORT_DAYS} days`, [{ path: 'to', message: `at most ${MAX_REPORT_DAYS} days after from` }]);
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** A period cut at calendar months: the whole months inside it (first days of the first and last), and the days outside them. */
export interface MonthCut {
  months: { first: string; last: string } | null;
  days: { from: string; to: string }[];
}

/** from..to (YYYY-MM-DD, from <= to) as whole calendar months plus the days before the first and after the last. */
export function cutAtMonths(from: string, to: string): MonthCut {
  // The first day of the first whole month, and the last day of the last whole month.
  const firstWhole = from === firstOfMonth(from) ? from : firstOfMonth(from, 1);
  const lastWhole = to === lastOfMonth(to) ? to : lastOfMonth(to, -1);
  if (firstWhole > lastWhole) return { months: null, days: [{ from, to }] };
  const days: MonthCut['days'] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  if (lastWhole < to) days.push({ from: addDays(lastWhole, 1), to });
  return { months: { first: firstWhole, last: `${lastWhole.slice(0, 8)}01` }, days };
}

/**
 * The product rows of the stores ($1) in a cut period: month rows for the whole months, day rows for the
 * rest, as one UNION ALL of (product_uuid, quantity, net_sales, discount); its dates are parameters
 * numbered from `firstParam`. The same figures as summing the period's day rows: a month row is the sum
 * of its day rows (sync/fold-report-moves.ts). Plus the period's moves not yet folded into either
 * (report_product_moves, sync/sale-summaries.ts): in one statement's snapshot a move is either still in
 * the log or already in the day and month rows, never both (the fold deletes and adds it in one
 * transaction), so the figures are exact without waiting for a fold.
 */
function productRows(cut: MonthCut, from: string, to: string, firstParam: number): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const range = (a: string, b: string) => {
    params.push(a, b);
    return `$${firstParam + params.length - 2}::date AND $${firstParam + params.length - 1}::date`;
  };
  if (cut.months !== null) {
    parts.push(`SELECT product_uuid, quantity, net_sales, discount FROM report_products_monthly
                 WHERE store_id = ANY($1::uuid[]) AND local_month BETWEEN ${range(cut.months.first, cut.months.last)}`);
  }
  for (const d of cut.days) {
    parts.push(`SELECT product_uuid, quantity, net_sales, discount FROM report_products_daily
                 WHERE store_id = ANY($1::uuid[]) AND local_day BETWEEN ${range(d.from, d.to)}`);
  }
  parts.push(`SELECT product_uuid, quantity, net_sales, discount FROM report_product_moves
               WHERE store_id = ANY($1::uuid[]) AND local_day BETWEEN ${range(from, to)}`);
  return { sql: parts.join(' UNION ALL '), params };
}

/** A row of the top products ('product') or the top categories ('category'), numbered within its kind. */
interface RankedRow {
  kind: 'product' | 'category';
  rank: string;
  product_uuid: string | null;
  name: string | null;
  sku: string | null;
  category_uuid: string | null;
  category_name: string | null;
  quantity: string;
  net_sales: string;
  discount: string | null;
}

/** The one currency of the stores (sums across currencies mean nothing): a 400 when they differ. */
function currencyOf(stores: readonly ReportStore[]): string | null {
  const currencies = [...new Set(stores.map((s) => s.currency))];
  if (currencies.length > 1) {
    throw new HttpError('bad_request', `the stores sell in ${currencies.join(', ')}: choose one store`, [{ path: 'store_id', message: 'required when the stores have different currencies' }]);
  }
  return currencies[0] ?? null;
}

export async function readPeriodReport(db: Sql, stores: readonly ReportStore[], q: Omit<PeriodQuery, 'store_id'>): Promise<PeriodReport> {
  const days = periodDays(q.from, q.to);
  const currency = currencyOf(stores);
  const ids = stores.map((s) => s.id);
  const range = [ids, q.from, q.to];
  const top = q.top ?? DEFAULT_REPORT_TOP;

  // One row per till, per cashier, per hour of the day, per day and the total (GROUPING SETS, told apart
  // by grouping_id): the database sums, the hub only places the rows.
  const hourly = await db.query<HourlyRow>(
    `SELECT CASE GROUPING(terminal_id, staff_id, hour, day) WHEN 7 THEN 'terminal' WHEN 11 THEN 'staff' WHEN 13 THEN 'hour' WHEN 14 THEN 'day' ELSE 'total' END AS grouping_set,
            terminal_id::text AS terminal_id, staff_id::text AS staff_id, to_char(day, 'YYYY-MM-DD') AS day, hour,
            sum(sales_count)::text AS sales_count, sum(sales_total)::text AS sales_total, sum(sales_discount)::text AS sales_discount,
            sum(sales_items)::text AS sales_items, sum(refunds_count)::text AS refunds_count, sum(refunds_total)::text AS refunds_total,
            sum(refunds_items)::text AS refunds_items
       FROM (SELECT h.*, extract(hour FROM local_hour)::int AS hour, local_hour::date AS day FROM report_sales_hourly h
              WHERE store_id = ANY($1::uuid[]) AND local_hour >= $2::date AND local_hour < $3::date + 1) h
      GROUP BY GROUPING SETS ((terminal_id), (staff_id), (hour), (day), ())`,
    range,
  );
  const vat = await db.query<{ tax_rate_bp: number; net: string; vat: string; gross: string }>(
    `SELECT tax_rate_bp, sum(net)::text AS net, sum(vat)::text AS vat, sum(gross)::text AS gross
       FROM report_vat_daily WHERE store_id = ANY($1::uuid[]) AND local_day BETWEEN $2::date AND $3::date
      GROUP BY 1 ORDER BY 1 DESC`,
    range,
  );
  const payments = await db.query<{ method: PaymentMethod; payments: string; amount: string }>(
    `SELECT method, sum(payments)::text AS payments, sum(amount)::text AS amount
       FROM report_payments_daily WHERE store_id = ANY($1::uuid[]) AND local_day BETWEEN $2::date AND $3::date
      GROUP BY 1 ORDER BY 1`,
    range,
  );
  // Products and categories from one statement: each product's sums once (whole months from the
  // monthly rollup, the days at the ends from the day rows), its name and category joined to those
  // rows, then the top products and the top categories (a product's category as it is now: a sale does
  // not record it). Each branch is numbered in its own order; the outer ORDER BY keeps that order.
  // Column references are qualified: a bare net_sales in ORDER BY would sort by the text output column.
  const rows = productRows(cutAtMonths(q.from, q.to), q.from, q.to, 3);
  const ranked = await db.query<RankedRow>(
    `WITH sums AS MATERIALIZED (
            SELECT product_uuid, sum(quantity) AS quantity, sum(net_sales) AS net_sales, sum(discount) AS discount
              FROM (${rows.sql}) x GROUP BY product_uuid),
          named AS (SELECT s.*, p.name, p.sku, p.category_uuid FROM sums s JOIN products p ON p.uuid = s.product_uuid)
     SELECT * FROM (
       (SELECT 'product' AS kind, row_number() OVER (ORDER BY n.net_sales DESC, n.product_uuid) AS rank,
               n.product_uuid::text AS product_uuid, n.name, n.sku, n.category_uuid::text AS category_uuid, NULL::text AS category_name,
               n.quantity::text AS quantity, n.net_sales::text AS net_sales, n.discount::text AS discount
          FROM named n ORDER BY n.net_sales DESC, n.product_uuid LIMIT $2)
       UNION ALL
       (SELECT 'category', row_number() OVER (ORDER BY sum(n.net_sales) DESC, n.category_uuid NULLS LAST),
               NULL, NULL, NULL, n.category_uuid::text, c.name, sum(n.quantity)::text, sum(n.net_sales)::text, NULL
          FROM named n LEFT JOIN categories c ON c.uuid = n.category_uuid
         GROUP BY n.category_uuid, c.name
         ORDER BY sum(n.net_sales) DESC, n.category_uuid NULLS LAST LIMIT $2)
     ) top ORDER BY kind DESC, rank`,
    [ids, top, ...rows.params],
  );
  const products = ranked
    .filter((r) => r.kind === 'product')
    .map((r) => ({ product_uuid: r.product_uuid ?? '', name: r.name ?? '', sku: r.sku ?? '', category_uuid: r.category_uuid, quantity: r.quantity, net_sales: r.net_sales, discount: r.discount ?? '0' }));
  const categories = ranked
    .filter((r) => r.kind === 'category')
    .map((r) => ({ category_uuid: r.category_uuid, name: r.category_name, quantity: r.quantity, net_sales: r.net_sales }));
  // Every till of the stores, with when its newest sale arrived (any day): one index probe each.
  const terminals = await db.query<{ terminal_id: string; terminal_name: string; store_id: string; last_received_at: string | null; last_sale_at: string | null }>(
    `SELECT t.id::text AS terminal_id, t.name AS terminal_name, t.store_id::text AS store_id,
            to_char((SELECT max(s.received_at) FROM sales s WHERE s.terminal_id = t.id) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS last_received_at,
            to_char((SELECT max(s.created_at) FROM sales s WHERE s.terminal_id = t.id) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS last_sale_at
       FROM terminals t WHERE t.store_id = ANY($1::uuid[]) ORDER BY t.name, t.id`,
    [ids],
  );

  const total = { ...zero(), sales_discount: 0, sales_items: 0, refunds_items: 0 };
  const byTerminal = new Map<string, Figures>();
  const byStaff = new Map<string | null, Figures>();
  const byHour = Array.from({ length: HOURS_PER_DAY }, (_, hour) => ({ hour, sales_count: 0, net_sales: 0 }));
  const byDay = new Map(days.map((day) => [day, { day, sales_count: 0, refunds_count: 0, net_sales: 0 }]));
  for (const r of hourly) {
    const net = Number(r.sales_total) - Number(r.refunds_total);
    switch (r.grouping_set) {
      case 'total':
        add(total, r);
        total.sales_discount += Number(r.sales_discount);
        total.sales_items += Number(r.sales_items);
        total.refunds_items += Number(r.refunds_items);
        break;
      case 'terminal':
        add(byTerminal.get(r.terminal_id) ?? byTerminal.set(r.terminal_id, zero()).get(r.terminal_id)!, r);
        break;
      case 'staff':
        add(byStaff.get(r.staff_id) ?? byStaff.set(r.staff_id, zero()).get(r.staff_id)!, r);
        break;
      case 'hour': {
        const hour = byHour[r.hour];
        if (hour !== undefined) {
          hour.sales_count += Number(r.sales_count);
          hour.net_sales += net;
        }
        break;
      }
      case 'day': {
        const day = byDay.get(r.day);
        if (day !== undefined) {
          day.sales_count += Number(r.sales_count);
          day.refunds_count += Number(r.refunds_count);
          day.net_sales += net;
        }
        break;
      }
    }
  }
  const staffIds = [...byStaff.keys()].filter((id): id is string => id !== null);
  const names = new Map(
    staffIds.length === 0
      ? []
      : (await db.query<{ id: string; display_name: string }>('SELECT id::text AS id, display_name FROM staff WHERE id = ANY($1::uuid[])', [staffIds])).map((r) => [r.id, r.display_name]),
  );

  return {
    store_ids: ids,
    from: q.from,
    to: q.to,
    currency,
    summary: {
      gross_sales: total.sales_total + total.sales_discount,
      discounts: total.sales_discount,
      refunds: total.refunds_total,
      net_sales: total.net_sales,
      sales_count: total.sales_count,
      refunds_count: total.refunds_count,
      average_basket: total.sales_count === 0 ? 0 : divRound(total.sales_total, total.sales_count),
      items_sold: total.sales_items - total.refunds_items,
    },
    vat: vat.map((r) => ({ tax_rate_bp: r.tax_rate_bp, net: Number(r.net), vat: Number(r.vat), gross: Number(r.gross) })),
    payments: payments.map((r) => ({ method: r.method, payments: Number(r.payments), amount: Number(r.amount) })),
    terminals: terminals.map((t) => ({ ...t, ...(byTerminal.get(t.terminal_id) ?? zero()) })),
    cashiers: [...byStaff.entries()]
      .map(([id, f]) => ({ staff_id: id, staff_name: id === null ? null : (names.get(id) ?? null), ...f }))
      .sort((a, b) => b.net_sales - a.net_sales || (a.staff_name ?? '').localeCompare(b.staff_name ?? '')),
    products: products.map((r) => ({ ...r, quantity: Number(r.quantity), net_sales: Number(r.net_sales), discount: Number(r.discount) })),
    categories: categories.map((r) => ({ ...r, quantity: Number(r.quantity), net_sales: Number(r.net_sales) })),
    hours: byHour,
    days: [...byDay.values()],
  };
}
