// Everything that makes an open till push its queue, besides the worker's own timers: start, the `online` event,
// the tab becoming visible, a modest timer with backoff, and the service worker's Background Sync wake-ups.
// The service worker cannot open the OPFS database, so a sync event only ever asks a page to do the work.
import type { Remote } from 'comlink';
import type { SyncStatus, TillApi } from '../../api/till-api.ts';
import { PUSH_SYNC_TAG, isWakeMessage, type WakeAck } from './sw-messages.ts';
import { nextWakeDelay, type WakeOutcome } from './wake-schedule.ts';

/** Background Sync's page side (Chromium only; not in TypeScript's lib). */
interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** What the wake-up loop needs of the till: the same calls the "Sync now" button makes. */
export type WakeApi = Pick<Remote<TillApi>, 'syncNow' | 'syncStatus'>;

/**
 * Registers the `ezo-push` sync tag so the browser wakes the service worker (and through it an open till) when
 * connectivity returns. False where Background Sync does not exist or no service worker is registered.
 */
export async function registerPushWakeup(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  try {
    const registration = await navigator.serviceWorker.getRegistration();
    const sync = (registration as (ServiceWorkerRegistration & { sync?: SyncManagerLike }) | undefined)?.sync;
    if (sync === undefined) return false;
    await sync.register(PUSH_SYNC_TAG);
    return true;
  } catch {
    // Permission "background-sync" denied or the registration went away: the page's own wake-ups remain.
    return false;
  }
}

/**
 * The hub was not reached: the device is offline (`online` is navigator.onLine) or the last attempt got no answer
 * (a LAN without internet, the hub down). An unanswered sync wake-up is then retried by the browser.
 */
export function hubUnreachable(status: Pick<SyncStatus, 'online' | 'authorised' | 'lastError'>): boolean {
  return !status.online || !status.authorised || status.lastError?.code === 'offline';
}

/** Sales still wait for the hub and it could not be reached: worth a Background Sync wake-up. */
export function needsPushWakeup(status: Pick<SyncStatus, 'pending' | 'online' | 'authorised' | 'lastError'>): boolean {
  return status.pending > 0 && hubUnreachable(status);
}

/**
 * Call after every recorded sale: when the sale is queued while offline, asks the browser for a sync wake-up.
 * Never throws; the sale is already safe in the database.
 */
export async function noteSaleQueued(api: WakeApi): Promise<void> {
  try {
    const status = await api.syncStatus();
    if (!navigator.onLine || needsPushWakeup(status)) await registerPushWakeup();
  } catch {
    // A status read failing here changes nothing for the sale; the timers below still push.
  }
}

/** Wires every page-side wake-up; returns the function that removes them all (for tests and hot reload). */
export function installSyncWakeups(api: WakeApi): () => void {
  let inFlight: Promise<WakeOutcome> | null = null;
  let delay: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  // One push at a time: a wake-up that arrives during a push shares its outcome instead of starting another.
  const push = (): Promise<WakeOutcome> => {
    inFlight ??= pushOnce(api).finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const schedule = (outcome: WakeOutcome) => {
    if (stopped) return;
    delay = nextWakeDelay(delay, outcome);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void push().then(schedule), delay);
  };

  const onOnline = () => {
    delay = null;
    void push().then(schedule);
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') void push().then(schedule);
  };
  // The service worker's sync handler waits for this answer; `ok: false` makes the browser retry the sync later.
  const onServiceWorkerMessage = (event: MessageEvent<unknown>) => {
    if (!isWakeMessage(event.data)) return;
    const port = event.ports[0];
    void push().then((outcome) => {
      const ack: WakeAck = { ok: outcome === 'ok' };
      port?.postMessage(ack);
    });
  };

  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  const container = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  container?.addEventListener('message', onServiceWorkerMessage);
  // Messages sent before a listener existed are queued until this call.
  container?.startMessages();

  void push().then(schedule);

  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    container?.removeEventListener('message', onServiceWorkerMessage);
  };
}

/** One pull-then-push; resolves (never rejects) with whether the hub was reached. */
async function pushOnce(api: WakeApi): Promise<WakeOutcome> {
  try {
    await api.syncNow();
    const status = await api.syncStatus();
    if (needsPushWakeup(status)) await registerPushWakeup();
    return hubUnreachable(status) ? 'unreachable' : 'ok';
  } catch {
    // not_owner, not_paired, offline...: the status bar shows why; here it only means "try again later".
    return 'unreachable';
  }
}
