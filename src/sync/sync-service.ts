// The sync engine the database worker hosts: pairing, the pull of master data, the queue processor
// that pushes sales, adjustments and product edits, and the status staff see. Built on the worker's
// open connection with injected clock, fetch, randomness and locks, so Node tests drive all of it.
//
// The scheduler (one run at a time; requests made during a run are merged into the next one):
//
//            start(): app start         syncNow(), online event,       notifyLocalWrite()
//            every SYNC_INTERVAL_MS     service-worker wake-up         (debounced PUSH_DEBOUNCE_MS),
//            (these also revive rows parked after transient failures, once the pull gets an answer)
//                 |                             |                       retry timer (earliest
//                 +-------------+---------------+                       next_attempt_at)
//                               v                                               |
//   +------> IDLE ---------> request {pull, push} <-----------------------------+
//   |                               |
//   |        not paired / not authorised (401) / offline: nothing is sent; status says why
//   |                               v
//   |                          PULLING  (pages until has_more = false; a 401 marks unauthorised)
//   |                               v
//   |                          PUSHING  (under the sender lock; see push.ts for one item's states)
//   |                               |--- server reachable again after a failure, or a product edit
//   |                               |    answered: request a pull (the hub's version must arrive)
//   |                               v
//   +---------------------- arm the retry timer at the earliest future next_attempt_at
import type { SqlConnection } from './sql-connection.ts';
import type { SyncService, SyncServiceDeps } from '../api/service-parts.ts';
import type { Pairing, ProductEditInput, ProductView, QueueItemView, StatusListener, SyncProgress, SyncStatus } from '../api/till-api.ts';
import type { UpstreamBatch } from '@ezo/contract/upstream';
import type { TerminalInfo } from '@ezo/contract/terminal';
import { createHubClient } from './hub-client.ts';
import { createSenderLock } from './sender-lock.ts';
import { createStatusHub } from './status-hub.ts';
import { markUnauthorised, readPairing, type StoredPairing } from './pairing-store.ts';
import { fetchDemoPairing, pair as pairWithHub } from './pairing.ts';
import { pullAll } from './pull.ts';
import { pushAll } from './push.ts';
import { editProduct as writeProductEdit } from './edit-product.ts';
import { failedItems as readFailedItems, pruneCompleted, reviveTransientFailures, COMPLETED_RETENTION_MS } from './queue-store.ts';
import { retryFailed as retryFailedRows } from './retry-failed.ts';
import { exportUnsynced as exportQueue } from './export-unsynced.ts';
import { saveLastError, type SyncError } from './sync-state-store.ts';
import { QueueStatus } from './outbox.ts';

/** The periodic pull and push. */
export const SYNC_INTERVAL_MS = 15 * 60_000;
/** A burst of local writes (a sale and its refund, a stock count) goes out as one batch. */
export const PUSH_DEBOUNCE_MS = 250;

interface Wanted {
  pull: boolean;
  push: boolean;
  /**
   * Staff or the device asked (Sync now, online, a service-worker wake-up, the periodic timer, app
   * start): rows parked after MAX_ATTEMPTS transient failures go out again if the hub answers the pull.
   * Local-write and retry-timer passes do not revive them, so a hub that keeps failing is not hammered.
   */
  revive: boolean;
}

export function createSyncService(db: SqlConnection, deps: SyncServiceDeps): SyncService {
  const now = () => deps.clock.now();
  const iso = () => new Date(now()).toISOString();
  const client = createHubClient(deps.fetch, now);
  const senderLock = createSenderLock(deps.locks);

  let pulling = false;
  let pushing = false;
  let firstSync: SyncProgress | null = null;
  /** False after a network failure: the next answer from the hub triggers a pull. */
  let reachable = true;
  /** The last pull failed: a push-only run that succeeds must not clear that error (the catalog is still stale). */
  let pullFailing = false;
  let stopped = false;
  let demoAsked = false;
  let wanted: Wanted = { pull: false, push: false, revive: false };
  let loop: Promise<void> | null = null;
  let intervalTimer: ReturnType<typeof setInterval> | null = null;
  let debounceTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * The stored pairing, read once and kept: every sale asks for the terminal, and only pairing and
   * a 401 change what is stored (both through this service, which forgets the copy after writing).
   * A read started before a write is queued ahead of it on the connection, so it cannot land later.
   */
  let pairingRead: Promise<StoredPairing | null> | null = null;
  const storedPairing = (): Promise<StoredPairing | null> => {
    const read = (pairingRead ??= readPairing(db));
    read.catch(() => {
      if (pairingRead === read) pairingRead = null; // a failed read is not kept
    });
    return read;
  };
  const forgetPairing = () => {
    pairingRead = null;
  };

  const status = createStatusHub(
    db,
    async () => {
      const pairing = await storedPairing();
      return { paired: pairing !== null, authorised: pairing?.authorised ?? true, pulling, pushing, firstSync };
    },
    deps.isOnline,
  );

  async function setError(error: Omit<SyncError, 'at'> | null): Promise<void> {
    await saveLastError(db, error === null ? null : { ...error, at: iso() });
  }

  function request(w: Partial<Wanted>): Promise<void> {
    if (stopped) return Promise.resolve();
    wanted = { pull: wanted.pull || (w.pull ?? false), push: wanted.push || (w.push ?? false), revive: wanted.revive || (w.revive ?? false) };
    loop ??= runLoop();
    return loop;
  }

  async function runLoop(): Promise<void> {
    await Promise.resolve(); // `loop` is assigned before anything below can finish
    try {
      while ((wanted.pull || wanted.push) && !stopped) {
        const w = wanted;
        wanted = { pull: false, push: false, revive: false };
        try {
          await runOnce(w);
        } catch (e) {
          if (!stopped) await setError({ code: 'internal', message: e instanceof Error ? e.message : String(e) }).catch(() => undefined);
        }
        if (!stopped) await armRetryTimer().catch(() => undefined);
        status.changed();
      }
    } finally {
      loop = null;
    }
  }

  async function runOnce(w: Wanted): Promise<void> {
    let pairing = await storedPairing();
    if (pairing === null && deps.appOrigin !== null && !demoAsked) {
      demoAsked = true;
      pairing = await tryDemoPairing(deps.appOrigin);
    }
    if (pairing === null) {
      if (deps.appOrigin === null) await setError({ code: 'not_paired', message: 'This till is not paired with a server yet.' });
      return;
    }
    if (!pairing.authorised) return;
    if (!deps.isOnline()) return;
    let failed = false;

    if (w.pull) {
      pulling = true;
      status.changed();
      const result = await pullAll({
        db,
        client,
        pairing,
        now,
        stopped: () => stopped,
        onProgress: (progress) => {
          firstSync = progress;
          status.changed();
        },
      }).finally(() => {
        pulling = false;
      });
      if (result.kind === 'stopped') return;
      if (result.kind === 'unauthorised') return unauthorised();
      pullFailing = result.kind === 'error';
      if (result.kind === 'error') {
        failed = true;
        reachable = result.code !== 'offline';
        await setError({ code: result.code, message: result.message });
      } else {
        reachable = true;
        if (w.revive) await reviveParked();
      }
    }

    if (w.push) {
      pushing = true;
      status.changed();
      const result = await senderLock(() =>
        pushAll({ db, client, pairing, now, random: deps.random, newUuid: deps.newUuid, stopped: () => stopped, onQueueChanged: () => status.changed() }),
      ).finally(() => {
        pushing = false;
      });
      if (result.kind === 'stopped') return;
      if (result.kind === 'unauthorised') return unauthorised();
      const reached = result.kind === 'ok' || result.reachedServer;
      if (reached && !reachable) wanted.pull = true; // the hub is back: fetch what changed meanwhile
      reachable = reached;
      if (result.kind === 'error') {
        failed = true;
        await setError({ code: result.code, message: result.message });
      } else if (result.productEditsResolved) wanted.pull = true;
      await pruneCompleted(db, new Date(now() - COMPLETED_RETENTION_MS).toISOString());
    }
    if (!failed && !(pullFailing && !w.pull)) await setError(null);
  }

  /** The hub answered: rows parked only because it did not (failed_transient) go out again in this pass's push. */
  async function reviveParked(): Promise<void> {
    const revived = await db.transaction((tx) => reviveTransientFailures(tx));
    if (revived === 0) return;
    wanted.push = true; // in case this pass was pull-only
    status.changed();
  }

  async function unauthorised(): Promise<void> {
    try {
      await markUnauthorised(db);
    } finally {
      forgetPairing();
    }
    await setError({ code: 'unauthorized', message: 'Terminal not authorised: the server refused its token. Pair the till again.' });
  }

  async function tryDemoPairing(appOrigin: string) {
    const demo = await fetchDemoPairing(client, appOrigin);
    if (demo.kind === 'not_demo') {
      await setError({ code: 'not_paired', message: 'This till is not paired, and the server is not in demo mode: pair it with a server address and terminal token.' });
      return null;
    }
    if (demo.kind === 'error') {
      demoAsked = false; // ask again on the next trigger
      await setError({ code: 'not_paired', message: `This till is not paired; asking for demo pairing failed: ${demo.message}` });
      return null;
    }
    try {
      await pairWithHub(db, client, demo.pairing.server_url, demo.pairing.token);
    } catch (e) {
      demoAsked = false;
      await setError({ code: 'not_paired', message: `Demo pairing failed: ${e instanceof Error ? e.message : String(e)}` });
      return null;
    } finally {
      forgetPairing();
    }
    return storedPairing();
  }

  async function armRetryTimer(): Promise<void> {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    const t = now();
    const row = await db.get<{ at: number | null }>(
      `SELECT min(next_attempt_at) AS at FROM sync_queue WHERE status = ${QueueStatus.pending} AND next_attempt_at > ?`,
      [t],
    );
    const at = row?.at ?? null;
    if (at === null || stopped) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void request({ push: true });
    }, at - t);
  }

  const onOnline = () => {
    status.changed(true);
    void request({ pull: true, push: true, revive: true });
  };
  const onOffline = () => status.changed(true);

  /** When the last local write was queued (Date.now, the timers' own clock). */
  let lastLocalWrite = 0;

  /** The push waits for PUSH_DEBOUNCE_MS without local writes; a write does not re-create the timer. */
  function notifyLocalWrite(): void {
    status.changed(true);
    if (stopped) return;
    lastLocalWrite = Date.now();
    if (debounceTimer === null) armPushDebounce(PUSH_DEBOUNCE_MS);
  }

  function armPushDebounce(ms: number): void {
    debounceTimer = setTimeout(() => {
      debounceTimer = null;
      const quietFor = Date.now() - lastLocalWrite;
      if (quietFor < PUSH_DEBOUNCE_MS) armPushDebounce(PUSH_DEBOUNCE_MS - quietFor);
      else void request({ push: true });
    }, ms);
  }

  return {
    async start() {
      stopped = false;
      if (intervalTimer === null) intervalTimer = setInterval(() => void request({ pull: true, push: true, revive: true }), SYNC_INTERVAL_MS);
      globalThis.addEventListener?.('online', onOnline);
      globalThis.addEventListener?.('offline', onOffline);
      void request({ pull: true, push: true, revive: true });
      await Promise.resolve();
    },

    async stop() {
      stopped = true;
      for (const t of [debounceTimer, retryTimer]) if (t !== null) clearTimeout(t);
      if (intervalTimer !== null) clearInterval(intervalTimer);
      intervalTimer = debounceTimer = retryTimer = null;
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('offline', onOffline);
      client.abortAll();
      if (loop !== null) await loop;
      await status.settled();
    },

    notifyLocalWrite,

    async terminal(): Promise<TerminalInfo | null> {
      return (await storedPairing())?.terminal ?? null;
    },

    async pairing(): Promise<Pairing | null> {
      const p = await storedPairing();
      return p === null ? null : { serverUrl: p.serverUrl, terminal: p.terminal };
    },

    async pair(serverUrl: string, token: string): Promise<Pairing> {
      let result: Pairing;
      try {
        result = await pairWithHub(db, client, serverUrl, token);
      } finally {
        forgetPairing();
      }
      reachable = true;
      await setError(null);
      status.changed(true);
      void request({ pull: true, push: true });
      return result;
    },

    async editProduct(edit: ProductEditInput): Promise<ProductView> {
      const view = await writeProductEdit(db, { now, newUuid: deps.newUuid }, edit);
      notifyLocalWrite();
      return view;
    },

    syncStatus(): Promise<SyncStatus> {
      return status.build();
    },

    subscribeSyncStatus(listener: StatusListener): Promise<void> {
      return status.subscribe(listener);
    },

    syncNow(): Promise<void> {
      return request({ pull: true, push: true, revive: true });
    },

    failedItems(): Promise<QueueItemView[]> {
      return readFailedItems(db);
    },

    async retryFailed(ids: number[]): Promise<number> {
      const moved = await retryFailedRows(db, ids);
      status.changed(true);
      if (moved > 0) void request({ push: true });
      return moved;
    },

    exportUnsynced(): Promise<UpstreamBatch> {
      return exportQueue(db, `export-${deps.newUuid()}`, iso());
    },
  };
}
