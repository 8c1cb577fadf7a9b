// Who is calling: a device (its own token from a redeemed pairing code, bound to one terminal), a
// terminal's legacy token (tills paired before protocol 2, scripts), or the back office (ADMIN_TOKEN).
// Every sync route works only on the authenticated terminal's store; nothing is taken from the body.
// A retired or revoked device is answered 401 with its own code, so the till can say what happened.
import type { FastifyRequest } from 'fastify';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import { bearerToken, hashToken, sameToken } from './tokens.ts';

export interface TerminalPrincipal {
  terminalId: string;
  terminalName: string;
  /** The device's own prefix, or the terminal's for a legacy token. */
  receiptPrefix: string;
  storeId: string;
  storeName: string;
  currency: string;
  locale: string;
  /** null: the caller used the terminal's legacy token. */
  deviceId: string | null;
  idleLockSeconds: number;
  discountLimitPercent: number;
}

interface CredentialRow {
  device_id: string | null;
  status: 'active' | 'retired' | 'revoked';
  legacy_token_used: boolean;
  receipt_prefix: string;
  token_hash: Buffer | Uint8Array;
  id: string;
  name: string;
  store_id: string;
  store_name: string;
  currency: string;
  locale: string;
  idle_lock_seconds: number;
  discount_limit_percent: number;
}

const STORE_COLUMNS = `t.id::text AS id, t.name, s.id::text AS store_id, s.name AS store_name, s.currency, s.locale, s.idle_lock_seconds, s.discount_limit_percent`;

/** The principal a bearer token stands for; 401 (with the reason as its code) for anything else. */
export async function authenticateTerminal(db: Sql, request: FastifyRequest): Promise<TerminalPrincipal> {
  const token = bearerToken(request.headers.authorization);
  if (token === undefined) throw new HttpError('unauthorized', 'a device bearer token is required');
  const hash = hashToken(token);
  const rows = await db.query<CredentialRow>(
    `SELECT d.id::text AS device_id, d.status, true AS legacy_token_used, d.receipt_prefix, d.token_hash, ${STORE_COLUMNS}
       FROM devices d JOIN terminals t ON t.id = d.terminal_id JOIN stores s ON s.id = t.store_id WHERE d.token_hash = $1
     UNION ALL
     SELECT NULL, CASE WHEN t.legacy_retired_at IS NULL THEN 'active' ELSE 'retired' END, t.legacy_token_used, t.receipt_prefix, t.token_hash, ${STORE_COLUMNS}
       FROM terminals t JOIN stores s ON s.id = t.store_id WHERE t.token_hash = $1`,
    [hash],
  );
  const row = rows[0];
  if (row === undefined || !sameToken(token, Buffer.from(row.token_hash))) throw new HttpError('invalid_token', 'this token is not known to the hub; pair the till again');
  if (row.status === 'revoked') throw new HttpError('device_revoked', 'this device was revoked by an admin; pair it again with a new code');
  if (row.status === 'retired') throw new HttpError('device_retired', 'another device was paired to this terminal since; pair this one again with a new code');
  if (row.device_id === null && !row.legacy_token_used) {
    // From now on the terminal's own prefix may be on receipts: no device may take it (stores/devices.ts).
    await db.query('UPDATE terminals SET legacy_token_used = true WHERE id = $1', [row.id]);
  }
  return {
    terminalId: row.id,
    terminalName: row.name,
    receiptPrefix: row.receipt_prefix,
    storeId: row.store_id,
    storeName: row.store_name,
    currency: row.currency.trim(),
    locale: row.locale,
    deviceId: row.device_id,
    idleLockSeconds: row.idle_lock_seconds,
    discountLimitPercent: row.discount_limit_percent,
  };
}

export function requireAdmin(adminTokenHash: Buffer, request: FastifyRequest): void {
  const token = bearerToken(request.headers.authorization);
  if (token === undefined) throw new HttpError('unauthorized', 'the admin bearer token is required');
  if (!sameToken(token, adminTokenHash)) throw new HttpError('unauthorized', 'wrong admin token');
}
