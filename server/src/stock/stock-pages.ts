// A store's stock and adjustments journal for the back office, a keyset page at a time. The cursor
// names the last row (cursor prefix + product or adjustment uuid); the next page starts after that
// row's position as it is when asked. Stock sorted by quantity may move between pages (sales keep
// coming in): a product can then show twice or not at all in one walk, as in any live list.
import type { AdjustmentEntry, AdjustmentPage, AdjustmentQuery, StockItem, StockPage, StockQuery } from '@ezo/contract/admin-lists';
import { DEFAULT_ADMIN_PAGE_LIMIT } from '@ezo/contract/admin-lists';
import type { Database, Sql, SqlParam } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import { foldStockMoves } from '../sync/fold-stock.ts';

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
export const STOCK_CURSOR_PREFIX = 'st1.';
export const ADJUSTMENT_CURSOR_PREFIX = 'ad1.';

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Each sort's key and tie-breaker (the product, named from the side of the join whose index holds
// both, so the keyset condition is an index range: products (lower(name), uuid), stock (store_id,
// quantity, product_uuid)).
const STOCK_ORDER: Record<NonNullable<StockQuery['sort']>, { key: string; tie: string; dir: 'ASC' | 'DESC' }> = {
  name: { key: 'lower(p.name)', tie: 'p.uuid', dir: 'ASC' },
  '-name': { key: 'lower(p.name)', tie: 'p.uuid', dir: 'DESC' },
  quantity: { key: 's.quantity', tie: 's.product_uuid', dir: 'ASC' },
  '-quantity': { key: 's.quantity', tie: 's.product_uuid', dir: 'DESC' },
};

function badCursor(): HttpError {
  return new HttpError('bad_request', 'cursor is not a cursor this hub issued', [{ path: 'cursor', message: 'expected the next_cursor of a previous page' }]);
}

export async function readStockPage(db: Database, storeId: string, q: StockQuery): Promise<StockPage> {
  await foldStockMoves(db);
  const params: SqlParam[] = [storeId];
  const param = (v: SqlParam) => `$${params.push(v)}`;
  const where = ['s.store_id = $1', 'p.deleted_at IS NULL'];
  const text = q.q?.trim() ?? '';
  // A search finds its products first (name trigrams, SKU and barcode prefixes: one bitmap scan each)
  // and sorts them: OFFSET 0 keeps the planner from walking all products in name order instead, which
  // reads most of the catalog when the matches are few or sort late.
  let productRows = 'products';
  if (text !== '') {
    const escaped = escapeLike(text.toLowerCase());
    productRows = `(SELECT * FROM products p WHERE p.deleted_at IS NULL
       AND (lower(p.name) LIKE ${param(`%${escaped}%`)} OR lower(p.sku) LIKE ${param(`${escaped}%`)} OR p.barcode LIKE ${param(`${escapeLike(text)}%`)}) OFFSET 0)`;
  }
  const order = STOCK_ORDER[q.sort ?? 'name'];
  // Low stock by name: a few rows, found by stock_by_store_quantity and then sorted. OFFSET 0 (as for a
  // search): when the products low on stock are alike in name (one range running out), a walk in name
  // order would read most of the catalog before finding them. By quantity, that index is the order.
  let stockRows = 'stock';
  if (q.low_stock_below !== undefined) {
    const below = param(q.low_stock_below);
    if (order.key === 's.quantity') where.push(`s.quantity < ${below}`);
    else stockRows = `(SELECT * FROM stock WHERE store_id = $1 AND quantity < ${below} OFFSET 0)`;
  }
  if (q.cursor !== undefined) {
    if (!q.cursor.startsWith(STOCK_CURSOR_PREFIX)) throw badCursor();
    const after = q.cursor.slice(STOCK_CURSOR_PREFIX.length);
    const known = await db.query('SELECT 1 FROM stock WHERE store_id = $1 AND product_uuid = $2', [storeId, after]);
    if (known.length === 0) throw badCursor();
    const cmp = order.dir === 'ASC' ? '>' : '<';
    where.push(`(${order.key}, ${order.tie}) ${cmp} (SELECT ${order.key}, ${order.tie} FROM stock s JOIN products p ON p.uuid = s.product_uuid WHERE s.store_id = $1 AND p.uuid = ${param(after)})`);
  }
  const limit = q.limit ?? DEFAULT_ADMIN_PAGE_LIMIT;
  const rows = await db.query<Omit<StockItem, 'quantity'> & { quantity: string }>(
    `SELECT p.uuid::text AS product_uuid, p.name, p.sku, p.barcode, p.active, s.quantity::text AS quantity, ${iso('s.updated_at')} AS updated_at
       FROM ${stockRows} s JOIN ${productRows} p ON p.uuid = s.product_uuid
      WHERE ${where.join(' AND ')}
      ORDER BY ${order.key} ${order.dir}, ${order.tie} ${order.dir} LIMIT ${param(limit + 1)}`,
    params,
  );
  const items = rows.slice(0, limit).map((r) => ({ ...r, quantity: Number(r.quantity) }));
  const last = items.at(-1);
  return { store_id: storeId, items, next_cursor: rows.length > limit && last !== undefined ? `${STOCK_CURSOR_PREFIX}${last.product_uuid}` : null };
}

export async function readAdjustmentPage(db: Sql, storeId: string, q: AdjustmentQuery): Promise<AdjustmentPage> {
  const params: SqlParam[] = [storeId];
  const param = (v: SqlParam) => `$${params.push(v)}`;
  const where = ['a.store_id = $1'];
  if (q.product_uuid !== undefined) where.push(`a.product_uuid = ${param(q.product_uuid)}`);
  if (q.cursor !== undefined) {
    if (!q.cursor.startsWith(ADJUSTMENT_CURSOR_PREFIX)) throw badCursor();
    const after = q.cursor.slice(ADJUSTMENT_CURSOR_PREFIX.length);
    const known = await db.query('SELECT 1 FROM adjustments WHERE store_id = $1 AND uuid = $2', [storeId, after]);
    if (known.length === 0) throw badCursor();
    where.push(`(a.created_at, a.uuid) < (SELECT created_at, uuid FROM adjustments WHERE uuid = ${param(after)})`);
  }
  const limit = q.limit ?? DEFAULT_ADMIN_PAGE_LIMIT;
  const rows = await db.query<AdjustmentEntry>(
    `SELECT a.uuid::text AS uuid, a.product_uuid::text AS product_uuid, p.name AS product_name, p.sku, a.delta, a.reason, ${iso('a.created_at')} AS created_at,
            a.staff_id::text AS staff_id, st.display_name AS staff_name, a.approved_by::text AS approved_by, ap.display_name AS approved_by_name,
            a.terminal_id::text AS terminal_id, t.name AS terminal_name
       FROM adjustments a
       JOIN products p ON p.uuid = a.product_uuid
       LEFT JOIN staff st ON st.id = a.staff_id
       LEFT JOIN staff ap ON ap.id = a.approved_by
       LEFT JOIN terminals t ON t.id = a.terminal_id
      WHERE ${where.join(' AND ')}
      ORDER BY a.created_at DESC, a.uuid DESC LIMIT ${param(limit + 1)}`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next_cursor: rows.length > limit && last !== undefined ? `${ADJUSTMENT_CURSOR_PREFIX}${last.uuid}` : null };
}

/** 404 unless the store exists (the caller checked it is in the caller's scope). */
export async function requireStore(db: Sql, storeId: string): Promise<void> {
  const rows = await db.query('SELECT 1 FROM stores WHERE id = $1', [storeId]);
  if (rows.length === 0) throw new HttpError('not_found', `no store ${storeId}`);
}
