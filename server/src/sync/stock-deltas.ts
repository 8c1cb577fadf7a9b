// Stock moves of one upstream batch, summed per product and appended once at the end of the batch to
// the stock-move log (no lock); fold-stock.ts turns the log into the versioned stock rows.
//
// Bounds: no item may take a product's figure in the store past ±MAX_STOCK (the figure the till's
// contract expects). The figure an item is checked against is the stock row, plus the moves not yet
// folded, plus this batch's items so far; an item that moves the figure toward zero always passes.
// Batches in flight at the same time cannot see each other's moves, so the stored figure can end
// beyond MAX_STOCK by at most what those batches carry; the contract's StockLevel allows any safe
// integer, far beyond, so the hub never serves a page the till refuses (see server/README.md).
import { MAX_STOCK } from '@ezo/contract/limits';
import type { Sql } from '../db/database.ts';
import { Rejection } from './item-outcome.ts';

export class StockDeltas {
  private readonly deltas = new Map<string, number>();
  /** The part of `deltas` already written to the log (ingest-sales-bulk.ts writes its own moves). */
  private applied = new Map<string, number>();
  /** The figure of each product this batch touches, as committed (stock row plus unfolded moves), keyed by lower-case uuid. */
  private readonly base = new Map<string, number>();

  /** The committed figures of the batch's products (ingest-batch.ts reads them); without them, every product counts from 0. */
  setBase(figures: readonly (readonly [string, number])[]): void {
    for (const [product, quantity] of figures) this.base.set(product.toLowerCase(), quantity);
  }

  add(productUuid: string, delta: number): void {
    const key = productUuid.toLowerCase();
    this.deltas.set(key, (this.deltas.get(key) ?? 0) + delta);
  }

  /** The figure the product would have with `moves` added: throws the item's Rejection when past ±MAX_STOCK and further from 0 than now. */
  check(moves: readonly (readonly [string, number])[]): void {
    const after = new Map<string, number>();
    for (const [uuid, delta] of moves) {
      const product = uuid.toLowerCase();
      after.set(product, (after.get(product) ?? this.figure(product)) + delta);
    }
    for (const [product, figure] of after) {
      if (Math.abs(figure) > MAX_STOCK && Math.abs(figure) > Math.abs(this.figure(product))) {
        throw new Rejection('invalid', `the stock of product ${product} would reach ${figure}, beyond the limit of ±${MAX_STOCK}`);
      }
    }
  }

  /** check(), then add() each move. */
  addChecked(moves: readonly (readonly [string, number])[]): void {
    this.check(moves);
    for (const [product, delta] of moves) this.add(product, delta);
  }

  private figure(key: string): number {
    return (this.base.get(key) ?? 0) + (this.deltas.get(key) ?? 0);
  }

  /** Counts the moves so far as written: apply() writes only what is added after. */
  markApplied(): void {
    this.applied = new Map(this.deltas);
  }

  /** A copy to restore when an item's savepoint is rolled back. */
  snapshot(): Map<string, number> {
    return new Map(this.deltas);
  }

  restore(saved: Map<string, number>): void {
    this.deltas.clear();
    for (const [k, v] of saved) this.deltas.set(k, v);
  }

  /**
   * Records the moves. An open-price product ("Misc 19 %", any item at a typed price) is not a stock item:
   * its moves are not recorded, so it never gets a stock row (the tills do not count it either).
   */
  async apply(tx: Sql, storeId: string): Promise<void> {
    const entries = [...this.deltas].map(([p, d]): [string, number] => [p, d - (this.applied.get(p) ?? 0)]).filter(([, d]) => d !== 0);
    if (entries.length === 0) return;
    await tx.query(
      `INSERT INTO stock_moves (store_id, product_uuid, delta)
       SELECT $1, d.product_uuid, d.delta FROM unnest($2::uuid[], $3::bigint[]) AS d(product_uuid, delta)
        WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.uuid = d.product_uuid AND p.open_price)`,
      [storeId, entries.map(([p]) => p), entries.map(([, d]) => d)],
    );
  }
}

/** Writes stock rows directly (versioned, takes the commit-order lock): for seeding. */
export async function applyStockDeltas(tx: Sql, storeId: string, entries: readonly (readonly [string, number])[]): Promise<void> {
  await tx.query(
    `INSERT INTO stock (store_id, product_uuid, quantity)
     SELECT $1, d.product_uuid, d.delta FROM unnest($2::uuid[], $3::bigint[]) AS d(product_uuid, delta)
     ON CONFLICT (store_id, product_uuid) DO UPDATE SET quantity = stock.quantity + excluded.quantity`,
    [storeId, entries.map(([p]) => p), entries.map(([, d]) => d)],
  );
}
