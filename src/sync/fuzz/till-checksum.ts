// A fingerprint of everything a downstream page may change in the till's database: every row of
// every master-data table and the pull cursor. Equal before and after means nothing was applied.
import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../sql-connection.ts';

/** Tables a pull writes (FTS shadow tables follow `products` and are left out). */
const PULLED_TABLES = ['categories', 'products', 'customers', 'stock_levels', 'product_hub_versions', 'staff', 'store_settings'] as const;

export async function tillChecksum(db: SqlExecutor): Promise<string> {
  const hash = createHash('sha256');
  for (const table of PULLED_TABLES) {
    const rows = await db.all(`SELECT * FROM ${table} ORDER BY 1`);
    hash.update(`${table}:${JSON.stringify(rows)}\n`);
  }
  hash.update(JSON.stringify(await db.get(`SELECT cursor, last_pull_at FROM sync_state WHERE id = 1`)));
  return hash.digest('hex');
}

export async function tillCursor(db: SqlExecutor): Promise<string | null> {
  return (await db.get<{ cursor: string | null }>(`SELECT cursor FROM sync_state WHERE id = 1`))?.cursor ?? null;
}
