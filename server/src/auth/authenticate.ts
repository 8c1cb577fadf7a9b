// Who is calling: a terminal (its own bearer token, bound to one store) or the back office (ADMIN_TOKEN).
// Every sync route works only on the authenticated terminal's store; nothing is taken from the body.
import type { FastifyRequest } from 'fastify';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import { type AuthThrottle, BLOCKED_FOR_SQL, throttleKey } from './auth-throttle.ts';
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

/** Columns are null when no terminal has the token (the query always returns its one row). */
interface TerminalRow {
  id: string;
  name: string;
  receipt_prefix: string;
  token_hash: Buffer | Uint8Array | null;
  store_id: string;
  store_name: string;
  currency: string;
  locale: string;
}

/**
 * A refusal before the body is read (authentication runs in onRequest). A request that announced a body
 * gets `Connection: close`, so the hub does not go on reading (and discarding) what a client that failed
 * to authenticate still sends, however slowly.
 */
function refuse(request: FastifyRequest, code: 'unauthorized' | 'rate_limited', message: string, headers: Record<string, string> = {}): HttpError {
  const hasBody = request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
  return new HttpError(code, message, undefined, hasBody ? { ...headers, Connection: 'close' } : headers);
}

function throttled(request: FastifyRequest, wait: number): HttpError {
  return refuse(request, 'rate_limited', `too many failed sign-ins from this address; retry in ${wait} s`, { 'Retry-After': String(wait) });
}

/** Counts a failed sign-in of this address (when throttling is on) and builds the 401. */
async function failed(db: Sql, throttle: AuthThrottle | undefined, request: FastifyRequest, message: string): Promise<HttpError> {
  await throttle?.recordFailure(db, throttleKey(request.ip));
  return refuse(request, 'unauthorized', message);
}

/**
 * The terminal a request's token belongs to. With a throttle, the address's failure count is read in the
 * same statement, and an address over its limit is refused before its token is looked at.
 */
export async function authenticateTerminal(db: Sql, request: FastifyRequest, throttle?: AuthThrottle): Promise<TerminalPrincipal> {
  const token = bearerToken(request.headers.authorization);
  const blocked = throttle === undefined ? 'NULL::int' : BLOCKED_FOR_SQL;
  const rows = await db.query<TerminalRow & { blocked: number | null }>(
    `SELECT ${blocked} AS blocked, t.id, t.name, t.receipt_prefix, t.token_hash, s.id AS store_id, s.name AS store_name, s.currency, s.locale
       FROM (SELECT 1) one LEFT JOIN (terminals t JOIN stores s ON s.id = t.store_id) ON t.token_hash = $${throttle === undefined ? 1 : 4}`,
    throttle === undefined ? [hashToken(token ?? '')] : [throttleKey(request.ip), ...throttle.params(), hashToken(token ?? '')],
  );
  const row = rows[0];
  if (row?.blocked !== null && row?.blocked !== undefined) throw throttled(request, Math.max(1, row.blocked));
  if (token === undefined) throw await failed(db, throttle, request, 'a terminal bearer token is required');
  if (row === undefined || row.token_hash === null || !sameToken(token, Buffer.from(row.token_hash))) {
    throw await failed(db, throttle, request, 'unknown terminal token');
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

/** Checks the admin token; with a throttle, an address over its limit is refused whatever it sends. */
export async function requireAdmin(db: Sql, adminTokenHash: Buffer, request: FastifyRequest, throttle?: AuthThrottle): Promise<void> {
  if (throttle !== undefined) {
    const wait = await throttle.blockedFor(db, throttleKey(request.ip));
    if (wait !== undefined) throw throttled(request, wait);
  }
  const token = bearerToken(request.headers.authorization);
  if (token === undefined) throw await failed(db, throttle, request, 'the admin bearer token is required');
  if (!sameToken(token, adminTokenHash)) throw await failed(db, throttle, request, 'wrong admin token');
}
