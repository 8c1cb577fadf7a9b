// Who changes prices: a trigger (migration 010) writes product_price_history in the transaction that
// changes a price, reading two transaction-local settings the writer sets first. A write that sets none
// (a till's price edit, applied by the sync engine) is recorded as source 'till'.
import type { PriceHistory, PriceSource } from '@ezo/contract/backoffice-catalog';
import type { Principal } from '../auth/principal.ts';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';

const iso = (t: Date | string) => (t instanceof Date ? t : new Date(t)).toISOString();

/** Tags this transaction's price changes with their source and, for a signed-in member, who. */
export async function markPriceChanges(tx: Sql, source: Exclude<PriceSource, 'till' | 'initial'>, principal: Principal | null): Promise<void> {
  const staffId = principal?.kind === 'staff' ? principal.staffId : '';
  await tx.query(`SELECT set_config('ezo.price_source', $1, true), set_config('ezo.actor_staff', $2, true)`, [source, staffId]);
}

/** Most history rows one answer lists. */
const MAX_HISTORY_ROWS = 500;

export async function priceHistory(db: Sql, productUuid: string): Promise<PriceHistory> {
  const exists = await db.query('SELECT 1 FROM products WHERE uuid = $1', [productUuid]);
  if (exists.length === 0) throw new HttpError('not_found', `no product ${productUuid}`);
  const rows = await db.query<{
    price: string;
    price_version: number;
    tax_rate_bp: number;
    changed_at: Date | string;
    source: PriceSource;
    staff_id: string | null;
    display_name: string | null;
  }>(
    `SELECT h.price::text AS price, h.price_version, h.tax_rate_bp, h.changed_at, h.source, s.id::text AS staff_id, s.display_name
       FROM product_price_history h LEFT JOIN staff s ON s.id = h.changed_by
      WHERE h.product_uuid = $1 ORDER BY h.id DESC LIMIT ${MAX_HISTORY_ROWS}`,
    [productUuid],
  );
  return {
    product_uuid: productUuid,
    items: rows.map((r) => ({
      price: Number(r.price),
      price_version: r.price_version,
      tax_rate_bp: r.tax_rate_bp,
      changed_at: iso(r.changed_at),
      source: r.source,
      changed_by: r.staff_id === null || r.display_name === null ? null : { staff_id: r.staff_id, display_name: r.display_name },
    })),
  };
}
