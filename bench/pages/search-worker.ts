// Search timed inside a worker, through the app's own code: openDatabase() (the app's VFS, pragmas
// and migrations) on a bench file, the catalog written as a first sync writes it (applyPage's bulk
// path: pages of 5,000, FTS rebuilt and merged and the indexes built at the end), and the
// data service's searchProducts timed with performance.now() here, so no Comlink round trip or
// page work is in the figure. The app itself exposes no timing from inside its worker.
import * as Comlink from 'comlink';
import { openDatabase, type OpenDatabase } from '../../src/db/open-database.ts';
import { createTillDataService } from '../../src/db/till-data-service.ts';
import { applyPage } from '../../src/sync/apply-page.ts';
import { insertSale } from '../../src/db/repos/sale-store.ts';
import { systemClock, type TillDataApi } from '../../src/api/service-parts.ts';
import { MAX_DOWNSTREAM_LIMIT } from '@ezo/contract/limits';
import { generateCatalog } from '../shared/catalog-gen.ts';
import { labelledSearchQueries } from '../shared/search-queries.ts';
import { BENCH_STAFF_ID, contractSale } from '../shared/sale-fixture.ts';
import { seededUuid } from '../shared/prng.ts';
import { seededRandom } from '../../test-support/seeded-random.ts';
import type { SearchWorkerApi, WorkerSearchSample } from '../shared/page-protocol.ts';
import type { Product } from '@ezo/contract/catalog';

/** Not the till's file: the bench never touches a real till's database. */
const DB_FILE = 'bench-search.sqlite3';
/** Rows generated at a time: the catalog generator is seeded per chunk, as the hub's seeding is. */
const GENERATE_CHUNK = 1_000;
/** Rows per transaction: one full pull page, as a first sync applies it. */
const ROWS_PER_TX = MAX_DOWNSTREAM_LIMIT;
/** Rows a search returns, as the till's result list asks. */
const SEARCH_LIMIT = 20;
/** Pending sales written per transaction (setup, not timed). */
const SALES_PER_TX = 500;
/** Products the pending sales draw their lines from. */
const SALE_PRODUCTS = 200;
/** Untimed searches first (another seed's list): statement preparation and the JIT warm up. */
const WARMUP_QUERIES = 50;
const WARMUP_SEED = 7_777;

/** Every WebAssembly.Memory instantiated in this worker: SQLite's heap, page cache included. */
const memories: WebAssembly.Memory[] = [];
const keep = (instance: WebAssembly.Instance) => {
  for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memories.push(value);
};
const streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source, imports) => {
  const result = await streaming(source, imports);
  keep(result.instance);
  return result;
};
const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (bytes: BufferSource, imports?: WebAssembly.Imports) => Promise<WebAssembly.WebAssemblyInstantiatedSource>;
(WebAssembly as { instantiate: unknown }).instantiate = async (bytes: BufferSource, imports?: WebAssembly.Imports) => {
  const result = await instantiate(bytes, imports);
  if ('instance' in result) keep(result.instance);
  return result;
};

let open: { database: OpenDatabase; data: TillDataApi } | null = null;

async function removeOldFile(): Promise<void> {
  // A fresh file every run: the figures must not depend on what an earlier run left.
  const root = await navigator.storage.getDirectory();
  for (const suffix of ['', '-wal', '-journal']) await root.removeEntry(DB_FILE + suffix).catch(() => undefined);
}

function required(): { database: OpenDatabase; data: TillDataApi } {
  if (open === null) throw new Error('load() first');
  return open;
}

const api: SearchWorkerApi = {
  async load(catalogSize, pendingSales) {
    if (open !== null) throw new Error('already loaded');
    await removeOldFile();
    const database = await openDatabase({ name: DB_FILE, storage: 'opfs' });
    const data = createTillDataService(database.connection, {
      clock: systemClock,
      newUuid: () => crypto.randomUUID(),
      terminal: () => Promise.resolve(null),
      onQueued: () => undefined,
      actor: () => ({ staffId: BENCH_STAFF_ID, approvedBy: null }),
    });
    open = { database, data };
    const t0 = performance.now();
    for (let from = 0; from < catalogSize; from += ROWS_PER_TX) {
      const rows: Product[] = [];
      for (let c = from; c < Math.min(from + ROWS_PER_TX, catalogSize); c += GENERATE_CHUNK) rows.push(...generateCatalog(c, Math.min(GENERATE_CHUNK, catalogSize - c)));
      const last = from + ROWS_PER_TX >= catalogSize;
      const page = { sync_id: 'bench', timestamp: String(from + rows.length), has_more: !last, changes: { products: rows, categories: [], customers: [], stock: [], staff: [], store_settings: [] } };
      await applyPage(database.connection, page, last ? new Date().toISOString() : null, { enter: from === 0, finish: last });
    }
    const elapsedMs = performance.now() - t0;
    // The outbox as a till holds it after a day offline: every search result asks it about the product.
    const saleCatalog = generateCatalog(0, Math.min(SALE_PRODUCTS, catalogSize));
    const random = seededRandom(11);
    const ids = { uuid: () => seededUuid(random), terminalId: seededUuid(random), createdAt: new Date().toISOString() };
    for (let from = 0; from < pendingSales; from += SALES_PER_TX) {
      await database.connection.transaction(async (tx) => {
        for (let n = from; n < Math.min(from + SALES_PER_TX, pendingSales); n++) await insertSale(tx, contractSale(saleCatalog, n, ids));
      });
    }
    const { storage, vfs, journalMode, schemaVersion } = database.info;
    return { rows: catalogSize, elapsedMs, rowsPerTx: ROWS_PER_TX, pendingSales, database: { storage, vfs, journalMode, schemaVersion } };
  },

  async search(queryCount, catalogSize) {
    const { data } = required();
    for (const q of labelledSearchQueries(WARMUP_QUERIES, catalogSize, WARMUP_SEED)) await data.searchProducts(q.text, SEARCH_LIMIT);
    const samples: WorkerSearchSample[] = [];
    for (const q of labelledSearchQueries(queryCount, catalogSize)) {
      const t0 = performance.now();
      const found = await data.searchProducts(q.text, SEARCH_LIMIT);
      samples.push({ kind: q.kind, text: q.text, ms: performance.now() - t0, rows: found.length });
    }
    const wasm = memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
    return { samples, crossOriginIsolated: self.crossOriginIsolated, wasmMemoryBytes: memories.length === 0 ? null : wasm };
  },

  async close() {
    const current = open;
    open = null;
    await current?.database.connection.close();
  },
};

Comlink.expose(api);
