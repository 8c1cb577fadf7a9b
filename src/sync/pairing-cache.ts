// The stored pairing, read once and kept: every sale asks for the terminal. The copy is dropped by
// any commit that changed the settings table (pairing, demo pairing, a 401) or the store's pulled
// settings (the terminal follows them), so no writer has to remember to forget it.
import type { SqlConnection } from './sql-connection.ts';
import { readPairing, type StoredPairing } from './pairing-store.ts';

/** Where the pairing and the store's settings are stored (pairing-store.ts, store-settings-store.ts). */
const PAIRING_TABLES = ['settings', 'store_settings'];

export interface PairingCache {
  read(): Promise<StoredPairing | null>;
  /** Stops following the connection's commits; read() then goes to the database every time. */
  close(): void;
  /** Follows them again after close() (a service started again). */
  open(): void;
}

export function createPairingCache(db: SqlConnection): PairingCache {
  /**
   * The read in flight or done. A read started before a write is queued ahead of it on the
   * connection, so it cannot land later; the write's commit drops it, and the next read sees the write.
   */
  let kept: Promise<StoredPairing | null> | null = null;
  let unsubscribe: (() => void) | null = null;

  const cache: PairingCache = {
    read() {
      if (unsubscribe === null) return readPairing(db);
      const read = (kept ??= readPairing(db));
      read.catch(() => {
        if (kept === read) kept = null; // a failed read is not kept
      });
      return read;
    },
    close() {
      unsubscribe?.();
      unsubscribe = null;
      kept = null;
    },
    open() {
      unsubscribe ??= db.onCommit((tables) => {
        if (PAIRING_TABLES.some((t) => tables.has(t))) kept = null;
      });
    },
  };
  cache.open();
  return cache;
}
