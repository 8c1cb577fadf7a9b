// The sync engine against the real hub (in-memory PGlite): both directions, back-office changes
// reaching the till, per-item rejections, the whole-batch 400 split, pending edits overlaid.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import { randomUUID } from 'node:crypto';
import { createProducts, hubPrices, hubSaleCounts, startHub, type TestServer } from './testing/hub-fixture.ts';
import { FIXTURE_ACTOR, makeSale, openTestTill, queueRows, recordTestAdjustment, recordTestSale, tillPrices, type TestTill } from './testing/till-fixture.ts';
import { enqueue, QueueStatus } from './outbox.ts';
import type { Product } from '@ezo/contract/catalog';
import type { TerminalInfo } from '@ezo/contract/terminal';

let hub: TestServer;
let products: Product[];
let till: TestTill;
let terminal: TerminalInfo;

beforeAll(async () => {
  hub = await startHub();
  products = await createProducts(hub, 5);
});
afterAll(async () => {
  await hub.stop();
});

async function pairedTill(): Promise<TestTill> {
  const t = await openTestTill();
  const pairing = await t.sync.pair(hub.url, hub.terminal.token);
  terminal = pairing.terminal;
  await t.sync.syncNow();
  return t;
}

afterEach(async () => {
  await till?.sync.stop();
});

describe('sync with the real hub', () => {
  it('pairs, pulls the catalog and pushes a sale and an adjustment', async () => {
    till = await pairedTill();
    expect(await till.sync.terminal()).toMatchObject({ terminal_id: hub.terminal.id });
    const prices = await tillPrices(till.db);
    for (const p of products) expect(prices.get(p.uuid)).toBe(p.price);

    const [a, b] = products as [Product, Product];
    const sale = makeSale(terminal, [a, b], 2);
    await recordTestSale(till.db, sale);
    await recordTestAdjustment(till.db, a.uuid, 7);
    expect((await till.sync.syncStatus()).pending).toBe(2);
    await till.sync.syncNow();

    const status = await till.sync.syncStatus();
    expect(status).toMatchObject({ paired: true, authorised: true, pending: 0, failed: 0, lastError: null, pulling: false, pushing: false });
    expect(status.lastPushAt).not.toBeNull();
    expect(status.lastPullAt).not.toBeNull();
    expect((await hubSaleCounts(hub)).get(sale.uuid)).toBe(1);
    expect((await queueRows(till.db)).every((r) => r.status === QueueStatus.completed)).toBe(true);
    // The hub's stock now includes the sale and the adjustment; the next pull brings its figure.
    await till.sync.syncNow();
    const hubStock = await hub.admin<{ stock: { product_uuid: string; quantity: number }[] }>('GET', `/api/v1/admin/stock?store_id=${hub.store.id}`);
    const expected = hubStock.body.stock.find((s) => s.product_uuid === a.uuid)?.quantity;
    expect(expected).toBeDefined();
    expect(await till.db.get(`SELECT quantity FROM stock_levels WHERE product_uuid = ?`, [a.uuid])).toEqual({ quantity: expected });
  });

  it('shows a price changed in the back office after syncNow, and drops a deleted product', async () => {
    till = await pairedTill();
    const [a, , , , e] = products as [Product, Product, Product, Product, Product];
    expect((await hub.admin('PATCH', `/api/v1/admin/products/${a.uuid}`, { price: 999 })).status).toBe(200);
    expect((await hub.admin('DELETE', `/api/v1/admin/products/${e.uuid}`)).status).toBeLessThan(300);
    await till.sync.syncNow();
    const prices = await tillPrices(till.db);
    expect(prices.get(a.uuid)).toBe(999);
    expect(prices.has(e.uuid)).toBe(false);
    expect(prices).toEqual(await hubPrices(hub));
    // The row stays as a tombstone (history and stock can still name it); nothing sellable shows it.
    const tombstone = await till.db.get<{ deleted_at: string | null }>(`SELECT deleted_at FROM products WHERE uuid = ?`, [e.uuid]);
    expect(tombstone?.deleted_at).toBeTypeOf('string');
    products = products.filter((p) => p.uuid !== e.uuid);
  });

  it('parks a rejected item as Failed with its reason, completes the rest, and retries on request', async () => {
    till = await pairedTill();
    const [a] = products as [Product];
    const good = makeSale(terminal, [a]);
    const bad = makeSale(terminal, [a]);
    bad.total += 1; // totals that do not follow from the lines
    bad.payments[0]!.amount = bad.total;
    await recordTestSale(till.db, bad);
    await recordTestSale(till.db, good);
    await till.sync.syncNow();
    const status = await till.sync.syncStatus();
    expect(status).toMatchObject({ pending: 0, failed: 1 });
    const failed = await till.sync.failedItems();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ entityType: 'Sale', label: `Receipt ${bad.receipt_number}` });
    expect(failed[0]?.lastError).toMatch(/totals_mismatch/);
    expect((await hubSaleCounts(hub)).get(good.uuid)).toBe(1);

    expect(await till.sync.retryFailed([])).toBe(1);
    expect((await till.sync.syncStatus()).pending).toBe(1);
    await till.sync.syncNow();
    expect(await till.sync.syncStatus()).toMatchObject({ pending: 0, failed: 1 });
    expect((await queueRows(till.db)).find((r) => r.idempotency_key === bad.uuid)?.retry_count).toBe(1);
  });

  it('splits a batch the hub refuses as a whole (400) and parks only the malformed item', async () => {
    till = await pairedTill();
    const [a] = products as [Product];
    const sales = [makeSale(terminal, [a]), makeSale(terminal, [a]), makeSale(terminal, [a])];
    await recordTestSale(till.db, sales[0]!);
    // A payload the contract refuses (no lines): the hub answers 400 for any batch that carries it.
    const broken = { ...makeSale(terminal, [a]), lines: [] };
    await till.db.transaction((tx) => enqueue(tx, { entityType: 'Sale', entityId: 0, action: 'CREATE', payload: broken, idempotencyKey: broken.uuid, createdAt: broken.created_at }));
    await recordTestSale(till.db, sales[1]!);
    await recordTestSale(till.db, sales[2]!);
    await till.sync.syncNow();
    const rows = await queueRows(till.db);
    expect(rows.filter((r) => r.status === QueueStatus.failed).map((r) => r.idempotency_key)).toEqual([broken.uuid]);
    expect(rows.find((r) => r.idempotency_key === broken.uuid)?.last_error).toMatch(/400/);
    const counts = await hubSaleCounts(hub);
    for (const s of sales) expect(counts.get(s.uuid)).toBe(1);
  });

  it('keeps a local price edit visible until the hub answers, then the hub version stands', async () => {
    till = await pairedTill();
    const [, b] = products as [Product, Product];
    const view = await till.sync.editProduct({ productUuid: b.uuid, price: 1234 }, FIXTURE_ACTOR);
    expect(view).toMatchObject({ name: b.name, price: 1234, pendingEdit: true });
    // The back office renames the product meanwhile; a pull must not hide the pending price.
    await hub.admin('PATCH', `/api/v1/admin/products/${b.uuid}`, { name: 'Office name' });
    await till.sync.stop(); // no push yet
    till = { ...till, sync: (await openTestTill({ db: till.db })).sync };
    const pending = await till.db.get<{ name: string; price: number }>(`SELECT name, price FROM products WHERE uuid = ?`, [b.uuid]);
    expect(pending).toEqual({ name: b.name, price: 1234 });
    await till.sync.syncNow();
    await till.sync.syncNow(); // the pull that brings the store's new price
    const after = await till.db.get<{ name: string; price: number }>(`SELECT name, price FROM products WHERE uuid = ?`, [b.uuid]);
    expect((await queueRows(till.db)).filter((r) => r.entity_type === 'Product').map((r) => r.status)).toEqual([QueueStatus.completed]);
    expect(await till.db.get(`SELECT count(*) AS n FROM product_hub_versions`)).toEqual({ n: 0 });
    expect(after).toEqual({ name: 'Office name', price: 1234 });
    expect(await tillPrices(till.db)).toEqual(await hubPrices(hub));
  });

  it('a name edit at the till is refused by the hub (the chain catalog is the back office\'s) and the hub row stands', async () => {
    till = await pairedTill();
    const [a] = products as [Product];
    await till.sync.editProduct({ productUuid: a.uuid, name: 'Till name' }, FIXTURE_ACTOR);
    await till.sync.syncNow();
    const failed = await till.sync.failedItems();
    expect(failed).toHaveLength(1);
    expect(failed[0]?.lastError).toMatch(/chain's catalog/);
    expect(await till.db.get(`SELECT name FROM products WHERE uuid = ?`, [a.uuid])).toEqual({ name: a.name });
  });

  it('exports Pending and Failed items as one upstream batch the hub ingests without duplicates', async () => {
    till = await openTestTill();
    const pairing = await till.sync.pair(hub.url, hub.terminal.token);
    const [a] = products as [Product];
    const s1 = makeSale(pairing.terminal, [a]);
    const s2 = makeSale(pairing.terminal, [a]);
    await recordTestSale(till.db, s1);
    await recordTestSale(till.db, s2);
    const adj = await recordTestAdjustment(till.db, a.uuid, -2);
    const batch = await till.sync.exportUnsynced();
    expect(batch.changes.sales?.map((s) => s.uuid)).toEqual([s1.uuid, s2.uuid]);
    expect(batch.changes.adjustments?.map((x) => x.uuid)).toEqual([adj.uuid]);
    // The file reaches the hub first; the till's own push later is answered duplicate.
    const res = await fetch(`${hub.url}/api/v1/sync/upstream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.terminal.token}`, 'content-type': 'application/json', 'x-ezo-protocol': String(PROTOCOL_VERSION) },
      body: JSON.stringify({ ...batch, sync_id: randomUUID() }),
    });
    expect(res.status).toBe(200);
    await till.sync.syncNow();
    expect(await till.sync.syncStatus()).toMatchObject({ pending: 0, failed: 0 });
    const counts = await hubSaleCounts(hub);
    expect([counts.get(s1.uuid), counts.get(s2.uuid)]).toEqual([1, 1]);
  });
});
