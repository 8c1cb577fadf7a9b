// Stock moves of one upstream batch, summed per product and appended once at the end of the batch to
// the stock-move log (no lock); fold-stock.ts turns the log into the versioned stock rows.
import type { Sql } from '../db/database.ts';

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
    const entries = [...this.deltas].filter(([, d]) => d !== 0);
    if (entries.length === 0) return;
    await tx.query(
      `INSERT INTO stock_moves (store_id, product_uuid, delta) SELECT $1, d.product_uuid, d.delta FROM unnest($2::uuid[], $3::bigint[]) AS d(product_uuid, delta)`,
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
