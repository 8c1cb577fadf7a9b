// Tells a replay from a conflict: the SHA-256 of the parsed item as canonical JSON (keys sorted at
// every depth), so key order or whitespace from the till never turns a resend into a "conflict".
import { createHash } from 'node:crypto';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(item: unknown): string {
  return createHash('sha256').update(canonical(item), 'utf8').digest('hex');
}
