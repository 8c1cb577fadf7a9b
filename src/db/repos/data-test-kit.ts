// What the data service's Node tests share: a migrated in-memory wa-sqlite, deps whose clock,
// uuids and terminal the test controls, and a few hand-made products with known prices and taxes.
import type { SqlConnection } from '../../sync/sql-connection.ts';
import type { TillDataApi, TillDataDeps } from '../../api/service-parts.ts';
import type { CartLineInput, ProductView } from '../../api/till-api.ts';
import type { TerminalInfo } from '@ezo/contract/terminal';
import { openMigratedMemoryDb } from '../../../test-support/memory-db.ts';
import { fixtureUuid, insertProducts, type FixtureProduct } from '../../../test-support/catalog-fixture.ts';
import { createTillDataService } from '../till-data-service.ts';

export const TEST_TERMINAL: TerminalInfo = {
  terminal_id: fixtureUuid(7, 1),
  terminal_name: 'Till 1',
  store_id: fixtureUuid(7, 2),
  store_name: 'Main Street',
  currency: 'EUR',
  locale: 'de-DE',
  receipt_prefix: 'T1',
  device_id: null,
  idle_lock_seconds: 300,
  discount_limit_percent: 100,
};

export interface TestTill {
  db: SqlConnection;
  api: TillDataApi;
  /** Epoch ms the clock reports; tests move it. */
  now: { ms: number };
  terminal: { current: TerminalInfo | null };
  queued: { count: number };
  /** Who the data service's writes name; tests replace it to sign out or refuse a permission. */
  actor: { current: TillDataDeps['actor'] };
}

/** The staff member the test till's writes name unless a test signs someone else in. */
export const TEST_STAFF_ID = fixtureUuid(7, 3);

/** The shift a test till opens at its start (selling needs one). */
export const TEST_SHIFT_UUID = fixtureUuid(8, 1);

/**
 * A till on a fresh in-memory database with TEST_STAFF_ID signed in. Selling needs an open shift:
 * one (TEST_SHIFT_UUID, float 0, opened by TEST_STAFF_ID) is open from the start unless `openShift`
 * is false. It is written directly, not through the service, so the service's uuids and clock are
 * the test's alone.
 */
export async function openTestTill(startIso = '2024-03-10T09:00:00.000Z', options: { openShift?: boolean } = {}): Promise<TestTill> {
  const db = await openMigratedMemoryDb();
  await db.run(`INSERT INTO staff (id, display_name, role, permissions, pin_hash, active, updated_at) VALUES (?, 'Test Cashier', 'cashier', '[]', NULL, 1, ?)`, [TEST_STAFF_ID, startIso]);
  if (options.openShift !== false) await db.run(`INSERT INTO shifts (uuid, opened_at, opening_float, opened_by) VALUES (?, ?, 0, ?)`, [TEST_SHIFT_UUID, startIso, TEST_STAFF_ID]);
  const now = { ms: Date.parse(startIso) };
  const terminal: { current: TerminalInfo | null } = { current: TEST_TERMINAL };
  const queued = { count: 0 };
  const actor: TestTill['actor'] = { current: () => ({ staffId: TEST_STAFF_ID, approvedBy: null }) };
  let uuids = 0;
  const deps: TillDataDeps = {
    clock: { now: () => now.ms },
    newUuid: () => fixtureUuid(9, ++uuids),
    terminal: () => Promise.resolve(terminal.current),
    onQueued: () => {
      queued.count++;
    },
    actor: (permission) => actor.current(permission),
  };
  return { db, api: createTillDataService(db, deps), now, terminal, queued, actor };
}

export function product(n: number, fields: Partial<FixtureProduct> = {}): FixtureProduct {
  return {
    uuid: fixtureUuid(2, n),
    sku: `SKU-${n}`,
    barcode: `99${String(n).padStart(10, '0')}`,
    name: `Product ${n}`,
    categoryUuid: null,
    price: 100,
    taxRateBp: 2000,
    taxIncluded: true,
    active: true,
    deleted: false,
    ...fields,
  };
}

export async function addProducts(db: SqlConnection, rows: FixtureProduct[]): Promise<void> {
  await db.transaction((tx) => insertProducts(tx, rows));
}

/** A cart line as the UI builds it from a product. */
export function cartLine(p: FixtureProduct | ProductView, quantity: number, discountBp = 0): CartLineInput {
  return { productUuid: p.uuid, name: p.name, sku: p.sku, quantity, unitPrice: p.price, discountBp, taxRateBp: p.taxRateBp, taxIncluded: p.taxIncluded };
}

export async function count(db: SqlConnection, table: string): Promise<number> {
  const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return row?.n ?? 0;
}
