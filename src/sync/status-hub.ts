// The sync status staff see, and its subscribers. Pending and failed counts are read from
// sync_queue every time the status is built (never a flag that can drift); everything else is
// the engine's current phase and the last outcome. Listeners arrive through Comlink as proxies:
// one that throws or rejects (its tab went away) is dropped.
import type { SqlExecutor } from '../db/sql-connection';
import type { StatusListener, SyncProgress, SyncStatus } from '../api/till-api';
import { queueCounts } from './queue-store';
import { readSyncState } from './sync-state-store';

/**
 * Changes within this window reach listeners as one status: staff cannot see a shorter delay, and
 * a till ringing up sales back to back would otherwise count the queue after every one of them.
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
  /** Rebuilds the status and sends it to every listener; coalesces bursts into one read. */
  changed(): void;
  /** Resolves when the last changed() has been delivered (tests, stop()). */
  settled(): Promise<void>;
}

/** `phase` is read afresh for every status: paired and authorised come from the settings table. */
export function createStatusHub(db: SqlExecutor, phase: () => Promise<LivePhase>, isOnline: () => boolean): StatusHub {
  const listeners = new Set<StatusListener>();
  let scheduled: Promise<void> | null = null;
  /** A broadcast is scheduled but has not read the status yet: a change now is already covered. */
  let waiting = false;
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
    changed() {
      if (scheduled !== null) {
        if (!waiting) again = true;
        return;
      }
      // Later, not now: the call that caused the change (a sale being recorded) answers first
      // instead of queueing behind the status reads, and a burst of changes is one read.
      waiting = true;
      scheduled = delay(STATUS_COALESCE_MS)
        .then(() => {
          waiting = false;
          return broadcast();
        })
        .finally(() => {
          scheduled = null;
        });
    },
    async settled() {
      while (scheduled !== null) await scheduled;
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
