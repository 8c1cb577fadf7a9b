// Pairing by one-time code. A code is 8 characters of a 32-letter alphabet (40 bits), stored only as its
// SHA-256 (it lives PAIRING_CODE_TTL_SECONDS and redeeming is rate limited, so a slow hash buys nothing),
// and used at most once: the redeeming UPDATE ... WHERE used_at IS NULL AND expires_at > now is atomic.
// Redeeming creates a device with its own token and receipt prefix and retires whatever credential the
// terminal had (its active device and its legacy token): one terminal, one active credential.
import { randomInt, randomUUID } from 'node:crypto';
import type { Paired, PairingCodeCreated, PairingRedeem } from '@ezo/contract/pairing';
import { formatPairingCode, normalizePairingCode, PAIRING_CODE_ALPHABET } from '@ezo/contract/pairing';
import { PAIRING_CODE_LENGTH, PAIRING_CODE_TTL_SECONDS } from '@ezo/contract/limits';
import type { Database, Sql } from '../db/database.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { HttpError } from '../http/api-error.ts';
import { lastShiftOf, terminalInfoOf } from './terminal-info.ts';
import { devicePrefix } from './device-prefix.ts';

/** The one answer to a wrong, expired or used code: it reveals nothing about which. */
export function pairingCodeInvalid(): HttpError {
  return new HttpError('pairing_code_invalid', 'this pairing code is wrong, expired or already used; ask for a new one');
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_CODE_ALPHABET[randomInt(PAIRING_CODE_ALPHABET.length)];
  return code;
}

/** `publicUrl`: the till's configured address, without a trailing slash (never the request's Host). */
export async function createPairingCode(db: Sql, terminalId: string, now: Date, publicUrl: string): Promise<PairingCodeCreated> {
  const terminal = await db.query('SELECT 1 FROM terminals WHERE id = $1', [terminalId]);
  if (terminal.length === 0) throw new HttpError('not_found', `no terminal ${terminalId}`);
  const code = newCode();
  const expires = new Date(now.getTime() + PAIRING_CODE_TTL_SECONDS * 1000);
  await db.query('INSERT INTO pairing_codes (code_hash, terminal_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [hashToken(code), terminalId, now, expires]);
  const shown = formatPairingCode(code);
  return { terminal_id: terminalId, code: shown, url: `${publicUrl}/?pair=${shown}`, expires_at: expires.toISOString() };
}

/** The terminal a code was made for, used or not (for the per-terminal rate limit); undefined when no such code. */
export async function terminalOfCode(db: Sql, code: string): Promise<string | undefined> {
  const normalized = normalizePairingCode(code);
  if (normalized === null) return undefined;
  const rows = await db.query<{ terminal_id: string }>('SELECT terminal_id::text AS terminal_id FROM pairing_codes WHERE code_hash = $1', [hashToken(normalized)]);
  return rows[0]?.terminal_id;
}

interface TerminalRow {
  id: string;
  name: string;
  receipt_prefix: string;
  legacy_token_used: boolean;
  store_id: string;
  store_name: string;
  currency: string;
  locale: string;
  idle_lock_seconds: number;
  discount_limit_percent: number;
}

export async function redeemPairingCode(db: Database, input: PairingRedeem, now: Date, protocolVersion: number): Promise<Paired> {
  const normalized = normalizePairingCode(input.code);
  if (normalized === null) throw pairingCodeInvalid();
  return db.transaction(async (tx) => {
    const used = await tx.query<{ terminal_id: string }>(
      `UPDATE pairing_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING terminal_id::text AS terminal_id`,
      [hashToken(normalized), now],
    );
    const terminalId = used[0]?.terminal_id;
    if (terminalId === undefined) throw pairingCodeInvalid();
    // The terminal row lock serialises pairings of one terminal (the partial unique index is the backstop).
    const rows = await tx.query<TerminalRow>(
      `SELECT t.id::text AS id, t.name, t.receipt_prefix, t.legacy_token_used, s.id::text AS store_id, s.name AS store_name, s.currency, s.locale,
              s.idle_lock_seconds, s.discount_limit_percent
         FROM terminals t JOIN stores s ON s.id = t.store_id WHERE t.id = $1 FOR UPDATE OF t`,
      [terminalId],
    );
    const t = rows[0];
    if (t === undefined) throw pairingCodeInvalid();
    await tx.query(`UPDATE devices SET status = 'retired', ended_at = $2 WHERE terminal_id = $1 AND status = 'active'`, [terminalId, now]);
    await tx.query('UPDATE terminals SET legacy_retired_at = COALESCE(legacy_retired_at, $2) WHERE id = $1', [terminalId, now]);
    const prefix = await devicePrefix(tx, { id: t.id, storeId: t.store_id, prefix: t.receipt_prefix, legacyTokenUsed: t.legacy_token_used });
    const deviceId = randomUUID();
    const token = newToken();
    await tx.query(
      `INSERT INTO devices (id, terminal_id, store_id, token_hash, receipt_prefix, label, status, paired_at, app_version, protocol_version)
       VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8, $9)`,
      [deviceId, terminalId, t.store_id, hashToken(token), prefix, input.device_label ?? null, now, input.app_version, protocolVersion],
    );
    await tx.query('UPDATE pairing_codes SET device_id = $2 WHERE code_hash = $1', [hashToken(normalized), deviceId]);
    const last = await lastShiftOf(tx, t.id);
    const terminal = terminalInfoOf({
      terminalId: t.id,
      terminalName: t.name,
      receiptPrefix: prefix,
      storeId: t.store_id,
      storeName: t.store_name,
      currency: t.currency.trim(),
      locale: t.locale,
      deviceId,
      idleLockSeconds: t.idle_lock_seconds,
      discountLimitPercent: t.discount_limit_percent,
    }, last);
    return { device_id: deviceId, device_token: token, terminal };
  });
}
