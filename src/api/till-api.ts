// The whole surface the UI has on the database worker, through Comlink. Small and typed: the UI
// asks for what it shows and says what staff did; it never sends SQL. Every method may reject with
// a TillError (see till-error.ts). Money is integer minor units; times are ISO-8601 strings.
import type { PaymentMethod, Sale } from '@ezo/contract/sale';
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { StoreSettings } from '@ezo/contract/store-settings';
import type { Cart, CartLineInput } from '../domain/cart.ts';
import type { ZFigures } from '../domain/z-figures.ts';
import type { UpstreamBatch } from '@ezo/contract/upstream';

// ---- database and ownership -------------------------------------------------------------------

export type StorageKind = 'opfs' | 'indexeddb';

export interface DatabaseInfo {
  storage: StorageKind;
  /** The wa-sqlite VFS class in use, e.g. OPFSCoopSyncVFS. */
  vfs: string;
  schemaVersion: number;
  sqliteVersion: string;
  journalMode: string;
}

/**
 * owner: this tab holds the database. elsewhere: another tab does; offer "Use here".
 * moved: this tab held it and handed it to another tab; it no longer reads or writes.
 */
export type Ownership = 'owner' | 'elsewhere' | 'moved';

// ---- pairing -----------------------------------------------------------------------------------

export interface Pairing {
  serverUrl: string;
  /** The terminal, under its store's pulled settings (name, currency, locale, PIN lock, discount limit). */
  terminal: TerminalInfo;
  /** The store's settings from the hub (receipt header and footer, time zone, storage alarm); null before the first pull. */
  store: StoreSettings | null;
}

// ---- staff -------------------------------------------------------------------------------------

/**
 * What a cashier may need a manager for at the till (the hub's Permission values the till checks).
 * Selling itself needs only a signed-in staff member.
 */
export const TILL_PERMISSIONS = [
  'refund',
  'stock_adjust',
  'discount_over_limit',
  'price_override',
  'close_shift',
  'open_drawer',
  'settings_and_pairing',
  'export_unsynced',
] as const;
export type TillPermission = (typeof TILL_PERMISSIONS)[number];

/** A staff member of this till's store, as the lock screen lists them (never the PIN hash). */
export interface StaffView {
  id: string;
  displayName: string;
  role: string;
}

/** Who is signed in at this till, and what they may do without a manager. */
export interface StaffSessionView {
  staff: StaffView;
  permissions: TillPermission[];
  signedInAt: string;
}

/**
 * PIN entry results are data, not errors: a wrong PIN says how many tries are left before PIN
 * entry locks; a lock says until when (epoch ms).
 */
export type PinResult =
  | { kind: 'ok'; session: StaffSessionView }
  | { kind: 'wrong_pin'; triesLeft: number }
  | { kind: 'locked'; until: number }
  /** Approval only: the PIN is right, but that member lacks the permission too. */
  | { kind: 'not_permitted' }
  | { kind: 'unknown_staff' };

/** PIN entry's state when the lock screen opens (a reload must not reset a lock). */
export interface PinLockState {
  lockedUntil: number | null;
  failures: number;
}

// ---- catalog -----------------------------------------------------------------------------------

export interface CategoryView {
  uuid: string;
  name: string;
  sortOrder: number;
}

export interface ProductView {
  uuid: string;
  sku: string;
  barcode: string | null;
  name: string;
  categoryUuid: string | null;
  price: number;
  taxRateBp: number;
  taxIncluded: boolean;
  active: boolean;
  priceVersion: number;
  /** A local edit of this product is waiting for the server's answer. */
  pendingEdit: boolean;
}

export interface ProductQuery {
  /** null: all categories. */
  categoryUuid: string | null;
  limit: number;
  offset: number;
}

export interface CustomerView {
  uuid: string;
  name: string;
  email: string | null;
  phone: string | null;
}

export interface ProductEditInput {
  productUuid: string;
  name?: string;
  price?: number;
  taxRateBp?: number;
  taxIncluded?: boolean;
  active?: boolean;
}

// ---- selling -----------------------------------------------------------------------------------

/** A cart line as the UI shows it (defined with the cart's rules in src/domain/cart.ts). */
export type { CartLineInput };

export interface PaymentInput {
  method: PaymentMethod;
  /** What this payment pays of the total. */
  amount: number;
  /** Cash handed over (>= amount); null for card. */
  tendered: number | null;
}

export interface SaleDraft {
  lines: CartLineInput[];
  payments: PaymentInput[];
  customerUuid: string | null;
  note: string | null;
}

/**
 * The sale being built, kept on this device so a reload or a move to another tab keeps it. Never
 * queued or sent: recording the sale deletes it in the same transaction.
 */
export type DraftCart = Cart;

export interface ParkedCartView {
  uuid: string;
  label: string;
  total: number;
  itemCount: number;
  parkedAt: string;
}

export type SyncState = 'pending' | 'synced' | 'failed';

/**
 * A sale as this till stored it: protocol 2 names the staff member; sales recorded before staff
 * signed in at the till (schema < 8) have none.
 */
export type LocalSale = Omit<Sale, 'staff_id' | 'approved_by'> & { staff_id: string | null; approved_by: string | null };

/** A recorded sale (or refund) as the receipt shows it. */
export interface SaleDetail {
  sale: LocalSale;
  /** The staff member who made it, as the receipt names them; null for sales before staff existed. */
  cashierName: string | null;
  syncState: SyncState;
  /** For a sale: the refunds made against it. */
  refundUuids: string[];
  customerName: string | null;
  /** The VAT rates the store sells at (its catalog's and this sale's), for fixed receipt letters. */
  storeTaxRates: number[];
}

export interface SaleSummary {
  uuid: string;
  receiptNumber: string;
  createdAt: string;
  total: number;
  itemCount: number;
  isRefund: boolean;
  customerName: string | null;
  syncState: SyncState;
}

export interface SaleHistoryQuery {
  /** Local calendar day as YYYY-MM-DD; null for all days. */
  day: string | null;
  /** Matches receipt number, product name or customer name. */
  text: string;
  limit: number;
}

export interface RefundableLine {
  lineUuid: string;
  productUuid: string;
  name: string;
  sold: number;
  alreadyRefunded: number;
  refundable: number;
  unitPrice: number;
}

export interface RefundDraft {
  originalSaleUuid: string;
  lines: { lineUuid: string; quantity: number }[];
  /** How the money goes back; amounts are positive here and recorded negative. */
  method: PaymentMethod;
  note: string | null;
}

// ---- shifts ------------------------------------------------------------------------------------

export interface ShiftView {
  uuid: string;
  openedAt: string;
  openingFloat: number;
  closedAt: string | null;
  /** Who opened it (a staff name; null before staff signed in at the till). */
  openedBy: string | null;
}

export interface PaymentMethodTotal {
  method: PaymentMethod;
  count: number;
  amount: number;
}

export type CashMoveKind = 'in' | 'out';

export interface CashMoveInput {
  kind: CashMoveKind;
  /** Positive minor units. */
  amount: number;
  reason: string;
}

export interface CashMoveView extends CashMoveInput {
  uuid: string;
  createdAt: string;
}

/** A count of the drawer by notes and coins: how many of each denomination (minor units). */
export interface DenominationCount {
  value: number;
  count: number;
}

export interface ShiftClose {
  countedCash: number;
  /** The count by notes and coins, when staff counted that way (its sum is countedCash). */
  denominations: DenominationCount[] | null;
}

/**
 * The Z report of a closed shift, stored with it as an immutable record (figures: domain/z-figures.ts).
 * cashiers: the staff members who sold or refunded in the shift, in the order they first did.
 */
export interface ZReport extends ZFigures {
  shiftUuid: string;
  zNumber: number;
  terminalName: string;
  /** Staff names (null for a shift opened before staff signed in at the till). */
  openedBy: string | null;
  closedBy: string | null;
  /** The manager who approved closing, when the member closing lacked close_shift. */
  closeApprovedBy: string | null;
  openedAt: string;
  closedAt: string;
  currency: string;
  moves: CashMoveView[];
  denominations: DenominationCount[] | null;
  cashiers: string[];
}

export interface ClosedShiftSummary {
  shiftUuid: string;
  zNumber: number;
  openedAt: string;
  closedAt: string;
  turnover: number;
  difference: number;
}

// ---- stock -------------------------------------------------------------------------------------

export interface StockView {
  productUuid: string;
  name: string;
  sku: string;
  barcode: string | null;
  /** The hub's figure as last pulled. */
  serverQuantity: number;
  /** This till's sales and adjustments the hub has not acknowledged yet. */
  pendingDelta: number;
  quantity: number;
}

export interface StockQuery {
  /** Name or SKU prefix, barcode (a prefix when digits), or words anywhere; '' for all. */
  text: string;
  /** Only products whose stock (with this till's unsynced changes) is at most this, lowest first; null for all. */
  lowAtOrBelow: number | null;
  limit: number;
}

export interface AdjustmentInput {
  productUuid: string;
  delta: number;
  reason: string;
}

// ---- sync --------------------------------------------------------------------------------------

export interface SyncProgress {
  rows: number;
  pages: number;
  /** The hub's estimate of rows still to come, when it sent one. */
  remaining: number | null;
}

export interface SyncStatus {
  paired: boolean;
  online: boolean;
  /** False after the hub answered 401: pushing stops until the terminal is paired again. */
  authorised: boolean;
  /**
   * With authorised false: the hub said this device was revoked (an admin removed it) or retired
   * (another device was paired to its terminal). Syncing stopped; unsynced sales stay and can be exported.
   */
  removed: 'revoked' | 'retired' | null;
  pulling: boolean;
  pushing: boolean;
  /** Counted from sync_queue, never kept as a separate flag. */
  pending: number;
  failed: number;
  /** When the oldest item still waiting (pending or failed) was made; null when nothing waits. */
  oldestUnsyncedAt: string | null;
  lastPullAt: string | null;
  lastPushAt: string | null;
  /**
   * The last sync error. `at` is when this error began: a repeat of the same code keeps the first
   * time, so "Server not reachable since 14:02" stays true through many retries.
   */
  lastError: { code: string; message: string; at: string } | null;
  /** Set while the first full catalog download runs. */
  firstSync: SyncProgress | null;
}

export interface QueueItemView {
  id: number;
  entityType: 'Sale' | 'Product' | 'Adjustment';
  /** Receipt number, product name... what staff recognise. */
  label: string;
  createdAt: string;
  retryCount: number;
  lastError: string | null;
}

export type StatusListener = (status: SyncStatus) => void;
export type OwnershipListener = (ownership: Ownership) => void;

// ---- the interface -----------------------------------------------------------------------------

export interface TillApi {
  /** Opens (or, if another tab owns it, does not open) the database; resolves with this tab's ownership. */
  start(onOwnership: OwnershipListener): Promise<Ownership>;
  /** Asks the owning tab to close its database cleanly, then opens it here. */
  takeOver(): Promise<Ownership>;
  databaseInfo(): Promise<DatabaseInfo>;

  pairing(): Promise<Pairing | null>;
  /** Pairs with a terminal token (scripts and tests; people use a pairing code). Re-pairing needs settings_and_pairing. */
  pair(serverUrl: string, token: string): Promise<Pairing>;
  /** Pairs with a one-time code from the back office (ABCD-EFGH). Re-pairing needs settings_and_pairing. */
  pairWithCode(serverUrl: string, code: string): Promise<Pairing>;

  /** Active staff of this till's store (from the pull), by name. */
  staff(): Promise<StaffView[]>;
  /** Who is signed in, or null (the lock screen shows). */
  session(): Promise<StaffSessionView | null>;
  pinLockState(): Promise<PinLockState>;
  /** Signs `staffId` in with their PIN (verified here against the pulled hash; works offline). */
  signIn(staffId: string, pin: string): Promise<PinResult>;
  /** Locks the till (idle time, "switch cashier"); the next action needs a PIN. */
  signOut(): Promise<void>;
  /**
   * A manager's PIN for one action the signed-in member may not do: on ok, the next action needing
   * `permission` (within a short time) is allowed and records `staffId` as approved_by.
   */
  approve(permission: TillPermission, staffId: string, pin: string): Promise<PinResult>;
  /** Throws TillError forbidden unless the signed-in member has `permission` or an approval for it is waiting (it is used up). */
  authorize(permission: TillPermission): Promise<void>;

  categories(): Promise<CategoryView[]>;
  products(query: ProductQuery): Promise<ProductView[]>;
  /** Name words, SKU or barcode prefix; active products only. */
  searchProducts(text: string, limit: number): Promise<ProductView[]>;
  productByBarcode(barcode: string): Promise<ProductView | null>;
  editProduct(edit: ProductEditInput): Promise<ProductView>;
  searchCustomers(text: string, limit: number): Promise<CustomerView[]>;

  /** The sale in progress as last saved, or null. */
  draftCart(): Promise<DraftCart | null>;
  /** Keeps the sale in progress (null forgets it); recordSale forgets it too. */
  saveDraftCart(cart: DraftCart | null): Promise<void>;
  recordSale(draft: SaleDraft): Promise<SaleDetail>;
  sale(uuid: string): Promise<SaleDetail | null>;
  sales(query: SaleHistoryQuery): Promise<SaleSummary[]>;
  refundableLines(saleUuid: string): Promise<RefundableLine[]>;
  recordRefund(draft: RefundDraft): Promise<SaleDetail>;

  currentShift(): Promise<ShiftView | null>;
  openShift(openingFloat: number): Promise<ShiftView>;
  /** Closes the open shift; countedCash must equal the denominations' sum when they are given. */
  closeShift(close: ShiftClose): Promise<ZReport>;
  /** Cash put into or taken out of the drawer during the open shift. */
  recordCashMove(move: CashMoveInput): Promise<CashMoveView>;
  /** The open shift's cash movements, oldest first. */
  cashMoves(): Promise<CashMoveView[]>;
  /** What closing now would report (countedCash 0): expected cash and the figures so far. */
  shiftPreview(): Promise<ZReport | null>;
  /** Closed shifts, newest first. */
  closedShifts(limit: number): Promise<ClosedShiftSummary[]>;
  /** A closed shift's Z report as stored when it closed (for a reprint). */
  zReport(shiftUuid: string): Promise<ZReport | null>;

  /** Puts the sale in progress aside (it is forgotten as the draft); returns the parked sales. */
  parkCart(cart: DraftCart, label: string): Promise<ParkedCartView[]>;
  parkedCarts(): Promise<ParkedCartView[]>;
  /** Takes a parked sale back (and deletes it from the parked ones); null when it is gone. */
  resumeParked(uuid: string): Promise<DraftCart | null>;

  stock(query: StockQuery): Promise<StockView[]>;
  adjustStock(input: AdjustmentInput): Promise<StockView>;

  syncStatus(): Promise<SyncStatus>;
  subscribeSyncStatus(listener: StatusListener): Promise<void>;
  /** Pull then push now (the "Sync now" button, the `online` event, a service-worker wake-up). */
  syncNow(): Promise<void>;
  failedItems(): Promise<QueueItemView[]>;
  /** Puts Failed items back to Pending with their retry count reset; all when ids is empty. */
  retryFailed(ids: number[]): Promise<number>;
  /** Unsynced sales and adjustments in the upstream batch format, for a file staff can carry. */
  exportUnsynced(): Promise<UpstreamBatch>;
}

/** The worker's surface: the TillApi plus what only the page's lifecycle needs. */
export interface TillWorkerApi extends TillApi {
  /** pagehide: close the database and free the owner lock so a reload or another tab gets it at once. */
  release(): Promise<void>;
}
