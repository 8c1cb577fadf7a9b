// Customers per store (issue 15, item 3): a till pulls only its store's customers and may attach only
// those (else the sale is rejected alone, unknown_customer); a chain customer (no store) is seen by no
// till until the chain shares customers; sharing (admin API) lets every store pull and attach every
// customer, tills that pulled past them included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainSettings } from '@ezo/contract/admin';
import type { Customer, Product } from '@ezo/contract/catalog';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { BACKENDS } from './support/backends.ts';
import { batch, call, createProduct, line, pullAll, sale } from './support/fixtures.ts';

describe.each(BACKENDS)('customers per store on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let storeB: { id: string };
  let tillA: { id: string; token: string };
  let tillB: { id: string; token: string };
  let product: Product;
  let alice: Customer;
  let bob: Customer;
  let chainCarol: Customer;
  const push = (b: unknown, token: string) => call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', b);
  const newCustomer = async (name: string, storeId: string | null | undefined) => {
    const res = await server.admin<Customer>('POST', '/api/v1/admin/customers', { name, email: `${name.toLowerCase()}@example.com`, ...(storeId === undefined ? {} : { store_id: storeId }) });
    expect(res.status).toBe(201);
    return res.body;
  };
  const saleWith = (till: { id: string }, customer: Customer) => ({ ...sale(till.id, [line({ product, quantity: 1 })]), customer_uuid: customer.uuid });

  beforeAll(async () => {
    server = await backend.start();
    tillA = server.terminal;
    storeB = await server.createStore('Store B');
    tillB = await server.createTerminal(storeB.id);
    product = await createProduct(server, { name: 'Umbrella' });
    alice = await newCustomer('Alice', server.store.id);
    bob = await newCustomer('Bob', storeB.id);
    chainCarol = await newCustomer('Carol', undefined);
  });
  afterAll(async () => server.dispose());

  it("a till pulls only its own store's customers; a chain customer is no store's until shared", async () => {
    const a = await pullAll(server, tillA.token);
    const b = await pullAll(server, tillB.token);
    expect([...a.customers.keys()]).toEqual([alice.uuid]);
    expect([...b.customers.keys()]).toEqual([bob.uuid]);
    expect(b.customers.get(bob.uuid)).toMatchObject({ name: 'Bob', email: 'bob@example.com' });
  });

  it("a till may attach only customers it may see: another store's or a chain customer is unknown_customer, alone", async () => {
    const ok = saleWith(tillA, alice);
    const foreign = saleWith(tillA, bob);
    const chain = saleWith(tillA, chainCarol);
    const res = await push(batch({ sales: [ok, foreign, chain] }), tillA.token);
    expect(res.body.results.map((r) => r.code ?? r.status)).toEqual(['applied', 'unknown_customer', 'unknown_customer']);
    expect((await push(batch({ sales: [saleWith(tillB, bob)] }), tillB.token)).body.results[0]?.status).toBe('applied');
  });

  it('sharing customers lets every till pull (from where it was) and attach every customer; unsharing stops attaching', async () => {
    const a0 = await pullAll(server, tillA.token);
    expect((await server.admin<ChainSettings>('GET', '/api/v1/admin/settings')).body).toEqual({ share_customers: false });
    const shared = await server.admin<ChainSettings>('PUT', '/api/v1/admin/settings', { share_customers: true });
    expect(shared.body).toEqual({ share_customers: true });
    const a1 = await pullAll(server, tillA.token, a0.cursor);
    expect([...a1.customers.keys()].sort()).toEqual([alice.uuid, bob.uuid, chainCarol.uuid].sort());
    expect((await push(batch({ sales: [saleWith(tillA, bob), saleWith(tillA, chainCarol)] }), tillA.token)).body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    // A new customer of store B reaches store A's till while shared.
    const dave = await newCustomer('Dave', storeB.id);
    expect((await pullAll(server, tillA.token, a1.cursor)).customers.has(dave.uuid)).toBe(true);

    await server.admin('PUT', '/api/v1/admin/settings', { share_customers: false });
    expect((await push(batch({ sales: [saleWith(tillA, bob)] }), tillA.token)).body.results[0]).toMatchObject({ status: 'rejected', code: 'unknown_customer' });
    expect([...(await pullAll(server, tillA.token)).customers.keys()]).toEqual([alice.uuid]);
  });

  it('the admin API moves a customer between stores and refuses an unknown store', async () => {
    const erin = await newCustomer('Erin', server.store.id);
    const before = await pullAll(server, tillB.token);
    expect((await server.admin('PATCH', `/api/v1/admin/customers/${erin.uuid}`, { store_id: storeB.id })).status).toBe(200);
    expect((await pullAll(server, tillB.token, before.cursor)).customers.has(erin.uuid)).toBe(true);
    const bad = await server.admin<{ error: { issues: { path: string }[] } }>('POST', '/api/v1/admin/customers', { name: 'Ghost', store_id: '00000000-0000-4000-8000-000000000000' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]?.path).toBe('store_id');
  });
});
