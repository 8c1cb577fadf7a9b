// Stock as this till knows it: the hub's last figure plus what this till did since that the hub has
// not acknowledged (sales, refunds and adjustments whose queue row is Pending or Failed). Stock is
// derived, never stored; an adjustment is an append-only delta queued for the hub.
import type { SqlConnection, SqlExecutor, SqlValue } from '../../sync/sql-connection.ts';
import type { TillDataDeps } from '../../api/service-parts.ts';
import type { AdjustmentInput, StockQuery, StockView } from '../../api/till-api.ts';
import type { Adjustment } from '@ezo/contract/adjustment';
import { strictContract } from '@ezo/contract/contract';
import { enqueue } from '../../sync/outbox.ts';
import { MAX_STOCK, MAX_TEXT_LENGTH } from '@ezo/contract/limits';
import { TillError } from '../../api/till-error.ts';
import { MAX_STOCK_RESULTS } from './data-limits.ts';
import { assertQuantity, invalid } from './draft-checks.ts';
import { LIKE_ESCAPE, clampLimit, cleanSearchText, isDigitsOnly, likePrefix, prefixUpperBound, wordQuery } from './text-match.ts';
import { notifyQueued } from './notify-queued.ts';

/**
 * Unacknowledged deltas per product, read from the queue's unfinished rows (few, via sync_queue_due)
 * and never from all history. A sale line of quantity q takes q from stock; a refund line (q < 0) returns it.
 */
const PENDING_DELTAS = `
  WITH open_items AS (SELECT idempotency_key, entity_type FROM sync_queue WHERE status IN (0, 2)),
  pending AS (
    SELECT i.product_uuid, -sum(i.quantity) AS delta
      FROM open_items q JOIN sales s ON s.uuid = q.idempotency_key JOIN sale_items i ON i.sale_id = s.id
      WHERE q.entity_type = 'Sale' GROUP BY i.product_uuid
    UNION ALL
    SELECT a.product_uuid, sum(a.delta) AS delta
      FROM open_items q JOIN inventory_adjustments a ON a.uuid = q.idempotency_key
      WHERE q.entity_type = 'Adjustment' GROUP BY a.product_uuid
  ),
  pending_by_product AS (SELECT product_uuid, sum(delta) AS delta FROM pending GROUP BY product_uuid)`;

const QUANTITY = 'coalesce(l.quantity, 0) + coalesce(d.delta, 0)';

const STOCK_SELECT = `${PENDING_DELTAS}
  SELECT p.uuid, p.name, p.sku, p.barcode, coalesce(l.quantity, 0) AS server_quantity, coalesce(d.delta, 0) AS pending_delta
  FROM products p
  LEFT JOIN stock_levels l ON l.product_uuid = p.uuid
  LEFT JOIN pending_by_product d ON d.product_uuid = p.uuid`;

interface StockRow {
  uuid: string;
  name: string;
  sku: string;
  barcode: string | null;
  server_quantity: number;
  pending_delta: number;
}

function toStockView(r: StockRow): StockView {
  return {
    productUuid: r.uuid,
    name: r.name,
    sku: r.sku,
    barcode: r.barcode,
    serverQuantity: r.server_quantity,
    pendingDelta: r.pending_delta,
    quantity: r.server_quantity + r.pending_delta,
  };
}

/**
 * Products not deleted, by name. Text finds a name prefix, a SKU prefix, the barcode (exact, or a
 * prefix when it is digits: a scan or the keypad) and words anywhere in the name, SKU or barcode
 * (products_fts: case and accents ignored). An OR of these would walk whole indexes, so each takes
 * its own index range (at most `limit` rows each) and the union is sorted by name.
 *
 * lowAtOrBelow keeps the products whose stock, with this till's unacknowledged changes, is at or
 * below it, lowest first. It computes every product's figure (a scan of the catalog, tens of ms at
 * 100k products in the worker): a screen staff open on purpose, never on the selling path.
 */
export async function stock(db: SqlExecutor, query: StockQuery): Promise<StockView[]> {
  const text = cleanSearchText(typeof query.text === 'string' ? query.text : '');
  const limit = clampLimit(query.limit, MAX_STOCK_RESULTS);
  const low = query.lowAtOrBelow;
  const params: SqlValue[] = [];
  let filter = '';
  if (text !== '') {
    const esc = `ESCAPE '${LIKE_ESCAPE}'`;
    const branches = [
      `SELECT id FROM (SELECT id FROM products WHERE name LIKE ? ${esc} AND deleted_at IS NULL ORDER BY name COLLATE NOCASE LIMIT ?)`,
      `SELECT id FROM (SELECT id FROM products WHERE sku LIKE ? ${esc} AND deleted_at IS NULL ORDER BY sku COLLATE NOCASE LIMIT ?)`,
    ];
    params.push(likePrefix(text), limit, likePrefix(text), limit);
    if (isDigitsOnly(text)) {
      branches.push(`SELECT id FROM (SELECT id FROM products WHERE barcode >= ? AND barcode < ? AND deleted_at IS NULL ORDER BY barcode LIMIT ?)`);
      params.push(text, prefixUpperBound(text), limit);
    } else {
      branches.push(`SELECT id FROM products WHERE barcode = ? AND deleted_at IS NULL`);
      params.push(text);
    }
    const words = wordQuery(text).match;
    if (words !== null) {
      branches.push(`SELECT rowid AS id FROM (SELECT rowid FROM products_fts WHERE products_fts MATCH ? LIMIT ?)`);
      params.push(words, limit);
    }
    filter = `AND p.id IN (${branches.join(' UNION ')})`;
  }
  let order = 'p.name COLLATE NOCASE, p.id';
  if (low !== null) {
    if (!Number.isSafeInteger(low) || Math.abs(low) > MAX_STOCK) throw invalid('The low-stock level must be a whole number.');
    filter += ` AND ${QUANTITY} <= ?`;
    params.push(low);
    order = `${QUANTITY}, ${order}`;
  }
  params.push(limit);
  // Open-price products are not stock items (the hub records no moves for them either).
  const rows = await db.all<StockRow>(`${STOCK_SELECT} WHERE p.deleted_at IS NULL AND p.open_price = 0 ${filter} ORDER BY ${order} LIMIT ?`, params);
  return rows.map(toStockView);
}

async function stockOf(db: SqlExecutor, productUuid: string): Promise<StockView | undefined> {
  const row = await db.get<StockRow>(`${STOCK_SELECT} WHERE p.uuid = ?`, [productUuid]);
  return row === undefined ? undefined : toStockView(row);
}

export async function adjustStock(db: SqlConnection, deps: TillDataDeps, input: AdjustmentInput): Promise<StockView> {
  assertQuantity(input.delta, 'The stock change');
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason === '') throw invalid('Say why the stock changes (a reason is required).');
  if (reason.length > MAX_TEXT_LENGTH) throw invalid(`A reason can be at most ${MAX_TEXT_LENGTH} characters.`);
  const draft = {
    uuid: deps.newUuid(),
    product_uuid: input.productUuid,
    delta: input.delta,
    reason,
    created_at: new Date(deps.clock.now()).toISOString(),
  };
  if (!strictContract.upstream.adjustment.safeParse({ ...draft, staff_id: draft.uuid }).success) throw invalid('This stock change cannot be sent to the hub.');
  // After the checks: taking the actor uses up a manager's approval.
  const actor = deps.actor('stock_adjust');
  const adjustment: Adjustment = { ...draft, staff_id: actor.staffId, approved_by: actor.approvedBy };

  await db.transaction(async (tx) => {
    const product = await tx.get<{ id: number; name: string; open_price: number }>(`SELECT id, name, open_price FROM products WHERE uuid = ? AND deleted_at IS NULL`, [
      input.productUuid,
    ]);
    if (product === undefined) throw invalid('This product is not in the catalog.');
    if (product.open_price === 1) throw invalid(`${product.name} is sold at a typed price and has no stock.`);
    const { lastInsertRowId } = await tx.run(
      `INSERT INTO inventory_adjustments (uuid, product_uuid, delta, reason, created_at, staff_id, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [adjustment.uuid, adjustment.product_uuid, adjustment.delta, adjustment.reason, adjustment.created_at, actor.staffId, actor.approvedBy],
    );
    await enqueue(tx, {
      entityType: 'Adjustment',
      entityId: lastInsertRowId,
      action: 'CREATE',
      payload: adjustment,
      idempotencyKey: adjustment.uuid,
      createdAt: adjustment.created_at,
    });
  });
  notifyQueued(deps);
  const view = await stockOf(db, input.productUuid);
  if (view === undefined) throw new TillError('internal', 'The stock change was saved but the product cannot be read back.');
  return view;
}
