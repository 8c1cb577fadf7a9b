// Who is calling: a device (its own token from a redeemed pairing code, bound to one terminal), a
// terminal's legacy token (tills paired before protocol 2, scripts), or the back office (ADMIN_TOKEN).
// Every sync route works only on the authenticated terminal's store; nothing is taken from the body.
// A retired or revoked device is answered 401 with its own code, so the till can say what happened.
//
// Failed sign-ins (a missing or unknown token, a wrong admin token) count against the caller's address
// (auth-throttle.ts, shared by all instances); an address over its limit is refused before its token is
// looked at. A revoked or retired device does NOT count: it is a known credential, and a forgotten tablet
// still polling must not lock out the other tills of its shop, which share one address behind its router.
import type { FastifyRequest } from 'fastify';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import { type AuthThrottle, BLOCKED_FOR_SQL, throttleKey } from './auth-throttle.ts';
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

/** Columns are null when no credential has the token (the query always returns one row, for the throttle). */
interface CredentialRow {
  blocked: number | null;
  device_id: string | null;
  status: 'active' | 'retired' | 'revoked' | null;
  legacy_token_used: boolean | null;
  receipt_prefix: string;
  token_hash: Buffer | Uint8Array | null;
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

type RefusalCode = 'unauthorized' | 'invalid_token' | 'device_revoked' | 'device_retired' | 'rate_limited';

/**
 * A refusal before the body is read (authentication runs in onRequest). A request that announced a body
 * gets `Connection: close`, so the hub does not go on reading (and discarding) what a client that failed
 * to authenticate still sends, however slowly.
 */
function refuse(request: FastifyRequest, code: RefusalCode, message: string, headers: Record<string, string> = {}): HttpError {
  const hasBody = request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
  return new HttpError(code, message, undefined, hasBody ? { ...headers, Connection: 'close' } : headers);
}

function throttled(request: FastifyRequest, wait: number): HttpError {
  return refuse(request, 'rate_limited', `too many failed sign-ins from this address; retry in ${wait} s`, { 'Retry-After': String(wait) });
}

/** Counts a failed sign-in of this address (when throttling is on) and builds the 401. */
async function failed(db: Sql, throttle: AuthThrottle | undefined, request: FastifyRequest, code: RefusalCode, message: string): Promise<HttpError> {
  await throttle?.recordFailure(db, throttleKey(request.ip));
  return refuse(request, code, message);
}

/**
 * The principal a bearer token stands for; 401 (with the reason as its code) for anything else. With a
 * throttle, the address's failure count is read in the same statement.
 */
export async function authenticateTerminal(db: Sql, request: FastifyRequest, throttle?: AuthThrottle): Promise<TerminalPrincipal> {
  const token = bearerToken(request.headers.authorization);
  const blocked = throttle === undefined ? 'NULL::int' : BLOCKED_FOR_SQL;
  const h = throttle === undefined ? '$1' : '$4';
  const rows = await db.query<CredentialRow>(
    `SELECT ${blocked} AS blocked, c.* FROM (SELECT 1) one LEFT JOIN (
       SELECT d.id::text AS device_id, d.status, true AS legacy_token_used, d.receipt_prefix, d.token_hash, ${STORE_COLUMNS}
         FROM devices d JOIN terminals t ON t.id = d.terminal_id JOIN stores s ON s.id = t.store_id WHERE d.token_hash = ${h}
       UNION ALL
       SELECT NULL, CASE WHEN t.legacy_retired_at IS NULL THEN 'active' ELSE 'retired' END, t.legacy_token_used, t.receipt_prefix, t.token_hash, ${STORE_COLUMNS}
         FROM terminals t JOIN stores s ON s.id = t.store_id WHERE t.token_hash = ${h}
     ) c ON true`,
    throttle === undefined ? [hashToken(token ?? '')] : [throttleKey(request.ip), ...throttle.params(), hashToken(token ?? '')],
  );
  const row = rows[0];
  if (row?.blocked !== null && row?.blocked !== undefined) throw throttled(request, Math.max(1, row.blocked));
  if (token === undefined) throw await failed(db, throttle, request, 'unauthorized', 'a device bearer token is required');
  if (row === undefined || row.token_hash === null || !sameToken(token, Buffer.from(row.token_hash))) {
    throw await failed(db, throttle, request, 'invalid_token', 'this token is not known to the hub; pair the till again');
  }
  if (row.status === 'revoked') throw refuse(request, 'device_revoked', 'this device was revoked by an admin; pair it again with a new code');
  if (row.status === 'retired') throw refuse(request, 'device_retired', 'another device was paired to this terminal since; pair this one again with a new code');
  if (row.device_id === null && row.legacy_token_used === false) {
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

/** Checks the admin token; with a throttle, an address over its limit is refused whatever it sends. */
export async function requireAdmin(db: Sql, adminTokenHash: Buffer, request: FastifyRequest, throttle?: AuthThrottle): Promise<void> {
  if (throttle !== undefined) {
    const wait = await throttle.blockedFor(db, throttleKey(request.ip));
    if (wait !== undefined) throw throttled(request, wait);
  }
  const token = bearerToken(request.headers.authorization);
  if (token === undefined) throw await failed(db, throttle, request, 'unauthorized', 'the admin bearer token is required');
  if (!sameToken(token, adminTokenHash)) throw await failed(db, throttle, request, 'unauthorized', 'wrong admin token');
}
