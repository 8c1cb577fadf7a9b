// Turns whatever a worker call rejected with into a sentence staff can act on. TillErrors are
// recognised by name and code (they cross Comlink as data, so instanceof would fail).
import { isTillError, type TillErrorCode } from '../api/till-error.ts';

const ADVICE: Record<TillErrorCode, string> = {
  invalid: 'The till refused this input.',
  not_found: 'It was not found on this till.',
  not_owner: 'Another tab holds the till; use that tab or take over.',
  moved: 'This tab handed the till to another tab; reload to take it back.',
  quota_exceeded: 'The device storage is full; nothing was saved. Free space or sync, then try again.',
  schema_too_new: 'The data on this device is from a newer version; reload to update the app.',
  sqlite: 'The local database refused the change; nothing was saved.',
  not_paired: 'This till is not paired with a server yet.',
  offline: 'The server cannot be reached right now.',
  unauthorized: 'The server refused this terminal; pair it again.',
  bad_response: 'The server answered something unexpected.',
  internal: 'Something went wrong inside the till.',
};

/** "Could not record the sale: The till refused this input. (empty cart)" */
export function errorText(e: unknown, doing: string): string {
  if (isTillError(e)) {
    const detail = e.message.trim() === '' ? '' : ` (${e.message})`;
    return `Could not ${doing}: ${ADVICE[e.code] ?? e.message}${detail}`;
  }
  const message = e instanceof Error ? e.message : String(e);
  return `Could not ${doing}: ${message}`;
}
