/// <reference lib="webworker" />
// The till's service worker: serves the app shell from the precache so the till cold-starts without a network,
// and turns Background Sync events into wake-ups for an open till (only a page's database worker can read OPFS).
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { PUSH_SYNC_TAG, WAKE_MESSAGE_TYPE, isSkipWaiting, isWakeAck, type WakeMessage } from './ui/pwa/sw-messages.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

/** Background Sync's event (Chromium only; not in TypeScript's lib). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

/** How long a till may take to answer a wake-up: a pull then a push on a slow link, within the browser's sync budget. */
const WAKE_ACK_TIMEOUT_MS = 45_000;

/** Navigations to the hub's API go to the network; everything else in scope is the single-page till. */
const API_PATH = /^\/api\//;
/** The back office is another app the hub serves (always online): never answered or cached by the till's worker. */
const BACK_OFFICE_PATH = /^\/backoffice(\/|$)/;

// Rule 1, precache: the built shell, every chunk (the database worker too), both SQLite wasm builds, the icons and
// the manifest, served cache-first by revision. A new build installs a new worker whose precache replaces this one
// only when it activates, so a running till never mixes files of two versions.
precacheAndRoute(self.__WB_MANIFEST);

// Rule 2: precaches left by older workbox versions are deleted; they can only waste the storage the sales need.
cleanupOutdatedCaches();

// Rule 3, navigations: any in-scope page URL (a reload on /sales, a start_url launch) gets the precached index.html,
// so the till opens with the server stopped. /api/ and /backoffice/ navigations are excluded and go to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [API_PATH, BACK_OFFICE_PATH] }));

// Rule 4, everything else (the /api/ calls above all): no route, no runtime cache. The browser goes to the network
// as if there were no service worker; sales, stock and prices must never be answered from a stale copy.

// The first install takes the open page at once, so the first session already runs from the precache. An update
// never activates by itself (registerType 'prompt'): it waits for SKIP_WAITING, which the page sends only when no
// sale is open.
clientsClaim();

self.addEventListener('message', (event) => {
  if (isSkipWaiting(event.data)) void self.skipWaiting();
});

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === PUSH_SYNC_TAG) sync.waitUntil(wakeTills());
});

/** Asks every open till to push; rejects (so the browser retries the sync later) when none could. */
async function wakeTills(): Promise<void> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const acks = await Promise.all(windows.map(askToPush));
  if (!acks.some((ok) => ok)) throw new Error(`no open till pushed its queue (${windows.length} window(s) asked)`);
}

function askToPush(client: Client): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const done = (ok: boolean) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), WAKE_ACK_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent<unknown>) => done(isWakeAck(event.data) && event.data.ok);
    const message: WakeMessage = { type: WAKE_MESSAGE_TYPE };
    client.postMessage(message, [channel.port2]);
  });
}
