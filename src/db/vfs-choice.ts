// Which storage the till's database lives on. OPFS with synchronous access handles is fast and
// durable; where the browser lacks them (Safari private browsing, older browsers) the database
// falls back to IndexedDB, slower but still durable. The choice is reported by databaseInfo().
import type { StorageKind } from '../api/till-api.ts';

/** True when this context can open OPFS files with synchronous access handles (dedicated workers only). */
export function hasOpfsSyncAccess(): boolean {
  const handle = (globalThis as { FileSystemFileHandle?: { prototype: object } }).FileSystemFileHandle;
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.storage?.getDirectory === 'function' &&
    handle !== undefined &&
    'createSyncAccessHandle' in handle.prototype
  );
}

export function chooseStorage(): StorageKind {
  return hasOpfsSyncAccess() ? 'opfs' : 'indexeddb';
}
