// Checking a PIN against the hash the hub sent in the pull: `scrypt$N$r$p$<salt b64>$<key b64>`
// (the hub hashes with node:crypto scrypt; the till verifies with @noble/hashes, offline). The
// parameters come from the wire, so the contract's parser bounds them: a hash that would make the
// till compute for seconds or take hundreds of MiB is treated as no match, never computed.
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { parsePinHash } from '@ezo/contract/staff';

/** Above what any in-bounds hash needs (128 B * N * r at the contract's maximum cost). */
const SCRYPT_MAXMEM = 2 ** 30;

function base64Bytes(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Compares in time that depends on the length only. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** True when `pin` is the PIN the hash was made from; false for a wrong PIN or a hash we cannot or will not read. */
export async function verifyPin(pin: string, pinHash: string): Promise<boolean> {
  const parts = parsePinHash(pinHash);
  if (parts === null) return false;
  const salt = base64Bytes(parts.salt);
  const key = base64Bytes(parts.key);
  if (salt === null || key === null) return false;
  const derived = await scryptAsync(new TextEncoder().encode(pin), salt, { N: parts.N, r: parts.r, p: parts.p, dkLen: key.length, maxmem: SCRYPT_MAXMEM });
  return sameBytes(derived, key);
}
