// Drives the till's real database worker, created by the app's own client (src/ui/till-client.ts),
// through TillApi with no UI, and exposes each measurement as window.benchApp for the runner.
// Every time here is taken on the page, so it includes the Comlink round trip the UI also pays.
import { proxy } from 'comlink';
import { createTillClient } from '../../src/ui/till-client.ts';
import type { Ownership, SyncStatus } from '../../src/api/till-api.ts';
import { generateCatalog } from '../shared/catalog-gen.ts';
import { labelledSearchQueries } from '../shared/search-queries.ts';
import { BENCH_STAFF_ID, BENCH_STAFF_PIN, saleDraft } from '../shared/sale-fixture.ts';
import type { AppMemory, AppPage } from '../shared/page-protocol.ts';

/** Untimed calls before the timed ones: the first warm the statement cache and the JIT. */
const WARMUP_CALLS = 20;
const SEARCH_LIMIT = 20;
/** How often pushAll looks at the queue while the sync service sends. */
const PUSH_POLL_MS = 25;
/** Products the sales draw their lines from: the start of the catalog the hub holds. */
const SALE_PRODUCTS = 200;

const client = createTillClient();
const { api } = client;
let ownership: Ownership | null = null;

async function roundTrips(count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await api.databaseInfo();
    samples.push(performance.now() - t0);
  }
  return samples;
}

function saleCatalog(catalogSize: number) {
  return generateCatalog(0, Math.min(SALE_PRODUCTS, catalogSize));
}

async function throwIfPullFailed(): Promise<void> {
  const status = await api.syncStatus();
  if (status.lastError !== null && status.lastPullAt === null) throw new Error(`sync failed: ${status.lastError.code}: ${status.lastError.message}`);
}

/**
 * Signs the bench cashier in unless someone is: a till records sales only for a signed-in member, every
 * start is locked, and the idle time locks it again (between the bench's rounds too). Staff arrive with the
 * first sync, so this runs after it.
 */
async function ensureSignedIn(): Promise<void> {
  if ((await api.session()) !== null) return;
  const result = await api.signIn(BENCH_STAFF_ID, BENCH_STAFF_PIN);
  if (result.kind !== 'ok') throw new Error(`the bench cashier could not sign in: ${result.kind}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const page: AppPage = {
  async start() {
    ownership = await client.start((next) => {
      ownership = next;
    });
    return ownership;
  },

  async firstSync(serverUrl, token, verifyBarcode) {
    let reportedRows: number | null = null;
    // The first sync reports its progress through status; keep the last count it gave.
    await api.subscribeSyncStatus(
      proxy((status: SyncStatus) => {
        if (status.firstSync !== null) reportedRows = status.firstSync.rows;
      }),
    );
    const t0 = performance.now();
    await api.pair(serverUrl, token);
    await api.syncNow();
    const elapsedMs = performance.now() - t0;
    await throwIfPullFailed();
    const verified = (await api.productByBarcode(verifyBarcode)) !== null;
    return { elapsedMs, reportedRows, verified };
  },

  async sync(verifyBarcode, expectName) {
    const t0 = performance.now();
    await api.syncNow();
    const elapsedMs = performance.now() - t0;
    await throwIfPullFailed();
    const product = await api.productByBarcode(verifyBarcode);
    const verified = product !== null && (expectName === null || product.name === expectName);
    return { elapsedMs, reportedRows: null, verified };
  },

  async recordSales(count, catalogSize) {
    const catalog = saleCatalog(catalogSize);
    const samples: number[] = [];
    await ensureSignedIn();
    // Selling needs an open shift.
    if ((await api.currentShift()) === null) await api.openShift(0);
    for (let n = 0; n < WARMUP_CALLS + count; n++) {
      const draft = saleDraft(catalog, n);
      const t0 = performance.now();
      await api.recordSale(draft);
      if (n >= WARMUP_CALLS) samples.push(performance.now() - t0);
    }
    return { samples, roundTripSamples: await roundTrips(count) };
  },

  async search(queryCount, catalogSize) {
    const queries = labelledSearchQueries(queryCount, catalogSize).map((q) => q.text);
    for (const q of queries.slice(0, WARMUP_CALLS)) await api.searchProducts(q, SEARCH_LIMIT);
    const samples: number[] = [];
    let rows = 0;
    for (const q of queries) {
      const t0 = performance.now();
      const found = await api.searchProducts(q, SEARCH_LIMIT);
      samples.push(performance.now() - t0);
      rows += found.length;
    }
    return { samples, roundTripSamples: await roundTrips(queryCount), rowsReturned: rows };
  },

  async queueSales(count, catalogSize) {
    const catalog = saleCatalog(catalogSize);
    await ensureSignedIn();
    if ((await api.currentShift()) === null) await api.openShift(0);
    for (let n = 0; n < count; n++) await api.recordSale(saleDraft(catalog, 1_000_000 + n));
    return (await api.syncStatus()).pending;
  },

  async pushAll(deadlineMs) {
    const queued = (await api.syncStatus()).pending;
    const t0 = performance.now();
    let status = await api.syncStatus();
    let syncCalls = 0;
    while (status.pending > 0 && performance.now() - t0 < deadlineMs) {
      syncCalls++;
      await api.syncNow();
      status = await api.syncStatus();
      if (status.pending > 0) await sleep(PUSH_POLL_MS);
    }
    return { queued, elapsedMs: performance.now() - t0, pendingAfter: status.pending, failedAfter: status.failed, syncCalls };
  },

  async memory(): Promise<AppMemory> {
    const measure = (performance as { measureUserAgentSpecificMemory?: () => Promise<AppMemory['uaMemory']> }).measureUserAgentSpecificMemory;
    const uaMemory = crossOriginIsolated && measure !== undefined ? await measure.call(performance) : null;
    return { uaMemory, crossOriginIsolated };
  },
};

window.benchApp = page;
