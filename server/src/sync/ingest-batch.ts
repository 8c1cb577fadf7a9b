// POST /api/v1/sync/upstream, after validation: one transaction per batch and a savepoint per item, so
// each item is atomic and a rejected one costs the others nothing; plain sales first go in at once, without
// a savepoint, and when that is refused the batch runs again item by item in a new transaction. Inserts
// come first; product edits (versioned writes, under the commit-order lock) come last; stock moves go to
// the move log, unlocked. Deadlocks and serialization failures retry the whole batch, which is idempotent.
// Batches of protocol 1 to 3 take this one path: typed as protocol 1's shape (which a later item
// extends), with the staff fields read by attribution.ts and the shifts of protocol 3 (none in an
// older batch) last; each item is hashed and stored as it came.
import type { ItemResult } from '@ezo/contract/upstream';
import type { ParsedUpstreamBatch as V1Batch } from '@ezo/contract/v1/upstream';
import type { Shift } from '@ezo/contract/shift';
import { type Database, type Sql, PG_DEADLOCK_DETECTED, PG_SERIALIZATION_FAILURE, PG_UNIQUE_VIOLATION, isDataError, pgErrorCode } from '../db/database.ts';
import type { TerminalPrincipal } from '../auth/authenticate.ts';
import { contentHash } from './content-hash.ts';
import { checkSale } from './check-sale.ts';
import { ingestSale } from './ingest-sale.ts';
import { ingestAdjustment } from './ingest-adjustment.ts';
import { ingestProductEdit } from './ingest-product-edit.ts';
import { Rejection, notStorable, resultOf, type Outcome } from './item-outcome.ts';
import { StockDeltas } from './stock-deltas.ts';
import { BulkRefused, ingestSalesBulk } from './ingest-sales-bulk.ts';
import { visibleCustomer } from './customer-visibility.ts';
import type { Sale } from '@ezo/contract/v1/sale';
import { attributedIds, checkAttribution } from './attribution.ts';
import { Z_NUMBER_UNIQUE, ingestShift, shiftStaff } from './ingest-shift.ts';

/** An upstream batch of any protocol the hub speaks: protocol 1's shape, and protocol 3's shifts when present. */
export type AnyBatch = V1Batch & { changes: { shifts?: readonly Shift[] } };

/** Attempts for a batch that hit a deadlock or serialization failure before the error reaches the till. */
const MAX_BATCH_ATTEMPTS = 4;
const RETRYABLE = new Set([PG_DEADLOCK_DETECTED, PG_SERIALIZATION_FAILURE]);
/** The unique index on (store_id, receipt_number) of migrations/008-staff-and-devices.ts. */
const RECEIPT_NUMBER_UNIQUE = 'sales_receipt_number_unique';

function constraintOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'constraint' in err && typeof err.constraint === 'string' ? err.constraint : undefined;
}

/** Told of every item the database refused, with its SQLSTATE: the till only hears NOT_STORABLE_REASON. */
export type ItemErrorLog = (refused: { entity: ItemResult['entity']; uuid: string; sqlstate: string; message: string }) => void;

export async function ingestBatch(db: Database, who: TerminalPrincipal, batch: AnyBatch, logItemError: ItemErrorLog = () => undefined): Promise<ItemResult[]> {
  try {
    return await withRetries(db, (tx) => ingestInTransaction(tx, who, batch, logItemError, 'bulk'));
  } catch (err) {
    // The bulk insert spoilt its transaction (ingest-sales-bulk.ts): nothing of it was committed.
    if (!(err instanceof BulkRefused)) throw err;
    return await withRetries(db, (tx) => ingestInTransaction(tx, who, batch, logItemError, 'item by item'));
  }
}

async function withRetries<T>(db: Database, fn: (tx: Sql) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (err) {
      if (attempt >= MAX_BATCH_ATTEMPTS || !RETRYABLE.has(pgErrorCode(err) ?? '')) throw err;
    }
  }
}

/** 'bulk': plain sales in one statement (the first try); 'item by item': each sale under its own savepoint. */
type SalesPath = 'bulk' | 'item by item';

async function ingestInTransaction(tx: Sql, who: TerminalPrincipal, batch: AnyBatch, log: ItemErrorLog, path: SalesPath): Promise<ItemResult[]> {
  const { sales, adjustments, products } = batch.changes;
  const shifts = batch.changes.shifts ?? [];
  const productIds = [...new Set([...sales.flatMap((s) => s.lines.map((l) => l.product_uuid)), ...adjustments.map((a) => a.product_uuid), ...products.map((p) => p.product_uuid)])];
  const customerIds = [...new Set(sales.flatMap((s) => (s.customer_uuid === null ? [] : [s.customer_uuid])))];
  const memberIds = attributedIds([...sales, ...adjustments, ...products, ...shifts.flatMap(shiftStaff)]);
  const stock = new StockDeltas();
  const { knownProducts, knownCustomers, members } = await readBatchContext(tx, who.storeId, productIds, customerIds, memberIds, stock);
  const results: ItemResult[] = [];

  // Plain sales go in bulk; refunds, repeated uuids within the batch, and every sale of a batch whose
  // bulk insert was refused go item by item (plain sales first, as in bulk). Results keep the batch's order.
  const saleResults: (ItemResult | undefined)[] = new Array<ItemResult | undefined>(sales.length);
  const bulk: { index: number; sale: Sale; hash: string }[] = [];
  const oneByOne: number[] = [];
  const inBulk = new Set<string>();
  sales.forEach((sale, index) => {
    try {
      checkSale(sale, who, knownProducts, knownCustomers);
      checkAttribution(sale, members);
    } catch (err) {
      if (!(err instanceof Rejection)) throw err;
      saleResults[index] = resultOf(sale.uuid, 'sale', err);
      return;
    }
    const key = sale.uuid.toLowerCase();
    if (sale.refund_of === null && !inBulk.has(key)) {
      inBulk.add(key);
      bulk.push({ index, sale, hash: contentHash(sale) });
    } else oneByOne.push(index);
  });
  if (path === 'item by item') oneByOne.unshift(...bulk.map((b) => b.index));
  else {
    const bulkOutcomes = await ingestSalesBulk(tx, who, bulk, stock);
    for (const b of bulk) saleResults[b.index] = resultOf(b.sale.uuid, 'sale', bulkOutcomes.get(b.sale.uuid.toLowerCase()) ?? 'applied');
  }
  for (const index of oneByOne) {
    const sale = sales[index]!;
    saleResults[index] = resultOf(sale.uuid, 'sale', await inSavepoint(tx, stock, { entity: 'sale', uuid: sale.uuid, log }, () => ingestSale(tx, who, sale, contentHash(sale), stock)));
  }
  for (const r of saleResults) if (r !== undefined) results.push(r);
  for (const adjustment of adjustments) {
    results.push(resultOf(adjustment.uuid, 'adjustment', await inSavepoint(tx, stock, { entity: 'adjustment', uuid: adjustment.uuid, log }, () => ingestAdjustment(tx, who, adjustment, contentHash(adjustment), knownProducts, members, stock))));
  }
  for (const edit of products) {
    results.push(resultOf(edit.uuid, 'product', await inSavepoint(tx, stock, { entity: 'product', uuid: edit.uuid, log }, () => ingestProductEdit(tx, who, edit, contentHash(edit), knownProducts, members))));
  }
  for (const shift of shifts) {
    results.push(resultOf(shift.uuid, 'shift', await inSavepoint(tx, stock, { entity: 'shift', uuid: shift.uuid, log }, () => ingestShift(tx, who, shift, contentHash(shift), members))));
  }
  await stock.apply(tx, who.storeId);
  return results;
}

/**
 * What the batch's checks need, read in one statement (one round trip): which of its products exist
 * (products and customers are never deleted, only tombstoned, so one lookup serves the whole batch), which
 * of its customers this store may attach (its own, or any when shared: others are unknown_customer), which
 * of the staff it names have a role in the store, and the committed stock figure of each product (the stock
 * row plus the moves not yet folded), which `stock` counts from.
 */
async function readBatchContext(tx: Sql, storeId: string, productIds: string[], customerIds: string[], memberIds: string[], stock: StockDeltas) {
  const rows =
    productIds.length + customerIds.length + memberIds.length === 0
      ? []
      : await tx.query<{ kind: 'product' | 'customer' | 'member' | 'stock'; id: string; quantity: string | null }>(
          `SELECT 'product' AS kind, uuid::text AS id, NULL::text AS quantity FROM products WHERE uuid = ANY($1::uuid[])
           UNION ALL SELECT 'customer', uuid::text, NULL FROM customers WHERE uuid = ANY($2::uuid[]) AND ${visibleCustomer('$3')}
           UNION ALL SELECT 'member', staff_id::text, NULL FROM staff_store_roles WHERE store_id = $3 AND staff_id = ANY($4::uuid[])
           UNION ALL SELECT 'stock', product_uuid::text, sum(q)::text FROM (
             SELECT product_uuid, quantity AS q FROM stock WHERE store_id = $3 AND product_uuid = ANY($1::uuid[])
             UNION ALL SELECT product_uuid, delta FROM stock_moves WHERE store_id = $3 AND product_uuid = ANY($1::uuid[])
           ) AS figures GROUP BY product_uuid`,
          [productIds, customerIds, storeId, memberIds],
        );
  const of = (kind: string) => new Set(rows.filter((r) => r.kind === kind).map((r) => r.id));
  stock.setBase(rows.filter((r) => r.kind === 'stock').map((r) => [r.id, Number(r.quantity)]));
  return { knownProducts: of('product'), knownCustomers: of('customer'), members: of('member') };
}

interface ItemRef {
  entity: ItemResult['entity'];
  uuid: string;
  log: ItemErrorLog;
}

/**
 * Runs one item under its own savepoint. A Rejection, or any database error about the item's data
 * (isDataError: a NUL, a date PostgreSQL cannot hold, a taken id), rolls back to the savepoint and
 * becomes this item's rejection; only errors about the server itself (connection, deadlock) fail the batch.
 */
async function inSavepoint(tx: Sql, stock: StockDeltas, item: ItemRef, step: () => Promise<Outcome>): Promise<Outcome | Rejection> {
  const saved = stock.snapshot();
  await tx.query('SAVEPOINT item');
  try {
    const outcome = await step();
    await tx.query('RELEASE SAVEPOINT item');
    return outcome;
  } catch (err) {
    const code = pgErrorCode(err);
    if (!(err instanceof Rejection) && !isDataError(code)) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT item');
    stock.restore(saved);
    if (err instanceof Rejection) return err;
    // A receipt number is unique per store (its own store's: revealing nothing about another).
    if (code === PG_UNIQUE_VIOLATION && constraintOf(err) === RECEIPT_NUMBER_UNIQUE) return new Rejection('invalid', 'this receipt number is already used in this store');
    // A Z number is unique per terminal (the terminal's own: revealing nothing about others).
    if (code === PG_UNIQUE_VIOLATION && constraintOf(err) === Z_NUMBER_UNIQUE) return new Rejection('invalid', 'this Z number is already used by another shift of this terminal');
    item.log({ entity: item.entity, uuid: item.uuid, sqlstate: code ?? '', message: err instanceof Error ? err.message : String(err) });
    return notStorable();
  }
}
