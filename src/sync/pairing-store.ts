// What the till stores about its pairing, in the `settings` table: the hub's URL, the terminal's
// token, the TerminalInfo the hub returned, and whether the hub last refused the token (401). Read
// together with the store's pulled settings (store-settings-store.ts), which the terminal follows.
// The token never leaves the worker: pairing() returns the URL and terminal only.
import type { SqlConnection, SqlExecutor } from './sql-connection.ts';
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { StoreSettings } from '@ezo/contract/store-settings';
import { lenientContract } from '@ezo/contract/contract';
import { readStoreSettings, withStoreSettings } from './store-settings-store.ts';

const KEY = {
  serverUrl: 'sync.server_url',
  token: 'sync.token',
  terminal: 'sync.terminal',
  /** '0' after a 401 until the next successful pair(). */
  authorised: 'sync.authorised',
  /** After a 401: 'revoked' or 'retired' when the hub said this device was removed; '' otherwise. */
  removed: 'sync.removed',
} as const;

/** Why the hub stopped accepting this till's device: an admin revoked it, or another device replaced it. */
export type DeviceRemoval = 'revoked' | 'retired';

export interface StoredPairing {
  serverUrl: string;
  token: string;
  /** As the hub said at pairing, under the store's pulled settings (name, currency, locale, PIN lock, discount limit). */
  terminal: TerminalInfo;
  /** The store's settings from the last pull that had them; null before it. */
  store: StoreSettings | null;
  authorised: boolean;
  /** Set with authorised = false when the hub said why (401 device_revoked / device_retired). */
  removed: DeviceRemoval | null;
}

export async function readPairing(db: SqlExecutor): Promise<StoredPairing | null> {
  const rows = await db.all<{ key: string; value: string }>(
    `SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?, ?)`,
    [KEY.serverUrl, KEY.token, KEY.terminal, KEY.authorised, KEY.removed],
  );
  const map = new Map(rows.map((r) => [r.key, r.value]));
  const serverUrl = map.get(KEY.serverUrl);
  const token = map.get(KEY.token);
  const terminalJson = map.get(KEY.terminal);
  if (serverUrl === undefined || token === undefined || terminalJson === undefined) return null;
  const terminal = lenientContract.terminal.terminalInfo.safeParse(JSON.parse(terminalJson));
  if (!terminal.success) return null;
  const authorised = map.get(KEY.authorised) !== '0';
  const removed = map.get(KEY.removed);
  const store = await readStoreSettings(db, terminal.data.store_id);
  return { serverUrl, token, terminal: withStoreSettings(terminal.data, store), store, authorised, removed: !authorised && (removed === 'revoked' || removed === 'retired') ? removed : null };
}

export async function writePairing(tx: SqlExecutor, serverUrl: string, token: string, terminal: TerminalInfo): Promise<void> {
  const upsert = `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  await tx.run(upsert, [KEY.serverUrl, serverUrl]);
  await tx.run(upsert, [KEY.token, token]);
  await tx.run(upsert, [KEY.terminal, JSON.stringify(terminal)]);
  await tx.run(upsert, [KEY.authorised, '1']);
  await tx.run(upsert, [KEY.removed, '']);
}

/** The hub answered 401: stop syncing until the till is paired again, and keep why (the hub's error code). */
export async function markUnauthorised(db: SqlConnection, code: string | null): Promise<void> {
  const removed = code === 'device_revoked' ? 'revoked' : code === 'device_retired' ? 'retired' : '';
  const upsert = `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  await db.transaction(async (tx) => {
    await tx.run(upsert, [KEY.authorised, '0']);
    await tx.run(upsert, [KEY.removed, removed]);
  });
}
