// The paired store's settings as last pulled (table store_settings, till migration 011): read back
// with the lenient contract (a row that no longer parses is ignored, never applied), and laid over the
// pairing's TerminalInfo, so every reader of the terminal (receipts, the PIN lock, the discount check,
// the sale's currency) follows the hub's settings after a pull, and the pairing's copy before it.
import type { SqlExecutor } from './sql-connection.ts';
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { StoreSettings } from '@ezo/contract/store-settings';
import { lenientContract } from '@ezo/contract/contract';

export async function readStoreSettings(db: SqlExecutor, storeId: string): Promise<StoreSettings | null> {
  const row = await db.get<{ settings: string }>('SELECT settings FROM store_settings WHERE store_id = ?', [storeId]);
  if (row === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.settings);
  } catch {
    return null;
  }
  const parsed = lenientContract.downstream.storeSettings.safeParse(json);
  return parsed.success && parsed.data.store_id === storeId ? parsed.data : null;
}

/** The terminal as its store's pulled settings say (or as paired, before the first pull). */
export function withStoreSettings(terminal: TerminalInfo, store: StoreSettings | null): TerminalInfo {
  if (store === null) return terminal;
  return {
    ...terminal,
    store_name: store.name,
    currency: store.currency,
    locale: store.locale,
    idle_lock_seconds: store.idle_lock_seconds,
    discount_limit_percent: store.discount_limit_percent,
  };
}
