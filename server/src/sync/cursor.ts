// The pull cursor: the last change version the till holds, e.g. "v1.4711". Versions are unique per row
// (one sequence value per versioned write, see migrations/001-initial.ts), so a page boundary can never
// fall inside one version and "version > cursor" alone neither skips nor repeats a row. The "v1." prefix
// leaves room for another encoding; anything else is a 400, never a silent restart from zero.
import { HttpError } from '../http/api-error.ts';

const CURSOR_PATTERN = /^v1\.(0|[1-9][0-9]{0,18})$/;
export const START_VERSION = 0n;
/** Versions are PostgreSQL bigints: a larger number was never issued, and comparing with it is a 500. */
const MAX_VERSION = 2n ** 63n - 1n;

export function encodeCursor(version: bigint): string {
  return `v1.${version.toString()}`;
}

export function decodeCursor(cursor: string | undefined): bigint {
  if (cursor === undefined) return START_VERSION;
  const match = CURSOR_PATTERN.exec(cursor);
  if (match?.[1] === undefined || BigInt(match[1]) > MAX_VERSION) {
    throw new HttpError('bad_request', 'last_synced_at is not a cursor this hub issued', [
      { path: 'last_synced_at', message: 'expected a cursor returned as `timestamp` by a previous pull' },
    ]);
  }
  return BigInt(match[1]);
}
