// Stores and their terminals. A terminal's token is made here, returned once, and stored only hashed.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/database.ts';
import type { AdminStore, StoreCreate, TerminalCreate, TerminalCreated } from '@ezo/contract/admin';
import { hashToken, newToken } from '../auth/tokens.ts';
import { HttpError } from '../http/api-error.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../db/database.ts';

export async function createStore(db: Sql, input: StoreCreate, id: string = randomUUID()): Promise<AdminStore> {
  await db.query('INSERT INTO stores (id, name, currency, locale) VALUES ($1, $2, $3, $4)', [id, input.name, input.currency, input.locale]);
  return { id, ...input };
}

export async function createTerminal(db: Sql, input: TerminalCreate, token: string = newToken()): Promise<TerminalCreated> {
  const store = await db.query('SELECT 1 FROM stores WHERE id = $1', [input.store_id]);
  if (store.length === 0) throw new HttpError('not_found', `no store ${input.store_id}`);
  const id = randomUUID();
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
  const rows = await db.query<{ id: string; name: string; currency: string; locale: string }>(
    'SELECT id::text AS id, name, currency, locale FROM stores ORDER BY created_at, id',
  );
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}
