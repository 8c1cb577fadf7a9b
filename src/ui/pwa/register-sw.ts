// Registers the till's service worker (page code, not an injected inline script: the hub's CSP forbids those)
// and tracks whether a new version is waiting. Applying it is left to the update banner, which knows about the cart.
import { Workbox } from 'workbox-window';

/** The worker vite-plugin-pwa builds from src/sw.ts; its scope is the whole app, nothing wider. */
export const SERVICE_WORKER_URL = '/sw.js';
export const SERVICE_WORKER_SCOPE = '/';
/** A till tab can stay open for days without a navigation: look for a new version this often (and when shown). */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60_000;

export interface ServiceWorkerUpdates {
  /** A new version is installed and waits for applyUpdate() (or for every till tab to close). */
  readonly updateReady: boolean;
  /** Calls `listener` on every change of updateReady; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Activates the waiting version and reloads this page once it controls it. The caller must make sure no sale is
   * open: the reload drops the in-memory cart.
   */
  applyUpdate(): void;
  /** Asks the browser to look for a new sw.js now. */
  checkForUpdate(): Promise<void>;
  /** The registration, or null where service workers are unavailable (dev server, old browser, failed register). */
  readonly registration: Promise<ServiceWorkerRegistration | null>;
}

let instance: ServiceWorkerUpdates | null = null;

/** Registers once per page; later calls return the same handle. Call it from main.tsx at boot. */
export function registerServiceWorker(): ServiceWorkerUpdates {
  instance ??= import.meta.env.PROD && 'serviceWorker' in navigator ? createRegistration() : createUnavailable();
  return instance;
}

function createRegistration(): ServiceWorkerUpdates {
  const wb = new Workbox(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE });
  const listeners = new Set<() => void>();
  let updateReady = false;
  let applying = false;
  const setReady = (ready: boolean) => {
    if (ready === updateReady) return;
    updateReady = ready;
    for (const listener of listeners) listener();
  };

  // `waiting` also fires at start when a version was already waiting before this page loaded.
  wb.addEventListener('waiting', () => setReady(true));
  wb.addEventListener('controlling', (event) => {
    if (applying) {
      window.location.reload();
      return;
    }
    // Another till tab applied the update: this page still runs the old code. Keep offering the reload, which the
    // banner performs only when this tab has no sale open.
    if (event.isUpdate === true) setReady(true);
  });

  const registration = wb.register().then(
    (reg) => reg ?? null,
    () => null,
  );
  const checkForUpdate = async () => {
    if ((await registration) !== null && navigator.onLine) await wb.update();
  };
  setInterval(() => void checkForUpdate().catch(() => undefined), UPDATE_CHECK_INTERVAL_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate().catch(() => undefined);
  });

  return {
    get updateReady() {
      return updateReady;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    applyUpdate() {
      if (!updateReady || applying) return;
      applying = true;
      void registration.then((reg) => {
        // No waiting worker left means another tab already activated it: only the reload remains.
        if (reg === null || reg.waiting === null) window.location.reload();
        else wb.messageSkipWaiting();
      });
    },
    checkForUpdate,
    registration,
  };
}

function createUnavailable(): ServiceWorkerUpdates {
  return {
    updateReady: false,
    subscribe: () => () => undefined,
    applyUpdate: () => undefined,
    checkForUpdate: () => Promise.resolve(),
    registration: Promise.resolve(null),
  };
}
