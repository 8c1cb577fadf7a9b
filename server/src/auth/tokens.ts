// Bearer tokens: 32 random bytes shown once, stored only as their SHA-256, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random bytes in a token; 256 bits cannot be guessed, so a plain hash (no salt, no KDF) suffices. */
export const TOKEN_BYTES = 32;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Equal-length digests compared without an early exit, so timing reveals nothing about the token. */
export function sameToken(presented: string, expectedHash: Buffer): boolean {
  const got = hashToken(presented);
  return got.length === expectedHash.length && timingSafeEqual(got, expectedHash);
}

/** The token in `Authorization: Bearer <token>`, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]{1,512})\s*$/i.exec(header);
  return match?.[1];
}
