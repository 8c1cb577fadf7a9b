// The sync engine under the faults a real hub cannot produce on demand, injected with msw in front
// of the real hub (test-support/msw/handlers.ts): 5xx, timeouts, malformed JSON, a lost
// acknowledgement, 401, 429 with Retry-After, an invalid page, the network going away.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { faults, hubHandlers, HUB_PATHS } from '../../test-support/msw/handlers.ts';
import { createProducts, hubSaleCounts, startHub, type TestServer } from './testing/hub-fixture.ts';
import { makeSale, openTestTill, queueRows, recordTestSale, tillPrices, type TestTill } from './testing/till-fixture.ts';
import { QueueStatus } from './outbox.ts';
import { BACKOFF_BASE_MS } from './backoff.ts';
import { BISECT_AFTER_FAILURES, MAX_ATTEMPTS } from './push.ts';
import { REQUEST_TIMEOUT_MS } from './hub-client.ts';
import { SYNC_INTERVAL_MS } from './sync-triggers.ts';
import { syncSummary } from '../ui/sync-summary.ts';
import { translator } from '../ui/i18n/translator.ts';
import { STATUS_COALESCE_MS } from './status-broadcast.ts';
import type { Product } from '@ezo/contract/catalog';
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { SyncStatus } from '../api/till-api.ts';

let hub: TestServer;
let products: Product[];
let till: TestTill;
let terminal: TerminalInfo;
const network = setupServer();
/** Requests to the hub's sync API, counted by path. */
const seen: string[] = [];

beforeAll(async () => {
  hub = await startHub();
  products = await createProducts(hub, 3);
  network.use(...hubHandlers(hub.url));
  network.events.on('request:start', ({ request }) => {
    if (request.url.includes('/api/v1/sync/')) seen.push(new URL(request.url).pathname);
  });
  network.listen({ onUnhandledRequest: 'bypass' });
});
afterEach(async () => {
  vi.useRealTimers();
  await till?.sync.stop();
  network.resetHandlers(...hubHandlers(hub.url));
  seen.length = 0;
});
afterAll(async () => {
  network.close();
  await hub.stop();
});

async function pairedTill(): Promise<TestTill> {
  const t = await openTestTill();
  terminal = (await t.sync.pair(hub.url, hub.terminal.token)).terminal;
  await t.sync.syncNow();
  return t;
}

async function queuedSale(): Promise<string> {
  const sale = makeSale(terminal, [products[0]!]);
  await recordTestSale(till.db, sale);
  return sale.uuid;
}

async function onlyRow() {
  const rows = await queueRows(till.db);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('upstream faults', () => {
  it('backs off after a 500, then delivers once the hub recovers', async () => {
    till = await pairedTill();
    const uuid = await queuedSale();
    network.use(...faults.serverError(hub.url, { path: 'upstream', times: 1 }));
    const before = till.clock.now();
    await till.sync.syncNow();
    let row = await onlyRow();
    expect(row).toMatchObject({ status: QueueStatus.pending, retry_count: 1 });
    // Equal jitter with random() = 0.5: three quarters of the base delay.
    expect(row.next_attempt_at - before).toBeGreaterThanOrEqual(BACKOFF_BASE_MS / 2);
    expect(row.next_attempt_at - before).toBeLessThanOrEqual(BACKOFF_BASE_MS + 1000);
    const error = (await till.sync.syncStatus()).lastError;
    expect(error?.code).toBe('server');
    expect(error?.message).toMatch(/500/);

    await till.sync.syncNow(); // not due yet: nothing is sent
    expect(seen.filter((p) => p.endsWith('/upstream'))).toHaveLength(1);

    till.clock.advance(BACKOFF_BASE_MS);
    await till.sync.syncNow();
    row = await onlyRow();
    expect(row.status).toBe(QueueStatus.completed);
    expect((await hubSaleCounts(hub)).get(uuid)).toBe(1);
    expect((await till.sync.syncStatus()).lastError).toBeNull();
  });

  it(`parks an item as Failed after ${MAX_ATTEMPTS} transient failures, and it does not hold back the queue`, async () => {
    till = await pairedTill();
    const parked = await queuedSale();
    network.use(...faults.serverError(hub.url, { path: 'upstream', status: 503 }));
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await till.sync.syncNow();
      till.clock.advance(60 * 60_000);
    }
    const row = await onlyRow();
    expect(row).toMatchObject({ status: QueueStatus.failed, retry_count: MAX_ATTEMPTS });
    expect(row.last_error).toMatch(/Gave up after 5 attempts.*503/);

    // The hub recovers. A new sale's push goes out at once; the parked one does not hold it back
    // and stays parked: a local write does not revive it.
    network.resetHandlers(...hubHandlers(hub.url));
    const next = await queuedSale();
    till.sync.notifyLocalWrite();
    await vi.waitFor(async () => expect((await hubSaleCounts(hub)).get(next)).toBe(1), { timeout: 5_000 });
    await vi.waitFor(async () => expect(await till.sync.syncStatus()).toMatchObject({ pending: 0, failed: 1 }));
    // It was never refused by the hub (failed_transient), so the next Sync now that reaches the hub sends it.
    await till.sync.syncNow();
    const counts = await hubSaleCounts(hub);
    expect([counts.get(parked), counts.get(next)]).toEqual([1, 1]);
    expect(await till.sync.syncStatus()).toMatchObject({ pending: 0, failed: 0 });
  });

  it(`a poison item the hub keeps failing on (5xx): after ${BISECT_AFTER_FAILURES} failures the batch is bisected, the rest go through, it alone is parked`, async () => {
    till = await pairedTill();
    const uuids: string[] = [];
    for (let i = 0; i < 20; i++) uuids.push(await queuedSale());
    const poison = uuids[7]!;
    // A hub bug (or a proxy) that fails every batch carrying this one sale.
    const upstream: string[] = [];
    network.use(
      http.post(`${hub.url}${HUB_PATHS.upstream}`, async ({ request }) => {
        const body = await request.clone().text();
        upstream.push(body);
        return body.includes(poison) ? HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 }) : undefined;
      }),
    );
    for (let i = 0; i < BISECT_AFTER_FAILURES; i++) {
      await till.sync.syncNow();
      till.clock.advance(60 * 60_000);
    }
    expect(upstream).toHaveLength(BISECT_AFTER_FAILURES); // plain retries of the whole batch so far
    const none = await hubSaleCounts(hub);
    expect(uuids.filter((u) => none.has(u))).toEqual([]);
    upstream.length = 0;
    await till.sync.syncNow();
    // The search: log2(20) levels, each sending the half with the culprit on and the other half once.
    expect(upstream.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(20)) + 1);
    const counts = await hubSaleCounts(hub);
    expect(uuids.filter((u) => u !== poison).every((u) => counts.get(u) === 1)).toBe(true);
    expect(counts.get(poison)).toBeUndefined();
    const rows = await queueRows(till.db);
    expect(rows.filter((r) => r.status === QueueStatus.completed)).toHaveLength(19);
    expect(rows.find((r) => r.idempotency_key === poison)).toMatchObject({ status: QueueStatus.pending, retry_count: BISECT_AFTER_FAILURES + 1 });
    // Alone, it is retried like any transient failure and parked with the hub's answer.
    for (let i = BISECT_AFTER_FAILURES + 1; i < MAX_ATTEMPTS; i++) {
      till.clock.advance(60 * 60_000);
      await till.sync.syncNow();
    }
    const parked = (await queueRows(till.db)).find((r) => r.idempotency_key === poison);
    expect(parked).toMatchObject({ status: QueueStatus.failed, retry_count: MAX_ATTEMPTS });
    expect(parked?.last_error).toMatch(/Gave up after 5 attempts.*500 internal: boom/);
  });

  it('a lost acknowledgement is resent with the same bytes and answered duplicate: the hub holds the sale once', async () => {
    till = await pairedTill();
    const uuid = await queuedSale();
    network.use(...faults.lostAck(hub.url, { path: 'upstream', times: 1 }));
    await till.sync.syncNow();
    expect(await onlyRow()).toMatchObject({ status: QueueStatus.pending, retry_count: 1 });
    expect((await hubSaleCounts(hub)).get(uuid)).toBe(1); // the hub did apply it

    till.clock.advance(BACKOFF_BASE_MS);
    await till.sync.syncNow();
    expect(await onlyRow()).toMatchObject({ status: QueueStatus.completed });
    expect((await hubSaleCounts(hub)).get(uuid)).toBe(1);
  });

  it('a request that never answers times out and counts as a transient failure', async () => {
    till = await pairedTill();
    await queuedSale();
    network.use(...faults.timeout(hub.url, { path: 'upstream', times: 1 }));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const run = till.sync.syncNow();
    await vi.waitFor(() => expect(seen.filter((p) => p.endsWith('/upstream'))).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    await run;
    vi.useRealTimers();
    expect(await onlyRow()).toMatchObject({ status: QueueStatus.pending, retry_count: 1 });
    const error = (await till.sync.syncStatus()).lastError;
    expect(error?.code).toBe('offline');
    expect(error?.message).toMatch(/did not answer/);
  });

  it('a 200 that is not JSON is retried later, never taken as an acknowledgement', async () => {
    till = await pairedTill();
    const uuid = await queuedSale();
    network.use(...faults.malformedJson(hub.url, { path: 'upstream', times: 1 }));
    await till.sync.syncNow();
    expect(await onlyRow()).toMatchObject({ status: QueueStatus.pending, retry_count: 1 });
    expect((await till.sync.syncStatus()).lastError?.code).toBe('bad_response');
    till.clock.advance(BACKOFF_BASE_MS);
    await till.sync.syncNow();
    expect(await onlyRow()).toMatchObject({ status: QueueStatus.completed });
    expect((await hubSaleCounts(hub)).get(uuid)).toBe(1);
  });

  it('honours Retry-After on a 429', async () => {
    till = await pairedTill();
    await queuedSale();
    network.use(...faults.rateLimited(hub.url, 600, { path: 'upstream', times: 1 }));
    const before = till.clock.now();
    await till.sync.syncNow();
    const row = await onlyRow();
    expect(row.retry_count).toBe(1);
    expect(row.next_attempt_at - before).toBeGreaterThanOrEqual(600_000);
    till.clock.advance(BACKOFF_BASE_MS * 2);
    await till.sync.syncNow();
    expect((await onlyRow()).status).toBe(QueueStatus.pending); // still waiting for the hub's 10 minutes
    till.clock.advance(600_000);
    await till.sync.syncNow();
    expect((await onlyRow()).status).toBe(QueueStatus.completed);
  });

  it('a 401 stops pushing and pulling, says "not authorised", and pairing again resumes', async () => {
    till = await pairedTill();
    await queuedSale();
    network.use(...faults.unauthorized(hub.url, { path: 'upstream', times: 1 }));
    await till.sync.syncNow();
    const status = await till.sync.syncStatus();
    expect(status).toMatchObject({ authorised: false, pending: 1, lastError: { code: 'unauthorized' } });
    expect(status.lastError?.message).toMatch(/not authorised/);
    expect(await onlyRow()).toMatchObject({ status: QueueStatus.pending, retry_count: 0 });
    seen.length = 0;
    await till.sync.syncNow();
    expect(seen).toEqual([]);

    await till.sync.pair(hub.url, hub.terminal.token);
    await till.sync.syncNow();
    expect(await till.sync.syncStatus()).toMatchObject({ authorised: true, pending: 0, lastError: null });
  });

  it('"Sync now" after the hub did not answer sends what waits at once, not after the backoff', async () => {
    till = await pairedTill();
    await queuedSale();
    network.use(...faults.offline(hub.url));
    await till.sync.syncNow();
    expect(await onlyRow()).toMatchObject({ status: QueueStatus.pending, retry_count: 1 });
    network.resetHandlers(...hubHandlers(hub.url));
    await till.sync.syncNow(); // the clock has not moved: the backoff has not run out
    expect((await onlyRow()).status).toBe(QueueStatus.completed);
    expect(await till.sync.syncStatus()).toMatchObject({ pending: 0, lastError: null });
  });

  it('when the network returns, the push that reaches the hub also pulls what changed meanwhile', async () => {
    till = await pairedTill();
    await queuedSale();
    network.use(...faults.offline(hub.url));
    await till.sync.syncNow();
    expect((await till.sync.syncStatus()).lastError?.code).toBe('offline');
    await hub.admin('PATCH', `/api/v1/admin/products/${products[1]!.uuid}`, { price: 4321 });
    network.resetHandlers(...hubHandlers(hub.url));
    till.clock.advance(BACKOFF_BASE_MS);
    seen.length = 0;
    till.sync.notifyLocalWrite(); // push only
    await vi.waitFor(async () => expect((await tillPrices(till.db)).get(products[1]!.uuid)).toBe(4321), { timeout: 5000 });
    expect(seen[0]).toMatch(/upstream$/);
    expect(seen).toContain('/api/v1/sync/downstream');
    expect((await onlyRow()).status).toBe(QueueStatus.completed);
  });
});

describe('demo pairing', () => {
  it('stays unpaired and says why when the hub is not in demo mode (404)', async () => {
    till = await openTestTill({ appOrigin: hub.url }); // this file's hub was started without demo
    await till.sync.start();
    await vi.waitFor(async () => expect((await till.sync.syncStatus()).lastError?.code).toBe('not_paired'), { timeout: 5000 });
    const status = await till.sync.syncStatus();
    expect(status.paired).toBe(false);
    expect(status.lastError?.message).toMatch(/not in demo mode/);
    expect(seen).toEqual([]); // nothing but the demo question was asked
  });
});

describe('downstream faults', () => {
  it('a page that fails validation is not applied, the cursor stays, and the status names the field', async () => {
    till = await pairedTill();
    const cursorBefore = await till.db.get<{ cursor: string }>(`SELECT cursor FROM sync_state`);
    await hub.admin('PATCH', `/api/v1/admin/products/${products[2]!.uuid}`, { price: 777 });
    await hub.admin('PATCH', `/api/v1/admin/products/${products[1]!.uuid}`, { name: 'Renamed' });
    network.use(
      ...faults.corruptPage(hub.url, (page) => {
        const changes = page.changes as { products: Record<string, unknown>[] };
        changes.products[0]!.price = -5; // one bad row spoils the page
        return { ...page, extra_field_from_newer_hub: true };
      }, { times: 1 }),
    );
    await till.sync.syncNow();
    const status = await till.sync.syncStatus();
    expect(status.lastError?.code).toBe('bad_page');
    expect(status.lastError?.message).toMatch(/changes\.products\[0\]\.price/);
    expect(await till.db.get<{ cursor: string }>(`SELECT cursor FROM sync_state`)).toEqual(cursorBefore);
    const prices = await tillPrices(till.db);
    expect(prices.get(products[2]!.uuid)).toBe(products[2]!.price);
    expect(await till.db.get(`SELECT name FROM products WHERE uuid = ?`, [products[1]!.uuid])).toEqual({ name: products[1]!.name });

    await till.sync.syncNow(); // the hub's real page, with an unknown field tolerated
    expect((await tillPrices(till.db)).get(products[2]!.uuid)).toBe(777);
    expect((await till.sync.syncStatus()).lastError).toBeNull();
  });

  it('a hub that keeps sending a page the till cannot apply: the status says so, nothing is skipped, and the periodic pull recovers by itself', async () => {
    till = await pairedTill();
    const cursorBefore = await till.db.get<{ cursor: string }>(`SELECT cursor FROM sync_state`);
    await hub.admin('PATCH', `/api/v1/admin/products/${products[0]!.uuid}`, { price: 4321 });
    // Three pages in a row carry a name with a NUL (text no hub can store, so a page no till may apply).
    let corrupted = 0;
    network.use(
      ...faults.corruptPage(hub.url, (page) => {
        corrupted += 1;
        const changes = page.changes as { products: Record<string, unknown>[] };
        changes.products[0]!.name = 'Coffee\u0000';
        return page;
      }, { times: 3 }),
    );
    const settled = async (pulls: number) => {
      await vi.waitFor(() => expect(corrupted).toBe(pulls), { timeout: 5000 });
      await vi.waitFor(async () => expect(await till.sync.syncStatus()).toMatchObject({ pulling: false, lastError: { code: 'bad_page' } }), { timeout: 5000 });
    };
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await till.sync.start();
    await settled(1);
    for (let i = 2; i <= 3; i++) {
      await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS);
      await settled(i);
      const status = await till.sync.syncStatus();
      expect(syncSummary(status, translator('en')).headline).toBe('Catalog update refused');
      expect(status).toMatchObject({ pending: 0, failed: 0 });
      expect(status.lastError?.message).toMatch(/changes\.products\[0\]\.name/);
      expect(await till.db.get(`SELECT cursor FROM sync_state`)).toEqual(cursorBefore);
      expect((await tillPrices(till.db)).get(products[0]!.uuid)).toBe(products[0]!.price);
    }
    // The hub serves a valid page again: the next periodic pull applies it from the same cursor.
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS);
    await vi.waitFor(async () => expect((await tillPrices(till.db)).get(products[0]!.uuid)).toBe(4321), { timeout: 5000 });
    await vi.waitFor(async () => expect((await till.sync.syncStatus()).lastError).toBeNull(), { timeout: 5000 });
    expect(syncSummary(await till.sync.syncStatus(), translator('en')).headline).toBe('All synced');
    products[0] = { ...products[0]!, price: 4321 };
  });

  it('a downstream answer that is not JSON leaves everything as it was', async () => {
    till = await pairedTill();
    const before = await till.db.all(`SELECT * FROM products ORDER BY uuid`);
    const cursorBefore = await till.db.get(`SELECT cursor FROM sync_state`);
    await hub.admin('PATCH', `/api/v1/admin/products/${products[0]!.uuid}`, { price: 31 });
    network.use(...faults.malformedJson(hub.url, { path: 'downstream', times: 1 }));
    await till.sync.syncNow();
    expect((await till.sync.syncStatus()).lastError?.code).toBe('bad_response');
    expect(await till.db.all(`SELECT * FROM products ORDER BY uuid`)).toEqual(before);
    expect(await till.db.get(`SELECT cursor FROM sync_state`)).toEqual(cursorBefore);
  });

  it('reports first-sync progress page by page and pushes every status change to subscribers', async () => {
    till = await openTestTill();
    // Status changes within STATUS_COALESCE_MS reach subscribers as one; pages slower than that each show.
    network.use(...faults.smallPages(hub.url, 1, STATUS_COALESCE_MS * 2));
    const updates: SyncStatus[] = [];
    let throwing = 0;
    await till.sync.subscribeSyncStatus((s) => updates.push(s));
    await till.sync.subscribeSyncStatus(() => {
      throwing += 1;
      throw new Error('tab closed');
    });
    await till.sync.pair(hub.url, hub.terminal.token);
    await till.sync.syncNow();
    await vi.waitFor(() => expect(updates.at(-1)).toMatchObject({ pulling: false, pushing: false, firstSync: null }));
    const progress = updates.map((u) => u.firstSync).filter((p) => p !== null);
    expect(progress.length).toBeGreaterThan(2);
    const pages = progress.map((p) => p.pages);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(Math.max(...pages)).toBeGreaterThanOrEqual(3);
    expect(progress.some((p) => p.remaining !== null && p.remaining > 0)).toBe(true);
    expect(updates.some((u) => u.pulling)).toBe(true);
    expect(throwing).toBe(1); // dropped after its first failure
    expect((await tillPrices(till.db)).size).toBeGreaterThanOrEqual(3);
  });
});
