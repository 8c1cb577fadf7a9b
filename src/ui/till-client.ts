// The page's end of the database worker: starts the worker, wraps it with Comlink, and ties the
// worker's hold on the database to the page's lifecycle (pagehide closes it so a reload or another
// tab gets the database at once; a page restored from the back/forward cache asks for it again).
import { proxy, wrap, type Remote } from 'comlink';
import type { Ownership } from '../api/till-api.ts';
import { registerErrorTransfer } from '../api/error-transfer.ts';
import type { TillWorkerApi } from '../api/till-api.ts';

export interface TillClient {
  api: Remote<TillWorkerApi>;
  /** Starts (or restarts) this tab's claim on the database; `onOwnership` hears every later change. */
  start(onOwnership: (ownership: Ownership) => void): Promise<Ownership>;
}

export function createTillClient(): TillClient {
  registerErrorTransfer();
  const worker = new Worker(new URL('../db/worker.ts', import.meta.url), { type: 'module', name: 'ezo-db' });
  const api = wrap<TillWorkerApi>(worker);
  let listener: ((ownership: Ownership) => void) | null = null;

  window.addEventListener('pagehide', () => {
    // The page may be frozen or discarded right after this; the worker closes the database and
    // frees its locks as soon as the message arrives.
    api.release().catch(() => undefined);
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && listener !== null) {
      const notify = listener;
      api.start(proxy(notify)).then(notify, () => undefined);
    }
  });

  return {
    api,
    start(onOwnership) {
      listener = onOwnership;
      return api.start(proxy(onOwnership));
    },
  };
}
