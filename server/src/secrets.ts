// Tokens the hub keeps in its data directory: the generated admin token (when ADMIN_TOKEN is unset)
// and, on a --demo hub only, the demo terminal's plain token. Files are readable by the owner only.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { newToken } from './auth/tokens.ts';

const OWNER_ONLY = 0o600;

export function readSecret(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

export function writeSecret(file: string, value: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${value}\n`, { mode: OWNER_ONLY });
}

/** The stored token, or a new one stored now; `created` says which. */
export function secretOrNew(file: string): { value: string; created: boolean } {
  const existing = readSecret(file);
  if (existing !== undefined && existing !== '') return { value: existing, created: false };
  const value = newToken();
  writeSecret(file, value);
  return { value, created: true };
}
