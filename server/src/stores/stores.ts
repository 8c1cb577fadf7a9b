// Stores, their settings (versioned: each store's tills pull their own, migrations/010-store-settings.ts)
// and their terminals. A terminal's legacy token is made here, returned once, and stored only hashed.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/database.ts';
import type { AdminStore, StoreCreate, StorePatch, StoreSettingsPut, TerminalCreate, TerminalCreated } from '@ezo/contract/admin';
import { DEFAULT_DISCOUNT_LIMIT_PERCENT, DEFAULT_IDLE_LOCK_SECONDS, DEFAULT_TIME_ZONE } from '@ezo/contract/limits';
import { hashToken, newToken } from '../auth/tokens.ts';
import { HttpError } from '../http/api-error.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../db/database.ts';
import { rebuildStoreSummaries } from '../sync/sale-summaries.ts';

const STORE_COLUMNS = `id::text AS id, name, currency, locale, time_zone, legal_name, address_lines, tax_number, vat_id, receipt_header,
  receipt_footer, idle_lock_seconds, discount_limit_percent, storage_alarm_hours, updated_at`;
type StoreRow = Omit<AdminStore, 'updated_at'> & { updated_at: Date | string };
const toStore = (r: StoreRow): AdminStore => ({
  ...r,
  currency: r.currency.trim(),
  updated_at: (r.updated_at instanceof Date ? r.updated_at : new Date(r.updated_at)).toISOString(),
});

/** The caller holds the commit-order lock (the insert is versioned: the store's tills pull it). */
export async function createStore(db: Sql, input: StoreCreate, id: string = randomUUID()): Promise<AdminStore> {
  const rows = await db.query<StoreRow>(
    `INSERT INTO stores (id, name, currency, locale, time_zone, idle_lock_seconds, discount_limit_percent) VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING ${STORE_COLUMNS}`,
    [
      id,
      input.name,
      input.currency,
      input.locale,
      input.time_zone ?? DEFAULT_TIME_ZONE,
      input.idle_lock_seconds ?? DEFAULT_IDLE_LOCK_SECONDS,
      input.discount_limit_percent ?? DEFAULT_DISCOUNT_LIMIT_PERCENT,
    ],
  );
  return toStore(rows[0] as StoreRow);
}

/** The caller holds the commit-order lock. */
export async function patchStore(db: Sql, id: string, patch: StorePatch): Promise<AdminStore> {
  const sets: string[] = [];
  const params: (string | number)[] = [id];
  for (const field of ['name', 'locale', 'idle_lock_seconds', 'discount_limit_percent'] as const) {
    const value = patch[field];
    if (value !== undefined) sets.push(`${field} = $${params.push(value)}`);
  }
  const rows =
    sets.length === 0
      ? await db.query<StoreRow>(`SELECT ${STORE_COLUMNS} FROM stores WHERE id = $1`, [id])
      : await db.query<StoreRow>(`UPDATE stores SET ${sets.join(', ')} WHERE id = $1 RETURNING ${STORE_COLUMNS}`, params);
  const row = rows[0];
  if (row === undefined) throw new HttpError('not_found', `no store ${id}`);
  return toStore(row);
}

export async function readStore(db: Sql, id: string): Promise<AdminStore> {
  const row = (await db.query<StoreRow>(`SELECT ${STORE_COLUMNS} FROM stores WHERE id = $1`, [id]))[0];
  if (row === undefined) throw new HttpError('not_found', `no store ${id}`);
  return toStore(row);
}

/** Texts a receipt prints only when set: an empty one is none. */
const orNull = (text: string | null): string | null => (text === null || text === '' ? null : text);

/**
 * Replaces all of a store's settings. The caller holds the commit-order lock: the update is versioned,
 * so the store's tills pull it. The currency cannot change once the store has sales (they, their
 * refunds and the day reports are in the old one): that is a 409, and nothing is written. A new time
 * zone moves the store's days: its report summaries are rebuilt in the same transaction.
 */
export async function putStoreSettings(tx: Sql, id: string, s: StoreSettingsPut): Promise<AdminStore> {
  const current = (await tx.query<{ currency: string; time_zone: string }>('SELECT currency, time_zone FROM stores WHERE id = $1 FOR UPDATE', [id]))[0];
  if (current === undefined) throw new HttpError('not_found', `no store ${id}`);
  if (current.currency.trim() !== s.currency) {
    const sold = await tx.query('SELECT 1 FROM sales WHERE store_id = $1 LIMIT 1', [id]);
    if (sold.length > 0) throw new HttpError('conflict', `the store has sales in ${current.currency.trim()}; its currency cannot change`);
  }
  const rows = await tx.query<StoreRow>(
    `UPDATE stores SET name = $2, legal_name = $3, address_lines = $4, tax_number = $5, vat_id = $6, receipt_header = $7, receipt_footer = $8,
       currency = $9, locale = $10, time_zone = $11, idle_lock_seconds = $12, discount_limit_percent = $13, storage_alarm_hours = $14
     WHERE id = $1 RETURNING ${STORE_COLUMNS}`,
    [
      id,
      s.name,
      s.legal_name,
      s.address_lines,
      s.tax_number,
      s.vat_id,
      orNull(s.receipt_header),
      orNull(s.receipt_footer),
      s.currency,
      s.locale,
      s.time_zone,
      s.idle_lock_seconds,
      s.discount_limit_percent,
      s.storage_alarm_hours,
    ],
  );
  if (current.time_zone !== s.time_zone) await rebuildStoreSummaries(tx, id);
  return toStore(rows[0] as StoreRow);
}

export async function createTerminal(db: Sql, input: TerminalCreate, token: string = newToken()): Promise<TerminalCreated> {
  const store = await db.query('SELECT 1 FROM stores WHERE id = $1', [input.store_id]);
  if (store.length === 0) throw new HttpError('not_found', `no store ${input.store_id}`);
  const id = randomUUID();
  // Devices number receipts with prefixes of their own (devices/device-prefix.ts): a terminal must not take one.
  const device = await db.query('SELECT 1 FROM devices WHERE store_id = $1 AND receipt_prefix = $2', [input.store_id, input.receipt_prefix]);
  if (device.length > 0) throw new HttpError('conflict', `receipt prefix ${input.receipt_prefix} is already used in this store`);
  try {
    await db.query('INSERT INTO terminals (id, store_id, name, receipt_prefix, token_hash) VALUES ($1, $2, $3, $4, $5)', [
      id,
      input.store_id,
      input.name,
      input.receipt_prefix,
      hashToken(token),
    ]);
  } catch (err) {
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) throw new HttpError('conflict', `receipt prefix ${input.receipt_prefix} is already used in this store`);
    throw err;
  }
  return { terminal_id: id, store_id: input.store_id, name: input.name, receipt_prefix: input.receipt_prefix, token };
}

export async function listStores(db: Sql): Promise<AdminStore[]> {
  const rows = await db.query<StoreRow>(`SELECT ${STORE_COLUMNS} FROM stores ORDER BY created_at, id`);
  return rows.map(toStore);
}
