// Connection settings per storage, chosen by measurement in Chromium 156 with an on-disk profile
// (/work/shared/research/browser-storage.md; database.browser.test.ts re-measures both journals).
//
// OPFS (sync build + OPFSCoopSyncVFS): WAL with locking_mode=EXCLUSIVE. OPFS has no shared memory,
// so WAL is only possible with an exclusive lock (the wal-index lives in heap memory); that costs
// nothing here because exactly one tab's worker owns the database (ownership.ts). A sale's small
// transaction (sale + 3 lines + payment + queue row) commits in 0.46 ms p50 against 1.16 ms with
// the rollback journal on a quiet machine; on a loaded one, in the same run, 1.1-2.8 ms against
// 3.6-5.5 ms. synchronous=FULL: a committed sale survives power loss, not only a crashed tab.
// locking_mode must be set before the first read: a database already in WAL cannot be read by a
// connection without shared memory until it holds the exclusive lock.
//
// temp_store=MEMORY (OPFS): wa-sqlite is built with SQLITE_TEMP_STORE=1, so without it every
// statement journal (any write statement inside a transaction that may abort part-way: a product
// UPSERT firing the FTS triggers, a sale's inserts under UNIQUE constraints) is an OPFS file. A first
// sync of 10,000 products made 164,320 OPFS writes (321 MiB, 11.7 of 16.1 s) to such journals.
// It must be set here, before the first statement journal is opened: set later, the journal file
// stays open (exclusive mode) and the pragma has no effect.
// cache_size (OPFS): SQLite's default 2 MiB page cache against a ~48 MiB database at 100k products
// made searches read 4-22 pages from OPFS each and the first sync re-read index pages; the cache
// grows only as pages are used, within the worker's memory goal (150 MiB).
//
// IndexedDB fallback (asyncify build + IDBBatchAtomicVFS): no WAL (it fails with "disk I/O error"
// after ~100 transactions on this VFS); every page-cache miss costs an IndexedDB read, so the cache
// is large. The default rollback journal lets the VFS use batch-atomic writes.
import type { StorageKind } from '../api/till-api.ts';

/** Page cache for the IndexedDB fallback, in KiB (negative cache_size means KiB in SQLite). */
export const IDB_CACHE_KIB = 64 * 1024;
/** Page cache on OPFS, in KiB: room for a 100k-product catalog's tables and indexes. */
export const OPFS_CACHE_KIB = 64 * 1024;

const COMMON = `PRAGMA foreign_keys = ON;`;

export const STORAGE_PRAGMAS: Record<StorageKind, string> = {
  opfs: `
    PRAGMA locking_mode = EXCLUSIVE;
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA temp_store = MEMORY;
    PRAGMA cache_size = -${OPFS_CACHE_KIB};
    ${COMMON}`,
  indexeddb: `
    PRAGMA cache_size = -${IDB_CACHE_KIB};
    PRAGMA synchronous = FULL;
    PRAGMA temp_store = MEMORY;
    ${COMMON}`,
};
