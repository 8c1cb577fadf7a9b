// Back-office customers (issue 19): search by any word of the name, any part of the e-mail and the
// phone digits, ignoring case and accents; sort; keyset pages that neither skip nor repeat; the store
// filter follows share_customers; merging a duplicate: it becomes a tombstone tills pull, the survivor
// takes its contact details, sales (also one a till made offline with the duplicate and sends after
// the merge) are stored and reported under the survivor; refusals change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCustomer, CustomerDetail, CustomerMerged, CustomerPage } from '@ezo/contract/admin-lists';
import type { Product } from '@ezo/contract/catalog';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import type { ApiError } from '@ezo/contract/api-error';
import { BACKENDS } from './support/backends.ts';
import { batch, call, createProduct, line, pullAll, sale } from './support/fixtures.ts';

describe.each(BACKENDS)('admin customers on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let storeB: { id: string };
  let product: Product;
  const made = new Map<string, AdminCustomer>();
  const create = async (name: string, fields: { email?: string | null; phone?: string | null; store_id?: string | null } = {}) => {
    const res = await server.admin<AdminCustomer>('POST', '/api/v1/admin/customers', { name, store_id: server.store.id, ...fields });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    made.set(name, res.body);
    return res.body;
  };
  const names = async (query: string) => {
    const res = await server.admin<CustomerPage>('GET', `/api/v1/admin/customers?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items.map((c) => c.name);
  };

  beforeAll(async () => {
    server = await backend.start();
    storeB = await server.createStore('Store B');
    product = await createProduct(server, { name: 'Umbrella' });
    await create('Zoë Müller-Lüdenscheidt', { email: 'zoe.mueller@example.com', phone: '+49 170 1234567' });
    await create('Jürgen Weiß', { email: 'J.Weiss@Example.org', phone: '0049 30 998877' });
    await create('Anna Schmidt', { email: 'anna@shop.test' });
    await create('Schmidt & Söhne', { email: null, phone: '030/555 12 34' });
    await create('Bob Builder', { store_id: storeB.id, email: 'bob@b.test' });
  });
  afterAll(async () => server.dispose());

  it('finds by any word of the name from its start, ignoring case and accents', async () => {
    expect(await names('q=schmidt')).toEqual(['Anna Schmidt', 'Schmidt & Söhne']);
    expect(await names('q=MULLER')).toEqual(['Zoë Müller-Lüdenscheidt']);
    expect(await names('q=ludensch')).toEqual(['Zoë Müller-Lüdenscheidt']);
    expect(await names('q=zoe')).toEqual(['Zoë Müller-Lüdenscheidt']);
    expect(await names('q=weiss')).toEqual(['Jürgen Weiß']);
    expect(await names('q=hmidt')).toEqual([]); // not the middle of a word
    expect(await names('q=anna%20schm')).toEqual(['Anna Schmidt']); // every word must match
  });

  it('finds by any part of the e-mail and by phone digits anywhere, however written', async () => {
    expect(await names('q=example.org')).toEqual(['Jürgen Weiß']);
    expect(await names('q=MUELLER%40')).toEqual(['Zoë Müller-Lüdenscheidt']);
    expect(await names('q=1234567')).toEqual(['Zoë Müller-Lüdenscheidt']);
    expect(await names(`q=${encodeURIComponent('555 1234')}`)).toEqual(['Schmidt & Söhne']);
    expect(await names(`q=${encodeURIComponent('(30) 99-88')}`)).toEqual(['Jürgen Weiß']);
    expect(await names('q=%25')).toEqual([]); // LIKE's wildcard is a plain character
  });

  it('sorts by name either way and pages with a cursor without skipping or repeating', async () => {
    const all = await names('');
    expect(all).toEqual(['Anna Schmidt', 'Bob Builder', 'Jürgen Weiß', 'Schmidt & Söhne', 'Zoë Müller-Lüdenscheidt']);
    expect(await names('sort=-name')).toEqual([...all].reverse());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: CustomerPage } = await server.admin<CustomerPage>('GET', `/api/v1/admin/customers?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((c) => c.name));
      cursor = res.body.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual(all);
    // A searched list pages the same way (its matches are found first, then sorted and cut).
    const searched: string[] = [];
    cursor = null;
    do {
      const res: { status: number; body: CustomerPage } = await server.admin<CustomerPage>('GET', `/api/v1/admin/customers?q=schmidt&sort=-name&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`);
      searched.push(...res.body.items.map((c) => c.name));
      cursor = res.body.next_cursor;
    } while (cursor !== null);
    expect(searched).toEqual(['Schmidt & Söhne', 'Anna Schmidt']);
    const bad = await server.admin<ApiError>('GET', `/api/v1/admin/customers?cursor=cu1.${crypto.randomUUID()}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.[0]?.path).toBe('cursor');
  });

  it("filters by store as that store's tills see them: its own, or all when the chain shares customers", async () => {
    expect(await names(`store_id=${storeB.id}`)).toEqual(['Bob Builder']);
    expect((await server.admin('PUT', '/api/v1/admin/settings', { share_customers: true })).status).toBe(200);
    expect(await names(`store_id=${storeB.id}`)).toHaveLength(5);
    expect((await server.admin('PUT', '/api/v1/admin/settings', { share_customers: false })).status).toBe(200);
  });

  it('creates and edits with the store in the answer; bad input is refused field by field and writes nothing', async () => {
    const edited = await server.admin<AdminCustomer>('PATCH', `/api/v1/admin/customers/${made.get('Anna Schmidt')?.uuid}`, { phone: '+49 40 111' });
    expect(edited.body).toMatchObject({ name: 'Anna Schmidt', phone: '+49 40 111', store_id: server.store.id, merged_into: null });
    const before = await names('');
    const bad = await server.admin<ApiError>('POST', '/api/v1/admin/customers', { name: '', store_id: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.map((i) => i.path).sort()).toEqual(['name', 'store_id']);
    const unknownStore = await server.admin<ApiError>('POST', '/api/v1/admin/customers', { name: 'Ghost', store_id: crypto.randomUUID() });
    expect(unknownStore.status).toBe(400);
    expect(await names('')).toEqual(before);
  });

  it('merges a duplicate: a tombstone tills pull, contact details kept, sales (offline ones too) reported under the survivor', async () => {
    const survivor = await create('Carla Duplicate', { email: null, phone: '0171 222' });
    const duplicate = await create('Carla Dupl.', { email: 'carla@example.com', phone: null });
    const till = server.terminal;
    const before = await pullAll(server, till.token);
    expect(before.customers.get(duplicate.uuid)?.deleted_at).toBeNull();
    const sold = await call<UpstreamResponse>(server, till.token, 'POST', '/api/v1/sync/upstream', batch({ sales: [{ ...sale(till.id, [line({ product, quantity: 1 })]), customer_uuid: duplicate.uuid }] }));
    expect(sold.body.results[0]?.status).toBe('applied');

    const merged = await server.admin<CustomerMerged>('POST', `/api/v1/admin/customers/${survivor.uuid}/merge`, { duplicate_uuid: duplicate.uuid });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.survivor).toMatchObject({ uuid: survivor.uuid, email: 'carla@example.com', phone: '0171 222', deleted_at: null });
    expect(merged.body.duplicate).toMatchObject({ uuid: duplicate.uuid, merged_into: survivor.uuid });
    expect(merged.body.duplicate.deleted_at).not.toBeNull();

    // The till pulls the tombstone and the survivor's new e-mail.
    const after = await pullAll(server, till.token, before.cursor);
    expect(after.customers.get(duplicate.uuid)?.deleted_at).not.toBeNull();
    expect(after.customers.get(survivor.uuid)?.email).toBe('carla@example.com');

    // A sale made offline with the duplicate before the till pulled the merge is still stored.
    const late = await call<UpstreamResponse>(server, till.token, 'POST', '/api/v1/sync/upstream', batch({ sales: [{ ...sale(till.id, [line({ product, quantity: 1 })]), customer_uuid: duplicate.uuid }] }));
    expect(late.body.results[0]?.status).toBe('applied');
    const detail = await server.admin<CustomerDetail>('GET', `/api/v1/admin/customers/${survivor.uuid}`);
    expect(detail.body).toMatchObject({ merged_from: [duplicate.uuid], sales_count: 2 });
    expect(detail.body.last_sale_at).not.toBeNull();

    // The list hides the duplicate unless tombstones are asked for; a repeated merge answers the same.
    expect(await names('q=carla')).toEqual(['Carla Duplicate']);
    expect(await names('q=carla&include_deleted=true')).toEqual(['Carla Dupl.', 'Carla Duplicate']);
    const again = await server.admin<CustomerMerged>('POST', `/api/v1/admin/customers/${survivor.uuid}/merge`, { duplicate_uuid: duplicate.uuid });
    expect(again.status).toBe(200);
    expect(again.body.duplicate.updated_at).toBe(merged.body.duplicate.updated_at);
  });

  it('refuses merging into itself, a tombstone, another store (not shared) or an unknown customer, and changes nothing', async () => {
    const a = await create('Dora One');
    const b = await create('Dora Two');
    const merge = (into: string, dup: string) => server.admin<ApiError>('POST', `/api/v1/admin/customers/${into}/merge`, { duplicate_uuid: dup });
    expect((await merge(a.uuid, a.uuid)).status).toBe(400);
    expect((await merge(a.uuid, crypto.randomUUID())).status).toBe(400);
    expect((await merge(crypto.randomUUID(), a.uuid)).status).toBe(404);
    const foreign = made.get('Bob Builder');
    expect((await merge(a.uuid, foreign?.uuid ?? '')).status).toBe(409);
    expect((await server.admin('DELETE', `/api/v1/admin/customers/${b.uuid}`)).status).toBe(200);
    expect((await merge(a.uuid, b.uuid)).status).toBe(409);
    expect((await merge(b.uuid, a.uuid)).status).toBe(409);
    const page = await server.admin<CustomerPage>('GET', '/api/v1/admin/customers?q=dora&include_deleted=true');
    expect(page.body.items.map((c) => [c.name, c.merged_into])).toEqual([['Dora One', null], ['Dora Two', null]]);
  });
});
