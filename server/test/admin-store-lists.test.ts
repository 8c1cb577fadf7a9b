// Back-office store lists (issue 19): a store's stock on hand (search, low stock threshold, sort, keyset
// pages, moves folded before reading), its adjustments journal (who, why, when, where; newest first),
// its terminals with the active device; another store's rows never show; a missing store is 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdjustmentPage, StockPage, TerminalList } from '@ezo/contract/admin-lists';
import type { Product } from '@ezo/contract/catalog';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import type { Device } from '@ezo/contract/devices';
import { BACKENDS } from './support/backends.ts';
import { adjustment, batch, call, createProduct } from './support/fixtures.ts';

describe.each(BACKENDS)('admin store lists on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let storeB: { id: string };
  let tillB: { id: string; token: string; deviceId: string | null };
  const products: Product[] = [];
  const adjust = async (token: string, changes: ReturnType<typeof adjustment>[]) => {
    const res = await call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', batch({ adjustments: changes }));
    expect(res.body.results?.every((r) => r.status === 'applied'), JSON.stringify(res.body)).toBe(true);
  };
  const stock = async (storeId: string, query = '') => {
    const res = await server.admin<StockPage>('GET', `/api/v1/admin/stores/${storeId}/stock?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    server = await backend.start();
    storeB = await server.createStore('Store B');
    tillB = await server.createTerminal(storeB.id);
    for (const [name, sku, barcode] of [
      ['Apple juice', 'JU-APP', '4000000000011'],
      ['Banana', 'FR-BAN', null],
      ['Cherry jam', 'JA-CHE', '4000000000028'],
      ['Dates', 'FR-DAT', null],
    ] as const) {
      products.push(await createProduct(server, { name, sku, barcode }));
    }
    const [apple, banana, cherry, dates] = products as [Product, Product, Product, Product];
    await adjust(server.terminal.token, [adjustment(apple.uuid, 12), adjustment(banana.uuid, 2), adjustment(cherry.uuid, 1), adjustment(dates.uuid, 40)]);
    await adjust(server.terminal.token, [{ ...adjustment(cherry.uuid, -1), reason: 'sold out' }]);
    await adjust(server.terminal.token, [{ ...adjustment(banana.uuid, -1), reason: 'damaged' }]);
    await adjust(tillB.token, [adjustment(apple.uuid, 99)]);
  });
  afterAll(async () => server.dispose());

  it("lists a store's stock by name with every committed move folded in, and only that store's", async () => {
    const page = await stock(server.store.id);
    expect(page.items.map((i) => [i.name, i.quantity])).toEqual([['Apple juice', 12], ['Banana', 1], ['Cherry jam', 0], ['Dates', 40]]);
    expect((await stock(storeB.id)).items.map((i) => [i.name, i.quantity])).toEqual([['Apple juice', 99]]);
  });

  it('filters low stock under a threshold, sorts by quantity, searches name, SKU and barcode', async () => {
    expect((await stock(server.store.id, 'low_stock_below=5&sort=quantity')).items.map((i) => i.name)).toEqual(['Cherry jam', 'Banana']);
    expect((await stock(server.store.id, 'sort=-quantity&limit=1')).items.map((i) => i.name)).toEqual(['Dates']);
    expect((await stock(server.store.id, 'q=JAM')).items.map((i) => i.name)).toEqual(['Cherry jam']);
    expect((await stock(server.store.id, 'q=fr-')).items.map((i) => i.name)).toEqual(['Banana', 'Dates']);
    expect((await stock(server.store.id, 'q=40000000000')).items.map((i) => i.name)).toEqual(['Apple juice', 'Cherry jam']);
    const bad = await server.admin('GET', `/api/v1/admin/stores/${server.store.id}/stock?low_stock_below=lots`);
    expect(bad.status).toBe(400);
  });

  it('pages stock by quantity with a cursor, neither skipping nor repeating', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: StockPage = await stock(server.store.id, `sort=quantity&limit=3${cursor === null ? '' : `&cursor=${cursor}`}`);
      seen.push(...page.items.map((i) => i.name));
      cursor = page.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual(['Cherry jam', 'Banana', 'Apple juice', 'Dates']);
  });

  it('pages stock by name both ways and low stock by name with a cursor, neither skipping nor repeating', async () => {
    const walk = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: StockPage = await stock(server.store.id, `${query}&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`);
        seen.push(...page.items.map((i) => i.name));
        cursor = page.next_cursor;
      } while (cursor !== null);
      return seen;
    };
    expect(await walk('sort=name')).toEqual(['Apple juice', 'Banana', 'Cherry jam', 'Dates']);
    expect(await walk('sort=-name')).toEqual(['Dates', 'Cherry jam', 'Banana', 'Apple juice']);
    expect(await walk('sort=-name&low_stock_below=5')).toEqual(['Cherry jam', 'Banana']);
    expect(await walk('sort=-quantity&low_stock_below=5')).toEqual(['Banana', 'Cherry jam']);
    expect(await walk('sort=-name&q=A')).toEqual(['Dates', 'Cherry jam', 'Banana', 'Apple juice']);
    expect(await walk('sort=quantity&q=fr-&low_stock_below=5')).toEqual(['Banana']);
  });

  it('shows the adjustments journal newest first with who, why and where', async () => {
    const res = await server.admin<AdjustmentPage>('GET', `/api/v1/admin/stores/${server.store.id}/stock-adjustments?limit=2`);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ product_name: 'Banana', delta: -1, reason: 'damaged', staff_name: 'Chris Cashier', terminal_name: expect.any(String) as string });
    const rest = await server.admin<AdjustmentPage>('GET', `/api/v1/admin/stores/${server.store.id}/stock-adjustments?cursor=${res.body.next_cursor}`);
    expect(res.body.items.length + rest.body.items.length).toBe(6);
    expect(rest.body.next_cursor).toBeNull();
    const banana = products[1]?.uuid ?? '';
    const onlyBanana = await server.admin<AdjustmentPage>('GET', `/api/v1/admin/stores/${server.store.id}/stock-adjustments?product_uuid=${banana}`);
    expect(onlyBanana.body.items.map((a) => [a.delta, a.reason])).toEqual([[-1, 'damaged'], [2, 'count']]);
    const other = await server.admin<AdjustmentPage>('GET', `/api/v1/admin/stores/${storeB.id}/stock-adjustments`);
    expect(other.body.items.map((a) => a.delta)).toEqual([99]);
  });

  it('lists terminals with their active device; revoking leaves none; a new terminal has its legacy token', async () => {
    const before = await server.admin<TerminalList>('GET', `/api/v1/admin/stores/${storeB.id}/terminals`);
    expect(before.body.terminals).toHaveLength(1);
    expect(before.body.terminals[0]).toMatchObject({ id: tillB.id, legacy_token_active: false, active_device: { id: tillB.deviceId, status: 'active' } });
    expect((await server.admin<Device>('POST', `/api/v1/admin/devices/${tillB.deviceId}/revoke`)).status).toBe(200);
    const created = await server.admin('POST', '/api/v1/admin/terminals', { store_id: storeB.id, name: 'Another till', receipt_prefix: 'AT' });
    expect(created.status).toBe(201);
    const after = await server.admin<TerminalList>('GET', `/api/v1/admin/stores/${storeB.id}/terminals`);
    expect(after.body.terminals.map((t) => [t.name, t.active_device?.id ?? null, t.legacy_token_active])).toEqual([
      ['Another till', null, true],
      [before.body.terminals[0]?.name, null, false],
    ]);
  });

  it('answers 404 for a store that does not exist, and 401 without the token', async () => {
    for (const path of ['stock', 'stock-adjustments', 'terminals']) {
      expect((await server.admin('GET', `/api/v1/admin/stores/${crypto.randomUUID()}/${path}`)).status).toBe(404);
      expect((await call(server, undefined, 'GET', `/api/v1/admin/stores/${server.store.id}/${path}`)).status).toBe(401);
    }
  });
});
