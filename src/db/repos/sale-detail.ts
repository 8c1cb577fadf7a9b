// A recorded sale as the receipt screen shows it: the wire Sale, whether the hub has it yet,
// the refunds made against it and the customer's name.
import type { SqlExecutor } from '../../sync/sql-connection.ts';
import type { SaleDetail } from '../../api/till-api.ts';
import { readSale, syncStateOf } from './sale-store.ts';
import { staffName } from '../staff/staff-store.ts';
import { storeTaxRates } from './store-tax-rates.ts';

export async function saleDetail(db: SqlExecutor, uuid: string): Promise<SaleDetail | null> {
  const sale = await readSale(db, uuid);
  if (sale === undefined) return null;
  const queue = await db.get<{ status: number }>(`SELECT status FROM sync_queue WHERE idempotency_key = ? AND entity_type = 'Sale'`, [uuid]);
  const refunds = await db.all<{ uuid: string }>(`SELECT uuid FROM sales WHERE refund_of = ? ORDER BY created_at, id`, [uuid]);
  const customer =
    sale.customer_uuid === null
      ? undefined
      : await db.get<{ name: string }>(`SELECT name FROM customers WHERE uuid = ?`, [sale.customer_uuid]);
  return {
    sale,
    syncState: syncStateOf(queue?.status ?? null),
    refundUuids: refunds.map((r) => r.uuid),
    customerName: customer?.name ?? null,
    cashierName: await staffName(db, sale.staff_id),
    storeTaxRates: await storeTaxRates(db, sale.lines.map((l) => l.tax_rate_bp)),
  };
}
