// Opens the till's database in the worker: picks the storage, opens it with the measured pragmas
// (vfs-pragmas.ts), migrates it, and reports what is in use. Open and migrate run behind a Web Lock:
// wa-sqlite#341/#347 show concurrent first opens of one OPFS file can hang or fail, and a tab that
// lost ownership by `steal` may still be closing.
import type { DatabaseInfo, StorageKind } from '../api/till-api.ts';
import { TillError } from '../api/till-error.ts';
import { BOOT_MARKS, bootMark } from '../api/boot-marks.ts';
import { migrate } from './migrate.ts';
import { chooseStorage } from './vfs-choice.ts';
import { loadVfs, type VfsErrorSource } from './vfs-load.ts';
import { STORAGE_PRAGMAS } from './vfs-pragmas.ts';
import { isStuckAccessHandle, waitForFreeAccessHandles } from './vfs-retry.ts';
import { WaSqliteConnection, toTillError } from './wa-sqlite-connection.ts';

/** The till's database file in OPFS (and its name inside the IndexedDB fallback). */
export const DATABASE_NAME = 'ezo-till.sqlite3';
/** Web Lock held while one context opens and migrates a database; per file name. */
export const OPEN_LOCK_PREFIX = 'ezo-db-open:';

export interface OpenOptions {
  /** File name; tests use their own so they never touch the till's database. */
  name?: string;
  /** Forces a storage (tests of the fallback); default: OPFS when available. */
  storage?: StorageKind;
}

export interface OpenDatabase {
  connection: WaSqliteConnection;
  info: DatabaseInfo;
}

export async function openDatabase(options: OpenOptions = {}): Promise<OpenDatabase> {
  const name = options.name ?? DATABASE_NAME;
  const storage = options.storage ?? chooseStorage();
  const { sqlite3, vfsName, vfsClass, vfs } = await loadVfs(storage);
  return navigator.locks.request(OPEN_LOCK_PREFIX + name, async () => {
    if (storage === 'opfs') {
      try {
        await waitForFreeAccessHandles(name);
      } catch (error) {
        throw isStuckAccessHandle(error) ? stillHeld(error) : toTillError(error);
      }
    }
    const connection = await openConfigured(sqlite3, name, vfsName, storage, vfs);
    bootMark(BOOT_MARKS.opened);
    try {
      const schemaVersion = await migrate(connection);
      bootMark(BOOT_MARKS.migrated);
      const journal = await connection.get<{ journal_mode: string }>('PRAGMA journal_mode');
      const info: DatabaseInfo = {
        storage,
        vfs: vfsClass,
        schemaVersion,
        sqliteVersion: sqlite3.libversion(),
        journalMode: journal?.journal_mode ?? 'unknown',
      };
      return { connection, info };
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw toTillError(error);
    }
  });
}

function stillHeld(error: unknown): TillError {
  return new TillError('internal', 'The till\'s database is still held by another tab or a closing page; try again in a moment.', { cause: error });
}

/** Opens, applies the pragmas, and reads once so a held access handle fails here, not in a sale. */
async function openConfigured(sqlite3: SQLiteAPI, name: string, vfsName: string, storage: StorageKind, vfs: VfsErrorSource): Promise<WaSqliteConnection> {
  let db: number;
  try {
    db = await sqlite3.open_v2(name, undefined, vfsName);
  } catch (error) {
    throw toTillError(error);
  }
  const connection = new WaSqliteConnection(sqlite3, db, vfs);
  try {
    // A VFS that refuses WAL leaves the database in its previous journal mode, which still works;
    // databaseInfo() reports the mode in use and the browser tests pin WAL for OPFS.
    await connection.exec(STORAGE_PRAGMAS[storage]);
    // Touch the schema: the first read takes the file lock (and, on OPFS, the access handle).
    await connection.get('SELECT count(*) AS n FROM sqlite_master');
    return connection;
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw toTillError(error);
  }
}
