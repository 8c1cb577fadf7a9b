// Checking a PIN against the hash the hub sent in the pull: `scrypt$N$r$p$<salt b64>$<hash b64>`
// (the hub hashes with node:crypto scrypt; the till verifies with @noble/hashes, offline). The
// parameters come from the wire, so they are bounded: a hash that would make the till spend seconds
// or hundreds of MiB is refused as malformed instead of verified.
import { scryptAsync } from '@noble/hashes/scrypt.js';

/** 2^17: 128 MiB at r=8. The hub uses 2^14; anything above this is not ours. */
const MAX_LOG2_N = 17;
const MAX_R = 16;
const MAX_P = 4;
const MIN_HASH_BYTES = 16;
const MAX_HASH_BYTES = 64;

export interface PinHash {
  n: number;
  r: number;
  p: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

function base64Bytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function boundedInt(text: string | undefined, max: number): number | null {
  if (text === undefined || !/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const value = Number(text);
  return value <= max ? value : null;
}

/** The hash's parts, or null when it is not a hash this till can (or should) verify. */
export function parsePinHash(text: string): PinHash | null {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const n = boundedInt(parts[1], 2 ** MAX_LOG2_N);
  const r = boundedInt(parts[2], MAX_R);
  const p = boundedInt(parts[3], MAX_P);
  if (n === null || r === null || p === null || n < 2 || (n & (n - 1)) !== 0) return null;
  const salt = base64Bytes(parts[4] ?? '');
  const hash = base64Bytes(parts[5] ?? '');
  if (salt === null || hash === null || salt.length < 8 || hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) return null;
  return { n, r, p, salt, hash };
}

/** Compares in time that depends on the length only. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** True when `pin` is the PIN the hash was made from; false for a wrong PIN or a hash we cannot read. */
export async function verifyPin(pin: string, pinHash: string): Promise<boolean> {
  const parsed = parsePinHash(pinHash);
  if (parsed === null) return false;
  const derived = await scryptAsync(new TextEncoder().encode(pin), parsed.salt, {
    N: parsed.n,
    r: parsed.r,
    p: parsed.p,
    dkLen: parsed.hash.length,
    maxmem: 2 ** 30,
  });
  return sameBytes(derived, parsed.hash);
}
