// The sync status staff see, and its subscribers. Pending and failed counts are read from
// sync_queue every time the status is built (never a flag that can drift); everything else is
// the engine's current phase and the last outcome. Listeners arrive through Comlink as proxies:
// one that throws or rejects (its tab went away) is dropped.
import type { SqlExecutor } from './sql-connection.ts';
import type { StatusListener, SyncProgress, SyncStatus } from '../api/till-api.ts';
import { queueCounts } from './queue-store.ts';
import { readSyncState } from './sync-state-store.ts';

/**
 * After a status goes out, the engine's changes within this window reach listeners as one: staff
 * cannot see a shorter delay, and a pull reports progress per page. The first change after a quiet
 * spell, and every local write, goes out in the next task.
 */
export const STATUS_COALESCE_MS = 50;

export interface LivePhase {
  paired: boolean;
  authorised: boolean;
  pulling: boolean;
  pushing: boolean;
  firstSync: SyncProgress | null;
}

export interface StatusHub {
  build(): Promise<SyncStatus>;
  subscribe(listener: StatusListener): Promise<void>;
  /**
   * Rebuilds the status and sends it to every listener, in a later task. `prompt` (a local write:
   * staff must not read "All synced" after a sale) goes out in the next task; other changes (the
   * engine's progress) within STATUS_COALESCE_MS of the last status go out together.
   */
  changed(prompt?: boolean): void;
  /** Resolves when the last changed() has been delivered (tests, stop()). */
  settled(): Promise<void>;
}

/** `phase` is read afresh for every status: paired and authorised come from the settings table. */
export function createStatusHub(db: SqlExecutor, phase: () => Promise<LivePhase>, isOnline: () => boolean): StatusHub {
  const listeners = new Set<StatusListener>();
  let scheduled: Promise<void> | null = null;
  /** A broadcast is scheduled but has not read the status yet: a change now is already covered. */
  let waiting = false;
  /** When the last broadcast started (Date.now, the timers' clock). */
  let lastBroadcastAt = Number.NEGATIVE_INFINITY;
  let again = false;

  async function build(): Promise<SyncStatus> {
    const counts = await queueCounts(db);
    const state = await readSyncState(db);
    const p = await phase();
    return {
      paired: p.paired,
      online: isOnline(),
      authorised: p.authorised,
      pulling: p.pulling,
      pushing: p.pushing,
      pending: counts.pending,
      failed: counts.failed,
      lastPullAt: state.lastPullAt,
      lastPushAt: state.lastPushAt,
      lastError: state.lastError,
      firstSync: p.firstSync,
    };
  }

  function deliver(listener: StatusListener, status: SyncStatus): void {
    try {
      const result: unknown = listener(status);
      if (result instanceof Promise) result.catch(() => listeners.delete(listener));
    } catch {
      listeners.delete(listener);
    }
  }

  /** The timer of the scheduled broadcast while it waits, and the function that ends the wait. */
  let timer: ReturnType<typeof setTimeout> | null = null;
  let fire: (() => void) | null = null;

  // Never now: the call that caused the change (a sale being recorded) answers first instead of
  // queueing behind the status reads; at the earliest in the next task.
  function schedule(ms: number): void {
    waiting = true;
    scheduled = new Promise<void>((resolve) => {
      fire = () => {
        timer = null;
        fire = null;
        resolve();
      };
      timer = setTimeout(fire, ms);
    })
      .then(() => {
        waiting = false;
        lastBroadcastAt = Date.now();
        return broadcast();
      })
      .finally(() => {
        scheduled = null;
      });
  }

  function bringForward(): void {
    if (timer === null || fire === null) return;
    clearTimeout(timer);
    timer = setTimeout(fire, 0);
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
    build,
    async subscribe(listener) {
      listeners.add(listener);
      deliver(listener, await build());
    },
    changed(prompt = false) {
      if (scheduled !== null) {
        if (!waiting) again = true; // being read now: read once more after
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
