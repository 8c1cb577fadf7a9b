// Every product the till shows, and every product a pull writes, asks whether a local edit of it is
// still pending. Those asks must go through the partial index of pending product edits (schema v5):
// walking sync_queue_due instead costs a scan of every pending sale per product, which is what a
// till that was offline all day holds.
import { describe, expect, it } from 'vitest';
import { openMigratedMemoryDb } from '../../../test-support/memory-db.ts';
import { PRODUCT_COLUMNS } from '../../sync/product-view.ts';
import { PENDING_EDITS_SQL } from '../../sync/product-overlay.ts';
import type { SqlConnection } from '../../sync/sql-connection.ts';

const INDEX = 'sync_queue_pending_product_edits';

async function plan(db: SqlConnection, sql: string, params: (string | number)[] = []): Promise<string> {
  const rows = await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
  return rows.map((r) => r.detail).join('\n');
}

describe('pending product edits', () => {
  it('are looked up on their partial index by the product views and by the pull', async () => {
    const db = await openMigratedMemoryDb();
    expect(await plan(db, `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.uuid = ?`, ['x'])).toContain(`USING COVERING INDEX ${INDEX}`);
    expect(await plan(db, PENDING_EDITS_SQL, [1])).toContain(`USING INDEX ${INDEX}`);
  });

  it('holds product edits only: sales queued offline add nothing to it, and an answered edit leaves it', async () => {
    const db = await openMigratedMemoryDb();
    const queue = `INSERT INTO sync_queue (entity_type, entity_id, action, payload, created_at, idempotency_key) VALUES (?, ?, ?, '{}', '2024-01-01T00:00:00Z', ?)`;
    for (let i = 1; i <= 50; i++) await db.run(queue, ['Sale', i, 'CREATE', `sale-${i}`]);
    await db.run(queue, ['Product', 7, 'UPDATE', 'edit-1']);
    const indexed = async () => (await db.get<{ n: number }>(`SELECT count(*) AS n FROM sync_queue INDEXED BY ${INDEX} WHERE status = 0 AND entity_type = 'Product'`))?.n;
    expect(await indexed()).toBe(1);
    await db.run(`UPDATE sync_queue SET status = 1 WHERE idempotency_key = 'edit-1'`);
    expect(await indexed()).toBe(0);
  });
});
