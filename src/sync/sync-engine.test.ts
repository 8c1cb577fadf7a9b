// The engine's own rules against the real hub: demo pairing, pending product edits over pulls,
// one sender per device, debounced pushes, pruning, stop() mid-request, a pull broken between pages.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupServer } from 'msw/node';
import { http, passthrough } from 'msw';
import { faults, hubHandlers } from '../../test-support/msw/handlers.ts';
import { createProducts, hubPrices, hubSaleCounts, startHub, type TestServer } from './testing/hub-fixture.ts';
import { FIXTURE_ACTOR, makeSale, openTestTill, queueRows, recordTestSale, tillPrices, type TestTill } from './testing/till-fixture.ts';
import { QueueStatus } from './outbox.ts';
import { COMPLETED_RETENTION_MS } from './queue-store.ts';
import { SYNC_INTERVAL_MS } from './sync-triggers.ts';
import { BACKOFF_BASE_MS } from './backoff.ts';
import type { Product } from '@ezo/contract/catalog';
import type { TerminalInfo } from '@ezo/contract/terminal';

let hub: TestServer;
let products: Product[];
const tills: TestTill[] = [];
const network = setupServer();
/** Upstream request bodies seen on the wire. */
const upstreamBodies: string[] = [];

beforeAll(async () => {
  hub = await startHub({ demo: true });
  products = await createProducts(hub, 4);
  network.use(...hubHandlers(hub.url));
  network.events.on('request:start', ({ request }) => {
    if (request.url.endsWith('/api/v1/sync/upstream')) void request.clone().text().then((t) => upstreamBodies.push(t));
  });
  network.listen({ onUnhandledRequest: 'bypass' });
});
afterEach(async () => {
  for (const t of tills.splice(0)) await t.sync.stop();
  network.resetHandlers(...hubHandlers(hub.url));
  upstreamBodies.length = 0;
});
afterAll(async () => {
  network.close();
  await hub.stop();
});

async function till(options: Parameters<typeof openTestTill>[0] = {}): Promise<TestTill> {
  const t = await openTestTill(options);
  tills.push(t);
  return t;
}

async function paired(): Promise<{ t: TestTill; terminal: TerminalInfo }> {
  const t = await till();
  const { terminal } = await t.sync.pair(hub.url, (await hub.pair()).device_token);
  await t.sync.syncNow();
  return { t, terminal };
}

describe('pairing', () => {
  it('an unpaired till asks the origin for demo pairing on start, then syncs', async () => {
    const t = await till({ appOrigin: hub.url });
    expect(await t.sync.pairing()).toBeNull();
    await t.sync.start();
    await vi.waitFor(async () => expect((await t.sync.syncStatus()).lastPullAt).not.toBeNull(), { timeout: 5000 });
    expect((await t.sync.syncStatus()).paired).toBe(true);
    expect(await t.sync.pairing()).toMatchObject({ serverUrl: hub.url, terminal: { terminal_id: hub.terminal.id } });
    expect(await tillPrices(t.db)).toEqual(await hubPrices(hub));
  });

  it('refuses a bad token and a bad address with a TillError code', async () => {
    const t = await till();
    await expect(t.sync.pair(hub.url, 'not-a-token')).rejects.toMatchObject({ name: 'TillError', code: 'unauthorized' });
    await expect(t.sync.pair('ftp://x', 'abc')).rejects.toMatchObject({ code: 'invalid' });
    expect(await t.sync.pairing()).toBeNull();
  });
});

describe('triggers', () => {
  it('sends nothing while the device is offline, and says so', async () => {
    let online = true;
    const t = await till({ online: () => online });
    const { terminal } = await t.sync.pair(hub.url, (await hub.pair()).device_token);
    await t.sync.syncNow();
    online = false;
    await recordTestSale(t.db, makeSale(terminal, [products[0]!]));
    upstreamBodies.length = 0;
    await t.sync.syncNow();
    expect(upstreamBodies).toEqual([]);
    expect(await t.sync.syncStatus()).toMatchObject({ online: false, pending: 1 });
    online = true;
    await t.sync.syncNow();
    expect(await t.sync.syncStatus()).toMatchObject({ online: true, pending: 0 });
  });

  it('pulls again every SYNC_INTERVAL_MS after start()', async () => {
    const t = await till();
    await t.sync.pair(hub.url, (await hub.pair()).device_token);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      await t.sync.start();
      await vi.waitFor(async () => expect((await t.sync.syncStatus()).lastPullAt).not.toBeNull(), { timeout: 5000 });
      await hub.admin('PATCH', `/api/v1/admin/products/${products[0]!.uuid}`, { price: 5150 });
      await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS);
      await vi.waitFor(async () => expect((await tillPrices(t.db)).get(products[0]!.uuid)).toBe(5150), { timeout: 5000 });
      products[0] = { ...products[0]!, price: 5150 };
    } finally {
      vi.useRealTimers();
    }
  });

  it('retries by itself when the backoff of a failed batch runs out', async () => {
    const t = await till({ random: () => 0 });
    const { terminal } = await t.sync.pair(hub.url, (await hub.pair()).device_token);
    await t.sync.syncNow();
    await recordTestSale(t.db, makeSale(terminal, [products[0]!]));
    network.use(...faults.serverError(hub.url, { path: 'upstream', times: 1 }));
    await t.sync.syncNow();
    expect((await queueRows(t.db))[0]).toMatchObject({ status: QueueStatus.pending, retry_count: 1 });
    // random() = 0: the first retry is due after half the base delay; the retry timer fires then.
    await vi.waitFor(async () => expect((await queueRows(t.db))[0]?.status).toBe(QueueStatus.completed), { timeout: BACKOFF_BASE_MS * 2, interval: 200 });
  });

  it('retries a row that came due while a pass was under way, though the pass ended after it was due', async () => {
    const t = await till({ random: () => 0 });
    const { terminal } = await t.sync.pair(hub.url, (await hub.pair()).device_token);
    await t.sync.syncNow();
    await recordTestSale(t.db, makeSale(terminal, [products[0]!], 1, 1));
    network.use(...faults.serverError(hub.url, { path: 'upstream', times: 1 }));
    await t.sync.syncNow(); // the first sale backs off BACKOFF_BASE_MS / 2
    await recordTestSale(t.db, makeSale(terminal, [products[1]!], 1, 2));
    // "Sync now" pushes only the second sale (the first is backing off). After the push the pass sends
    // the device report; while that is on the wire the first sale's backoff runs out on the till's clock,
    // so the pass ends with a row that is due and that its push could not take.
    let reports = 0;
    network.use(
      http.post(`${hub.url}/api/v1/sync/device-report`, () => {
        reports += 1;
        t.clock.advance(BACKOFF_BASE_MS);
        return passthrough();
      }),
    );
    await t.sync.syncNow();
    expect(reports).toBeGreaterThan(0);
    // The retry timer fires at once for it (it used to be left to the periodic pass, 15 minutes on).
    await vi.waitFor(async () => expect((await queueRows(t.db)).map((r) => r.status)).toEqual([QueueStatus.completed, QueueStatus.completed]), {
      timeout: BACKOFF_BASE_MS / 2,
      interval: 100,
    });
  });

  it('pairing with another store starts the catalog over', async () => {
    const { t } = await paired();
    expect((await tillPrices(t.db)).size).toBeGreaterThan(0);
    const other = await hub.createStore('Second store');
    const token = (await hub.createTerminal(other.id)).token;
    await t.sync.pair(hub.url, token);
    expect(await t.db.get(`SELECT cursor FROM sync_state`)).toEqual({ cursor: null });
    await t.sync.syncNow();
    expect(await t.db.get(`SELECT count(*) AS n FROM stock_levels`)).toEqual({ n: 0 }); // no stock in the new store yet
    expect(await tillPrices(t.db)).toEqual(await hubPrices(hub, other.id)); // the chain catalog at that store's prices
  });
});

describe('pending product edits', () => {
  it('a pull updates the hub version underneath without hiding the edit; a stale price edit fails and the hub price stands', async () => {
    const { t } = await paired();
    const p = products[3]!;
    await t.sync.editProduct({ productUuid: p.uuid, price: 111 }, FIXTURE_ACTOR);
    // The back office changes the price first, so the till's edit names a stale price_version.
    await hub.admin('PATCH', `/api/v1/admin/products/${p.uuid}`, { price: 2222 });
    network.use(...faults.serverError(hub.url, { path: 'upstream' }));
    await t.sync.syncNow(); // pull applied, push refused
    expect(await t.db.get(`SELECT name, price FROM products WHERE uuid = ?`, [p.uuid])).toEqual({ name: p.name, price: 111 });
    const under = await t.db.get<{ row: string }>(`SELECT row FROM product_hub_versions WHERE product_uuid = ?`, [p.uuid]);
    expect(JSON.parse(under!.row)).toMatchObject({ price: 2222, name: p.name });

    network.resetHandlers(...hubHandlers(hub.url));
    t.clock.advance(60_000);
    await t.sync.syncNow();
    const failed = await t.sync.failedItems();
    expect(failed).toHaveLength(1);
    expect(failed[0]?.lastError).toMatch(/stale_price/);
    expect(await t.db.get(`SELECT name, price FROM products WHERE uuid = ?`, [p.uuid])).toEqual({ name: p.name, price: 2222 });
    expect(await t.db.get(`SELECT count(*) AS n FROM product_hub_versions`)).toEqual({ n: 0 });
    products[3] = { ...p, price: 2222 };
  });

  it('two offline price edits of the same product both reach the hub: the second follows the first', async () => {
    const { t } = await paired();
    const p = products[2]!;
    network.use(...faults.offline(hub.url));
    await t.sync.editProduct({ productUuid: p.uuid, price: 501 }, FIXTURE_ACTOR);
    await t.sync.editProduct({ productUuid: p.uuid, price: 502 }, FIXTURE_ACTOR);
    await t.sync.syncNow(); // offline: both wait
    expect((await t.sync.syncStatus()).pending).toBe(2);

    network.resetHandlers(...hubHandlers(hub.url));
    t.clock.advance(60_000);
    await t.sync.syncNow();
    await t.sync.syncNow(); // the pull that brings the hub's version of the edited product
    expect(await t.sync.failedItems()).toEqual([]);
    expect((await t.sync.syncStatus()).pending).toBe(0);
    expect((await hubPrices(hub)).get(p.uuid)).toBe(502);
    expect(await t.db.get(`SELECT price FROM products WHERE uuid = ?`, [p.uuid])).toEqual({ price: 502 });
    expect(await t.db.get(`SELECT count(*) AS n FROM product_hub_versions`)).toEqual({ n: 0 });
    products[2] = { ...p, price: 502 };
  });

  it('refuses an edit of an unknown product or an invalid value, writing nothing', async () => {
    const { t } = await paired();
    await expect(t.sync.editProduct({ productUuid: '00000000-0000-4000-8000-000000000000', price: 1 }, FIXTURE_ACTOR)).rejects.toMatchObject({ code: 'not_found' });
    await expect(t.sync.editProduct({ productUuid: products[0]!.uuid, price: -1 }, FIXTURE_ACTOR)).rejects.toMatchObject({ code: 'invalid' });
    await expect(t.sync.editProduct({ productUuid: products[0]!.uuid, price: -1 }, FIXTURE_ACTOR)).rejects.toThrow(/price/);
    await expect(t.sync.editProduct({ productUuid: products[0]!.uuid }, FIXTURE_ACTOR)).rejects.toMatchObject({ code: 'invalid' });
    expect(await queueRows(t.db)).toEqual([]);
  });
});

describe('the queue processor', () => {
  it('debounces a burst of local writes into one batch', async () => {
    const { t, terminal } = await paired();
    for (let i = 0; i < 3; i++) {
      await recordTestSale(t.db, makeSale(terminal, [products[0]!]));
      t.sync.notifyLocalWrite();
    }
    await vi.waitFor(async () => expect((await t.sync.syncStatus()).pending).toBe(0), { timeout: 5000 });
    expect(upstreamBodies).toHaveLength(1);
    expect((JSON.parse(upstreamBodies[0]!) as { changes: { sales: unknown[] } }).changes.sales).toHaveLength(3);
  });

  it('two services on one device never send the same item twice', async () => {
    const { t, terminal } = await paired();
    const second = await till({ db: t.db });
    const sales = [makeSale(terminal, [products[0]!]), makeSale(terminal, [products[1]!])];
    for (const s of sales) await recordTestSale(t.db, s);
    await Promise.all([t.sync.syncNow(), second.sync.syncNow(), t.sync.syncNow()]);
    expect(upstreamBodies).toHaveLength(1);
    const counts = await hubSaleCounts(hub);
    for (const s of sales) expect(counts.get(s.uuid)).toBe(1);
  });

  it('sends the stored payload bytes verbatim', async () => {
    const { t, terminal } = await paired();
    await recordTestSale(t.db, makeSale(terminal, [products[0]!]));
    const stored = await t.db.get<{ payload: string }>(`SELECT payload FROM sync_queue`);
    await t.sync.syncNow();
    expect(upstreamBodies[0]).toContain(`"sales":[${stored!.payload}]`);
  });

  it('prunes only Completed rows past the retention period', async () => {
    const { t, terminal } = await paired();
    const done = makeSale(terminal, [products[0]!]);
    await recordTestSale(t.db, done);
    await t.sync.syncNow();
    const bad = { ...makeSale(terminal, [products[0]!]) };
    bad.total += 1;
    bad.payments[0]!.amount = bad.total;
    await recordTestSale(t.db, bad);
    await t.sync.syncNow();
    expect((await queueRows(t.db)).map((r) => r.status)).toEqual([QueueStatus.completed, QueueStatus.failed]);
    t.clock.advance(COMPLETED_RETENTION_MS + 60_000);
    await recordTestSale(t.db, makeSale(terminal, [products[0]!]));
    network.use(...faults.offline(hub.url, { path: 'upstream' }));
    await t.sync.syncNow();
    network.resetHandlers(...hubHandlers(hub.url));
    await t.sync.syncNow();
    // Pruning runs after a push: the old Completed row goes, the Failed and the new one stay.
    const rows = await queueRows(t.db);
    expect(rows.map((r) => r.idempotency_key)).not.toContain(done.uuid);
    expect(rows.find((r) => r.idempotency_key === bad.uuid)?.status).toBe(QueueStatus.failed);
    expect(rows).toHaveLength(2);
  });

  it('stop() abandons a request in flight without counting it as an attempt', async () => {
    const { t, terminal } = await paired();
    await recordTestSale(t.db, makeSale(terminal, [products[0]!]));
    network.use(...faults.timeout(hub.url, { path: 'upstream' }));
    const run = t.sync.syncNow();
    await vi.waitFor(() => expect(upstreamBodies).toHaveLength(1));
    await t.sync.stop();
    await run;
    expect((await queueRows(t.db))[0]).toMatchObject({ status: QueueStatus.pending, retry_count: 0 });
  });
});

describe('the pull', () => {
  it('a pull broken between pages keeps the pages applied, and resumes after a restart without repeating them', async () => {
    const t = await till();
    await t.sync.pair(hub.url, (await hub.pair()).device_token);
    network.use(...faults.smallPages(hub.url, 2));
    network.use(...faults.serverError(hub.url, { path: 'downstream', skip: 1 })); // every page after the first fails
    const asked: (string | null)[] = [];
    network.events.on('request:start', ({ request }) => {
      // The till's own requests (smallPages' bypassed copies ask for 2 rows).
      const url = new URL(request.url);
      if (url.pathname.endsWith('/downstream') && url.searchParams.get('limit') !== '2') asked.push(url.searchParams.get('last_synced_at'));
    });
    await t.sync.syncNow();
    const cursor = (await t.db.get<{ cursor: string | null }>(`SELECT cursor FROM sync_state`))?.cursor ?? null;
    expect(cursor).not.toBeNull(); // page 1 and its cursor were committed together
    // Page 1's two rows, whichever entities they were (the store's settings and the seeded staff come first in the hub's order).
    const rows = `SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM categories) + (SELECT count(*) FROM customers) + (SELECT count(*) FROM stock_levels) + (SELECT count(*) FROM staff) + (SELECT count(*) FROM store_settings) AS n`;
    expect(await t.db.get(rows)).toEqual({ n: 2 });
    expect((await t.sync.syncStatus()).lastError?.code).toBe('server');

    network.resetHandlers(...faults.smallPages(hub.url, 2), ...hubHandlers(hub.url));
    await t.restart();
    tills.push(t);
    asked.length = 0;
    await t.sync.syncNow();
    expect(asked[0]).toBe(cursor); // resumes where it stopped: nothing applied twice, nothing skipped
    expect(await tillPrices(t.db)).toEqual(await hubPrices(hub));
  });
});
