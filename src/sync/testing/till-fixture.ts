// Test kit for the sync engine: a till (in-memory wa-sqlite at the newest schema plus a sync
// service with injected clock, fetch and randomness) and local writes made the way the data
// service makes them (the record and its queue row in one transaction).
import { randomUUID } from 'node:crypto';
import { openMigratedMemoryDb } from '../../../test-support/memory-db.ts';
import type { SqlConnection, SqlExecutor } from '../sql-connection.ts';
import type { SyncService } from '../../api/service-parts.ts';
import type { Sale } from '@ezo/contract/sale';
import type { Adjustment } from '@ezo/contract/adjustment';
import type { Product } from '@ezo/contract/catalog';
import type { TerminalInfo } from '@ezo/contract/terminal';
import { enqueue } from '../outbox.ts';
import { TEST_STAFF } from '../../../server/src/testing/test-server.ts';
import { createSyncService } from '../sync-service.ts';
import { lineAmounts, saleAmounts } from '../../domain/sale-totals.ts';

export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

/** Real time plus an offset the test moves forward (backoff waits without waiting). */
export function testClock(): TestClock {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms) => (offset += ms) };
}

export interface TestTill {
  db: SqlConnection;
  sync: SyncService;
  clock: TestClock;
  /** Re-creates the sync service on the same database (an app restart). */
  restart(): Promise<void>;
}

export async function openTestTill(
  options: { appOrigin?: string | null; online?: () => boolean; db?: SqlConnection; random?: () => number; liveNotices?: typeof fetch } = {},
): Promise<TestTill> {
  const db = options.db ?? (await openMigratedMemoryDb());
  const clock = testClock();
  const make = () =>
    createSyncService(db, {
      clock,
      // Looked up per call: msw patches globalThis.fetch when it starts listening.
      fetch: (input, init) => globalThis.fetch(input, init),
      random: options.random ?? (() => 0.5),
      newUuid: () => randomUUID(),
      locks: null,
      isOnline: options.online ?? (() => true),
      appOrigin: options.appOrigin ?? null,
      ...(options.liveNotices === undefined ? {} : { liveNotices: options.liveNotices }),
    });
  const till: TestTill = {
    db,
    sync: make(),
    clock,
    async restart() {
      await till.sync.stop();
      till.sync = make();
    },
  };
  return till;
}

/** A valid sale of `quantity` x each product, paid by card, totals from the shared money rules. */
/** The staff member the fixture's sales and adjustments name: the test hub's seeded cashier. */
export const FIXTURE_STAFF_ID = TEST_STAFF.cashier.id;

/** The actor a fixture edit names (editProduct's second argument). */
export const FIXTURE_ACTOR = { staffId: FIXTURE_STAFF_ID, approvedBy: null } as const;

export function makeSale(terminal: TerminalInfo, products: readonly Pick<Product, 'uuid' | 'name' | 'sku' | 'price' | 'tax_rate_bp' | 'tax_included'>[], quantity = 1, receiptNo = 1, staffId = FIXTURE_STAFF_ID): Sale {
  const lines = products.map((p) => {
    const input = { unit_price: p.price, quantity, discount_bp: 0, tax_rate_bp: p.tax_rate_bp, tax_included: p.tax_included };
    return { uuid: randomUUID(), product_uuid: p.uuid, name: p.name, sku: p.sku, ...input, ...lineAmounts(input), refund_of_line: null };
  });
  const totals = saleAmounts(lines);
  return {
    uuid: randomUUID(),
    receipt_number: `${terminal.receipt_prefix}-${receiptNo}-${randomUUID().slice(0, 8)}`,
    terminal_id: terminal.terminal_id,
    shift_uuid: null,
    customer_uuid: null,
    refund_of: null,
    currency: terminal.currency,
    ...totals,
    note: null,
    created_at: new Date().toISOString(),
    lines,
    payments: [{ uuid: randomUUID(), method: 'card', amount: totals.total, tendered: null, change: null }],
    staff_id: staffId,
  };
}

/** A refund of every line of `original` (as recordRefund builds one: negative lines naming the sold ones), paid back by card. */
export function makeRefund(terminal: TerminalInfo, original: Sale, receiptNo = 1): Sale {
  const lines = original.lines.map((sold) => {
    const input = { unit_price: sold.unit_price, quantity: -sold.quantity, discount_bp: sold.discount_bp, tax_rate_bp: sold.tax_rate_bp, tax_included: sold.tax_included };
    return { uuid: randomUUID(), product_uuid: sold.product_uuid, name: sold.name, sku: sold.sku, ...input, ...lineAmounts(input), refund_of_line: sold.uuid };
  });
  const totals = saleAmounts(lines);
  return {
    ...makeSale(terminal, [], 1, receiptNo),
    refund_of: original.uuid,
    customer_uuid: original.customer_uuid,
    ...totals,
    lines,
    payments: [{ uuid: randomUUID(), method: 'card', amount: totals.total, tendered: null, change: null }],
  };
}

/** Records a sale as the data service does: its rows and its queue row in one transaction. */
export async function recordTestSale(db: SqlConnection, sale: Sale): Promise<number> {
  return db.transaction(async (tx) => {
    const { lastInsertRowId: saleId } = await tx.run(
      `INSERT INTO sales (uuid, receipt_number, terminal_id, shift_uuid, customer_uuid, refund_of, currency, subtotal, discount_total, tax_total, total, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [sale.uuid, sale.receipt_number, sale.terminal_id, sale.shift_uuid, sale.customer_uuid, sale.refund_of, sale.currency, sale.subtotal, sale.discount_total, sale.tax_total, sale.total, sale.note, sale.created_at],
    );
    await insertLines(tx, saleId, sale);
    return enqueue(tx, { entityType: 'Sale', entityId: saleId, action: 'CREATE', payload: sale, idempotencyKey: sale.uuid, createdAt: sale.created_at });
  });
}

async function insertLines(tx: SqlExecutor, saleId: number, sale: Sale): Promise<void> {
  for (const [i, l] of sale.lines.entries()) {
    await tx.run(
      `INSERT INTO sale_items (uuid, sale_id, line_no, product_uuid, name, sku, quantity, unit_price, discount_bp, tax_rate_bp, tax_included, line_subtotal, line_discount, line_tax, line_total, refund_of_line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [l.uuid, saleId, i + 1, l.product_uuid, l.name, l.sku, l.quantity, l.unit_price, l.discount_bp, l.tax_rate_bp, l.tax_included ? 1 : 0, l.line_subtotal, l.line_discount, l.line_tax, l.line_total, l.refund_of_line],
    );
  }
  for (const p of sale.payments) {
    await tx.run(`INSERT INTO payments (uuid, sale_id, method, amount, tendered, change) VALUES (?, ?, ?, ?, ?, ?)`, [p.uuid, saleId, p.method, p.amount, p.tendered, p.change]);
  }
}

/** Records a stock adjustment with its queue row. */
export async function recordTestAdjustment(db: SqlConnection, productUuid: string, delta: number, reason = 'count'): Promise<Adjustment> {
  const adjustment: Adjustment = { uuid: randomUUID(), product_uuid: productUuid, delta, reason, created_at: new Date().toISOString(), staff_id: FIXTURE_STAFF_ID };
  await db.transaction(async (tx) => {
    const { lastInsertRowId } = await tx.run(
      `INSERT INTO inventory_adjustments (uuid, product_uuid, delta, reason, created_at) VALUES (?, ?, ?, ?, ?)`,
      [adjustment.uuid, adjustment.product_uuid, adjustment.delta, adjustment.reason, adjustment.created_at],
    );
    await enqueue(tx, { entityType: 'Adjustment', entityId: lastInsertRowId, action: 'CREATE', payload: adjustment, idempotencyKey: adjustment.uuid, createdAt: adjustment.created_at });
  });
  return adjustment;
}

export interface QueueSnapshot {
  id: number;
  entity_type: string;
  status: number;
  retry_count: number;
  next_attempt_at: number;
  last_error: string | null;
  idempotency_key: string;
}

export function queueRows(db: SqlConnection): Promise<QueueSnapshot[]> {
  return db.all<QueueSnapshot>(`SELECT id, entity_type, status, retry_count, next_attempt_at, last_error, idempotency_key FROM sync_queue ORDER BY id`);
}

/** The till's sellable catalog: uuid -> price. */
export async function tillPrices(db: SqlConnection): Promise<Map<string, number>> {
  const rows = await db.all<{ uuid: string; price: number }>(`SELECT uuid, price FROM products WHERE deleted_at IS NULL ORDER BY uuid`);
  return new Map(rows.map((r) => [r.uuid, r.price]));
}
