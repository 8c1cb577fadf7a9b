// Stock moves of one upstream batch, summed per product and written once at the end of the batch:
// stock rows are versioned, so writing them takes the commit-order lock, and taking it last keeps it short.
import type { Sql } from '../db/database';

export class StockDeltas {
  private readonly deltas = new Map<string, number>();

  add(productUuid: string, delta: number): void {
    this.deltas.set(productUuid, (this.deltas.get(productUuid) ?? 0) + delta);
  }

  /** A copy to restore when an item's savepoint is rolled back. */
  snapshot(): Map<string, number> {
    return new Map(this.deltas);
  }

  restore(saved: Map<string, number>): void {
    this.deltas.clear();
    for (const [k, v] of saved) this.deltas.set(k, v);
  }

  async apply(tx: Sql, storeId: string): Promise<void> {
    // Sorted so concurrent batches lock stock rows in one order (they also serialise on the advisory lock).
    const entries = [...this.deltas].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : 1));
    if (entries.length === 0) return;
    await applyStockDeltas(tx, storeId, entries);
  }
}

export async function applyStockDeltas(tx: Sql, storeId: string, entries: readonly (readonly [string, number])[]): Promise<void> {
  await tx.query(
    `INSERT INTO stock (store_id, product_uuid, quantity)
     SELECT $1, d.product_uuid, d.delta FROM unnest($2::uuid[], $3::bigint[]) AS d(product_uuid, delta)
     ON CONFLICT (store_id, product_uuid) DO UPDATE SET quantity = stock.quantity + excluded.quantity`,
    [storeId, entries.map(([p]) => p), entries.map(([, d]) => d)],
  );
}
