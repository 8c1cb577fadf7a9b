// Writing and reading a sale (or refund) as the contract's Sale object. The sale is checked with
// the hub's strict parser before anything is written, and its rows and its outbox row go into the
// caller's one transaction: a sale is either fully recorded and queued or not there at all.
import type { SqlExecutor } from '../../sync/sql-connection.ts';
import type { Sale, SaleLine, SalePayment } from '@ezo/contract/sale';
import type { LocalSale, SyncState } from '../../api/till-api.ts';
import { strictContract } from '@ezo/contract/contract';
import { enqueue, QueueStatus } from '../../sync/outbox.ts';
import { TillError } from '../../api/till-error.ts';

/** Throws TillError invalid unless the hub would accept this sale's shape. */
export function assertWireSale(sale: Sale): Sale {
  const parsed = strictContract.upstream.sale.safeParse(sale);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined ? '' : ` (${first.path.join('.')}: ${first.message})`;
    throw new TillError('invalid', `This sale cannot be sent to the hub${where}.`);
  }
  return sale;
}

/** Inserts the sale, its lines and payments and its queue row; returns sales.id. */
export async function insertSale(tx: SqlExecutor, sale: Sale): Promise<number> {
  assertWireSale(sale);
  const { lastInsertRowId: saleId } = await tx.run(
    `INSERT INTO sales (uuid, receipt_number, terminal_id, shift_uuid, customer_uuid, refund_of, currency,
       subtotal, discount_total, tax_total, total, note, created_at, staff_id, approved_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      sale.uuid, sale.receipt_number, sale.terminal_id, sale.shift_uuid, sale.customer_uuid, sale.refund_of, sale.currency,
      sale.subtotal, sale.discount_total, sale.tax_total, sale.total, sale.note, sale.created_at, sale.staff_id ?? null, sale.approved_by ?? null,
    ],
  );
  for (const [index, l] of sale.lines.entries()) {
    await tx.run(
      `INSERT INTO sale_items (uuid, sale_id, line_no, product_uuid, name, sku, quantity, unit_price, discount_bp, tax_rate_bp,
         tax_included, line_subtotal, line_discount, line_tax, line_total, refund_of_line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        l.uuid, saleId, index + 1, l.product_uuid, l.name, l.sku, l.quantity, l.unit_price, l.discount_bp, l.tax_rate_bp,
        l.tax_included ? 1 : 0, l.line_subtotal, l.line_discount, l.line_tax, l.line_total, l.refund_of_line,
      ],
    );
  }
  for (const p of sale.payments) {
    await tx.run(`INSERT INTO payments (uuid, sale_id, method, amount, tendered, change) VALUES (?, ?, ?, ?, ?, ?)`, [
      p.uuid, saleId, p.method, p.amount, p.tendered, p.change,
    ]);
  }
  await enqueue(tx, {
    entityType: 'Sale',
    entityId: saleId,
    action: 'CREATE',
    payload: sale,
    idempotencyKey: sale.uuid,
    createdAt: sale.created_at,
  });
  return saleId;
}

interface SaleRow {
  id: number;
  uuid: string;
  receipt_number: string;
  terminal_id: string;
  shift_uuid: string | null;
  customer_uuid: string | null;
  refund_of: string | null;
  currency: string;
  subtotal: number;
  discount_total: number;
  tax_total: number;
  total: number;
  note: string | null;
  created_at: string;
  staff_id: string | null;
  approved_by: string | null;
}

interface LineRow extends Omit<SaleLine, 'tax_included'> {
  tax_included: number;
}

/** The sale rebuilt from its rows, field for field what was queued; undefined when unknown. */
export async function readSale(db: SqlExecutor, uuid: string): Promise<LocalSale | undefined> {
  const s = await db.get<SaleRow>(
    `SELECT id, uuid, receipt_number, terminal_id, shift_uuid, customer_uuid, refund_of, currency,
       subtotal, discount_total, tax_total, total, note, created_at, staff_id, approved_by FROM sales WHERE uuid = ?`,
    [uuid],
  );
  if (s === undefined) return undefined;
  const lines = await db.all<LineRow>(
    `SELECT uuid, product_uuid, name, sku, quantity, unit_price, discount_bp, tax_rate_bp, tax_included,
       line_subtotal, line_discount, line_tax, line_total, refund_of_line
     FROM sale_items WHERE sale_id = ? ORDER BY line_no`,
    [s.id],
  );
  const payments = await db.all<SalePayment>(
    `SELECT uuid, method, amount, tendered, change FROM payments WHERE sale_id = ? ORDER BY id`,
    [s.id],
  );
  return {
    uuid: s.uuid,
    receipt_number: s.receipt_number,
    terminal_id: s.terminal_id,
    shift_uuid: s.shift_uuid,
    customer_uuid: s.customer_uuid,
    refund_of: s.refund_of,
    currency: s.currency,
    subtotal: s.subtotal,
    discount_total: s.discount_total,
    tax_total: s.tax_total,
    total: s.total,
    note: s.note,
    created_at: s.created_at,
    staff_id: s.staff_id,
    approved_by: s.approved_by,
    lines: lines.map((l) => ({
      uuid: l.uuid,
      product_uuid: l.product_uuid,
      name: l.name,
      sku: l.sku,
      quantity: l.quantity,
      unit_price: l.unit_price,
      discount_bp: l.discount_bp,
      tax_rate_bp: l.tax_rate_bp,
      tax_included: l.tax_included === 1,
      line_subtotal: l.line_subtotal,
      line_discount: l.line_discount,
      line_tax: l.line_tax,
      line_total: l.line_total,
      refund_of_line: l.refund_of_line,
    })),
    payments: payments.map((p) => ({ uuid: p.uuid, method: p.method, amount: p.amount, tendered: p.tendered, change: p.change })),
  };
}

/** A queue status as staff see it; no row means Completed and pruned after the retention period. */
export function syncStateOf(status: number | null): SyncState {
  if (status === QueueStatus.pending) return 'pending';
  if (status === QueueStatus.failed) return 'failed';
  return 'synced';
}

/** SQL for a sale's queue status, given `s` = sales (the queue's idempotency_key is the sale's uuid). */
export const SALE_QUEUE_STATUS = `(SELECT q.status FROM sync_queue q WHERE q.idempotency_key = s.uuid AND q.entity_type = 'Sale')`;
