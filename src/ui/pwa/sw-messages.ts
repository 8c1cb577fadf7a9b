// The few messages the service worker and the page exchange, in one place both import.
// The service worker cannot open the OPFS database: it only wakes a page, and the page pushes.

/** Background Sync tag registered when a sale waits for the hub; the SW's `sync` handler wakes the till. */
export const PUSH_SYNC_TAG = 'ezo-push';

/** SW -> page: "push your queue now". Sent with a MessagePort; the page answers on it with a WakeAck. */
export const WAKE_MESSAGE_TYPE = 'ezo-sync';

/** Page -> waiting SW: activate now (sent only when no sale is open; workbox-window sends this shape). */
export const SKIP_WAITING_TYPE = 'SKIP_WAITING';

export interface WakeMessage {
  type: typeof WAKE_MESSAGE_TYPE;
}

/** ok: this tab pushed (or had nothing to push). false: it could not (not the database owner, hub unreachable). */
export interface WakeAck {
  ok: boolean;
}

export function isWakeMessage(data: unknown): data is WakeMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === WAKE_MESSAGE_TYPE;
}

export function isWakeAck(data: unknown): data is WakeAck {
  return typeof data === 'object' && data !== null && typeof (data as { ok?: unknown }).ok === 'boolean';
}

export function isSkipWaiting(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SKIP_WAITING_TYPE;
}
