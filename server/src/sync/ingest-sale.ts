// Stores one checked sale exactly once and says how it moves stock. A refund is checked against its
// original under a row lock on that original, so two refunds of one sale cannot both take the last unit.
import type { Sale } from '@ezo/contract/v1/sale';
import { attributionOf } from './attribution.ts';
import type { Sql } from '../db/database.ts';
import type { TerminalPrincipal } from '../auth/authenticate.ts';
import { Rejection, replayOrConflict, type Outcome } from './item-outcome.ts';
import type { StockDeltas } from './stock-deltas.ts';
import { insertSaleLines } from './insert-sale-lines.ts';
import { addSalesToSummaries } from './sale-summaries.ts';
import { addSalesToShiftDays } from './sale-shift-days.ts';

export async function ingestSale(tx: Sql, who: TerminalPrincipal, sale: Sale, hash: string, stock: StockDeltas): Promise<Outcome> {
  const by = attributionOf(sale);
  const inserted = await tx.query(
    `INSERT INTO sales (uuid, store_id, terminal_id, receipt_number, refund_of, total, created_at, content_hash, body, staff_id, approved_by, device_id)
     VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (uuid) DO NOTHING RETURNING uuid`,
    [sale.uuid, who.storeId, who.terminalId, sale.receipt_number, sale.total, sale.created_at, hash, sale as unknown as Record<string, unknown>, by.staffId, by.approvedBy, who.deviceId],
  );
  if (inserted.length === 0) return replayOrConflict(tx, 'sales', sale.uuid, hash, who);

  if (sale.refund_of !== null) {
    await checkRefund(tx, who, sale, sale.refund_of);
    await tx.query('UPDATE sales SET refund_of = $2 WHERE uuid = $1', [sale.uuid, sale.refund_of]);
  }
  await insertSaleLines(tx, who.storeId, sale.lines.map((line) => ({ sale, line })));
  // After refund_of is set: the summaries tell refunds from sales by it.
  await addSalesToSummaries(tx, [sale.uuid]);
  await addSalesToShiftDays(tx, [sale.uuid]);
  // A sale takes goods out of the store, a refund (negative quantities) puts them back.
  stock.addChecked(saleMoves(sale));
  return 'applied';
}

/** How a sale moves stock: out on a sale, back in on a refund (negative quantities). */
export function saleMoves(sale: Sale): [string, number][] {
  return sale.lines.map((line) => [line.product_uuid, -line.quantity]);
}

async function checkRefund(tx: Sql, who: TerminalPrincipal, refund: Sale, originalUuid: string): Promise<void> {
  // Another store's sale is answered like a missing one: a terminal learns nothing about other stores.
  const original = await tx.query<{ refund_of: string | null }>(
    'SELECT refund_of::text AS refund_of FROM sales WHERE uuid = $1 AND store_id = $2 FOR UPDATE',
    [originalUuid, who.storeId],
  );
  if (original.length === 0) throw new Rejection('unknown_sale', `refund_of names sale ${originalUuid}, which this store does not have`);
  if (original[0]?.refund_of !== null) throw new Rejection('invalid', 'a refund cannot be refunded');

  const wanted = new Map<string, { product: string; quantity: number }>();
  for (const line of refund.lines) {
    const key = (line.refund_of_line ?? '').toLowerCase();
    const w = wanted.get(key) ?? { product: line.product_uuid.toLowerCase(), quantity: 0 };
    w.quantity += -line.quantity;
    wanted.set(key, w);
  }
  const rows = await tx.query<{ uuid: string; product_uuid: string; quantity: number; refunded: string }>(
    `SELECT l.uuid::text AS uuid, l.product_uuid::text AS product_uuid, l.quantity,
            COALESCE((SELECT -sum(r.quantity) FROM sale_lines r WHERE r.refund_of_line = l.uuid), 0)::text AS refunded
       FROM sale_lines l WHERE l.sale_uuid = $1 AND l.uuid = ANY($2::uuid[])`,
    [originalUuid, [...wanted.keys()]],
  );
  const sold = new Map(rows.map((r) => [r.uuid, r]));
  for (const [lineUuid, w] of wanted) {
    const line = sold.get(lineUuid);
    if (line === undefined) throw new Rejection('invalid', `refund_of_line ${lineUuid} is not a line of sale ${originalUuid}`);
    if (line.product_uuid !== w.product) throw new Rejection('invalid', `refund_of_line ${lineUuid} sold another product`);
    const left = line.quantity - Number(line.refunded);
    if (w.quantity > left) throw new Rejection('over_refund', `line ${lineUuid}: refunding ${w.quantity}, only ${left} left to refund`);
  }
}
