// Status delivery: counts come from sync_queue each time, every write to the tables the status is
// read from produces a new status with no call from the writer (and a rolled-back one none), a
// listener whose tab went away (it throws, or its Comlink proxy rejects) is dropped, and changes go
// out in the next task when the engine is idle, coalesced while it pulls or pushes.
import { describe, expect, it, vi } from 'vitest';
import { openMigratedMemoryDb } from '../../test-support/memory-db.ts';
import { addProducts, cartLine, openTestTill as openDataTill, product, TEST_TERMINAL } from '../db/repos/data-test-kit.ts';
import { STATUS_COALESCE_MS } from './status-broadcast.ts';
import { createStatusHub, type StatusHub } from './status-hub.ts';
import { createEnginePhase, type EnginePhase } from './engine-phase.ts';
import { enqueue, QueueStatus } from './outbox.ts';
import { markCompleted, markFailed, pruneCompleted, reviveTransientFailures } from './queue-store.ts';
import { retryFailed } from './retry-failed.ts';
import { markUnauthorised, readPairing, writePairing } from './pairing-store.ts';
import { saveLastError } from './sync-state-store.ts';
import type { SqlConnection, SqlExecutor } from './sql-connection.ts';
import type { SyncStatus } from '../api/till-api.ts';

function hubOn(db: SqlConnection, online = true): { hub: StatusHub; phase: EnginePhase } {
  const phase = createEnginePhase();
  return { hub: createStatusHub({ db, phase, pairing: () => readPairing(db), isOnline: () => online }), phase };
}

function queueOne(tx: SqlExecutor, key: string): Promise<number> {
  return enqueue(tx, { entityType: 'Sale', entityId: 1, action: 'CREATE', payload: {}, idempotencyKey: key, createdAt: '2026-01-01T00:00:00Z' });
}

describe('status hub', () => {
  it('counts pending and failed rows from sync_queue on every build', async () => {
    const db = await openMigratedMemoryDb();
    const { hub } = hubOn(db);
    expect(await hub.build()).toMatchObject({ pending: 0, failed: 0, online: true });
    await db.transaction(async (tx) => {
      for (const key of ['a', 'b', 'c']) await queueOne(tx, key);
    });
    await db.run(`UPDATE sync_queue SET status = 2 WHERE idempotency_key = 'b'`);
    await db.run(`UPDATE sync_queue SET status = 1 WHERE idempotency_key = 'c'`);
    expect(await hub.build()).toMatchObject({ pending: 1, failed: 1, pendingSales: 1, failedSales: 1, oldestUnsyncedAt: '2026-01-01T00:00:00Z' });
    // Sales are counted apart from adjustments and product edits ("3 sales sent" counts sales only).
    await db.transaction((tx) =>
      enqueue(tx, { entityType: 'Adjustment', entityId: 2, action: 'CREATE', payload: {}, idempotencyKey: 'adj', createdAt: '2026-01-01T00:00:00Z' }),
    );
    expect(await hub.build()).toMatchObject({ pending: 2, failed: 1, pendingSales: 1, failedSales: 1 });
    await db.run(`UPDATE sync_queue SET status = 1`);
    expect(await hub.build()).toMatchObject({ pending: 0, failed: 0, pendingSales: 0, failedSales: 0, oldestUnsyncedAt: null });
  });

  it('keeps when an error began while the same error repeats, so "not reachable since" stays true', async () => {
    const db = await openMigratedMemoryDb();
    const { hub } = hubOn(db);
    await saveLastError(db, { code: 'offline', message: 'no answer', at: '2026-01-01T10:00:00Z' });
    await saveLastError(db, { code: 'offline', message: 'no answer again', at: '2026-01-01T10:05:00Z' });
    expect((await hub.build()).lastError).toEqual({ code: 'offline', message: 'no answer again', at: '2026-01-01T10:00:00Z' });
    await saveLastError(db, { code: 'bad_response', message: 'odd', at: '2026-01-01T10:06:00Z' });
    expect((await hub.build()).lastError?.at).toBe('2026-01-01T10:06:00Z');
    await saveLastError(db, null);
    await saveLastError(db, { code: 'offline', message: 'no answer', at: '2026-01-01T11:00:00Z' });
    expect((await hub.build()).lastError?.at).toBe('2026-01-01T11:00:00Z');
  });

  it('drops a listener that throws or whose proxy rejects, and keeps the others', async () => {
    const db = await openMigratedMemoryDb();
    const { hub, phase } = hubOn(db, false);
    const heard: SyncStatus[] = [];
    const throwing = vi.fn(() => {
      throw new Error('gone');
    });
    const rejecting = vi.fn(() => Promise.reject(new Error('port closed')));
    await hub.subscribe((s) => heard.push(s));
    await hub.subscribe(throwing);
    // A Comlink proxy returns a promise where the listener type says void: that is what is simulated here.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    await hub.subscribe(rejecting);
    await new Promise((r) => setTimeout(r, 0)); // let the rejection land
    phase.set({ pushing: true });
    phase.set({ pushing: false }); // coalesced with the one in flight, then delivered once more
    await hub.settled();
    expect(heard.length).toBeGreaterThanOrEqual(2);
    expect(heard.at(-1)).toMatchObject({ online: false, pending: 0, pushing: false });
    expect(throwing).toHaveBeenCalledTimes(1);
    expect(rejecting).toHaveBeenCalledTimes(1);
  });

  it('sends a change in the next task while the engine is idle, and its changes within the window as one while it works', async () => {
    const db = await openMigratedMemoryDb();
    vi.useFakeTimers();
    try {
      const { hub, phase } = hubOn(db);
      const heard: SyncStatus[] = [];
      await hub.subscribe((s) => heard.push(s));
      await db.transaction((tx) => queueOne(tx, 'a')); // a sale while idle
      expect(heard).toHaveLength(1); // never in the call that wrote: the writer answers first
      await vi.advanceTimersByTimeAsync(1);
      expect(heard).toHaveLength(2);
      expect(heard.at(-1)).toMatchObject({ pending: 1 });

      phase.set({ pulling: true }); // the engine starts right after a status...
      for (let i = 1; i <= 5; i++) phase.set({ firstSync: { rows: i, pages: i, remaining: null } }); // ...and reports per page
      await vi.advanceTimersByTimeAsync(STATUS_COALESCE_MS / 2);
      expect(heard).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(STATUS_COALESCE_MS);
      expect(heard).toHaveLength(3); // the six as one
      expect(heard.at(-1)).toMatchObject({ pulling: true, firstSync: { pages: 5 } });

      await db.transaction((tx) => queueOne(tx, 'b')); // a sale while it pulls: the bar says "Syncing", so it waits out the window...
      await vi.advanceTimersByTimeAsync(1);
      expect(heard).toHaveLength(3);
      phase.set({ pulling: false, firstSync: null }); // ...until the engine is idle again: then at once
      await vi.advanceTimersByTimeAsync(1);
      expect(heard).toHaveLength(4);
      expect(heard.at(-1)).toMatchObject({ pending: 2, pulling: false });

      await db.transaction((tx) => queueOne(tx, 'c')); // idle, right after a status: no stale "All synced"
      await vi.advanceTimersByTimeAsync(1);
      expect(heard).toHaveLength(5);
      expect(heard.at(-1)).toMatchObject({ pending: 3 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the status follows the database', () => {
  /** A hub on a data-service till, one listener, and a helper that runs a write and returns the status it caused. */
  async function followed() {
    const till = await openDataTill();
    const { hub } = hubOn(till.db);
    const heard: SyncStatus[] = [];
    await hub.subscribe((s) => heard.push(s));
    async function statusAfter(write: () => Promise<unknown>): Promise<SyncStatus | undefined> {
      const before = heard.length;
      await write();
      expect(heard).toHaveLength(before); // not built inside the writer's call
      await hub.settled();
      return heard.length > before ? heard.at(-1) : undefined;
    }
    return { ...till, hub, heard, statusAfter };
  }

  it('every write to sync_queue produces a new status without any call: a sale, a push marking rows completed or failed, a retry, a revive, a prune', async () => {
    const t = await followed();
    const item = product(1, { price: 250 });
    await addProducts(t.db, [item]);
    const sale = () => t.api.recordSale({ lines: [cartLine(item, 1)], payments: [{ method: 'cash', amount: 250, tendered: 250 }], customerUuid: null, note: null });

    expect(await t.statusAfter(sale)).toMatchObject({ pending: 1, failed: 0 });
    expect(await t.statusAfter(sale)).toMatchObject({ pending: 2 });
    const [first, second] = (await t.db.all<{ id: number }>(`SELECT id FROM sync_queue ORDER BY id`)).map((r) => r.id);
    const at = new Date(t.now.ms).toISOString();
    expect(await t.statusAfter(() => t.db.transaction((tx) => markCompleted(tx, [first!], at)))).toMatchObject({ pending: 1, failed: 0 });
    expect(await t.statusAfter(() => t.db.transaction((tx) => markFailed(tx, second!, 'rejected', true)))).toMatchObject({ pending: 0, failed: 1 });
    expect(await t.statusAfter(() => retryFailed(t.db, [second!]))).toMatchObject({ pending: 1, failed: 0 });
    expect(await t.statusAfter(() => t.db.transaction((tx) => markFailed(tx, second!, 'gave up', true, true)))).toMatchObject({ pending: 0, failed: 1 });
    expect(await t.statusAfter(() => t.db.transaction((tx) => reviveTransientFailures(tx)))).toMatchObject({ pending: 1, failed: 0 });
    expect(await t.statusAfter(() => pruneCompleted(t.db, '9999-01-01T00:00:00Z'))).toMatchObject({ pending: 1 });
    expect(await t.db.get(`SELECT count(*) AS n FROM sync_queue WHERE status = ${QueueStatus.completed}`)).toEqual({ n: 0 });
    expect(t.queued.count).toBe(2); // the data service told only its own listener, which is not the hub
  });

  it('follows the pairing and the last error too, and ignores tables the status is not read from', async () => {
    const t = await followed();
    expect(await t.statusAfter(() => t.db.transaction((tx) => writePairing(tx, 'http://hub.test', 'token', TEST_TERMINAL)))).toMatchObject({ paired: true, authorised: true });
    expect(await t.statusAfter(() => markUnauthorised(t.db, 'device_revoked'))).toMatchObject({ authorised: false, removed: 'revoked' });
    expect(await t.statusAfter(() => saveLastError(t.db, { code: 'offline', message: 'no network', at: '2026-01-01T00:00:00Z' }))).toMatchObject({ lastError: { code: 'offline' } });
    expect(await t.statusAfter(() => addProducts(t.db, [product(2)]))).toBeUndefined();
    expect(await t.statusAfter(() => t.db.run(`UPDATE sync_queue SET status = 1 WHERE id = -1`))).toBeUndefined(); // no row changed
  });

  it('a rolled-back transaction produces no status', async () => {
    const t = await followed();
    const rolledBack = () =>
      t.db.transaction(async (tx) => {
        await queueOne(tx, 'x');
        throw new Error('the sale failed half-way');
      });
    expect(await t.statusAfter(() => rolledBack().catch(() => undefined))).toBeUndefined();
    expect(await t.hub.build()).toMatchObject({ pending: 0 });
  });
});
