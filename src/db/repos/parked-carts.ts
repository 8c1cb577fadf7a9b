// Sales put aside to serve the next customer (table parked_carts, migration 009): the cart as it was,
// a label staff recognise (the customer, or the first item) and its total. Parking also forgets the
// draft, in one transaction, so the till starts the next sale empty; resuming deletes the parked row
// and hands the cart back. Carts, not sales: never queued for the hub.
import type { SqlConnection, SqlExecutor } from '../../sync/sql-connection.ts';
import type { TillDataDeps } from '../../api/service-parts.ts';
import type { DraftCart, ParkedCartView } from '../../api/till-api.ts';
import { MAX_NAME_LENGTH } from '@ezo/contract/limits';
import { cartTotals } from '../../domain/cart.ts';
import { invalid } from './draft-checks.ts';
import { clearDraftCart, draftCartSchema, parseStoredCart } from './draft-cart.ts';

/** More parked sales than this is a counter that lost track: finish or clear some first. */
export const MAX_PARKED_CARTS = 20;

export async function parkedCarts(db: SqlExecutor): Promise<ParkedCartView[]> {
  const rows = await db.all<{ uuid: string; label: string; total: number; cart: string; parked_at: string }>(
    `SELECT uuid, label, total, cart, parked_at FROM parked_carts ORDER BY id`,
  );
  return rows.map((r) => ({
    uuid: r.uuid,
    label: r.label,
    total: r.total,
    itemCount: parseStoredCart(r.cart)?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0,
    parkedAt: r.parked_at,
  }));
}

export async function parkCart(db: SqlConnection, deps: Pick<TillDataDeps, 'clock' | 'newUuid'>, cart: DraftCart, label: string): Promise<ParkedCartView[]> {
  const parsed = draftCartSchema.safeParse(cart);
  if (!parsed.success) throw invalid('This sale cannot be parked: it is not a valid cart.');
  if (parsed.data.lines.length === 0) throw invalid('There is nothing to park.');
  const name = typeof label === 'string' ? label.trim().slice(0, MAX_NAME_LENGTH) : '';
  const uuid = deps.newUuid();
  const at = new Date(deps.clock.now()).toISOString();
  const total = cartTotals(parsed.data).total;
  return db.transaction(async (tx) => {
    const count = await tx.get<{ n: number }>(`SELECT count(*) AS n FROM parked_carts`);
    if ((count?.n ?? 0) >= MAX_PARKED_CARTS) throw invalid(`At most ${MAX_PARKED_CARTS} sales can be parked; finish one first.`);
    await tx.run(`INSERT INTO parked_carts (uuid, cart, label, total, parked_at) VALUES (?, ?, ?, ?, ?)`, [uuid, JSON.stringify(parsed.data), name, total, at]);
    await clearDraftCart(tx);
    return parkedCarts(tx);
  });
}

export async function resumeParked(db: SqlConnection, uuid: string): Promise<DraftCart | null> {
  return db.transaction(async (tx) => {
    const row = await tx.get<{ cart: string }>(`SELECT cart FROM parked_carts WHERE uuid = ?`, [uuid]);
    if (row === undefined) return null;
    await tx.run(`DELETE FROM parked_carts WHERE uuid = ?`, [uuid]);
    return parseStoredCart(row.cart);
  });
}
