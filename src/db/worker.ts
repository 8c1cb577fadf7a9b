// The database worker: the only place the till's SQLite database is opened. It exposes one TillApi
// object through Comlink; start, takeOver and databaseInfo are about owning the database, and every
// other call goes to the data service or the sync service built on the open connection. A call that
// reaches a tab that does not own the database is refused (not_owner / moved), never dropped.
import { expose } from 'comlink';
import type { Ownership, OwnershipListener, TillWorkerApi } from '../api/till-api.ts';
import type { SyncService, TillDataApi, TillDataDeps } from '../api/service-parts.ts';
import { systemClock } from '../api/service-parts.ts';
import { registerErrorTransfer } from '../api/error-transfer.ts';
import { TillError } from '../api/till-error.ts';
import { createSyncService } from '../sync/sync-service.ts';
import { createTillDataService } from './till-data-service.ts';
import { queueUnsentShifts } from './repos/shift-record.ts';
import { openDatabase, type OpenDatabase } from './open-database.ts';
import { DatabaseOwnership } from './ownership.ts';
import { createStaffSession, type StaffSession } from './staff/staff-session.ts';

interface Open {
  database: OpenDatabase;
  data: TillDataApi;
  sync: SyncService;
  session: StaffSession;
}

registerErrorTransfer();

let open: Open | null = null;
let listener: OwnershipListener | null = null;

const ownership = new DatabaseOwnership({
  async open() {
    const database = await openDatabase();
    const newUuid = () => crypto.randomUUID();
    const sync = createSyncService(database.connection, {
      clock: systemClock,
      fetch: (input, init) => fetch(input, init),
      random: Math.random,
      newUuid,
      locks: navigator.locks,
      isOnline: () => navigator.onLine,
      appOrigin: self.location.origin,
      liveNotices: (input, init) => fetch(input, init),
    });
    // The session lives here, in the worker, with the database: a reload starts signed out.
    const session = createStaffSession(database.connection, systemClock);
    const deps: TillDataDeps = {
      clock: systemClock,
      newUuid,
      terminal: () => sync.terminal(),
      onQueued: () => sync.notifyLocalWrite(),
      actor: (permission) => session.actor(permission),
    };
    const data = createTillDataService(database.connection, deps);
    open = { database, data, sync, session };
    try {
      // Closed shifts this till never queued (closed before it sent shifts, or unpaired) go out now.
      // A failure must not keep the till from starting: opening or closing a shift tries again.
      await queueUnsentShifts(database.connection, deps).catch((error: unknown) => console.error('could not queue the closed shifts for the hub', error));
      await sync.start();
    } catch (error) {
      // The lock is about to be freed: the file must not stay open behind it.
      open = null;
      await sync.stop().catch(() => undefined);
      await database.connection.close();
      throw error;
    }
  },
  async close() {
    const current = open;
    open = null;
    if (current === null) return;
    try {
      await current.sync.stop();
    } finally {
      // The connection's mutex lets the statement or transaction in flight finish before closing.
      await current.database.connection.close();
    }
  },
  changed(next: Ownership) {
    // The page may be gone (a closed tab); its listener failing must not break the handover.
    if (listener !== null) Promise.resolve(listener(next) as unknown).catch(() => undefined);
  },
});

/** The open services, or the TillError that says why there are none in this tab. */
function owned(): Open {
  ownership.assertOwner();
  if (open === null) throw new TillError('not_owner', 'The database is not open in this tab.');
  return open;
}

/** The first pairing needs nobody signed in (no staff exist yet); pairing again needs settings_and_pairing. */
async function requireRepairPermission(): Promise<void> {
  const { sync, session } = owned();
  if ((await sync.pairing()) !== null) session.actor('settings_and_pairing');
}

const api: TillWorkerApi = {
  start(onOwnership) {
    listener = onOwnership;
    return ownership.start();
  },
  takeOver: () => ownership.takeOver(),
  release: () => ownership.release(),
  databaseInfo: () => new Promise((resolve) => resolve(owned().database.info)),

  staff: async () => owned().session.staff(),
  session: () => Promise.resolve().then(() => owned().session.view()),
  pinLockState: async () => owned().session.pinLockState(),
  signIn: async (staffId, pin) => owned().session.signIn(staffId, pin),
  signOut: () => Promise.resolve().then(() => owned().session.signOut()),
  approve: async (permission, staffId, pin) => owned().session.approve(permission, staffId, pin),
  authorize: (permission) => Promise.resolve().then(() => void owned().session.actor(permission)),

  pairing: async () => owned().sync.pairing(),
  pair: async (serverUrl, token) => {
    await requireRepairPermission();
    return owned().sync.pair(serverUrl, token);
  },
  pairWithCode: async (serverUrl, code) => {
    await requireRepairPermission();
    return owned().sync.pairWithCode(serverUrl, code);
  },
  editProduct: async (edit) => owned().sync.editProduct(edit, owned().session.actor(edit.price === undefined ? null : 'price_override')),
  syncStatus: async () => owned().sync.syncStatus(),
  subscribeSyncStatus: async (statusListener) => owned().sync.subscribeSyncStatus(statusListener),
  syncNow: async () => owned().sync.syncNow(),
  failedItems: async () => owned().sync.failedItems(),
  retryFailed: async (ids) => owned().sync.retryFailed(ids),
  exportUnsynced: async () => {
    owned().session.actor('export_unsynced');
    return owned().sync.exportUnsynced();
  },

  categories: async () => owned().data.categories(),
  products: async (query) => owned().data.products(query),
  searchProducts: async (text, limit) => owned().data.searchProducts(text, limit),
  productByBarcode: async (barcode) => owned().data.productByBarcode(barcode),
  searchCustomers: async (text, limit) => owned().data.searchCustomers(text, limit),
  draftCart: async () => owned().data.draftCart(),
  saveDraftCart: async (cart) => owned().data.saveDraftCart(cart),
  recordSale: async (draft) => owned().data.recordSale(draft),
  sale: async (uuid) => owned().data.sale(uuid),
  sales: async (query) => owned().data.sales(query),
  refundableLines: async (saleUuid) => owned().data.refundableLines(saleUuid),
  recordRefund: async (draft) => owned().data.recordRefund(draft),
  currentShift: async () => owned().data.currentShift(),
  openShift: async (openingFloat) => owned().data.openShift(openingFloat),
  closeShift: async (close) => owned().data.closeShift(close),
  recordCashMove: async (move) => owned().data.recordCashMove(move),
  openDrawer: async () => owned().data.openDrawer(),
  cashMoves: async () => owned().data.cashMoves(),
  shiftPreview: async () => owned().data.shiftPreview(),
  closedShifts: async (limit) => owned().data.closedShifts(limit),
  zReport: async (uuid) => owned().data.zReport(uuid),
  parkCart: async (cart, label) => owned().data.parkCart(cart, label),
  parkedCarts: async () => owned().data.parkedCarts(),
  resumeParked: async (uuid) => owned().data.resumeParked(uuid),
  stock: async (query) => owned().data.stock(query),
  adjustStock: async (input) => owned().data.adjustStock(input),
};

expose(api);
