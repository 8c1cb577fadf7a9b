// The pipelined push against the real hub: a second batch goes out while the first is on the wire,
// never a third; a failure of one batch stops the pass without touching what it should not; a refund
// and a product's later edit wait for the batch carrying what they depend on. msw in front of the hub
// holds and spoils single requests (an order of answers the real hub does not produce on demand).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { hubHandlers, realResponse } from '../../test-support/msw/handlers.ts';
import { createProducts, hubPrices, hubSaleCounts, startHub, type TestServer } from './testing/hub-fixture.ts';
import { FIXTURE_ACTOR, makeRefund, makeSale, openTestTill, queueRows, recordTestSale, type TestTill } from './testing/till-fixture.ts';
import { QueueStatus } from './outbox.ts';
import { BACKOFF_MAX_MS } from './backoff.ts';
import { MAX_BATCHES_IN_FLIGHT, PUSH_BATCH_SIZE, PUSH_MAX_BATCH_BYTES } from './push.ts';
import { MAX_BODY_BYTES, MAX_UPSTREAM_ITEMS } from '@ezo/contract/limits';
import type { Product } from '@ezo/contract/catalog';
import type { Sale } from '@ezo/contract/sale';
import type { TerminalInfo } from '@ezo/contract/terminal';

/** A held request is let go after this long even if what it waits for never happens (the test then fails on order). */
const HOLD_FALLBACK_MS = 3_000;

let hub: TestServer;
let products: Product[];
let till: TestTill;
let terminal: TerminalInfo;
const network = setupServer();

interface Wire {
  /** 'start n' and 'end n' of upstream request n (from 1), in the order they happened. */
  events: string[];
  maxInFlight: number;
  /** Resolves when upstream request n has been answered to the till. */
  answered(n: number): Promise<void>;
}

/**
 * Routes upstream requests through `policy`: it may hold request n until a promise settles, and may
 * replace the real hub's answer (the hub still stored the batch: a lost acknowledgement) or answer
 * instead of the hub (it then never sees the batch).
 */
function watchUpstream(policy: {
  hold?: (n: number, wire: Wire) => Promise<void> | undefined;
  answer?: (n: number) => Response | undefined;
  replace?: (n: number) => Response | undefined;
}): Wire {
  const ends = new Map<number, { promise: Promise<void>; resolve: () => void }>();
  const end = (n: number) => {
    let entry = ends.get(n);
    if (entry === undefined) {
      let resolve: () => void = () => {};
      const promise = new Promise<void>((r) => (resolve = r));
      entry = { promise, resolve };
      ends.set(n, entry);
    }
    return entry;
  };
  let started = 0;
  let inFlight = 0;
  const wire: Wire = { events: [], maxInFlight: 0, answered: (n) => end(n).promise };
  network.use(
    http.post(`${hub.url}/api/v1/sync/upstream`, async ({ request }) => {
      const n = ++started;
      inFlight += 1;
      wire.maxInFlight = Math.max(wire.maxInFlight, inFlight);
      wire.events.push(`start ${n}`);
      try {
        const hold = policy.hold?.(n, wire);
        if (hold !== undefined) await Promise.race([hold, new Promise((r) => setTimeout(r, HOLD_FALLBACK_MS))]);
        const instead = policy.answer?.(n);
        if (instead !== undefined) return instead;
        const real = await realResponse(request);
        return policy.replace?.(n) ?? real;
      } finally {
        inFlight -= 1;
        wire.events.push(`end ${n}`);
        // The answer reaches the till after this handler returns: let it be read before `answered` fires.
        setTimeout(() => end(n).resolve(), 0);
      }
    }),
  );
  return wire;
}

beforeAll(async () => {
  hub = await startHub();
  products = await createProducts(hub, 4);
  network.use(...hubHandlers(hub.url));
  network.listen({ onUnhandledRequest: 'bypass' });
});
afterEach(async () => {
  await till?.sync.stop();
  network.resetHandlers(...hubHandlers(hub.url));
});
afterAll(async () => {
  network.close();
  await hub.stop();
});

async function pairedTill(): Promise<void> {
  till = await openTestTill();
  terminal = (await till.sync.pair(hub.url, hub.terminal.token)).terminal;
  await till.sync.syncNow();
}

async function queueSales(count: number): Promise<Sale[]> {
  const sales: Sale[] = [];
  for (let i = 0; i < count; i++) {
    const sale = makeSale(terminal, [products[i % products.length]!], 1 + (i % 3), i + 1);
    await recordTestSale(till.db, sale);
    sales.push(sale);
  }
  return sales;
}

async function expectEachOnHubOnce(sales: readonly Sale[]): Promise<void> {
  const counts = await hubSaleCounts(hub);
  expect(sales.filter((s) => counts.get(s.uuid) !== 1).map((s) => [s.uuid, counts.get(s.uuid) ?? 0])).toEqual([]);
}

describe('batch limits', () => {
  it("stay inside the contract's: items per batch, and payload bytes with room for the envelope and multi-byte text", () => {
    expect(PUSH_BATCH_SIZE).toBeLessThanOrEqual(MAX_UPSTREAM_ITEMS);
    expect(PUSH_MAX_BATCH_BYTES).toBeLessThanOrEqual(MAX_BODY_BYTES / 2);
  });
});

describe('the pipelined push', () => {
  it(`keeps ${MAX_BATCHES_IN_FLIGHT} batches on the wire, never more: the next goes out before the previous is answered`, async () => {
    await pairedTill();
    const sales = await queueSales(3 * PUSH_BATCH_SIZE + 10);
    // Request 1 is answered only once request 2 is on the wire: a push that waits for each answer stalls here.
    const wire = watchUpstream({ hold: (n, w) => (n === 1 ? waitForStart(w, 2) : undefined) });
    await till.sync.syncNow();
    expect(wire.events.indexOf('start 2')).toBeLessThan(wire.events.indexOf('end 1'));
    expect(wire.maxInFlight).toBe(MAX_BATCHES_IN_FLIGHT);
    expect(wire.events.filter((e) => e.startsWith('start'))).toHaveLength(4);
    expect((await queueRows(till.db)).filter((r) => r.status !== QueueStatus.completed)).toEqual([]);
    await expectEachOnHubOnce(sales);
  });

  it('a lost answer to the second batch while the first succeeds: the first is Completed, the second waits to be resent, nothing else goes out', async () => {
    await pairedTill();
    const sales = await queueSales(3 * PUSH_BATCH_SIZE);
    const wire = watchUpstream({
      // Batch 1 is answered once the till has rescheduled batch 2: its failure is known while batch 1 is on the wire.
      hold: (n) => (n === 1 ? until(async () => (await queueRows(till.db)).some((r) => r.retry_count === 1)) : undefined),
      // The hub stores batch 2, the till hears 502.
      replace: (n) => (n === 2 ? HttpResponse.json({ error: { code: 'internal', message: 'injected' } }, { status: 502 }) : undefined),
    });
    await till.sync.syncNow();
    expect(wire.events).toEqual(['start 1', 'start 2', 'end 2', 'end 1']);
    const rows = await queueRows(till.db);
    expect(rows.slice(0, PUSH_BATCH_SIZE).every((r) => r.status === QueueStatus.completed)).toBe(true);
    expect(rows.slice(PUSH_BATCH_SIZE, 2 * PUSH_BATCH_SIZE).every((r) => r.status === QueueStatus.pending && r.retry_count === 1)).toBe(true);
    expect(rows.slice(2 * PUSH_BATCH_SIZE).every((r) => r.status === QueueStatus.pending && r.retry_count === 0)).toBe(true);
    expect((await till.sync.syncStatus()).lastError?.code).toBe('server');
    await expectEachOnHubOnce(sales.slice(0, 2 * PUSH_BATCH_SIZE));

    network.resetHandlers(...hubHandlers(hub.url));
    till.clock.advance(BACKOFF_MAX_MS);
    await till.sync.syncNow();
    expect((await queueRows(till.db)).filter((r) => r.status !== QueueStatus.completed)).toEqual([]);
    await expectEachOnHubOnce(sales);
  });

  it('a 401 on the second batch while the first succeeds: the first is Completed, the second untouched, the till not authorised', async () => {
    await pairedTill();
    await queueSales(2 * PUSH_BATCH_SIZE);
    watchUpstream({
      hold: (n, w) => (n === 1 ? w.answered(2) : undefined),
      answer: (n) => (n === 2 ? HttpResponse.json({ error: { code: 'unauthorized', message: 'unknown token' } }, { status: 401 }) : undefined),
    });
    await till.sync.syncNow();
    const rows = await queueRows(till.db);
    expect(rows.slice(0, PUSH_BATCH_SIZE).every((r) => r.status === QueueStatus.completed)).toBe(true);
    expect(rows.slice(PUSH_BATCH_SIZE).every((r) => r.status === QueueStatus.pending && r.retry_count === 0 && r.last_error === null)).toBe(true);
    expect(await till.sync.syncStatus()).toMatchObject({ authorised: false, pending: PUSH_BATCH_SIZE });
  });

  it('a refund goes out only after the batch carrying its sale was answered', async () => {
    await pairedTill();
    const before = await queueSales(PUSH_BATCH_SIZE / 2);
    const [original] = await queueSales(1);
    const rest = await queueSales(PUSH_BATCH_SIZE / 2 - 1 + 10);
    const refund = makeRefund(terminal, original!);
    await recordTestSale(till.db, refund);
    const after = await queueSales(5);
    // Batch 1 (with the sale) is stored only after batch 2 was answered: a refund in batch 2 would find no sale.
    const wire = watchUpstream({ hold: (n, w) => (n === 1 ? w.answered(2) : undefined) });
    await till.sync.syncNow();
    expect(wire.events.slice(0, 4)).toEqual(['start 1', 'start 2', 'end 2', 'end 1']);
    expect(await till.sync.failedItems()).toEqual([]);
    expect((await queueRows(till.db)).filter((r) => r.status !== QueueStatus.completed)).toEqual([]);
    await expectEachOnHubOnce([...before, original!, ...rest, refund, ...after]);
    const stored = await hub.db.query<{ refund_of: string }>('SELECT refund_of::text AS refund_of FROM sales WHERE uuid = $1', [refund.uuid]);
    expect(stored).toEqual([{ refund_of: original!.uuid }]);
  });

  it("a product's second edit goes out only after the batch carrying its first was answered, so the later price stands", async () => {
    await pairedTill();
    const p = products[1]!;
    await queueSales(PUSH_BATCH_SIZE / 2);
    await till.sync.editProduct({ productUuid: p.uuid, price: p.price + 101 }, FIXTURE_ACTOR);
    await queueSales(PUSH_BATCH_SIZE / 2 - 1 + 5);
    await till.sync.editProduct({ productUuid: p.uuid, price: p.price + 102 }, FIXTURE_ACTOR);
    await queueSales(5);
    const wire = watchUpstream({ hold: (n, w) => (n === 1 ? w.answered(2) : undefined) });
    await till.sync.syncNow();
    expect(wire.events.slice(0, 4)).toEqual(['start 1', 'start 2', 'end 2', 'end 1']);
    expect(await till.sync.failedItems()).toEqual([]);
    expect((await hubPrices(hub)).get(p.uuid)).toBe(p.price + 102);
    products[1] = { ...p, price: p.price + 102 };
  });
});

/** Polls `condition` until it holds, for at most HOLD_FALLBACK_MS. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + HOLD_FALLBACK_MS;
  while (!(await condition()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

const waitForStart = (wire: Wire, n: number) => until(() => wire.events.includes(`start ${n}`));
