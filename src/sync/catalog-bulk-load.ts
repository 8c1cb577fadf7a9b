// First sync into an empty catalog without maintaining the product indexes and the word-search
// index row by row. Measured at 100k products on OPFS: every product UPSERT fired the FTS5 insert
// trigger (prefix indexes 2..8) and updated four secondary indexes in random order; loading the rows
// bare, then one FTS 'rebuild' and building the indexes once, sorted, is several times faster.
//
// Crash safety: the bulk state is the schema itself plus one settings row, all changed in
// transactions that also hold data:
//   enter   (with the first page):  products' triggers and secondary indexes dropped, their exact
//                                   CREATE statements stored in settings[BULK_LOAD_KEY]
//   pages   (each with its cursor): rows only
//   finish  (with the final cursor and last_pull_at): FTS 'rebuild' and 'optimize', the stored
//                                   statements run again, the settings row deleted
// A crash leaves either the state before a transaction or after it. A restart that finds the
// settings row is still in bulk mode and resumes from the stored cursor; the pull that completes
// runs `finish` (pull.ts). The UNIQUE index on uuid is never dropped, so a resumed page that repeats
// rows upserts them and never duplicates one.
//
// While in bulk mode search still answers from the rows (by table scan, and the FTS index is
// empty); that only lasts while the first sync runs, before which the till had no catalog at all.
import type { SqlExecutor } from './sql-connection.ts';

/** settings key whose value (JSON array of SQL) marks bulk mode and holds what to recreate. */
export const BULK_LOAD_KEY = 'catalog_bulk_load';
/** The word-search index over `products` (external content: rebuilt from the table). */
const PRODUCTS_FTS = 'products_fts';

interface SchemaItem {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/** Secondary indexes and triggers of `products`; the UNIQUE autoindex (sql NULL) is not among them. */
async function productsSchemaItems(tx: SqlExecutor): Promise<SchemaItem[]> {
  return tx.all<SchemaItem>(
    `SELECT type, name, sql FROM sqlite_master
     WHERE tbl_name = 'products' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`,
  );
}

/** The statements stored when bulk mode began, or null when not in bulk mode. */
export async function bulkLoadStatements(db: SqlExecutor): Promise<SchemaItem[] | null> {
  const row = await db.get<{ value: string }>(`SELECT value FROM settings WHERE key = ?`, [BULK_LOAD_KEY]);
  return row === undefined ? null : (JSON.parse(row.value) as SchemaItem[]);
}

export async function catalogIsEmpty(db: SqlExecutor): Promise<boolean> {
  const row = await db.get<{ any: number }>(`SELECT EXISTS (SELECT 1 FROM products) AS any`);
  return row?.any !== 1;
}

/** Drops products' triggers and secondary indexes, remembering them. Runs inside the first page's transaction. */
export async function enterBulkLoad(tx: SqlExecutor): Promise<void> {
  const items = await productsSchemaItems(tx);
  for (const item of items) await tx.exec(`DROP ${item.type === 'index' ? 'INDEX' : 'TRIGGER'} "${item.name.replace(/"/g, '""')}"`);
  await tx.run(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [BULK_LOAD_KEY, JSON.stringify(items)]);
}

/**
 * Rebuilds the word-search index from the rows (and merges it into one segment), recreates what enterBulkLoad dropped (indexes
 * first, then the triggers that keep FTS in step from now on) and leaves bulk mode. Runs inside
 * the transaction that stores the final cursor. An item a migration meanwhile recreated is skipped.
 */
export async function finishBulkLoad(tx: SqlExecutor): Promise<void> {
  const items = (await bulkLoadStatements(tx)) ?? [];
  const present = new Set((await productsSchemaItems(tx)).map((i) => i.name));
  await tx.exec(`INSERT INTO ${PRODUCTS_FTS} (${PRODUCTS_FTS}) VALUES ('rebuild')`);
  // 'rebuild' leaves many segments (word queries at 100k: ~1.4 ms of CPU against ~0.7 ms merged);
  // merged here, the rebuilt pages are merged in the page cache instead of written twice.
  await optimizeWordSearch(tx);
  for (const item of [...items.filter((i) => i.type === 'index'), ...items.filter((i) => i.type === 'trigger')]) {
    if (!present.has(item.name)) await tx.exec(item.sql);
  }
  await tx.run(`DELETE FROM settings WHERE key = ?`, [BULK_LOAD_KEY]);
}

/** Product rows a pull may write before its word-search index is merged into fewer segments. */
export const FTS_OPTIMIZE_AFTER_ROWS = 5_000;

/**
 * Merges the word-search index into one segment. Each committed transaction that wrote products
 * leaves FTS5 at least one new segment; after a large pull thousands of them made every word
 * query visit each (p95 1.2 ms against 0.74 ms after 'optimize', 100k products).
 */
export async function optimizeWordSearch(tx: SqlExecutor): Promise<void> {
  await tx.exec(`INSERT INTO ${PRODUCTS_FTS} (${PRODUCTS_FTS}) VALUES ('optimize')`);
}
