// A worker for the first-sync crash test (catalog-bulk-load.browser.test.ts): the real openDatabase
// on OPFS and the real pullAll, fed by a hub in this worker that serves a seeded catalog page by
// page (the network is not what is tested; the database's state when the worker is killed is).
// The test terminates this worker at random moments and checks what the next one finds.
import { expose } from 'comlink';
import type { Product } from '@ezo/contract/catalog';
import { openDatabase, type OpenDatabase } from '../open-database.ts';
import { pullAll } from '../../sync/pull.ts';
import { BULK_LOAD_KEY } from '../../sync/catalog-bulk-load.ts';
import type { HubClient, HubOutcome } from '../../sync/hub-client.ts';
import type { StoredPairing } from '../../sync/pairing-store.ts';
import type { SqlConnection, SqlExecutor } from '../../sync/sql-connection.ts';
import { generateCatalog } from '../../../bench/shared/catalog-gen.ts';

/**
 * Rows per page this hub serves, whatever the till asks (a hub may serve fewer): many page
 * transactions, so random kills land inside them as well as in the final one.
 */
const HUB_PAGE_ROWS = 1_000;
/** Products of the hub's catalog renamed again at its end, so later pages update rows of earlier ones. */
export const RENAMED_AGAIN = 200;

export interface BulkSyncState {
  products: number;
  distinctUuids: number;
  /** Rows the word-search index finds for the renamed products' word. */
  renamedMatches: number;
  /** FTS5's own check of the index against the products table ('ok' or the error). */
  ftsCheck: string;
  integrity: string;
  inBulkMode: boolean;
  lastPullAt: string | null;
  /** Products' index and trigger statements (sorted), to compare with a fresh database's. */
  productsSchema: string[];
}

function hubRows(size: number): Product[] {
  const rows = generateCatalog(0, size);
  const renamed = rows.slice(0, RENAMED_AGAIN).map((p, i) => ({ ...p, name: `Renamed Zwieback ${i}` }));
  return [...rows, ...renamed];
}

function localHub(rows: readonly Product[]): HubClient {
  return {
    abortAll: () => undefined,
    send(request): Promise<HubOutcome> {
      const query = new URL(request.url).searchParams;
      const from = Number(query.get('last_synced_at') ?? '0');
      const products = rows.slice(from, from + Math.min(HUB_PAGE_ROWS, Number(query.get('limit'))));
      const to = from + products.length;
      const body = { sync_id: 'crash-test', timestamp: String(to), has_more: to < rows.length, remaining: rows.length - to, changes: { products, categories: [], customers: [], stock: [] } };
      // Through JSON, as a real answer: the pull parses what it gets.
      return Promise.resolve({ kind: 'ok', status: 200, body: JSON.parse(JSON.stringify(body)) as unknown });
    },
  };
}

const PAIRING: StoredPairing = { serverUrl: 'http://hub.invalid', token: 'test', authorised: true, terminal: { id: 't', name: 't', storeId: 's' } } as unknown as StoredPairing;

let database: OpenDatabase | null = null;

/** Posted (outside Comlink) when the run stops before a statement: the test kills the worker then. */
export const HANGING_MESSAGE = 'bulk-sync-probe-hanging';

/**
 * The connection, counting every statement the pull runs; before statement `hangAt` it posts
 * HANGING_MESSAGE and never goes on, so the worker dies with that statement's transaction open.
 */
function counting(conn: SqlConnection, hangAt: number | null, counter: { n: number }): SqlConnection {
  const gate = async (): Promise<void> => {
    counter.n++;
    if (counter.n === hangAt) {
      self.postMessage(HANGING_MESSAGE);
      await new Promise(() => undefined);
    }
  };
  const wrap = (ex: SqlExecutor): SqlExecutor => ({
    exec: async (sql) => (await gate(), ex.exec(sql)),
    run: async (sql, params) => (await gate(), ex.run(sql, params)),
    all: async <T extends object>(sql: string, params?: Parameters<SqlExecutor['all']>[1]) => (await gate(), ex.all<T>(sql, params)),
    get: async <T extends object>(sql: string, params?: Parameters<SqlExecutor['get']>[1]) => (await gate(), ex.get<T>(sql, params)),
  });
  return { ...wrap(conn), transaction: (fn) => conn.transaction((tx) => fn(wrap(tx))), close: () => conn.close(), onCommit: (listener) => conn.onCommit(listener) };
}

async function open(name: string): Promise<OpenDatabase> {
  database ??= await openDatabase({ name, storage: 'opfs' });
  return database;
}

const probe = {
  /**
   * Opens (and so resumes) the database and pulls until the hub has no more (or hangs before
   * statement `hangAt`). Resolves with the pull's kind, when (ms after the call) its last page
   * committed, and the statements it ran: the spans a crash matters in.
   */
  async sync(name: string, catalogSize: number, hangAt: number | null = null): Promise<{ kind: string; lastCommitMs: number | null; statements: number }> {
    const t0 = performance.now();
    const counter = { n: 0 };
    const connection = counting((await open(name)).connection, hangAt, counter);
    let lastCommitMs: number | null = null;
    const onProgress = (progress: { pages: number } | null) => {
      if (progress !== null && progress.pages > 0) lastCommitMs = performance.now() - t0;
    };
    const result = await pullAll({ db: connection, client: localHub(hubRows(catalogSize)), pairing: PAIRING, now: () => Date.now(), stopped: () => false, onProgress });
    return { kind: result.kind, lastCommitMs, statements: counter.n };
  },

  async state(name: string): Promise<BulkSyncState> {
    const { connection: db } = await open(name);
    const counts = await db.get<{ n: number; d: number }>(`SELECT count(*) AS n, count(DISTINCT uuid) AS d FROM products`);
    const renamed = await db.get<{ n: number }>(`SELECT count(*) AS n FROM products_fts WHERE products_fts MATCH '"zwieback"'`);
    let ftsCheck = 'ok';
    try {
      await db.exec(`INSERT INTO products_fts (products_fts, rank) VALUES ('integrity-check', 1)`);
    } catch (error) {
      ftsCheck = error instanceof Error ? error.message : String(error);
    }
    const integrity = await db.get<{ integrity_check: string }>(`PRAGMA integrity_check`);
    const bulk = await db.get<{ n: number }>(`SELECT count(*) AS n FROM settings WHERE key = ?`, [BULK_LOAD_KEY]);
    const pulled = await db.get<{ last_pull_at: string | null }>(`SELECT last_pull_at FROM sync_state`);
    const schema = await db.all<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE tbl_name = 'products' AND sql IS NOT NULL ORDER BY name`);
    return {
      products: counts?.n ?? -1,
      distinctUuids: counts?.d ?? -1,
      renamedMatches: renamed?.n ?? -1,
      ftsCheck,
      integrity: integrity?.integrity_check ?? '?',
      inBulkMode: bulk?.n === 1,
      lastPullAt: pulled?.last_pull_at ?? null,
      productsSchema: schema.map((r) => r.sql),
    };
  },

  async close(): Promise<void> {
    await database?.connection.close();
    database = null;
  },
};

export type BulkSyncProbe = typeof probe;
expose(probe);
