// Property: whatever the interleaving of sales, network faults, restarts, back-office price changes
// and syncs, once the network is healthy again the hub holds every sale of the till exactly once and
// the till holds exactly the hub's catalog. Real hub, real wa-sqlite; faults through msw. Bounded runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import type { HttpHandler } from 'msw';
import { faults, hubHandlers } from '../../test-support/msw/handlers.ts';
import { createProducts, hubPrices, hubSaleCounts, startHub, type TestServer } from './testing/hub-fixture.ts';
import { makeSale, openTestTill, recordTestSale } from './testing/till-fixture.ts';
import type { Product } from '@ezo/contract/catalog';

/** Runs and steps per run: enough to mix every action, small enough for a few seconds. */
const RUNS = 6;
const MAX_STEPS = 14;
/** Syncs allowed to drain the queue at the end; more would mean the engine is stuck. */
const MAX_DRAIN_ROUNDS = 10;
const HOUR_MS = 60 * 60_000;

let hub: TestServer;
let products: Product[];
const network = setupServer();

beforeAll(async () => {
  hub = await startHub();
  products = await createProducts(hub, 4);
  network.use(...hubHandlers(hub.url));
  network.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  network.close();
  await hub.stop();
});

type Fault = 'serverError' | 'lostAck' | 'offline' | 'malformedJson' | 'corruptPage' | 'timeoutless503';

type Step =
  | { kind: 'sale'; product: number; quantity: number }
  | { kind: 'fault'; fault: Fault }
  | { kind: 'sync' }
  | { kind: 'notify' }
  | { kind: 'restart' }
  | { kind: 'price'; product: number; price: number }
  | { kind: 'wait' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('sale' as const), product: fc.nat(3), quantity: fc.integer({ min: 1, max: 3 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('fault' as const), fault: fc.constantFrom<Fault>('serverError', 'lostAck', 'offline', 'malformedJson', 'corruptPage', 'timeoutless503') }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'sync' as const }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'notify' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'restart' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('price' as const), product: fc.nat(3), price: fc.integer({ min: 0, max: 100_000 }) }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'wait' as const }), weight: 1 },
);

function faultHandlers(fault: Fault): HttpHandler[] {
  switch (fault) {
    case 'serverError':
      return faults.serverError(hub.url, { times: 1 });
    case 'timeoutless503':
      return faults.serverError(hub.url, { path: 'upstream', status: 503, times: 2 });
    case 'lostAck':
      return faults.lostAck(hub.url, { path: 'upstream', times: 1 });
    case 'offline':
      return faults.offline(hub.url, { times: 2 });
    case 'malformedJson':
      return faults.malformedJson(hub.url, { times: 1 });
    case 'corruptPage':
      return faults.corruptPage(hub.url, (page) => ({ ...page, has_more: 'maybe' }), { times: 1 });
  }
}

describe('sync under random interleavings', () => {
  it('ends with every sale at the hub exactly once and the hub catalog on the till', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: MAX_STEPS }), async (steps) => {
        network.resetHandlers(...hubHandlers(hub.url));
        const till = await openTestTill();
        const { terminal } = await till.sync.pair(hub.url, hub.terminal.token);
        const sales: string[] = [];
        try {
          for (const s of steps) {
            switch (s.kind) {
              case 'sale': {
                const sale = makeSale(terminal, [products[s.product]!], s.quantity, sales.length + 1);
                await recordTestSale(till.db, sale);
                sales.push(sale.uuid);
                break;
              }
              case 'fault':
                network.use(...faultHandlers(s.fault));
                break;
              case 'sync':
                await till.sync.syncNow();
                break;
              case 'notify':
                till.sync.notifyLocalWrite();
                break;
              case 'restart':
                await till.restart();
                break;
              case 'price':
                await hub.admin('PATCH', `/api/v1/admin/products/${products[s.product]!.uuid}`, { price: s.price });
                break;
              case 'wait':
                till.clock.advance(HOUR_MS);
                break;
            }
          }
          // The network heals; staff retry anything parked by repeated faults.
          network.resetHandlers(...hubHandlers(hub.url));
          for (let round = 0; round < MAX_DRAIN_ROUNDS; round++) {
            till.clock.advance(HOUR_MS);
            await till.sync.retryFailed([]);
            await till.sync.syncNow();
            const status = await till.sync.syncStatus();
            if (status.pending === 0 && status.failed === 0 && status.lastError === null) break;
          }
          expect(await till.sync.syncStatus()).toMatchObject({ pending: 0, failed: 0, lastError: null });
          const counts = await hubSaleCounts(hub);
          for (const uuid of sales) expect(counts.get(uuid)).toBe(1);
          const tillCatalog = await till.db.all<{ uuid: string; price: number }>(`SELECT uuid, price FROM products WHERE deleted_at IS NULL ORDER BY uuid`);
          expect(new Map(tillCatalog.map((r) => [r.uuid, r.price]))).toEqual(await hubPrices(hub));
        } finally {
          await till.sync.stop();
          await till.db.close();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
