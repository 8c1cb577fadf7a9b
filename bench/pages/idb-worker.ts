// Raw IndexedDB with no library, the other baseline: the sale's rows in one readwrite transaction
// with durability 'strict' (committed to disk before `complete`), and a bulk put of the catalog.
// Runs in a worker like the app's database, and times inside it.
import * as Comlink from 'comlink';
import { generateCatalog, searchQueries } from '../shared/catalog-gen.ts';
import { contractSale } from '../shared/sale-fixture.ts';
import { seededUuid } from '../shared/prng.ts';
import { seededRandom } from '../../test-support/seeded-random.ts';
import type { FloorBulkResult, IdbApi, IdbSearchResult, FloorSaleResult } from '../shared/page-protocol.ts';

const IDB_NAME = 'bench-raw-idb';
/** Products per transaction during the bulk put, as for the floor's bulk insert. */
const BULK_ROWS_PER_TX = 1_000;
const SEARCH_LIMIT = 20;
const WARMUP_SALES = 20;
const STORES = ['sales', 'sale_items', 'payments', 'sync_queue', 'products'] as const;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

let database: IDBDatabase | null = null;

async function open(): Promise<IDBDatabase> {
  if (database !== null) return database;
  // A fresh database every run, like the floor's fresh file.
  await new Promise<void>((resolve) => {
    const del = indexedDB.deleteDatabase(IDB_NAME);
    del.onsuccess = del.onerror = del.onblocked = () => resolve();
  });
  const req = indexedDB.open(IDB_NAME, 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    for (const name of STORES) {
      const store = db.createObjectStore(name, name === 'sync_queue' ? { keyPath: 'id', autoIncrement: true } : { keyPath: 'uuid' });
      if (name === 'products') {
        store.createIndex('name_lower', 'name_lower');
        store.createIndex('barcode', 'barcode');
        store.createIndex('sku', 'sku');
      }
      if (name === 'sale_items' || name === 'payments') store.createIndex('sale_uuid', 'sale_uuid');
    }
  };
  database = await request(req);
  return database;
}

const idb: IdbApi = {
  async smallTransactions(count: number): Promise<FloorSaleResult> {
    const db = await open();
    const catalog = generateCatalog(0, 100);
    const random = seededRandom(11);
    const terminalId = seededUuid(random);
    const samples: number[] = [];
    for (let n = 0; n < WARMUP_SALES + count; n++) {
      const createdAt = new Date().toISOString();
      const sale = contractSale(catalog, n, { uuid: () => seededUuid(random), terminalId, createdAt });
      const { lines, payments, ...head } = sale;
      const payload = JSON.stringify(sale);
      const t0 = performance.now();
      const tx = db.transaction(['sales', 'sale_items', 'payments', 'sync_queue'], 'readwrite', { durability: 'strict' });
      const finished = done(tx);
      tx.objectStore('sales').put(head);
      for (const [i, l] of lines.entries()) tx.objectStore('sale_items').put({ ...l, sale_uuid: sale.uuid, line_no: i + 1 });
      for (const p of payments) tx.objectStore('payments').put({ ...p, sale_uuid: sale.uuid });
      tx.objectStore('sync_queue').put({ entity_type: 'Sale', entity_uuid: sale.uuid, action: 'CREATE', payload, status: 0, retry_count: 0, created_at: createdAt });
      await finished;
      if (n >= WARMUP_SALES) samples.push(performance.now() - t0);
    }
    return { samples };
  },

  async bulkPut(total: number): Promise<FloorBulkResult> {
    const db = await open();
    let generateMs = 0;
    const t0 = performance.now();
    for (let from = 0; from < total; from += BULK_ROWS_PER_TX) {
      const g0 = performance.now();
      const rows = generateCatalog(from, Math.min(BULK_ROWS_PER_TX, total - from));
      generateMs += performance.now() - g0;
      const tx = db.transaction('products', 'readwrite', { durability: 'strict' });
      const finished = done(tx);
      const store = tx.objectStore('products');
      for (const p of rows) store.put({ ...p, name_lower: p.name.toLowerCase() });
      await finished;
    }
    return { rows: total, elapsedMs: performance.now() - t0 - generateMs, rowsPerTx: BULK_ROWS_PER_TX };
  },

  async search(queryCount: number): Promise<IdbSearchResult> {
    const db = await open();
    const samples: number[] = [];
    let rows = 0;
    for (const q of searchQueries(queryCount)) {
      const lower = q.toLowerCase();
      const t0 = performance.now();
      const tx = db.transaction('products', 'readonly');
      const found = await request(tx.objectStore('products').index('name_lower').getAll(IDBKeyRange.bound(lower, `${lower}\uffff`), SEARCH_LIMIT));
      samples.push(performance.now() - t0);
      rows += found.length;
    }
    return { samples, rowsReturned: rows };
  },

  close(): Promise<void> {
    database?.close();
    database = null;
    return Promise.resolve();
  },
};

Comlink.expose(idb);
