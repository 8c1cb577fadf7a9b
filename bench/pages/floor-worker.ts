// The floor: raw wa-sqlite with the app's VFS (sync build + OPFSCoopSyncVFS), the app's pragmas
// (src/db/vfs-pragmas.ts: WAL, locking_mode EXCLUSIVE, synchronous FULL, temp_store MEMORY, the page
// cache) and the app's schema, or a plain schema of the same tables without indexes, constraints or
// triggers (the plain floor), and no application code: prepared statements driven straight through the wa-sqlite API. Times are
// taken inside this worker, so they hold SQLite and OPFS only: what no app built on them can beat.
import * as Comlink from 'comlink';
import * as SQLite from '@journeyapps/wa-sqlite';
import factory from '@journeyapps/wa-sqlite/dist/wa-sqlite.mjs';
import wasmUrl from '@journeyapps/wa-sqlite/dist/wa-sqlite.wasm?url';
import { OPFSCoopSyncVFS } from '@journeyapps/wa-sqlite/src/examples/OPFSCoopSyncVFS.js';
import { STORAGE_PRAGMAS } from '../../src/db/vfs-pragmas.ts';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';
import { generateCatalog, searchQueries } from '../shared/catalog-gen.ts';
import { contractSale } from '../shared/sale-fixture.ts';
import { seededUuid } from '../shared/prng.ts';
import { seededRandom } from '../../test-support/seeded-random.ts';
import type { FloorApi, FloorBulkResult, FloorSaleResult, FloorSearchResult } from '../shared/page-protocol.ts';

const VFS_NAME = 'bench-floor-opfs';
const DB_FILE = 'bench-floor.sqlite3';
/** The app-schema floor with temp_store=FILE (SQLite's build default here), to show what temp_store=MEMORY does. */
const TEMP_FILE_DB_FILE = 'bench-floor-tempfile.sqlite3';
/** The plain-schema floor's own file (same VFS and pragmas). */
const PLAIN_DB_FILE = 'bench-floor-plain.sqlite3';
/** Products per transaction in the plain bulk insert: a first sync's page. */
export const PLAIN_BULK_ROWS_PER_TX = 5_000;

/**
 * The plain schema: the same tables and columns the sale and the catalog write, with no index,
 * constraint or trigger beyond the rowid. What SQLite on OPFS costs for the same rows when nothing
 * else is kept in step: the app's schema (UNIQUE uuids, secondary indexes, FTS5) is measured
 * against it as well as against the app-schema floor.
 */
const PLAIN_SCHEMA = `
CREATE TABLE sales (id INTEGER PRIMARY KEY, uuid TEXT, receipt_number TEXT, terminal_id TEXT, shift_uuid TEXT, customer_uuid TEXT, refund_of TEXT, currency TEXT, subtotal INTEGER, discount_total INTEGER, tax_total INTEGER, total INTEGER, note TEXT, created_at TEXT);
CREATE TABLE sale_items (id INTEGER PRIMARY KEY, uuid TEXT, sale_id INTEGER, line_no INTEGER, product_uuid TEXT, name TEXT, sku TEXT, quantity INTEGER, unit_price INTEGER, discount_bp INTEGER, tax_rate_bp INTEGER, tax_included INTEGER, line_subtotal INTEGER, line_discount INTEGER, line_tax INTEGER, line_total INTEGER, refund_of_line TEXT);
CREATE TABLE payments (id INTEGER PRIMARY KEY, uuid TEXT, sale_id INTEGER, method TEXT, amount INTEGER, tendered INTEGER, change INTEGER);
CREATE TABLE sync_queue (id INTEGER PRIMARY KEY, entity_type TEXT, entity_id INTEGER, action TEXT, payload TEXT, status INTEGER DEFAULT 0, retry_count INTEGER DEFAULT 0, created_at TEXT, idempotency_key TEXT, next_attempt_at INTEGER DEFAULT 0, last_error TEXT, completed_at TEXT);
CREATE TABLE products (id INTEGER PRIMARY KEY, uuid TEXT, sku TEXT, barcode TEXT, name TEXT, category_uuid TEXT, price INTEGER, tax_rate_bp INTEGER, tax_included INTEGER, active INTEGER, price_version INTEGER, updated_at TEXT, deleted_at TEXT);
`;
/** Products per transaction during the bulk insert, as the app's pull applies a page. */
export const BULK_ROWS_PER_TX = 1_000;
/** Rows a search returns, as the till's result list shows. */
const SEARCH_LIMIT = 20;
/** Untimed sales before the timed ones: the first commits grow the WAL file. */
const WARMUP_SALES = 20;

const SALE_SQL = {
  sale: `INSERT INTO sales (uuid, receipt_number, terminal_id, shift_uuid, customer_uuid, refund_of, currency, subtotal, discount_total, tax_total, total, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  line: `INSERT INTO sale_items (uuid, sale_id, line_no, product_uuid, name, sku, quantity, unit_price, discount_bp, tax_rate_bp, tax_included, line_subtotal, line_discount, line_tax, line_total, refund_of_line)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  payment: `INSERT INTO payments (uuid, sale_id, method, amount, tendered, change) VALUES (?, ?, ?, ?, ?, ?)`,
  queue: `INSERT INTO sync_queue (entity_type, entity_id, action, payload, created_at, idempotency_key) VALUES ('Sale', ?, 'CREATE', ?, ?, ?)`,
} as const;

const PRODUCT_SQL = `INSERT INTO products (uuid, sku, barcode, name, category_uuid, price, tax_rate_bp, tax_included, active, price_version, updated_at, deleted_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const SEARCH_SQL = {
  like: `SELECT id, uuid, name, price FROM products WHERE name LIKE ? AND active = 1 AND deleted_at IS NULL ORDER BY name COLLATE NOCASE LIMIT ?`,
  fts: `SELECT p.id, p.uuid, p.name, p.price FROM (SELECT rowid, rank FROM products_fts WHERE products_fts MATCH ? ORDER BY rank LIMIT ?) f
        JOIN products p ON p.id = f.rowid WHERE p.active = 1 ORDER BY f.rank LIMIT ?`,
} as const;

/** Calls of smallTransactions so far: each call draws its ids from its own seed (uuids stay unique). */
let saleCalls = 0;
let sqlite3: SQLiteAPI | null = null;
/** The app-schema database, and the plain-schema one (0 until first used). */
let appDb = 0;
let plainDb = 0;
let tempFileDb = 0;
let module: { HEAPU8?: Uint8Array } | null = null;
type Schema = 'app' | 'plain' | 'app-tempfile';

async function loadSqlite(): Promise<SQLiteAPI> {
  if (sqlite3 !== null) return sqlite3;
  const loaded = (await factory({ locateFile: () => wasmUrl })) as { HEAPU8?: Uint8Array };
  module = loaded;
  const api = SQLite.Factory(loaded);
  const vfs = await OPFSCoopSyncVFS.create(VFS_NAME, loaded);
  api.vfs_register(vfs, false);
  sqlite3 = api;
  return api;
}

/** A fresh file every run (figures must not depend on what an earlier run left), the app's pragmas. */
async function openFresh(api: SQLiteAPI, file: string): Promise<number> {
  const root = await navigator.storage.getDirectory();
  for (const suffix of ['', '-wal', '-journal']) await root.removeEntry(file + suffix).catch(() => undefined);
  const handle = await api.open_v2(file, undefined, VFS_NAME);
  await api.exec(handle, STORAGE_PRAGMAS.opfs);
  return handle;
}

/** The API and the database of the schema asked for, opened and created on first use. */
async function open(schema: Schema = 'app'): Promise<SQLiteAPI> {
  const api = await loadSqlite();
  if (schema === 'app' && appDb === 0) {
    appDb = await openFresh(api, DB_FILE);
    for (const m of MIGRATIONS) await api.exec(appDb, `BEGIN IMMEDIATE; ${m.sql}; PRAGMA user_version = ${m.version}; COMMIT;`);
  }
  if (schema === 'app-tempfile' && tempFileDb === 0) {
    tempFileDb = await openFresh(api, TEMP_FILE_DB_FILE);
    // Before the first statement journal: set later it has no effect.
    await api.exec(tempFileDb, 'PRAGMA temp_store = FILE');
    for (const m of MIGRATIONS) await api.exec(tempFileDb, `BEGIN IMMEDIATE; ${m.sql}; PRAGMA user_version = ${m.version}; COMMIT;`);
  }
  if (schema === 'plain' && plainDb === 0) {
    plainDb = await openFresh(api, PLAIN_DB_FILE);
    await api.exec(plainDb, `BEGIN IMMEDIATE; ${PLAIN_SCHEMA}; COMMIT;`);
  }
  db = schema === 'app' ? appDb : schema === 'plain' ? plainDb : tempFileDb;
  return api;
}
/** The database the current measurement runs on (set by open). */
let db = 0;

async function prepare(api: SQLiteAPI, sql: string): Promise<number> {
  for await (const stmt of api.statements(db, sql, { unscoped: true })) return stmt;
  throw new Error(`no statement in ${sql}`);
}

async function runPrepared(api: SQLiteAPI, stmt: number, params: (SQLiteCompatibleType | null)[]): Promise<void> {
  api.bind_collection(stmt, params);
  while ((await api.step(stmt)) === SQLite.SQLITE_ROW) {
    /* inserts return no rows */
  }
  await api.reset(stmt);
}

async function queryPrepared(api: SQLiteAPI, stmt: number, params: (SQLiteCompatibleType | null)[]): Promise<number> {
  api.bind_collection(stmt, params);
  let rows = 0;
  while ((await api.step(stmt)) === SQLite.SQLITE_ROW) {
    api.row(stmt);
    rows++;
  }
  await api.reset(stmt);
  return rows;
}

const bool = (b: boolean): number => (b ? 1 : 0);

async function smallTransactions(schema: Schema, count: number): Promise<FloorSaleResult> {
  const api = await open(schema);
  const catalog = generateCatalog(0, 100);
  const random = seededRandom(7 + saleCalls++);
  const stmts = {
    sale: await prepare(api, SALE_SQL.sale),
    line: await prepare(api, SALE_SQL.line),
    payment: await prepare(api, SALE_SQL.payment),
    queue: await prepare(api, SALE_SQL.queue),
    begin: await prepare(api, 'BEGIN IMMEDIATE'),
    commit: await prepare(api, 'COMMIT'),
  };
  const samples: number[] = [];
  const terminalId = seededUuid(random);
  for (let n = 0; n < WARMUP_SALES + count; n++) {
    const createdAt = new Date().toISOString();
    const sale = contractSale(catalog, n, { uuid: () => seededUuid(random), terminalId, createdAt });
    const payload = JSON.stringify(sale);
    const t0 = performance.now();
    await runPrepared(api, stmts.begin, []);
    await runPrepared(api, stmts.sale, [sale.uuid, sale.receipt_number, sale.terminal_id, null, null, null, sale.currency, sale.subtotal, sale.discount_total, sale.tax_total, sale.total, null, sale.created_at]);
    const saleId = api.last_insert_id(db);
    for (const [i, l] of sale.lines.entries()) {
      await runPrepared(api, stmts.line, [l.uuid, saleId, i + 1, l.product_uuid, l.name, l.sku, l.quantity, l.unit_price, l.discount_bp, l.tax_rate_bp, bool(l.tax_included), l.line_subtotal, l.line_discount, l.line_tax, l.line_total, null]);
    }
    for (const p of sale.payments) await runPrepared(api, stmts.payment, [p.uuid, saleId, p.method, p.amount, p.tendered, p.change]);
    await runPrepared(api, stmts.queue, [saleId, payload, createdAt, sale.uuid]);
    await runPrepared(api, stmts.commit, []);
    if (n >= WARMUP_SALES) samples.push(performance.now() - t0);
  }
  for (const stmt of Object.values(stmts)) await api.finalize(stmt);
  return { samples };
}

async function bulkInsert(schema: Schema, total: number): Promise<FloorBulkResult> {
  const api = await open(schema);
  const rowsPerTx = schema === 'app' ? BULK_ROWS_PER_TX : PLAIN_BULK_ROWS_PER_TX;
  const insert = await prepare(api, PRODUCT_SQL);
  let generateMs = 0;
  const t0 = performance.now();
  for (let from = 0; from < total; from += rowsPerTx) {
    const g0 = performance.now();
    const rows = generateCatalog(from, Math.min(rowsPerTx, total - from));
    generateMs += performance.now() - g0;
    await api.exec(db, 'BEGIN IMMEDIATE');
    for (const p of rows) {
      await runPrepared(api, insert, [p.uuid, p.sku, p.barcode, p.name, p.category_uuid, p.price, p.tax_rate_bp, bool(p.tax_included), bool(p.active), p.price_version, p.updated_at, p.deleted_at]);
    }
    await api.exec(db, 'COMMIT');
  }
  const elapsedMs = performance.now() - t0 - generateMs;
  await api.finalize(insert);
  return { rows: total, elapsedMs, rowsPerTx };
}

const floor: FloorApi = {
  smallTransactions: (count) => smallTransactions('app', count),
  plainSmallTransactions: (count) => smallTransactions('plain', count),
  tempFileSmallTransactions: (count) => smallTransactions('app-tempfile', count),
  bulkInsert: (total) => bulkInsert('app', total),
  plainBulkInsert: (total) => bulkInsert('plain', total),

  async search(queryCount: number): Promise<FloorSearchResult> {
    const api = await open();
    const like = await prepare(api, SEARCH_SQL.like);
    const fts = await prepare(api, SEARCH_SQL.fts);
    const queries = searchQueries(queryCount);
    const likeSamples: number[] = [];
    const ftsSamples: number[] = [];
    let rows = 0;
    for (const q of queries) {
      const t0 = performance.now();
      rows += await queryPrepared(api, like, [`${q}%`, SEARCH_LIMIT]);
      const t1 = performance.now();
      const match = q.split(' ').map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ');
      rows += await queryPrepared(api, fts, [match, SEARCH_LIMIT, SEARCH_LIMIT]);
      const t2 = performance.now();
      likeSamples.push(t1 - t0);
      ftsSamples.push(t2 - t1);
    }
    await api.finalize(like);
    await api.finalize(fts);
    return { likeSamples, ftsSamples, rowsReturned: rows };
  },

  wasmMemoryBytes(): Promise<number | null> {
    return Promise.resolve(module?.HEAPU8?.buffer.byteLength ?? null);
  },

  async close(): Promise<void> {
    for (const handle of [appDb, plainDb, tempFileDb]) if (sqlite3 !== null && handle !== 0) await sqlite3.close(handle);
    appDb = 0;
    plainDb = 0;
    tempFileDb = 0;
    db = 0;
  },
};

Comlink.expose(floor);
