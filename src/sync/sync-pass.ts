// One sync pass (PULLING then PUSHING in run-loop.ts's diagram): checks pairing, asks for demo
// pairing once, pulls, revives parked rows, pushes, prunes, and records the outcome as the last error.
// It owns what the engine remembers between passes: whether the hub answered last time, whether the
// last pull failed, whether demo pairing was asked for.
import type { SqlConnection } from './sql-connection.ts';
import type { SyncServiceDeps } from '../api/service-parts.ts';
import type { HubClient } from './hub-client.ts';
import type { SenderLock } from './sender-lock.ts';
import type { EnginePhase } from './engine-phase.ts';
import type { PairingCache } from './pairing-cache.ts';
import type { StoredPairing } from './pairing-store.ts';
import type { SyncPass, Wanted } from './run-loop.ts';
import { markUnauthorised } from './pairing-store.ts';
import { fetchDemoPairing, redeemCode } from './pairing.ts';
import { APP_VERSION } from '../api/app-version.ts';
import { sendDeviceReport } from './device-report.ts';
import { pullAll } from './pull.ts';
import { pushAll } from './push.ts';
import { makePendingDue, pruneCompleted, reviveTransientFailures, COMPLETED_RETENTION_MS } from './queue-store.ts';
import { saveLastError, type SyncError } from './sync-state-store.ts';

export interface PassContext {
  db: SqlConnection;
  client: HubClient;
  deps: SyncServiceDeps;
  pairing: PairingCache;
  phase: EnginePhase;
  senderLock: SenderLock;
  stopped: () => boolean;
}

export interface SyncPasses {
  run: SyncPass;
  /** Pairing just reached the hub: a push that reaches it next is not a comeback that needs a pull. */
  hubAnswered(): void;
}

export function createSyncPasses(ctx: PassContext): SyncPasses {
  const { db, client, deps, phase } = ctx;
  const now = () => deps.clock.now();
  /** False after a network failure: the next answer from the hub triggers a pull. */
  let reachable = true;
  /** The last pull failed: a push-only run that succeeds must not clear that error (the catalog is still stale). */
  let pullFailing = false;
  let demoAsked = false;

  async function setError(error: Omit<SyncError, 'at'> | null): Promise<void> {
    await saveLastError(db, error === null ? null : { ...error, at: new Date(now()).toISOString() });
  }

  async function run(w: Wanted, more: (w: Partial<Wanted>) => void): Promise<void> {
    try {
      await runOnce(w, more);
    } catch (e) {
      if (!ctx.stopped()) await setError({ code: 'internal', message: e instanceof Error ? e.message : String(e) }).catch(() => undefined);
    }
  }

  async function runOnce(w: Wanted, more: (w: Partial<Wanted>) => void): Promise<void> {
    let pairing = await ctx.pairing.read();
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
      phase.set({ pulling: true });
      const result = await pullAll({ db, client, pairing, now, stopped: ctx.stopped, onProgress: (firstSync) => phase.set({ firstSync }) }).finally(() => phase.set({ pulling: false }));
      if (result.kind === 'stopped') return;
      if (result.kind === 'unauthorised') return unauthorised(result.code);
      pullFailing = result.kind === 'error';
      if (result.kind === 'error') {
        failed = true;
        reachable = result.code !== 'offline';
        await setError({ code: result.code, message: result.message });
      } else {
        const cameBack = !reachable;
        reachable = true;
        if (w.revive) await reviveParked(more, cameBack);
      }
    }

    if (w.push) {
      phase.set({ pushing: true });
      const result = await ctx
        .senderLock(() =>
          // The status follows the queue's commits by itself (status-hub.ts): nothing to tell it here.
          pushAll({ db, client, pairing, now, random: deps.random, newUuid: deps.newUuid, stopped: ctx.stopped, onQueueChanged: () => undefined }),
        )
        .finally(() => phase.set({ pushing: false }));
      if (result.kind === 'stopped') return;
      if (result.kind === 'unauthorised') return unauthorised(result.code);
      const reached = result.kind === 'ok' || result.reachedServer;
      if (reached && !reachable) more({ pull: true }); // the hub is back: fetch what changed meanwhile
      reachable = reached;
      if (result.kind === 'error') {
        failed = true;
        await setError({ code: result.code, message: result.message });
      } else if (result.productEditsResolved) more({ pull: true });
      await pruneCompleted(db, new Date(now() - COMPLETED_RETENTION_MS).toISOString());
    }
    if (reachable && !ctx.stopped()) {
      const report = await sendDeviceReport(db, client, pairing, APP_VERSION);
      if (report.kind === 'unauthorised') return unauthorised(report.code);
    }
    if (!failed && !(pullFailing && !w.pull)) await setError(null);
  }

  /**
   * The hub answered: rows parked only because it did not (failed_transient) go out again in this
   * pass's push. When it had not been reachable at all before (no answer, not a 5xx), Pending rows
   * waiting out that backoff are due at once too; a backoff the hub asked for (5xx, 429) still holds.
   */
  async function reviveParked(more: (w: Partial<Wanted>) => void, cameBack: boolean): Promise<void> {
    const revived = await db.transaction(async (tx) => (await reviveTransientFailures(tx)) + (cameBack ? await makePendingDue(tx) : 0));
    if (revived > 0) more({ push: true }); // in case this pass was pull-only
  }

  async function unauthorised(code: string | null): Promise<void> {
    await markUnauthorised(db, code);
    const message =
      code === 'device_revoked'
        ? 'This device was revoked in the back office: syncing stopped. Unsynced sales stay on the till and can be exported.'
        : code === 'device_retired'
          ? 'Another device was paired to this terminal: syncing stopped here. Unsynced sales stay on the till and can be exported.'
          : 'Terminal not authorised: the server refused its token. Pair the till again.';
    await setError({ code: 'unauthorized', message });
  }

  async function tryDemoPairing(appOrigin: string): Promise<StoredPairing | null> {
    const demo = await fetchDemoPairing(client, appOrigin);
    if (demo.kind === 'not_demo') {
      await setError({ code: 'not_paired', message: 'This till is not paired, and the server is not in demo mode: pair it with a server address and a pairing code.' });
      return null;
    }
    if (demo.kind === 'error') {
      demoAsked = false; // ask again on the next trigger
      await setError({ code: 'not_paired', message: `This till is not paired; asking for demo pairing failed: ${demo.message}` });
      return null;
    }
    try {
      await redeemCode(db, client, demo.pairing.server_url, demo.pairing.code, APP_VERSION);
    } catch (e) {
      demoAsked = false;
      await setError({ code: 'not_paired', message: `Demo pairing failed: ${e instanceof Error ? e.message : String(e)}` });
      return null;
    }
    return ctx.pairing.read();
  }

  return {
    run,
    hubAnswered() {
      reachable = true;
    },
  };
}
