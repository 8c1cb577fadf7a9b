// Who is calling: a terminal (its own bearer token, bound to one store) or the back office (ADMIN_TOKEN).
// Every sync route works only on the authenticated terminal's store; nothing is taken from the body.
import type { FastifyRequest } from 'fastify';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import { bearerToken, hashToken, sameToken } from './tokens.ts';

export interface TerminalPrincipal {
  terminalId: string;
  terminalName: string;
  receiptPrefix: string;
  storeId: string;
  storeName: string;
  currency: string;
  locale: string;
}

interface TerminalRow {
  id: string;
  name: string;
  receipt_prefix: string;
  token_hash: Buffer | Uint8Array;
  store_id: string;
  store_name: string;
  currency: string;
  locale: string;
}

export async function authenticateTerminal(db: Sql, request: FastifyRequest): Promise<TerminalPrincipal> {
  const token = bearerToken(request.headers.authorization);
  if (token === undefined) throw new HttpError('unauthorized', 'a terminal bearer token is required');
  const rows = await db.query<TerminalRow>(
    `SELECT t.id, t.name, t.receipt_prefix, t.token_hash, s.id AS store_id, s.name AS store_name, s.currency, s.locale
       FROM terminals t JOIN stores s ON s.id = t.store_id WHERE t.token_hash = $1`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (row === undefined || !sameToken(token, Buffer.from(row.token_hash))) {
    throw new HttpError('unauthorized', 'unknown terminal token');
  }
  return {
    terminalId: row.id,
    terminalName: row.name,
    receiptPrefix: row.receipt_prefix,
    storeId: row.store_id,
    storeName: row.store_name,
    currency: row.currency.trim(),
    locale: row.locale,
  };
}

export function requireAdmin(adminTokenHash: Buffer, request: FastifyRequest): void {
  const token = bearerToken(request.headers.authorization);
  if (token === undefined) throw new HttpError('unauthorized', 'the admin bearer token is required');
  if (!sameToken(token, adminTokenHash)) throw new HttpError('unauthorized', 'wrong admin token');
}
