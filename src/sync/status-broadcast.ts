// Sending the sync status to its listeners: when a change goes out, and which changes go out as one.
// Listeners arrive through Comlink as proxies: one that throws or rejects (its tab went away) is dropped.
import type { StatusListener, SyncStatus } from '../api/till-api.ts';

/**
 * After a status goes out, the engine's changes within this window reach listeners as one: staff
 * cannot see a shorter delay, and a pull reports progress per page. The first change after a quiet
 * spell, and every prompt change, goes out in the next task.
 */
export const STATUS_COALESCE_MS = 50;

export interface StatusBroadcast {
  /** Adds the listener and sends it the status now. */
  subscribe(listener: StatusListener): Promise<void>;
  /**
   * Rebuilds the status and sends it to every listener, in a later task, never in the call that
   * caused the change (a sale answers first). `prompt` goes out in the next task; otherwise a
   * change within STATUS_COALESCE_MS of the last status waits for the end of that window.
   */
  changed(prompt: boolean): void;
  /** Resolves when the last change has been delivered. */
  settled(): Promise<void>;
}

export function createStatusBroadcast(build: () => Promise<SyncStatus>): StatusBroadcast {
  const listeners = new Set<StatusListener>();
  /** The broadcast scheduled or running; null when nothing is due. */
  let scheduled: Promise<void> | null = null;
  /** While the scheduled broadcast waits (it has not read the status yet, so a change now is already covered): its timer and what ends the wait early. */
  let waiting: { timer: ReturnType<typeof setTimeout>; fire: () => void } | null = null;
  /** A change arrived while the status was being read: read once more after. */
  let again = false;
  /** When the last broadcast started (Date.now, the timers' clock). */
  let lastBroadcastAt = Number.NEGATIVE_INFINITY;

  function deliver(listener: StatusListener, status: SyncStatus): void {
    try {
      const result: unknown = listener(status);
      if (result instanceof Promise) result.catch(() => listeners.delete(listener));
    } catch {
      listeners.delete(listener);
    }
  }

  function schedule(ms: number): void {
    scheduled = new Promise<void>((resolve) => {
      waiting = { timer: setTimeout(resolve, ms), fire: resolve };
    })
      .then(() => {
        waiting = null;
        lastBroadcastAt = Date.now();
        return broadcast();
      })
      .finally(() => {
        scheduled = null;
      });
  }

  function bringForward(): void {
    if (waiting === null) return;
    clearTimeout(waiting.timer);
    waiting.timer = setTimeout(waiting.fire, 0);
  }

  async function broadcast(): Promise<void> {
    do {
      again = false;
      if (listeners.size === 0) continue;
      let status: SyncStatus;
      try {
        status = await build();
      } catch {
        return; // the database closed under us (stop/takeover): nobody to tell
      }
      for (const l of [...listeners]) deliver(l, status);
    } while (again);
  }

  return {
    async subscribe(listener) {
      listeners.add(listener);
      deliver(listener, await build());
    },
    changed(prompt) {
      if (listeners.size === 0) return; // a new listener gets a fresh status when it subscribes
      if (scheduled !== null) {
        if (waiting === null) again = true; // being read now: read once more after
        else if (prompt) bringForward(); // not read yet: a prompt change must not wait
        return;
      }
      const sinceLast = Date.now() - lastBroadcastAt;
      schedule(prompt || sinceLast >= STATUS_COALESCE_MS ? 0 : STATUS_COALESCE_MS - sinceLast);
    },
    async settled() {
      while (scheduled !== null) await scheduled;
    },
  };
}
