// Loads a wa-sqlite build and registers the VFS for a storage kind, once per worker: the wasm
// module and the VFS outlive a close, so a tab that takes the till back reopens without reloading.
// OPFS uses the synchronous build (no asyncify overhead per call); IndexedDB needs the asyncify build.
import * as SQLite from '@journeyapps/wa-sqlite';
import type { StorageKind } from '../api/till-api.ts';
import { BOOT_MARKS, bootMark } from '../api/boot-marks.ts';

export interface LoadedVfs {
  sqlite3: SQLiteAPI;
  /** The name the VFS is registered under, passed to open_v2. */
  vfsName: string;
  /** The VFS class, reported by databaseInfo(). */
  vfsClass: string;
  /**
   * The VFS object: wa-sqlite's example VFSes keep the JavaScript error behind their last failed call
   * in `lastError` (SQLite itself only sees SQLITE_IOERR), which is how a full quota is recognised.
   */
  vfs: VfsErrorSource;
}

export interface VfsErrorSource {
  lastError: unknown;
}

const VFS_NAME: Record<StorageKind, string> = { opfs: 'ezo-opfs', indexeddb: 'ezo-idb' };
/** The IndexedDB database that holds the fallback's pages. */
const IDB_NAME = 'ezo-till';

const loaded = new Map<StorageKind, Promise<LoadedVfs>>();

export function loadVfs(storage: StorageKind): Promise<LoadedVfs> {
  let pending = loaded.get(storage);
  if (pending === undefined) {
    pending = storage === 'opfs' ? loadOpfs() : loadIndexedDb();
    // A failed load may succeed later (e.g. a transient OPFS error); do not cache the failure.
    pending.catch(() => loaded.delete(storage));
    loaded.set(storage, pending);
  }
  return pending;
}

async function loadOpfs(): Promise<LoadedVfs> {
  const [{ default: factory }, { default: wasmUrl }, { OPFSCoopSyncVFS }] = await Promise.all([
    import('@journeyapps/wa-sqlite/dist/wa-sqlite.mjs'),
    import('@journeyapps/wa-sqlite/dist/wa-sqlite.wasm?url'),
    import('@journeyapps/wa-sqlite/src/examples/OPFSCoopSyncVFS.js'),
  ]);
  const module: unknown = await factory({ locateFile: () => wasmUrl });
  const sqlite3 = SQLite.Factory(module);
  const vfs = await OPFSCoopSyncVFS.create(VFS_NAME.opfs, module);
  sqlite3.vfs_register(vfs, false);
  bootMark(BOOT_MARKS.wasm);
  return { sqlite3, vfsName: VFS_NAME.opfs, vfsClass: 'OPFSCoopSyncVFS', vfs: vfs as unknown as VfsErrorSource };
}

async function loadIndexedDb(): Promise<LoadedVfs> {
  const [{ default: factory }, { default: wasmUrl }, { IDBBatchAtomicVFS }] = await Promise.all([
    import('@journeyapps/wa-sqlite/dist/wa-sqlite-async.mjs'),
    import('@journeyapps/wa-sqlite/dist/wa-sqlite-async.wasm?url'),
    import('@journeyapps/wa-sqlite/src/examples/IDBBatchAtomicVFS.js'),
  ]);
  const module: unknown = await factory({ locateFile: () => wasmUrl });
  const sqlite3 = SQLite.Factory(module);
  const vfs = await IDBBatchAtomicVFS.create(VFS_NAME.indexeddb, module, { idbName: IDB_NAME });
  sqlite3.vfs_register(vfs, false);
  return { sqlite3, vfsName: VFS_NAME.indexeddb, vfsClass: 'IDBBatchAtomicVFS', vfs: vfs as unknown as VfsErrorSource };
}
