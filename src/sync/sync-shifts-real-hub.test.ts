// A closed shift from the till's data service through the sync engine to the real hub (in-memory
// PGlite): it arrives exactly once, also when its batch is sent again after a lost answer, and the
// admin route lists it with the figures the till printed. A shift closed before the till was paired
// (as one closed before this update) goes too, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Product } from '@ezo/contract/catalog';
import type { ShiftsReport } from '@ezo/contract/admin';
import { createProducts, startHub, type TestServer } from './testing/hub-fixture.ts';
import { FIXTURE_ACTOR, openTestTill, queueRows, type TestTill } from './testing/till-fixture.ts';
import { QueueStatus } from './outbox.ts';
import { createTillDataService } from '../db/till-data-service.ts';
import { queueUnsentShifts } from '../db/repos/shift-record.ts';
import type { TillDataDeps } from '../api/service-parts.ts';

let hub: TestServer;
let products: Product[];

beforeAll(async () => {
  hub = await startHub();
  products = await createProducts(hub, 2);
});
afterAll(async () => {
  await hub.stop();
});

function dataService(till: TestTill, paired: { now: boolean }) {
  const deps: TillDataDeps = {
    clock: { now: () => Date.now() },
    newUuid: () => randomUUID(),
    terminal: async () => (paired.now ? till.sync.terminal() : null),
    onQueued: () => undefined,
    actor: () => FIXTURE_ACTOR,
  };
  return { api: createTillDataService(till.db, deps), deps };
}

const hubShifts = async (): Promise<ShiftsReport['shifts']> => {
  const res = await hub.admin<ShiftsReport>('GET', `/api/v1/admin/shifts?store_id=${hub.store.id}`);
  expect(res.status).toBe(200);
  return res.body.shifts;
};

describe('closed shifts reach the hub', () => {
  it('once, with the figures the till printed, also when the batch is sent again', async () => {
    const till = await openTestTill();
    try {
      await till.sync.pair(hub.url, hub.terminal.token);
      await till.sync.syncNow();
      const { api } = dataService(till, { now: true });
      const [a] = products as [Product];
      const shift = await api.openShift(10_000);
      await api.recordSale({
        lines: [{ productUuid: a.uuid, name: a.name, sku: a.sku, quantity: 2, unitPrice: a.price, discountBp: 0, taxRateBp: a.tax_rate_bp, taxIncluded: a.tax_included }],
        payments: [{ method: 'cash', amount: 2 * a.price, tendered: 1_000 }],
        customerUuid: null,
        note: null,
      });
      await api.recordCashMove({ kind: 'in', amount: 500, reason: 'change' });
      await api.openDrawer();
      const report = await api.closeShift({ countedCash: 10_000 + 2 * a.price + 500, denominations: null });
      await till.sync.syncNow();
      expect((await queueRows(till.db)).every((r) => r.status === QueueStatus.completed)).toBe(true);
      const stored = (await hubShifts()).filter((s) => s.uuid === shift.uuid);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        z_number: report.zNumber,
        terminal_id: hub.terminal.id,
        device_id: hub.terminal.deviceId,
        difference: 0,
        z_report: { sales_count: 1, turnover: report.turnover, grand_total: report.grandTotal, no_sale_openings: 1, vat: report.vat, first_receipt: report.firstReceipt },
      });

      // The answer was lost: the row goes out again and the hub answers duplicate; still one shift.
      await till.db.run(`UPDATE sync_queue SET status = ${QueueStatus.pending}, completed_at = NULL WHERE entity_type = 'Shift'`);
      await till.sync.syncNow();
      const rows = await till.db.all<{ status: number; last_error: string | null }>(`SELECT status, last_error FROM sync_queue WHERE entity_type = 'Shift'`);
      expect(rows).toEqual([{ status: QueueStatus.completed, last_error: null }]);
      expect((await hubShifts()).filter((s) => s.uuid === shift.uuid)).toHaveLength(1);
    } finally {
      await till.sync.stop();
    }
  });

  it('a shift closed before pairing goes once the till is paired', async () => {
    const till = await openTestTill();
    try {
      const paired = { now: false };
      const { api, deps } = dataService(till, paired);
      const shift = await api.openShift(2_000);
      await api.closeShift({ countedCash: 2_000, denominations: null });
      expect(await queueRows(till.db)).toEqual([]);
      // Pairing this till to another terminal of the store: its Z numbers start there.
      const terminal = await hub.createTerminal(hub.store.id);
      await till.sync.pair(hub.url, terminal.token);
      paired.now = true;
      expect(await queueUnsentShifts(till.db, deps)).toBe(1);
      expect(await queueUnsentShifts(till.db, deps)).toBe(0);
      await till.sync.syncNow();
      expect((await hubShifts()).filter((s) => s.uuid === shift.uuid).map((s) => [s.terminal_id, s.z_number, s.counted_cash])).toEqual([[terminal.id, 1, 2_000]]);
    } finally {
      await till.sync.stop();
    }
  });
});
