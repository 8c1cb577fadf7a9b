// The real sync engine pushing to the real hub through the fault proxy (test-support/fault-proxy.ts):
// seeded latency, 5xx, resets, truncated and malformed answers, lost acknowledgements. The test clock
// jumps over backoff, so hundreds of sales and faults take seconds. Ends with every sale on the hub
// exactly once and every queue row Completed. FUZZ_SEED replays a run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, CHAOS_RATES, NO_FAULTS, type FaultProxy } from '../../../test-support/fault-proxy.ts';
import { createProducts, hubSaleCounts, startHub, type TestServer } from '../testing/hub-fixture.ts';
import { makeRefund, makeSale, openTestTill, queueRows, recordTestSale, type TestTill } from '../testing/till-fixture.ts';
import { QueueStatus } from '../outbox.ts';
import { BACKOFF_MAX_MS } from '../backoff.ts';
import { MAX_ATTEMPTS, PUSH_BATCH_SIZE } from '../push.ts';
import type { Product } from '@ezo/contract/catalog';
import type { Sale } from '@ezo/contract/sale';
import { fuzzSeed } from './fuzz-seed.ts';

const SALES = 300;
/** Sales recorded between two syncs: several batches per run, each a chance for a fault. */
const SALES_PER_SYNC = 7;
/** Syncs allowed to drain the queue once the faults stop; more would mean the engine is stuck. */
const MAX_DRAIN_ROUNDS = 12;
/** Hours offline: bursts of sales recorded without a sync, each then pushed as several pipelined batches. */
const BACKLOG_BURSTS = 3;
const BACKLOG_SALES_PER_BURST = 2 * PUSH_BATCH_SIZE + PUSH_BATCH_SIZE / 2;
const BACKLOG_SALES = BACKLOG_BURSTS * BACKLOG_SALES_PER_BURST;
/** Every this many sales, a refund of a recent sale: with faults shifting batches, it may fall in the batch after its sale's. */
const REFUND_EVERY = 9;
/** Syncs under faults after each burst. */
const BACKLOG_FAULT_ROUNDS = 4;

let hub: TestServer;
let proxy: FaultProxy;
let till: TestTill;
let products: Product[];

beforeAll(async () => {
  hub = await startHub();
  products = await createProducts(hub, 4);
  proxy = await startFaultProxy({ target: hub.url, seed: fuzzSeed('push-through-faults') });
  till = await openTestTill();
  await till.sync.pair(proxy.url, hub.terminal.token);
});
afterAll(async () => {
  await till?.sync.stop();
  await proxy?.close();
  await hub?.stop();
});

describe('push through the fault proxy', () => {
  it(`${SALES} sales through seeded faults: each on the hub exactly once, every queue row Completed`, async () => {
    const terminal = (await till.sync.pairing())!.terminal;
    const uuids: string[] = [];
    proxy.setRates(CHAOS_RATES);
    for (let i = 0; i < SALES; i++) {
      const sale = makeSale(terminal, [products[i % products.length]!], 1 + (i % 3), i + 1);
      await recordTestSale(till.db, sale);
      uuids.push(sale.uuid);
      if (i % SALES_PER_SYNC === SALES_PER_SYNC - 1) {
        await till.sync.syncNow();
        till.clock.advance(BACKOFF_MAX_MS); // every retry is due at the next sync
      }
    }
    proxy.setRates(NO_FAULTS);
    let retried = 0;
    for (let round = 0; round < MAX_DRAIN_ROUNDS; round++) {
      await till.sync.syncNow();
      till.clock.advance(BACKOFF_MAX_MS);
      const rows = await queueRows(till.db);
      if (rows.some((r) => r.status === QueueStatus.pending)) continue;
      // Five transient failures in a row park an item (push.ts MAX_ATTEMPTS): staff retry it.
      const gaveUp = rows.filter((r) => r.status === QueueStatus.failed && /^Gave up after/.test(r.last_error ?? '')).map((r) => r.id);
      if (gaveUp.length === 0) break;
      retried += await till.sync.retryFailed(gaveUp);
    }

    const counts = await hubSaleCounts(hub);
    const lost = uuids.filter((u) => !counts.has(u));
    const duplicated = uuids.filter((u) => (counts.get(u) ?? 0) > 1);
    const rows = await queueRows(till.db);
    console.log(`[push-through-faults] faults ${JSON.stringify(proxy.counts)}, retried after giving up ${retried}`);
    console.log(`sales ${uuids.length}, lost ${lost.length}, duplicated ${duplicated.length}, faults ${proxy.totalFaults()}`);
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(rows.filter((r) => r.status !== QueueStatus.completed)).toEqual([]);
    expect(proxy.counts.lostAck, 'acknowledgements were lost after the hub committed').toBeGreaterThan(0);
    expect(proxy.totalFaults()).toBeGreaterThan(SALES / SALES_PER_SYNC / 4);
  });

  it(`a backlog of ${BACKLOG_SALES} sales with refunds, pipelined through seeded faults: each on the hub exactly once, no refund refused`, async () => {
    const terminal = (await till.sync.pairing())!.terminal;
    const sales: Sale[] = [];
    /** Sales not refunded yet, newest last. */
    const refundable: Sale[] = [];
    const faultsBefore = { ...proxy.counts };
    proxy.setRates(CHAOS_RATES);
    for (let i = 0; i < BACKLOG_SALES; i++) {
      // Refunds at batch boundaries too (row 0 of a batch, its sale in the batch before), before faults shift them.
      const refundNow = (i % REFUND_EVERY === 0 || i % PUSH_BATCH_SIZE === 0) && refundable.length > 2;
      const sale = refundNow ? makeRefund(terminal, refundable.splice(-2, 1)[0]!, 10_000 + i) : makeSale(terminal, [products[i % products.length]!], 1 + (i % 3), 10_000 + i);
      if (!refundNow) refundable.push(sale);
      await recordTestSale(till.db, sale);
      sales.push(sale);
      if (i % BACKLOG_SALES_PER_BURST !== BACKLOG_SALES_PER_BURST - 1) continue;
      for (let round = 0; round < BACKLOG_FAULT_ROUNDS; round++) {
        await till.sync.syncNow();
        till.clock.advance(BACKOFF_MAX_MS);
      }
    }
    proxy.setRates(NO_FAULTS);
    for (let round = 0; round < MAX_DRAIN_ROUNDS; round++) {
      await till.sync.syncNow();
      till.clock.advance(BACKOFF_MAX_MS);
      const rows = await queueRows(till.db);
      if (rows.some((r) => r.status === QueueStatus.pending)) continue;
      const gaveUp = rows.filter((r) => r.status === QueueStatus.failed && /^Gave up after/.test(r.last_error ?? '')).map((r) => r.id);
      if (gaveUp.length === 0) break;
      await till.sync.retryFailed(gaveUp);
    }

    const counts = await hubSaleCounts(hub);
    const lost = sales.filter((s) => !counts.has(s.uuid));
    const duplicated = sales.filter((s) => (counts.get(s.uuid) ?? 0) > 1);
    const faults = Object.fromEntries(Object.entries(proxy.counts).map(([kind, n]) => [kind, n - faultsBefore[kind as keyof typeof faultsBefore]]));
    console.log(`[push-through-faults] backlog: faults ${JSON.stringify(faults)}`);
    console.log(`backlog sales ${sales.length} (${sales.filter((s) => s.refund_of !== null).length} refunds), lost ${lost.length}, duplicated ${duplicated.length}`);
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(await till.sync.failedItems()).toEqual([]);
    expect(Object.values(faults).reduce((a, b) => a + b, 0), 'the backlog met faults').toBeGreaterThan(0);
    expect((await queueRows(till.db)).filter((r) => r.status !== QueueStatus.completed)).toEqual([]);
  });

  // push.ts parks an item as Failed after MAX_ATTEMPTS transient failures (roughly 40-75 s of a hub
  // that is down); the row is marked failed_transient, and the next Sync now / online / periodic pass
  // whose pull reaches the hub sends it again, so no sale stays parked for a reason that went away.
  it('a hub outage longer than the backoff ladder parks no sale: it goes out once the hub is back', async () => {
    const terminal = (await till.sync.pairing())!.terminal;
    const sale = makeSale(terminal, [products[0]!], 1, SALES + 1);
    await recordTestSale(till.db, sale);
    proxy.setOffline(true);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      await till.sync.syncNow();
      till.clock.advance(BACKOFF_MAX_MS);
    }
    proxy.setOffline(false);
    await till.sync.syncNow();
    expect((await hubSaleCounts(hub)).get(sale.uuid)).toBe(1);
  });
});
