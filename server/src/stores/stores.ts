// Stores and their terminals. A terminal's legacy token is made here, returned once, and stored only hashed.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/database.ts';
import type { AdminStore, StoreCreate, StorePatch, TerminalCreate, TerminalCreated } from '@ezo/contract/admin';
import { DEFAULT_DISCOUNT_LIMIT_PERCENT, DEFAULT_IDLE_LOCK_SECONDS } from '@ezo/contract/limits';
import { hashToken, newToken } from '../auth/tokens.ts';
import { HttpError } from '../http/api-error.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../db/database.ts';

const STORE_COLUMNS = 'id::text AS id, name, currency, locale, idle_lock_seconds, discount_limit_percent';
type StoreRow = AdminStore;
const toStore = (r: StoreRow): AdminStore => ({ ...r, currency: r.currency.trim() });

export async function createStore(db: Sql, input: StoreCreate, id: string = randomUUID()): Promise<AdminStore> {
  const store: AdminStore = {
    id,
    name: input.name,
    currency: input.currency,
    locale: input.locale,
    idle_lock_seconds: input.idle_lock_seconds ?? DEFAULT_IDLE_LOCK_SECONDS,
    discount_limit_percent: input.discount_limit_percent ?? DEFAULT_DISCOUNT_LIMIT_PERCENT,
  };
  await db.query('INSERT INTO stores (id, name, currency, locale, idle_lock_seconds, discount_limit_percent) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    store.name,
    store.currency,
    store.locale,
    store.idle_lock_seconds,
    store.discount_limit_percent,
  ]);
  return store;
}

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
