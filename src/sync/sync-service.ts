// The sync engine the database worker hosts, put together: pairing, the pull of master data, the
// queue processor that pushes sales, adjustments and product edits, and the status staff see. Built
// on the worker's open connection with injected clock, fetch, randomness and locks, so Node tests
// drive all of it. The parts, each holding its own state:
//   run-loop.ts       the scheduler (one pass at a time; its state diagram)
//   sync-triggers.ts  the periodic, online, debounce and retry timers that ask for passes
//   sync-pass.ts      one pass: pull, push, and the outcome as the last error
//   engine-phase.ts   what the engine is doing now (pulling, pushing, first-sync progress)
//   pairing-cache.ts  the stored pairing, dropped by any commit to settings
//   status-hub.ts     the status, rebuilt from the database's commits, the phase and the network
//   notice-stream.ts  the hub's live notices: a pull as soon as a change concerns this till
import type { SqlConnection } from './sql-connection.ts';
import type { Actor, SyncService, SyncServiceDeps } from '../api/service-parts.ts';
import type { Pairing, ProductEditInput, ProductView, QueueItemView, StatusListener, SyncStatus } from '../api/till-api.ts';
import type { UpstreamBatch } from '@ezo/contract/upstream';
import type { TerminalInfo } from '@ezo/contract/terminal';
import { createHubClient } from './hub-client.ts';
import { createSenderLock } from './sender-lock.ts';
import { createEnginePhase } from './engine-phase.ts';
import { createPairingCache } from './pairing-cache.ts';
import { createStatusHub } from './status-hub.ts';
import { createRunLoop } from './run-loop.ts';
import { createSyncPasses } from './sync-pass.ts';
import { createSyncTriggers } from './sync-triggers.ts';
import { pair as pairWithHub, redeemCode } from './pairing.ts';
import { APP_VERSION } from '../api/app-version.ts';
import { editProduct as writeProductEdit } from './edit-product.ts';
import { failedItems as readFailedItems, nextRetryAt } from './queue-store.ts';
import { retryFailed as retryFailedRows } from './retry-failed.ts';
import { exportUnsynced as exportQueue } from './export-unsynced.ts';
import { readSyncState, saveLastError } from './sync-state-store.ts';
import { createNoticeStream } from './notice-stream.ts';

export function createSyncService(db: SqlConnection, deps: SyncServiceDeps): SyncService {
  const now = () => deps.clock.now();
  const client = createHubClient(deps.fetch, now);
  const phase = createEnginePhase();
  const storedPairing = createPairingCache(db);
  const status = createStatusHub({ db, phase, pairing: () => storedPairing.read(), isOnline: deps.isOnline });
  const passes = createSyncPasses({ db, client, deps, pairing: storedPairing, phase, senderLock: createSenderLock(deps.locks), stopped: () => loop.stopped });
  /** When the pass in flight (or the last one) started: the retry timer counts the rows that came due since. */
  let passStartedAt = 0;
  const loop = createRunLoop(
    (wanted, more) => {
      passStartedAt = now();
      return passes.run(wanted, more);
    },
    async () => {
      // After every pass: pairing, authorisation or the network may have changed.
      notices?.ensure();
      await triggers.armRetry(async () => {
        const at = await nextRetryAt(db, passStartedAt);
        return at === null ? null : Math.max(0, at - now());
      });
    },
  );
  const triggers = createSyncTriggers(loop);
  const notices =
    deps.liveNotices === undefined
      ? null
      : createNoticeStream({
          fetch: deps.liveNotices,
          random: deps.random,
          now,
          isOnline: deps.isOnline,
          pairing: () => storedPairing.read(),
          cursor: async () => (await readSyncState(db)).cursor,
          pull: () => void loop.request({ pull: true }),
        });

  /** A pairing reached the hub: start syncing with it at once. */
  async function paired(result: Pairing): Promise<Pairing> {
    passes.hubAnswered();
    await saveLastError(db, null);
    void loop.request({ pull: true, push: true });
    return result;
  }

  return {
    async start() {
      loop.start();
      storedPairing.open();
      status.open();
      triggers.start();
      notices?.start();
      void loop.request({ pull: true, push: true, revive: true });
      await Promise.resolve();
    },

    async stop() {
      const finished = loop.stop();
      triggers.stop();
      notices?.stop();
      client.abortAll();
      await finished;
      await status.close();
      storedPairing.close();
    },

    notifyLocalWrite() {
      triggers.localWrite();
    },

    async terminal(): Promise<TerminalInfo | null> {
      return (await storedPairing.read())?.terminal ?? null;
    },

    async pairing(): Promise<Pairing | null> {
      const p = await storedPairing.read();
      return p === null ? null : { serverUrl: p.serverUrl, terminal: p.terminal, store: p.store };
    },

    async pair(serverUrl: string, token: string): Promise<Pairing> {
      return paired(await pairWithHub(db, client, serverUrl, token));
    },

    async pairWithCode(serverUrl: string, code: string): Promise<Pairing> {
      return paired(await redeemCode(db, client, serverUrl, code, APP_VERSION));
    },

    async editProduct(edit: ProductEditInput, actor: Actor): Promise<ProductView> {
      const view = await writeProductEdit(db, { now, newUuid: deps.newUuid }, edit, actor);
      triggers.localWrite();
      return view;
    },

    syncStatus(): Promise<SyncStatus> {
      return status.build();
    },

    subscribeSyncStatus(listener: StatusListener): Promise<void> {
      return status.subscribe(listener);
    },

    syncNow(): Promise<void> {
      return loop.request({ pull: true, push: true, revive: true });
    },

    failedItems(): Promise<QueueItemView[]> {
      return readFailedItems(db);
    },

    async retryFailed(ids: number[]): Promise<number> {
      const moved = await retryFailedRows(db, ids);
      if (moved > 0) void loop.request({ push: true });
      return moved;
    },

    exportUnsynced(): Promise<UpstreamBatch> {
      return exportQueue(db, `export-${deps.newUuid()}`, new Date(now()).toISOString());
    },
  };
}
