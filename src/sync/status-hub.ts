// The sync status staff see, read from its sources whenever one of them changes, never refreshed by
// hand: what is stored (sync_queue's pending and failed counts, sync_state's last pull, push and
// error, the pairing in settings), followed through the connection's commits; what the engine is
// doing (engine-phase.ts); and whether the device is online (navigator.onLine and its events).
import type { SqlConnection } from './sql-connection.ts';
import type { StatusListener, SyncStatus } from '../api/till-api.ts';
import type { StoredPairing } from './pairing-store.ts';
import { isBusy, type EnginePhase } from './engine-phase.ts';
import { createStatusBroadcast } from './status-broadcast.ts';
import { queueCounts } from './queue-store.ts';
import { readSyncState } from './sync-state-store.ts';

/** The tables the stored part of the status is read from: a commit that changed one of them changes the status. */
export const STATUS_TABLES: readonly string[] = ['sync_queue', 'sync_state', 'settings'];

export interface StatusSources {
  db: SqlConnection;
  phase: EnginePhase;
  /** The stored pairing (paired, authorised). */
  pairing: () => Promise<StoredPairing | null>;
  isOnline: () => boolean;
}

export interface StatusHub {
  build(): Promise<SyncStatus>;
  subscribe(listener: StatusListener): Promise<void>;
  /** Follows the sources (done when created; again after close()). */
  open(): void;
  /** Stops following them; resolves when the status in flight has been delivered. */
  close(): Promise<void>;
  /** Resolves when the last change has been delivered (tests). */
  settled(): Promise<void>;
}

export function createStatusHub(sources: StatusSources): StatusHub {
  const { db, phase } = sources;

  async function build(): Promise<SyncStatus> {
    const counts = await queueCounts(db);
    const state = await readSyncState(db);
    const pairing = await sources.pairing();
    const p = phase.get();
    return {
      paired: pairing !== null,
      online: sources.isOnline(),
      authorised: pairing?.authorised ?? true,
      removed: pairing?.removed ?? null,
      pulling: p.pulling,
      pushing: p.pushing,
      pending: counts.pending,
      failed: counts.failed,
      pendingSales: counts.pendingSales,
      failedSales: counts.failedSales,
      oldestUnsyncedAt: counts.oldestAt,
      lastPullAt: state.lastPullAt,
      lastPushAt: state.lastPushAt,
      lastError: state.lastError,
      firstSync: p.firstSync,
    };
  }

  const broadcast = createStatusBroadcast(build);
  /**
   * While the engine pulls or pushes, the bar says so and its changes (a page, a batch, a sale
   * meanwhile) go out as one per STATUS_COALESCE_MS. Otherwise a change (a sale, Retry, pairing,
   * the network coming and going) goes out in the next task: staff must not read "All synced" after a sale.
   */
  const changed = () => broadcast.changed(!isBusy(phase.get()));
  const onCommit = (tables: ReadonlySet<string>) => {
    if (STATUS_TABLES.some((t) => tables.has(t))) changed();
  };
  let detach: (() => void) | null = null;

  const hub: StatusHub = {
    build,
    subscribe: (listener) => broadcast.subscribe(listener),
    open() {
      if (detach !== null) return;
      const offCommit = db.onCommit(onCommit);
      const offPhase = phase.subscribe(changed);
      globalThis.addEventListener?.('online', changed);
      globalThis.addEventListener?.('offline', changed);
      detach = () => {
        offCommit();
        offPhase();
        globalThis.removeEventListener?.('online', changed);
        globalThis.removeEventListener?.('offline', changed);
      };
    },
    async close() {
      detach?.();
      detach = null;
      await broadcast.settled();
    },
    settled: () => broadcast.settled(),
  };
  hub.open();
  return hub;
}
