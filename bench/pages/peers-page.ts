// The peers a shop's developer would compare the till with, on the same data as the app (the bench
// catalog and sale): Dexie 4 over IndexedDB, used on the page as most PWA tills use it, and the
// PowerSync web SDK used locally (no sync service), wa-sqlite on OPFS in its own worker as it is
// meant to run. Each is timed on this page, call to resolution, as the app's figures through Comlink
// are. What each stores per sale and how durably is stated in the figures' notes.
import Dexie, { type Table as DexieTable } from 'dexie';
import { PowerSyncDatabase, Schema, Table, WASQLiteVFS, column } from '@powersync/web';
import type { Product } from '@ezo/contract/catalog';
import type { Sale } from '@ezo/contract/sale';
import { generateCatalog, searchQueries } from '../shared/catalog-gen.ts';
import { contractSale } from '../shared/sale-fixture.ts';
import { seededUuid } from '../shared/prng.ts';
import { seededRandom } from '../../test-support/seeded-random.ts';
import type { PeerApi, PeerBulkResult, PeerInfo, PeerSaleResult, PeerSearchResult } from '../shared/page-protocol.ts';

/** Rows per write transaction in the bulk load: a first sync's page, as the app writes them. */
const BULK_ROWS_PER_TX = 5_000;
const SEARCH_LIMIT = 20;
const WARMUP_SALES = 20;
const WARMUP_SEARCHES = 20;
/** Products the sales draw their lines from, as for the app's sales. */
const SALE_PRODUCTS = 200;
const DEXIE_NAME = 'bench-peer-dexie';
const POWERSYNC_FILE = 'bench-peer-powersync.db';

function saleIds(seed: number) {
  const random = seededRandom(seed);
  return { uuid: () => seededUuid(random), terminalId: seededUuid(random), createdAt: new Date().toISOString() };
}

function prefixEnd(q: string): string {
  return `${q}\uffff`;
}

// ---- Dexie 4 ----------------------------------------------------------------------------------

interface DexieProduct extends Product {
  name_lower: string;
}
type SaleRow = Omit<Sale, 'lines' | 'payments'>;
type LineRow = Sale['lines'][number] & { sale_uuid: string };
type PaymentRow = Sale['payments'][number] & { sale_uuid: string };
interface OutboxRow {
  id?: number;
  entity: 'Sale';
  entity_uuid: string;
  payload: string;
  created_at: string;
}

class PeerDexie extends Dexie {
  products!: DexieTable<DexieProduct, string>;
  sales!: DexieTable<SaleRow, string>;
  sale_items!: DexieTable<LineRow, string>;
  payments!: DexieTable<PaymentRow, string>;
  outbox!: DexieTable<OutboxRow, number>;
  constructor() {
    // Strict durability: a committed sale is on disk before the transaction completes, as the app's
    // synchronous FULL commit is (Chromium's default is relaxed).
    super(DEXIE_NAME, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      products: 'uuid, name_lower, barcode, sku',
      sales: 'uuid, created_at',
      sale_items: 'uuid, sale_uuid, product_uuid',
      payments: 'uuid, sale_uuid',
      outbox: '++id, entity_uuid',
    });
  }
}

let dexie: PeerDexie | null = null;
async function openDexie(): Promise<PeerDexie> {
  if (dexie !== null) return dexie;
  await Dexie.delete(DEXIE_NAME);
  dexie = new PeerDexie();
  await dexie.open();
  return dexie;
}

const dexieApi: PeerApi = {
  info(): Promise<PeerInfo> {
    return Promise.resolve({ name: 'dexie', version: Dexie.semVer, storage: 'IndexedDB (on the page)', durability: 'transactions with durability strict', journal: null });
  },
  async sales(count): Promise<PeerSaleResult> {
    const db = await openDexie();
    const catalog = generateCatalog(0, SALE_PRODUCTS);
    const ids = saleIds(17);
    const samples: number[] = [];
    for (let n = 0; n < WARMUP_SALES + count; n++) {
      const { lines, payments, ...sale } = contractSale(catalog, n, ids);
      const t0 = performance.now();
      await db.transaction('rw', [db.sales, db.sale_items, db.payments, db.outbox], async () => {
        await db.sales.add(sale);
        await db.sale_items.bulkAdd(lines.map((l) => ({ ...l, sale_uuid: sale.uuid })));
        await db.payments.bulkAdd(payments.map((p) => ({ ...p, sale_uuid: sale.uuid })));
        await db.outbox.add({ entity: 'Sale', entity_uuid: sale.uuid, payload: JSON.stringify({ ...sale, lines, payments }), created_at: sale.created_at });
      });
      if (n >= WARMUP_SALES) samples.push(performance.now() - t0);
    }
    return { samples };
  },
  async bulk(total): Promise<PeerBulkResult> {
    const db = await openDexie();
    let elapsedMs = 0;
    for (let from = 0; from < total; from += BULK_ROWS_PER_TX) {
      const rows = generateCatalog(from, Math.min(BULK_ROWS_PER_TX, total - from)).map((p) => ({ ...p, name_lower: p.name.toLowerCase() }));
      const t0 = performance.now();
      await db.transaction('rw', db.products, () => db.products.bulkPut(rows));
      elapsedMs += performance.now() - t0;
    }
    return { rows: total, elapsedMs, rowsPerTx: BULK_ROWS_PER_TX };
  },
  async search(queryCount): Promise<PeerSearchResult> {
    const db = await openDexie();
    const run = (q: string) => db.products.where('name_lower').between(q, prefixEnd(q), true, false).limit(SEARCH_LIMIT).toArray();
    for (const q of searchQueries(WARMUP_SEARCHES, 4_242)) await run(q.toLowerCase());
    const samples: number[] = [];
    let rows = 0;
    for (const q of searchQueries(queryCount)) {
      const t0 = performance.now();
      rows += (await run(q.toLowerCase())).length;
      samples.push(performance.now() - t0);
    }
    return { samples, rowsReturned: rows };
  },
  close() {
    dexie?.close();
    dexie = null;
    return Promise.resolve();
  },
};

// ---- PowerSync web, local only ----------------------------------------------------------------

/**
 * The catalog as a local-only table (a sync service would write it; without one, local inserts
 * that queue no upload are the nearest), with the indexes the search needs; the sale's tables as
 * synced tables, so each insert also queues its upload in ps_crud, PowerSync's outbox.
 */
const schema = new Schema({
  products: new Table(
    { uuid: column.text, sku: column.text, barcode: column.text, name: column.text, name_lower: column.text, category_uuid: column.text, price: column.integer, tax_rate_bp: column.integer, tax_included: column.integer, active: column.integer, price_version: column.integer, updated_at: column.text, deleted_at: column.text },
    { localOnly: true, indexes: { name_lower: ['name_lower'], barcode: ['barcode'], sku: ['sku'] } },
  ),
  sales: new Table({ receipt_number: column.text, terminal_id: column.text, currency: column.text, subtotal: column.integer, discount_total: column.integer, tax_total: column.integer, total: column.integer, created_at: column.text }),
  sale_items: new Table(
    { sale_id: column.text, product_uuid: column.text, name: column.text, sku: column.text, quantity: column.integer, unit_price: column.integer, discount_bp: column.integer, tax_rate_bp: column.integer, tax_included: column.integer, line_subtotal: column.integer, line_discount: column.integer, line_tax: column.integer, line_total: column.integer },
    { indexes: { sale: ['sale_id'] } },
  ),
  payments: new Table({ sale_id: column.text, method: column.text, amount: column.integer, tendered: column.integer, change: column.integer }, { indexes: { sale: ['sale_id'] } }),
});

let powersync: InstanceType<typeof PowerSyncDatabase> | null = null;
async function openPowerSync(): Promise<InstanceType<typeof PowerSyncDatabase>> {
  if (powersync !== null) return powersync;
  const root = await navigator.storage.getDirectory();
  for (const suffix of ['', '-wal', '-journal']) await root.removeEntry(POWERSYNC_FILE + suffix).catch(() => undefined);
  powersync = new PowerSyncDatabase({
    schema,
    // One tab, a dedicated worker, OPFS with the same VFS as the app; cache and temp_store are the SDK's defaults.
    database: { dbFilename: POWERSYNC_FILE, vfs: WASQLiteVFS.OPFSCoopSyncVFS, enableMultiTabs: false, useWebWorker: true },
  });
  await powersync.init();
  return powersync;
}

const LINE_SQL = `INSERT INTO sale_items (id, sale_id, product_uuid, name, sku, quantity, unit_price, discount_bp, tax_rate_bp, tax_included, line_subtotal, line_discount, line_tax, line_total)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const PRODUCT_SQL = `INSERT INTO products (id, uuid, sku, barcode, name, name_lower, category_uuid, price, tax_rate_bp, tax_included, active, price_version, updated_at, deleted_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const powersyncApi: PeerApi = {
  async info(): Promise<PeerInfo> {
    const db = await openPowerSync();
    const journal = await db.get<{ journal_mode: string }>('PRAGMA journal_mode');
    const sync = await db.get<{ synchronous: number }>('PRAGMA synchronous');
    const version = await db.get<{ v: string }>('SELECT powersync_rs_version() AS v').catch(() => ({ v: '?' }));
    return { name: 'powersync', version: `@powersync/web (core ${version.v})`, storage: 'wa-sqlite, OPFSCoopSyncVFS, in its dedicated worker', durability: `synchronous ${sync.synchronous}`, journal: journal.journal_mode };
  },
  async sales(count): Promise<PeerSaleResult> {
    const db = await openPowerSync();
    const catalog = generateCatalog(0, SALE_PRODUCTS);
    const ids = saleIds(17);
    const samples: number[] = [];
    for (let n = 0; n < WARMUP_SALES + count; n++) {
      const sale = contractSale(catalog, n, ids);
      const t0 = performance.now();
      await db.writeTransaction(async (tx) => {
        await tx.execute(`INSERT INTO sales (id, receipt_number, terminal_id, currency, subtotal, discount_total, tax_total, total, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
          sale.uuid, sale.receipt_number, sale.terminal_id, sale.currency, sale.subtotal, sale.discount_total, sale.tax_total, sale.total, sale.created_at,
        ]);
        for (const l of sale.lines) {
          await tx.execute(LINE_SQL, [l.uuid, sale.uuid, l.product_uuid, l.name, l.sku, l.quantity, l.unit_price, l.discount_bp, l.tax_rate_bp, l.tax_included ? 1 : 0, l.line_subtotal, l.line_discount, l.line_tax, l.line_total]);
        }
        for (const p of sale.payments) await tx.execute(`INSERT INTO payments (id, sale_id, method, amount, tendered, change) VALUES (?, ?, ?, ?, ?, ?)`, [p.uuid, sale.uuid, p.method, p.amount, p.tendered, p.change]);
      });
      if (n >= WARMUP_SALES) samples.push(performance.now() - t0);
    }
    return { samples };
  },
  async bulk(total): Promise<PeerBulkResult> {
    const db = await openPowerSync();
    let elapsedMs = 0;
    for (let from = 0; from < total; from += BULK_ROWS_PER_TX) {
      const rows = generateCatalog(from, Math.min(BULK_ROWS_PER_TX, total - from)).map((p) => [
        p.uuid, p.uuid, p.sku, p.barcode, p.name, p.name.toLowerCase(), p.category_uuid, p.price, p.tax_rate_bp, p.tax_included ? 1 : 0, p.active ? 1 : 0, p.price_version, p.updated_at, p.deleted_at,
      ]);
      const t0 = performance.now();
      // executeBatch: one prepared statement run for every row in the worker, the SDK's bulk path.
      await db.writeTransaction((tx) => tx.executeBatch(PRODUCT_SQL, rows));
      elapsedMs += performance.now() - t0;
    }
    return { rows: total, elapsedMs, rowsPerTx: BULK_ROWS_PER_TX };
  },
  async search(queryCount): Promise<PeerSearchResult> {
    const db = await openPowerSync();
    const sql = `SELECT id, uuid, name, price FROM products WHERE name_lower >= ? AND name_lower < ? ORDER BY name_lower LIMIT ?`;
    const run = (q: string) => db.getAll(sql, [q, prefixEnd(q), SEARCH_LIMIT]);
    for (const q of searchQueries(WARMUP_SEARCHES, 4_242)) await run(q.toLowerCase());
    const samples: number[] = [];
    let rows = 0;
    for (const q of searchQueries(queryCount)) {
      const t0 = performance.now();
      rows += (await run(q.toLowerCase())).length;
      samples.push(performance.now() - t0);
    }
    const plan = await db.getAll<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, ['a', 'b', SEARCH_LIMIT]);
    return { samples, rowsReturned: rows, plan: plan.map((p) => p.detail).join('; ') };
  },
  async close() {
    await powersync?.close();
    powersync = null;
  },
};

window.benchPeers = { dexie: dexieApi, powersync: powersyncApi };
