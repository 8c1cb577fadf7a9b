// Pairing by one-time code (protocol 2). An admin makes a code for a terminal (single use, valid
// PAIRING_CODE_TTL_SECONDS); the till redeems it once and gets a device of its own: a token stored on
// the hub only as a hash, bound to that terminal, and a receipt prefix no other device of the store has.
// Pairing a new device to a terminal retires the one paired before (its requests answer 401 device_retired).
//
//   POST /api/v1/admin/terminals/:terminal_id/pairing-codes  -> PairingCodeCreated   (admin)
//   POST /api/v1/pairing/redeem  PairingRedeem                -> Paired               (no token)
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { IsoTime, Name, Uuid } from './primitives.ts';
import { terminalSchemas } from './terminal.ts';
import { PAIRING_CODE_LENGTH } from './limits.ts';

/** 32 characters without look-alikes: no 0/O, no 1/I. Upper case on the wire; input in either case. */
export const PAIRING_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const HALF = PAIRING_CODE_LENGTH / 2;
const CHAR = '[2-9A-HJ-NP-Za-hj-np-z]';
/** A code as people type it: either case, with or without the dash between its halves. */
const CODE_PATTERN = new RegExp(`^${CHAR}{${HALF}}-?${CHAR}{${HALF}}$`);

/** The code in its stored form (upper case, no dash), or null when `input` cannot be a code. */
export function normalizePairingCode(input: string): string | null {
  const trimmed = input.trim();
  if (!CODE_PATTERN.test(trimmed)) return null;
  return trimmed.replace('-', '').toUpperCase();
}

/** ABCD-EFGH: how a code is shown and printed. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, HALF)}-${code.slice(HALF)}`;
}

export const PairingCode = z
  .string()
  .regex(CODE_PATTERN, `a pairing code is ${PAIRING_CODE_LENGTH} letters and digits, e.g. ABCD-EFGH`)
  .describe(`${PAIRING_CODE_LENGTH} characters of ${PAIRING_CODE_ALPHABET}, shown as ABCD-EFGH; accepted in either case, with or without the dash.`);

/** The till's version as its build names it (package version, optionally +build). */
export const AppVersion = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z.+_-]+$/)
  .describe('The till app version, e.g. 1.4.0 or 1.4.0+abc123.');

export const pairingSchemas = oncePerBuilder((object) => {
  const { terminalInfo } = terminalSchemas(object);
  const redeem = object(
    {
      code: PairingCode,
      app_version: AppVersion,
      device_label: Name.optional().describe('A name for this device in the admin list, e.g. "iPad by the door".'),
    },
    { id: 'PairingRedeem', description: 'A till redeeming a pairing code.' },
  );
  const paired = object(
    {
      device_id: Uuid.describe('The new device.'),
      device_token: z.string().min(32).max(200).describe("The device's bearer token for every sync call, shown only here: the hub keeps only its hash."),
      terminal: terminalInfo,
    },
    { id: 'Paired', description: 'The device a redeemed code created, its token, and its terminal.' },
  );
  const codeParams = object({ terminal_id: Uuid.describe('The terminal to pair a device to.') });
  const codeCreated = object(
    {
      terminal_id: Uuid,
      code: PairingCode.describe('The code, shown as ABCD-EFGH.'),
      url: z.url().describe("The till's address with the code in it (…/?pair=ABCD-EFGH): opened on a tablet, e.g. from a QR code, it pairs with no typing."),
      expires_at: IsoTime.describe('After this the code pairs nothing; it pairs one device at most.'),
    },
    { id: 'PairingCodeCreated', description: 'A one-time pairing code for a terminal.' },
  );
  return { redeem, paired, codeParams, codeCreated };
});

type Schemas = ReturnType<typeof pairingSchemas>;
export type PairingRedeem = z.infer<Schemas['redeem']>;
export type Paired = z.infer<Schemas['paired']>;
export type PairingCodeCreated = z.infer<Schemas['codeCreated']>;
