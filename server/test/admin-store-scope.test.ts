// Store scope of the back-office lists (issue 19): a manager signed in to the back office sees and
// changes only the stores they have a role in. Another store's stock, journal, terminals, devices and
// customers answer 404 (as a store that does not exist would: no existence oracle); lists leave them
// out; device routes need manage_devices (a manager lacks it by default: 403 in their own store).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCustomer, CustomerPage } from '@ezo/contract/admin-lists';
import { BACKENDS } from './support/backends.ts';
import { browserCall, createSignInStaff, signIn } from './support/backoffice.ts';

describe.each(BACKENDS)('back-office store scope on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let storeB: { id: string };
  let terminalB: { id: string; deviceId: string | null };
  let cookie: string | undefined;
  let customerB: AdminCustomer;
  const as = <T = unknown>(method: string, path: string, body?: unknown) => browserCall<T>(server, method, path, { cookie, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    server = await backend.start();
    storeB = await server.createStore('Store B');
    terminalB = await server.createTerminal(storeB.id);
    await createSignInStaff(server, 'manager.a@example.com', [{ store_id: server.store.id, role: 'manager' }]);
    cookie = (await signIn(server, 'manager.a@example.com')).cookie;
    expect(cookie).toBeDefined();
    const a = await server.admin<AdminCustomer>('POST', '/api/v1/admin/customers', { name: 'Alice A', store_id: server.store.id });
    const b = await server.admin<AdminCustomer>('POST', '/api/v1/admin/customers', { name: 'Bob B', store_id: storeB.id });
    expect([a.status, b.status]).toEqual([201, 201]);
    customerB = b.body;
  });
  afterAll(async () => server.dispose());

  it("sees its own store's lists and none of another store's (404, like a missing store)", async () => {
    expect((await as('GET', `/api/v1/admin/stores/${server.store.id}/stock`)).status).toBe(200);
    expect((await as('GET', `/api/v1/admin/stores/${server.store.id}/stock-adjustments`)).status).toBe(200);
    for (const path of ['stock', 'stock-adjustments', 'terminals']) {
      expect((await as('GET', `/api/v1/admin/stores/${storeB.id}/${path}`)).status, path).toBe(404);
    }
    expect((await as('GET', `/api/v1/admin/customers?store_id=${storeB.id}`)).status).toBe(404);
  });

  it("lists only its stores' customers and cannot read, edit, merge or create in another store", async () => {
    const page = await as<CustomerPage>('GET', '/api/v1/admin/customers');
    expect(page.body.items.map((c) => c.name)).toEqual(['Alice A']);
    expect((await as('GET', `/api/v1/admin/customers/${customerB.uuid}`)).status).toBe(404);
    expect((await as('PATCH', `/api/v1/admin/customers/${customerB.uuid}`, { name: 'Mallory' })).status).toBe(404);
    const alice = page.body.items[0];
    expect((await as('POST', `/api/v1/admin/customers/${alice?.uuid}/merge`, { duplicate_uuid: customerB.uuid })).status).toBe(400);
    expect((await as('POST', '/api/v1/admin/customers', { name: 'Eve', store_id: storeB.id })).status).toBe(400);
    expect((await as('POST', '/api/v1/admin/customers', { name: 'Carol A', store_id: server.store.id })).status).toBe(201);
    expect((await server.admin<AdminCustomer & { name: string }>('GET', `/api/v1/admin/customers/${customerB.uuid}`)).body).toMatchObject({ customer: { name: 'Bob B' } });
  });

  it("cannot see or revoke another store's devices; needs manage_devices in its own", async () => {
    expect((await as('GET', `/api/v1/admin/devices?store_id=${storeB.id}`)).status).toBe(404);
    expect((await as('POST', `/api/v1/admin/devices/${terminalB.deviceId}/revoke`)).status).toBe(404);
    expect((await as('POST', `/api/v1/admin/terminals/${terminalB.id}/pairing-codes`)).status).toBe(404);
    expect((await as('GET', `/api/v1/admin/devices?store_id=${server.store.id}`)).status).toBe(403);
    expect((await as('POST', `/api/v1/admin/devices/${server.terminal.deviceId}/revoke`)).status).toBe(403);
    const devices = await server.admin<{ devices: { id: string; status: string }[] }>('GET', `/api/v1/admin/devices?store_id=${storeB.id}`);
    expect(devices.body.devices.find((d) => d.id === terminalB.deviceId)?.status).toBe('active');
  });
});
