// What the bench pages expose on `window` for the runner (bench/run.ts) to call with
// page.evaluate, and what the bench workers answer. Only plain data crosses: samples in ms.

export interface FloorSaleResult {
  /** One duration per committed small transaction, in ms. */
  samples: number[];
}

export interface FloorBulkResult {
  rows: number;
  /** Time spent inserting and committing; generating the rows is excluded. */
  elapsedMs: number;
  rowsPerTx: number;
}

export interface FloorSearchResult {
  /** `name LIKE 'q%'` over the NOCASE index, ms per query. */
  likeSamples: number[];
  /** FTS5 prefix query joined to products, ms per query. */
  ftsSamples: number[];
  rowsReturned: number;
}

export interface IdbSearchResult {
  /** getAll over a lower-cased name index range, ms per query. */
  samples: number[];
  rowsReturned: number;
}

export interface FloorApi {
  smallTransactions(count: number): Promise<FloorSaleResult>;
  /** The same transaction on the plain schema (no index, constraint or trigger beyond rowids). */
  plainSmallTransactions(count: number): Promise<FloorSaleResult>;
  /** The app-schema transaction on a database opened with temp_store=FILE (statement journals on OPFS). */
  tempFileSmallTransactions(count: number): Promise<FloorSaleResult>;
  bulkInsert(total: number): Promise<FloorBulkResult>;
  /** The catalog into a plain products table, 5,000 rows per transaction. */
  plainBulkInsert(total: number): Promise<FloorBulkResult>;
  search(queryCount: number): Promise<FloorSearchResult>;
  wasmMemoryBytes(): Promise<number | null>;
  close(): Promise<void>;
}

export interface IdbApi {
  smallTransactions(count: number): Promise<FloorSaleResult>;
  bulkPut(total: number): Promise<FloorBulkResult>;
  search(queryCount: number): Promise<IdbSearchResult>;
  close(): Promise<void>;
}

/** window.benchBaselines on bench/pages/baselines.html. */
export interface BaselinesPage {
  floor: FloorApi;
  idb: IdbApi;
}

export interface AppSaleResult {
  samples: number[];
  /** Comlink round trip of a call that does no database work (databaseInfo), ms per call. */
  roundTripSamples: number[];
}

export interface AppSyncResult {
  elapsedMs: number;
  /** Rows the till reported for the first sync (SyncStatus.firstSync), when it reported them. */
  reportedRows: number | null;
  /** The last catalog row (by barcode) is in the till's database after the sync. */
  verified: boolean;
}

export interface AppSearchResult {
  /** searchProducts through Comlink, ms per query. */
  samples: number[];
  roundTripSamples: number[];
  rowsReturned: number;
}

export interface AppPushResult {
  queued: number;
  elapsedMs: number;
  pendingAfter: number;
  failedAfter: number;
  /** syncNow() calls it took. */
  syncCalls: number;
}

export interface AppMemory {
  /** performance.measureUserAgentSpecificMemory() when the page is cross-origin isolated. */
  uaMemory: { bytes: number; breakdown: { bytes: number; types: string[]; attribution?: { url: string; scope: string }[] }[] } | null;
  crossOriginIsolated: boolean;
}

/** window.benchApp on bench/pages/app.html: the real database worker driven through TillApi. */
export interface AppPage {
  start(): Promise<string>;
  /** pair() then syncNow(), timed until it resolves: the first sync of a new till. */
  firstSync(serverUrl: string, token: string, verifyBarcode: string): Promise<AppSyncResult>;
  /** syncNow() timed until it resolves; verifies a product by barcode (and its new name) afterwards. */
  sync(verifyBarcode: string, expectName: string | null): Promise<AppSyncResult>;
  /** `gapMs`: a pause after each sale (a till's sales are seconds apart; the bench's figure uses none). */
  recordSales(count: number, catalogSize: number, gapMs?: number): Promise<AppSaleResult>;
  /** The labelled query list (shared/search-queries.ts) for a catalog of catalogSize. */
  search(queryCount: number, catalogSize: number): Promise<AppSearchResult>;
  /** Records `count` sales (the caller keeps the network off), returns when all are queued. */
  queueSales(count: number, catalogSize: number): Promise<number>;
  /** syncNow() repeatedly until nothing is pending (or the deadline passes). */
  pushAll(deadlineMs: number): Promise<AppPushResult>;
  memory(): Promise<AppMemory>;
}

export interface PeerInfo {
  name: string;
  version: string;
  storage: string;
  durability: string;
  journal: string | null;
}
export interface PeerSaleResult {
  /** One per sale transaction (sale, 3 lines, payment, and the peer's outbox), ms on the page. */
  samples: number[];
}
export interface PeerBulkResult {
  rows: number;
  /** Write time only (row generation excluded). */
  elapsedMs: number;
  rowsPerTx: number;
}
export interface PeerSearchResult {
  samples: number[];
  rowsReturned: number;
  /** The query plan, where the peer has one. */
  plan?: string;
}
/** One peer on bench/pages/peers.html. */
export interface PeerApi {
  info(): Promise<PeerInfo>;
  sales(count: number): Promise<PeerSaleResult>;
  bulk(total: number): Promise<PeerBulkResult>;
  search(queryCount: number): Promise<PeerSearchResult>;
  close(): Promise<void>;
}
/** window.benchPeers on bench/pages/peers.html. */
export interface PeersPage {
  dexie: PeerApi;
  powersync: PeerApi;
}

declare global {
  interface Window {
    benchPeers?: PeersPage;
    benchBaselines?: BaselinesPage;
    benchApp?: AppPage;
    benchSearch?: SearchWorkerApi;
  }
}

export interface WorkerSearchLoad {
  rows: number;
  /** Writing the catalog through the pull's own product write, in pull-page transactions. */
  elapsedMs: number;
  rowsPerTx: number;
  /** Sales written with their outbox rows after the catalog (still pending, as after a day offline). */
  pendingSales: number;
  /** What openDatabase() reported: storage, VFS, journal mode. */
  database: { storage: string; vfs: string; journalMode: string; schemaVersion: number };
}

export interface WorkerSearchSample {
  kind: string;
  text: string;
  ms: number;
  rows: number;
}

export interface WorkerSearchResult {
  /** One per timed searchProducts call, timed inside the worker. */
  samples: WorkerSearchSample[];
  /** performance.now() is coarser (100 µs) when the worker is not cross-origin isolated. */
  crossOriginIsolated: boolean;
  /** SQLite's wasm heap after the searches, when the worker could see it. */
  wasmMemoryBytes: number | null;
}

/** The search worker: the app's openDatabase() and data service, timed from inside the worker. */
export interface SearchWorkerApi {
  load(catalogSize: number, pendingSales: number): Promise<WorkerSearchLoad>;
  search(queryCount: number, catalogSize: number): Promise<WorkerSearchResult>;
  close(): Promise<void>;
}
