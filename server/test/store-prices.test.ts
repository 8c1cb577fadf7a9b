// Least privilege per store (issue 15, item 2): a till's price edit is its own store's price over the
// chain's catalog. Store B's edit never reaches store A's pull, a till pulls its store's price, a chain
// price change still reaches every store without an override, and the back office sets and clears a
// store's price.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorePrice } from '@ezo/contract/admin';
import type { Product } from '@ezo/contract/catalog';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { BACKENDS } from './support/backends.ts';
import { batch, call, createProduct, productEdit, pullAll } from './support/fixtures.ts';

describe.each(BACKENDS)('store prices on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let storeB: { id: string };
  let tillA: { id: string; token: string };
  let tillB: { id: string; token: string };
  const push = (b: unknown, token: string) => call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', b);

  beforeAll(async () => {
    server = await backend.start();
    tillA = server.terminal;
    storeB = await server.createStore('Store B');
    tillB = await server.createTerminal(storeB.id);
  });
  afterAll(async () => server.dispose());

  it("store B's price edit reaches store B's tills only; the chain's product keeps its price", async () => {
    const p = await createProduct(server, { name: 'Scarf', price: 2000 });
    const a0 = await pullAll(server, tillA.token);
    const b0 = await pullAll(server, tillB.token);
    const res = await push(batch({ products: [productEdit(p.uuid, 1, { price: 1500 })] }), tillB.token);
    expect(res.body.results[0]?.status).toBe('applied');

    const a1 = await pullAll(server, tillA.token, a0.cursor);
    expect(a1.products.has(p.uuid), "store A's incremental pull has nothing of store B's price").toBe(false);
    expect((await pullAll(server, tillA.token)).products.get(p.uuid)).toMatchObject({ price: 2000, price_version: 1 });
    const b1 = await pullAll(server, tillB.token, b0.cursor);
    expect(b1.products.get(p.uuid)).toMatchObject({ name: 'Scarf', price: 1500, price_version: 2 });
    expect((await pullAll(server, tillB.token)).products.get(p.uuid)).toMatchObject({ price: 1500, price_version: 2 });
    expect((await server.admin<Product>('PATCH', `/api/v1/admin/products/${p.uuid}`, {})).body).toMatchObject({ price: 2000, price_version: 1 });
    // Store A's till edits on its own version 1: not stale, store B's change is not store A's.
    expect((await push(batch({ products: [productEdit(p.uuid, 1, { price: 2100 })] }), tillA.token)).body.results[0]?.status).toBe('applied');
    expect((await pullAll(server, tillB.token)).products.get(p.uuid)).toMatchObject({ price: 1500 });
  });

  it('a chain price change reaches every store without an override; a store with one keeps its price', async () => {
    const p = await createProduct(server, { name: 'Gloves', price: 900 });
    await push(batch({ products: [productEdit(p.uuid, 1, { price: 800 })] }), tillB.token);
    const a0 = await pullAll(server, tillA.token);
    const b0 = await pullAll(server, tillB.token);
    await server.admin('PATCH', `/api/v1/admin/products/${p.uuid}`, { price: 1000, name: 'Wool gloves' });
    expect((await pullAll(server, tillA.token, a0.cursor)).products.get(p.uuid)).toMatchObject({ name: 'Wool gloves', price: 1000, price_version: 2 });
    expect((await pullAll(server, tillB.token, b0.cursor)).products.get(p.uuid)).toMatchObject({ name: 'Wool gloves', price: 800, price_version: 3 });
  });

  it("the back office sets and clears a store's price; the store's tills pull each change", async () => {
    const p = await createProduct(server, { name: 'Hat', price: 1200 });
    const b0 = await pullAll(server, tillB.token);
    const set = await server.admin<StorePrice>('PUT', `/api/v1/admin/stores/${storeB.id}/prices/${p.uuid}`, { price: 999 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ store_id: storeB.id, product_uuid: p.uuid, price: 999, store_price: 999, price_version: 2 });
    const b1 = await pullAll(server, tillB.token, b0.cursor);
    expect(b1.products.get(p.uuid)).toMatchObject({ price: 999, price_version: 2 });
    // Setting the same price again changes nothing.
    expect((await server.admin<StorePrice>('PUT', `/api/v1/admin/stores/${storeB.id}/prices/${p.uuid}`, { price: 999 })).body.price_version).toBe(2);
    expect((await pullAll(server, tillB.token, b1.cursor)).products.has(p.uuid)).toBe(false);

    const cleared = await server.admin<StorePrice>('DELETE', `/api/v1/admin/stores/${storeB.id}/prices/${p.uuid}`);
    expect(cleared.body).toEqual({ store_id: storeB.id, product_uuid: p.uuid, price: 1200, store_price: null, price_version: 3 });
    expect((await pullAll(server, tillB.token, b1.cursor)).products.get(p.uuid)).toMatchObject({ price: 1200, price_version: 3 });
    // A till that saw version 2 is stale now; one on version 3 is not.
    expect((await push(batch({ products: [productEdit(p.uuid, 2, { price: 1 })] }), tillB.token)).body.results[0]).toMatchObject({ code: 'stale_price' });
    expect((await push(batch({ products: [productEdit(p.uuid, 3, { price: 1100 })] }), tillB.token)).body.results[0]?.status).toBe('applied');
    expect((await pullAll(server, tillA.token)).products.get(p.uuid)).toMatchObject({ price: 1200, price_version: 1 });
  });

  it('the store price routes answer 404 for an unknown store or product and 400 for a bad price', async () => {
    const p = await createProduct(server, { name: 'Belt' });
    const ghost = '00000000-0000-4000-8000-000000000000';
    expect((await server.admin('PUT', `/api/v1/admin/stores/${ghost}/prices/${p.uuid}`, { price: 1 })).status).toBe(404);
    expect((await server.admin('PUT', `/api/v1/admin/stores/${storeB.id}/prices/${ghost}`, { price: 1 })).status).toBe(404);
    expect((await server.admin('DELETE', `/api/v1/admin/stores/${storeB.id}/prices/${ghost}`)).status).toBe(404);
    expect((await server.admin('PUT', `/api/v1/admin/stores/${storeB.id}/prices/${p.uuid}`, { price: -1 })).status).toBe(400);
    expect((await call(server, tillA.token, 'PUT', `/api/v1/admin/stores/${storeB.id}/prices/${p.uuid}`, { price: 1 })).status).toBe(401);
  });

  it('a till may not change the chain catalog: name, tax, active, sku and barcode edits are refused per item', async () => {
    const p = await createProduct(server, { name: 'Sock' });
    const edits = [
      productEdit(p.uuid, 1, { name: 'Renamed' }),
      productEdit(p.uuid, 1, { active: false }),
      productEdit(p.uuid, 1, { tax_rate_bp: 0 }),
      productEdit(p.uuid, 1, { price: 5, sku: 'X' }),
      productEdit(p.uuid, 1, { price: 7 }),
    ];
    const res = await push(batch({ products: edits }), tillA.token);
    expect(res.body.results.map((r) => r.code ?? r.status)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'applied']);
    expect((await server.admin<Product>('PATCH', `/api/v1/admin/products/${p.uuid}`, {})).body).toMatchObject({ name: 'Sock', active: true, price: 1190 });
    expect((await pullAll(server, tillA.token)).products.get(p.uuid)).toMatchObject({ name: 'Sock', active: true, price: 7 });
  });
});
