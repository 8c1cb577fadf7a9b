// What starts a sync pass besides staff's "Sync now": the periodic timer, the device coming online,
// a burst of local writes going quiet, and the retry timer at the earliest backoff's end. It owns
// the timers and the online listener; the scheduler (run-loop.ts) merges what they ask for.
import type { RunLoop } from './run-loop.ts';

/** The periodic pull and push. */
export const SYNC_INTERVAL_MS = 15 * 60_000;
/** A burst of local writes (a sale and its refund, a stock count) goes out as one batch. */
export const PUSH_DEBOUNCE_MS = 250;

export interface SyncTriggers {
  /** The periodic timer and the online listener. */
  start(): void;
  /** Clears every timer and listener; nothing more is asked for until start(). */
  stop(): void;
  /** A local write was queued: push once writes pause for PUSH_DEBOUNCE_MS. */
  localWrite(): void;
  /** Re-arms the retry timer to fire in `retryIn()` ms (until the earliest future next_attempt_at), or leaves it off for null. */
  armRetry(retryIn: () => Promise<number | null>): Promise<void>;
}

export function createSyncTriggers(loop: RunLoop): SyncTriggers {
  let interval: ReturnType<typeof setInterval> | null = null;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  /** When the last local write was queued (Date.now, the timers' own clock). */
  let lastLocalWrite = 0;

  const onOnline = () => void loop.request({ pull: true, push: true, revive: true });

  /** A write does not re-create the timer: the timer, when it fires, waits out the rest of the quiet spell. */
  function armDebounce(ms: number): void {
    debounce = setTimeout(() => {
      debounce = null;
      const quietFor = Date.now() - lastLocalWrite;
      if (quietFor < PUSH_DEBOUNCE_MS) armDebounce(PUSH_DEBOUNCE_MS - quietFor);
      else void loop.request({ push: true });
    }, ms);
  }

  function clearRetry(): void {
    if (retry !== null) clearTimeout(retry);
    retry = null;
  }

  return {
    start() {
      interval ??= setInterval(() => void loop.request({ pull: true, push: true, revive: true }), SYNC_INTERVAL_MS);
      globalThis.addEventListener?.('online', onOnline);
    },
    stop() {
      if (debounce !== null) clearTimeout(debounce);
      if (interval !== null) clearInterval(interval);
      clearRetry();
      interval = debounce = null;
      globalThis.removeEventListener?.('online', onOnline);
    },
    localWrite() {
      if (loop.stopped) return;
      lastLocalWrite = Date.now();
      if (debounce === null) armDebounce(PUSH_DEBOUNCE_MS);
    },
    async armRetry(retryIn) {
      clearRetry();
      const ms = await retryIn();
      if (ms === null || loop.stopped) return;
      retry = setTimeout(() => {
        retry = null;
        void loop.request({ push: true });
      }, ms);
    },
  };
}
