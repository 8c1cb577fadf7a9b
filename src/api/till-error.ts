// Errors are data. Every failure the worker reports to the UI is a TillError with a stable `code`;
// it crosses Comlink (structured clone keeps only name and message) through the transfer handler in
// error-transfer.ts, and the UI recognises it by `name`, never by instanceof.

export const TillErrorCode = {
  /** Input the till refuses (empty cart, unpaid sale, over-refund...). */
  invalid: 'invalid',
  not_found: 'not_found',
  /** Another tab owns the database on this device. */
  not_owner: 'not_owner',
  /** This tab's database was handed to another tab. */
  moved: 'moved',
  /** The browser refused to store more (QuotaExceededError); nothing was saved. */
  quota_exceeded: 'quota_exceeded',
  /** The database on disk is newer than this build of the app. */
  schema_too_new: 'schema_too_new',
  /** SQLite refused the statement (constraint, immutability trigger, I/O). */
  sqlite: 'sqlite',
  /** Selling or refunding needs an open shift (opening float counted). */
  no_shift: 'no_shift',
  /** The till is not paired with a server yet. */
  not_paired: 'not_paired',
  /** The server could not be reached. */
  offline: 'offline',
  /** The server refused the terminal's token. */
  unauthorized: 'unauthorized',
  /** The server answered something the contract does not allow. */
  bad_response: 'bad_response',
  /** Nobody is signed in at the till: the PIN lock screen comes first. */
  signed_out: 'signed_out',
  /** The signed-in staff member may not do this, and no manager approved it. */
  forbidden: 'forbidden',
  /** The hub does not know the pairing code, or it expired or was used (one answer for all three). */
  pairing_code_invalid: 'pairing_code_invalid',
  /** Pairing with another store while this till holds unsynced items of the old one: refused. */
  store_switch_unsynced: 'store_switch_unsynced',
  /** Pairing as another terminal while this till holds unsynced items made as the old one: refused. */
  terminal_switch_unsynced: 'terminal_switch_unsynced',
  /** Pairing as another terminal or store while a shift opened as the current one is open: refused. */
  switch_open_shift: 'switch_open_shift',
  internal: 'internal',
} as const;
export type TillErrorCode = (typeof TillErrorCode)[keyof typeof TillErrorCode];

export const TILL_ERROR_NAME = 'TillError';

export class TillError extends Error {
  override readonly name = TILL_ERROR_NAME;
  readonly code: TillErrorCode;
  /** SQLite's result code, when the error came from SQLite. */
  readonly sqliteCode: number | undefined;

  constructor(code: TillErrorCode, message: string, options?: { cause?: unknown; sqliteCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.sqliteCode = options?.sqliteCode;
  }
}

/** Serialisable form, used by the Comlink transfer handler. */
export interface TillErrorData {
  name: typeof TILL_ERROR_NAME;
  code: TillErrorCode;
  message: string;
  sqliteCode?: number;
}

export function isTillError(e: unknown): e is { name: typeof TILL_ERROR_NAME; code: TillErrorCode; message: string } {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === TILL_ERROR_NAME && typeof (e as { code?: unknown }).code === 'string';
}

export function hasTillErrorCode(e: unknown, code: TillErrorCode): boolean {
  return isTillError(e) && e.code === code;
}
