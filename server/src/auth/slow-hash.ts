// PINs and back-office passwords, stored only as slow salted hashes (scrypt from node:crypto). A PIN
// hash travels to the tills of the member's stores, which verify PINs offline against it, so its cost
// is what a tablet can afford per attempt (PIN_SCRYPT in the contract: about 100-300 ms in a browser).
// A password never leaves the hub, so it gets the stronger cost OWASP recommends for scrypt.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { formatPinHash, parsePinHash, PIN_SCRYPT } from '@ezo/contract/staff';

/** N = 2^17, r = 8, p = 1: 128 MiB per hash, so a stolen table costs an attacker dearly per guess. */
const PASSWORD_SCRYPT = { N: 131_072, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;

function scrypt(secret: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; node refuses more than maxmem (32 MiB by default).
  const maxmem = 256 * (options.N ?? 0) * (options.r ?? 8) + 1_048_576;
  return new Promise((resolve, reject) => {
    scryptCallback(secret, salt, keyBytes, { ...options, maxmem }, (err, key) => (err === null ? resolve(key) : reject(err)));
  });
}

async function hashWith(secret: string, params: { N: number; r: number; p: number; saltBytes: number; keyBytes: number }): Promise<string> {
  const salt = randomBytes(params.saltBytes);
  const key = await scrypt(secret, salt, params.keyBytes, { N: params.N, r: params.r, p: params.p });
  return formatPinHash({ N: params.N, r: params.r, p: params.p, salt: salt.toString('base64'), key: key.toString('base64') });
}

async function verifyWith(secret: string, stored: string): Promise<boolean> {
  const parts = parsePinHash(stored);
  if (parts === null) return false;
  const expected = Buffer.from(parts.key, 'base64');
  const key = await scrypt(secret, Buffer.from(parts.salt, 'base64'), expected.length, { N: parts.N, r: parts.r, p: parts.p });
  return timingSafeEqual(key, expected);
}

/** The contract's PIN hash format, at the contract's PIN cost. */
export function hashPin(pin: string): Promise<string> {
  return hashWith(pin, PIN_SCRYPT);
}

export function verifyPin(pin: string, stored: string): Promise<boolean> {
  return verifyWith(pin, stored);
}

/** The same format as a PIN hash, at the password cost; never sent anywhere. */
export function hashPassword(password: string): Promise<string> {
  return hashWith(password, PASSWORD_SCRYPT);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  // parsePinHash bounds the cost for tills; a password hash is the hub's own, checked by shape here.
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/.exec(stored);
  if (m === null) return false;
  const expected = Buffer.from(m[5] ?? '', 'base64');
  const key = await scrypt(password, Buffer.from(m[4] ?? '', 'base64'), expected.length, { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) });
  return timingSafeEqual(key, expected);
}
