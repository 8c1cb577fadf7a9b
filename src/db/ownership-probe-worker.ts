// A worker for the database layer's browser tests: the real ownership protocol, the real
// openDatabase on OPFS or IndexedDB, and raw SQL in place of the services, with lock, channel and
// file names of the test's own so concurrent tests never touch the till's database.
import { expose } from 'comlink';
import type { DatabaseInfo, Ownership, StorageKind } from '../api/till-api.ts';
import { registerErrorTransfer } from '../api/error-transfer.ts';
import type { RunResult, SqlRow, SqlValue } from '../sync/sql-connection.ts';
import { openDatabase, type OpenDatabase } from './open-database.ts';
import { DatabaseOwnership } from './ownership.ts';

export interface ProbeConfig {
  name: string;
  lock: string;
  channel: string;
  storage?: StorageKind;
  handoverWaitMs?: number;
}

registerErrorTransfer();

let database: OpenDatabase | null = null;
let ownership: DatabaseOwnership | null = null;
const changes: Ownership[] = [];

function db(): OpenDatabase {
  if (ownership === null) throw new Error('start() first');
  ownership.assertOwner();
  if (database === null) throw new Error('no database');
  return database;
}

const probe = {
  start(config: ProbeConfig): Promise<Ownership> {
    ownership = new DatabaseOwnership(
      {
        async open() {
          database = await openDatabase(config.storage === undefined ? { name: config.name } : { name: config.name, storage: config.storage });
        },
        async close() {
          const current = database;
          database = null;
          await current?.connection.close();
        },
        changed: (next) => changes.push(next),
      },
      { lock: config.lock, channel: config.channel },
      config.handoverWaitMs,
    );
    return ownership.start();
  },
  takeOver: () => (ownership as DatabaseOwnership).takeOver(),
  release: () => (ownership as DatabaseOwnership).release(),
  state: () => Promise.resolve(ownership?.current ?? 'idle'),
  changes: () => Promise.resolve([...changes]),
  info: () => new Promise<DatabaseInfo>((resolve) => resolve(db().info)),
  exec: async (sql: string): Promise<void> => db().connection.exec(sql),
  run: async (sql: string, params: SqlValue[] = []): Promise<RunResult> => db().connection.run(sql, params),
  all: async (sql: string, params: SqlValue[] = []): Promise<SqlRow[]> => db().connection.all(sql, params),
  /** Holds the connection in one transaction for `ms`: a write in flight during a handover. */
  slowWrite: async (sql: string, params: SqlValue[], ms: number): Promise<RunResult> =>
    db().connection.transaction(async (tx) => {
      const result = await tx.run(sql, params);
      await new Promise((resolve) => setTimeout(resolve, ms));
      return result;
    }),
  /**
   * Opens a sync access handle on an OPFS file and closes it after `ms`: another context still
   * holding the database's handle, as a page that is reloading does. Resolves once the handle is held.
   */
  async holdAccessHandle(name: string, ms: number): Promise<void> {
    const root = await navigator.storage.getDirectory();
    const handle = await (await root.getFileHandle(name, { create: true })).createSyncAccessHandle();
    setTimeout(() => handle.close(), ms);
  },
  /** Keeps the worker's thread busy for `ms`: an owner that cannot answer a handover request. */
  block: (ms: number): Promise<void> => {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      /* a stuck worker */
    }
    return Promise.resolve();
  },
  /** Median and 95th percentile of `n` small sale-shaped transactions, in ms. */
  async measureSmallTransactions(n: number): Promise<{ p50: number; p95: number; p99: number }> {
    const { connection } = db();
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await connection.transaction(async (tx) => {
        const uuid = crypto.randomUUID();
        const sale = await tx.run(
          `INSERT INTO sales (uuid, receipt_number, terminal_id, currency, subtotal, discount_total, tax_total, total, created_at)
           VALUES (?, ?, 'bench', 'EUR', 300, 0, 50, 300, ?)`,
          [uuid, `B-${uuid}`, new Date().toISOString()],
        );
        for (let line = 1; line <= 3; line++) {
          await tx.run(
            `INSERT INTO sale_items (uuid, sale_id, line_no, product_uuid, name, sku, quantity, unit_price, discount_bp, tax_rate_bp,
               tax_included, line_subtotal, line_discount, line_tax, line_total)
             VALUES (?, ?, ?, 'p', 'Coffee', 'SKU', 1, 100, 0, 2000, 1, 100, 0, 17, 100)`,
            [crypto.randomUUID(), sale.lastInsertRowId, line],
          );
        }
        await tx.run(`INSERT INTO payments (uuid, sale_id, method, amount, tendered, change) VALUES (?, ?, 'card', 300, NULL, NULL)`, [
          crypto.randomUUID(),
          sale.lastInsertRowId,
        ]);
        await tx.run(
          `INSERT INTO sync_queue (entity_type, entity_id, action, payload, created_at, idempotency_key) VALUES ('Sale', ?, 'CREATE', '{}', ?, ?)`,
          [sale.lastInsertRowId, new Date().toISOString(), uuid],
        );
      });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
  },
};

export type OwnershipProbe = typeof probe;

expose(probe);
