// How the worker's TillApi is put together: the database worker (src/db/worker.ts) owns start,
// takeOver and databaseInfo, and delegates the rest to two services built on the open connection:
// the till's data service (src/db/till-data-service.ts) and the sync service (src/sync/sync-service.ts).
import type { ProductEditInput, ProductView, TillApi, TillPermission } from './till-api.ts';
import type { TerminalInfo } from '@ezo/contract/terminal';

export type TillDataApi = Pick<
  TillApi,
  | 'categories'
  | 'products'
  | 'searchProducts'
  | 'productByBarcode'
  | 'searchCustomers'
  | 'draftCart'
  | 'saveDraftCart'
  | 'recordSale'
  | 'sale'
  | 'sales'
  | 'refundableLines'
  | 'recordRefund'
  | 'currentShift'
  | 'openShift'
  | 'closeShift'
  | 'recordCashMove'
  | 'openDrawer'
  | 'cashMoves'
  | 'shiftPreview'
  | 'closedShifts'
  | 'zReport'
  | 'parkCart'
  | 'parkedCarts'
  | 'resumeParked'
  | 'stock'
  | 'adjustStock'
>;

export type SyncApi = Pick<
  TillApi,
  | 'pairing'
  | 'pair'
  | 'pairWithCode'
  | 'syncStatus'
  | 'subscribeSyncStatus'
  | 'syncNow'
  | 'failedItems'
  | 'retryFailed'
  | 'exportUnsynced'
>;

export interface SyncService extends SyncApi {
  /** TillApi.editProduct with the actor the worker's session named (price_override checked there). */
  editProduct(edit: ProductEditInput, actor: Actor): Promise<ProductView>;
  /** Starts the triggers (initial sync, timer, online events) once the database is open. */
  start(): Promise<void>;
  /** Stops timers and in-flight requests before the database closes (takeover, pagehide). */
  stop(): Promise<void>;
  /**
   * Called after a sale, refund or adjustment was committed with its queue row: push soon. Only the
   * push: the status follows the commit by itself (src/sync/status-hub.ts).
   */
  notifyLocalWrite(): void;
  /** The paired terminal, or null before pairing. */
  terminal(): Promise<TerminalInfo | null>;
}

/** What the data service needs from outside the database. */
export interface TillDataDeps {
  clock: Clock;
  /** Makes uuids for new sales, lines, payments, adjustments, shifts. */
  newUuid: () => string;
  /** The paired terminal; recording a sale without one is a not_paired TillError. */
  terminal: () => Promise<TerminalInfo | null>;
  /** Told after every committed local write that queued something (it schedules the push). */
  onQueued: () => void;
  /**
   * Who makes a write (the worker's staff session, src/db/staff/staff-session.ts): throws TillError
   * signed_out without a session, forbidden when the member lacks `permission` (or one of a list) and no manager approved it.
   */
  actor: (permission: TillPermission | readonly TillPermission[] | null) => Actor;
}

/** Who a record names: the member who did it and, when they lacked the permission, the approver. */
export interface Actor {
  staffId: string;
  approvedBy: string | null;
}

/** Time, injected so tests control it. Epoch milliseconds. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** What the sync service needs from outside the database; injected so Node tests control all of it. */
export interface SyncServiceDeps {
  clock: Clock;
  fetch: typeof fetch;
  /** [0, 1): jitter for backoff. */
  random: () => number;
  newUuid: () => string;
  /** navigator.locks in the worker (one sender per device); null in Node tests (an in-process lock is used). */
  locks: LockManager | null;
  /** navigator.onLine as the worker sees it. */
  isOnline: () => boolean;
  /**
   * The origin the till was loaded from, when a hub serves it: used to ask for demo pairing
   * (GET /api/v1/demo/pairing) when the till is not paired yet. null in tests that pair explicitly.
   */
  appOrigin: string | null;
  /**
   * The fetch that holds the hub's live notice stream (sync/notice-stream.ts); absent: no stream, the
   * till syncs by its triggers and the periodic pull alone (tests that script every request).
   */
  liveNotices?: typeof fetch;
}
