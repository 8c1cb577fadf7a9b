// GET /api/v1/admin/sales: one page of sales in a stable order (created_at, then uuid) with an opaque
// keyset cursor, so paging never skips or repeats a sale however many come in meanwhile (a sale that
// arrives later with an older created_at lands before the cursor and is not seen by this walk: the
// order is the sales' own time, not arrival). The cursor is "s1.<created_at in microseconds since
// 1970>.<uuid>": exact (PostgreSQL keeps microseconds; a JS Date would lose them), and anything else
// is a 400, never a restart from the first page.
import type { PriceDeviation, SalesQuery, SalesReport } from '@ezo/contract/admin';
import { DEFAULT_ADMIN_SALES_LIMIT } from '@ezo/contract/admin';
import type { AdminSale } from '@ezo/contract/admin';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';

/** At most 17 digits of microseconds (past year 5000): the number stays exact in a bigint and in SQL. */
const CURSOR_PATTERN = /^s1\.(0|[1-9][0-9]{0,16})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** created_at as exact microseconds since 1970, and back: integer arithmetic only. */
const MICROS = `(extract(epoch FROM created_at) * 1000000)::bigint`;
const FROM_MICROS = (param: string) => `(timestamptz 'epoch' + ${param}::bigint * interval '1 microsecond')`;

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

export async function readSalesPage(db: Sql, q: SalesQuery): Promise<SalesReport> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.store_id !== undefined) where.push(`store_id = $${params.push(q.store_id)}`);
  if (q.terminal_id !== undefined) where.push(`terminal_id = $${params.push(q.terminal_id)}`);
  if (q.day !== undefined) {
    where.push(`created_at >= $${params.push(`${q.day}T00:00:00Z`)}::timestamptz AND created_at < $${params.length}::timestamptz + interval '1 day'`);
  }
  if (q.below_catalog !== undefined) {
    where.push('EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_uuid = sales.uuid AND l.unit_price < l.catalog_price AND l.tax_included = l.catalog_tax_included)');
  }
  if (q.cursor !== undefined) {
    const after = decodeCursor(q.cursor);
    where.push(`(created_at, uuid) > (${FROM_MICROS(`$${params.push(after.micros)}`)}, $${params.push(after.uuid)}::uuid)`);
  }
  const limit = q.limit ?? DEFAULT_ADMIN_SALES_LIMIT;
  // One row more than the page tells whether another page follows.
  const rows = await db.query<{ body: AdminSale; uuid: string; micros: string }>(
    // The sale as the till sent it, with who made it and on which device (columns: not in a protocol 1 body).
    `SELECT body || jsonb_build_object('staff_id', staff_id, 'approved_by', approved_by, 'device_id', device_id) AS body, uuid::text AS uuid, ${MICROS}::text AS micros FROM sales ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
      ORDER BY created_at, uuid LIMIT $${params.push(limit + 1)}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last !== undefined ? `s1.${last.micros}.${last.uuid}` : null;
  return { sales: page.map((r) => r.body), price_deviations: await deviationsOf(db, page.map((r) => r.uuid)), next_cursor: next };
}

async function deviationsOf(db: Sql, saleUuids: string[]): Promise<PriceDeviation[]> {
  if (saleUuids.length === 0) return [];
  const rows = await db.query<Omit<PriceDeviation, 'unit_price' | 'catalog_price' | 'price_deviation'> & { unit_price: string; catalog_price: string }>(
    `SELECT l.sale_uuid::text AS sale_uuid, l.uuid::text AS line_uuid, s.terminal_id::text AS terminal_id, l.product_uuid::text AS product_uuid,
            l.unit_price::text AS unit_price, l.catalog_price::text AS catalog_price, l.tax_rate_bp, l.catalog_tax_rate_bp, l.tax_included, l.catalog_tax_included
       FROM sale_lines l JOIN sales s ON s.uuid = l.sale_uuid
      WHERE l.sale_uuid = ANY($1::uuid[])
        AND (l.unit_price <> l.catalog_price OR l.tax_rate_bp <> l.catalog_tax_rate_bp OR l.tax_included <> l.catalog_tax_included)
      ORDER BY s.created_at, s.uuid, l.uuid`,
    [saleUuids],
  );
  return rows.map((r) => {
    const unitPrice = Number(r.unit_price);
    const catalogPrice = Number(r.catalog_price);
    return { ...r, unit_price: unitPrice, catalog_price: catalogPrice, price_deviation: unitPrice - catalogPrice };
  });
}
