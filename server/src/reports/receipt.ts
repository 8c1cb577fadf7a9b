// One sale or refund as its till printed it: the figures come from src/domain/receipt-layout.ts (the
// till's own code) over the stored lines, with the store's VAT letters (from the rates its catalog uses),
// plus its refunds (a sale) or its original (a refund). A store outside the visible ones is a 404.
import type { AdminSale } from '@ezo/contract/admin';
import type { Receipt } from '@ezo/contract/reports';
import { receiptFigures } from '../../../src/domain/receipt-layout.ts';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import type { StoreScope } from '../http/store-scope.ts';

const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const LOCAL = `'YYYY-MM-DD"T"HH24:MI:SS'`;

interface SaleRow {
  body: AdminSale;
  refund_of: string | null;
  store: Receipt['store'];
  terminal_name: string;
  staff_name: string | null;
  customer_name: string | null;
  local_time: string;
  received_at: string;
}

interface LinkedRow {
  uuid: string;
  receipt_number: string;
  created_at: string;
  local_time: string;
  total: string;
}

export async function readReceipt(db: Sql, visible: StoreScope, uuid: string): Promise<Receipt> {
  const rows = await db.query<SaleRow>(
    `SELECT s.body || jsonb_build_object('staff_id', s.staff_id, 'approved_by', s.approved_by, 'device_id', s.device_id) AS body,
            s.refund_of::text AS refund_of,
            jsonb_build_object('id', st.id, 'name', st.name, 'currency', st.currency, 'locale', st.locale, 'time_zone', st.time_zone) AS store,
            t.name AS terminal_name, sf.display_name AS staff_name, c.name AS customer_name,
            to_char(s.created_at AT TIME ZONE st.time_zone, ${LOCAL}) AS local_time,
            to_char(s.received_at AT TIME ZONE 'UTC', ${ISO_UTC}) AS received_at
       FROM sales s JOIN stores st ON st.id = s.store_id JOIN terminals t ON t.id = s.terminal_id
       LEFT JOIN staff sf ON sf.id = s.staff_id
       LEFT JOIN customers c ON c.uuid = (s.body->>'customer_uuid')::uuid
      WHERE s.uuid = $1::uuid ${visible === 'all' ? '' : 'AND s.store_id = ANY($2::uuid[])'}`,
    visible === 'all' ? [uuid] : [uuid, [...visible]],
  );
  const row = rows[0];
  if (row === undefined) throw new HttpError('not_found', `no sale ${uuid}`);
  const linked = (where: string, param: string) =>
    db.query<LinkedRow>(
      `SELECT s.uuid::text AS uuid, s.receipt_number, to_char(s.created_at AT TIME ZONE 'UTC', ${ISO_UTC}) AS created_at,
              to_char(s.created_at AT TIME ZONE st.time_zone, ${LOCAL}) AS local_time, s.total::text AS total
         FROM sales s JOIN stores st ON st.id = s.store_id WHERE ${where} ORDER BY s.created_at, s.uuid`,
      [param],
    );
  const toLinked = (r: LinkedRow) => ({ ...r, total: Number(r.total) });
  const original = row.refund_of === null ? undefined : (await linked('s.uuid = $1::uuid', row.refund_of))[0];
  const refunds = row.refund_of === null ? await linked('s.refund_of = $1::uuid', uuid) : [];
  // The store's rates fix the letters (19 % is A, 7 % is B), as on the till.
  const rates = await db.query<{ tax_rate_bp: number }>('SELECT DISTINCT tax_rate_bp FROM products WHERE deleted_at IS NULL');
  const figures = receiptFigures(
    row.body.lines,
    rates.map((r) => r.tax_rate_bp),
  );
  return {
    sale: row.body,
    kind: row.refund_of === null ? 'sale' : 'refund',
    store: row.store,
    terminal_name: row.terminal_name,
    staff_name: row.staff_name,
    customer_name: row.customer_name,
    local_time: row.local_time,
    received_at: row.received_at,
    printed: {
      presentation: figures.presentation,
      lines: figures.lines,
      lines_sum: figures.linesSum,
      discounts: figures.discounts,
      subtotal: figures.subtotal,
      vat: figures.vat,
      total: figures.total,
    },
    original: original === undefined ? null : toLinked(original),
    refunds: refunds.map(toLinked),
  };
}
