// Staff against a real hub: the admin API (create, change role, reset PIN, deactivate, roles), what the
// store's tills pull (PIN hashes that verify, permissions per role, active false after deactivation or
// losing the store), attribution of items (unknown_staff), and that no PIN or hash leaves the hub any
// other way: not in admin answers, not in the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Product } from '@ezo/contract/catalog';
import type { AdminSale } from '@ezo/contract/admin';
import type { DownstreamPage } from '@ezo/contract/downstream';
import type { RolePermissions, StaffMember, StaffRecord } from '@ezo/contract/staff';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { ALL_PERMISSIONS, DEFAULT_ROLE_PERMISSIONS } from '@ezo/contract/staff';
import { lenientContract } from '@ezo/contract/contract';
import { verifyPin } from '../src/auth/slow-hash.ts';
import { BACKENDS } from './support/backends.ts';
import { adjustment, batch, call, createProduct, line, productEdit, sale } from './support/fixtures.ts';

describe.each(BACKENDS)('staff on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let coffee: Product;
  const log: string[] = [];
  /** Everything the store's till has pulled so far, by member, latest row last. */
  let cursor: string | undefined;
  const pulled = new Map<string, StaffMember>();
  const pull = async (token = server.terminal.token) => {
    for (;;) {
      const res = await call<DownstreamPage>(server, token, 'GET', `/api/v1/sync/downstream${cursor === undefined ? '' : `?last_synced_at=${cursor}`}`);
      expect(res.status).toBe(200);
      const page = lenientContract.downstream.page.parse(res.body);
      for (const m of page.changes.staff) pulled.set(m.id, m);
      cursor = page.timestamp;
      if (!page.has_more) return;
    }
  };
  const create = (body: unknown) => server.admin<StaffRecord>('POST', '/api/v1/admin/staff', body);
  const patch = (id: string, body: unknown) => server.admin<StaffRecord>('PATCH', `/api/v1/admin/staff/${id}`, body);

  beforeAll(async () => {
    server = await backend.start({ logStream: { write: (line) => void log.push(line) } });
    coffee = await createProduct(server, { name: 'Coffee', price: 250, tax_rate_bp: 700, tax_included: true });
  });
  afterAll(async () => server.dispose());

  it("the store's till pulls the seeded staff with their role's permissions and a PIN hash that verifies", async () => {
    await pull();
    const cashier = pulled.get(server.staff.cashier.id);
    expect(cashier).toMatchObject({ role: 'cashier', active: true, permissions: [...DEFAULT_ROLE_PERMISSIONS.cashier] });
    expect(cashier?.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPin(server.staff.cashier.pin, cashier?.pin_hash ?? '')).toBe(true);
    expect(await verifyPin('0000', cashier?.pin_hash ?? '')).toBe(false);
    expect(pulled.get(server.staff.owner.id)).toMatchObject({ role: 'owner', pin_hash: null, active: true });
  });

  it('create, reset the PIN, change the role, deactivate: each reaches the pull; answers never carry a hash', async () => {
    const created = await create({ display_name: 'Nina', pin: '424242', roles: [{ store_id: server.store.id, role: 'cashier' }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ display_name: 'Nina', has_pin: true, has_password: false, active: true, roles: [{ store_id: server.store.id, role: 'cashier' }] });
    const id = created.body.id;
    await pull();
    const first = pulled.get(id);
    expect(await verifyPin('424242', first?.pin_hash ?? '')).toBe(true);

    const reset = await patch(id, { pin: '1357', roles: [{ store_id: server.store.id, role: 'manager' }] });
    expect(reset.status).toBe(200);
    await pull();
    const second = pulled.get(id);
    expect(second?.role).toBe('manager');
    expect(second?.permissions).toContain('refund');
    expect(await verifyPin('1357', second?.pin_hash ?? '')).toBe(true);
    expect(await verifyPin('424242', second?.pin_hash ?? '')).toBe(false);

    expect((await patch(id, { active: false })).body.active).toBe(false);
    await pull();
    expect(pulled.get(id)).toMatchObject({ active: false, pin_hash: null });

    const list = await server.admin<{ staff: StaffRecord[] }>('GET', `/api/v1/admin/staff?store_id=${server.store.id}`);
    expect(list.body.staff.map((s) => s.id)).toContain(id);
    for (const text of [JSON.stringify(created.body), JSON.stringify(reset.body), JSON.stringify(list.body)]) {
      expect(text).not.toMatch(/scrypt|pin_hash|password_hash|424242|1357/);
    }
  });

  it('a member who loses their role in a store is pulled there as inactive, without a PIN', async () => {
    const other = await server.createStore('Other');
    const created = await create({
      display_name: 'Otto',
      pin: '8642',
      roles: [
        { store_id: server.store.id, role: 'cashier' },
        { store_id: other.id, role: 'cashier' },
      ],
    });
    await pull();
    expect(pulled.get(created.body.id)?.active).toBe(true);
    await patch(created.body.id, { roles: [{ store_id: other.id, role: 'cashier' }] });
    await pull();
    expect(pulled.get(created.body.id)).toMatchObject({ active: false, pin_hash: null });
  });

  it("role permissions: a change reaches every member's pulled row; the owner keeps every permission", async () => {
    const roles = await server.admin<{ roles: RolePermissions[] }>('GET', '/api/v1/admin/roles');
    expect(roles.body.roles.map((r) => r.role)).toEqual(['owner', 'manager', 'cashier']);
    const put = await server.admin<{ roles: RolePermissions[] }>('PUT', '/api/v1/admin/roles', { roles: [{ role: 'cashier', permissions: ['close_shift', 'refund'] }] });
    expect(put.status).toBe(200);
    expect(put.body.roles.find((r) => r.role === 'cashier')?.permissions).toEqual(['close_shift', 'refund']);
    await pull();
    expect(pulled.get(server.staff.cashier.id)?.permissions).toEqual(['close_shift', 'refund']);
    const owner = await server.admin('PUT', '/api/v1/admin/roles', { roles: [{ role: 'owner', permissions: ['refund'] }] });
    expect(owner.status).toBe(400);
    expect((await server.admin<{ roles: RolePermissions[] }>('GET', '/api/v1/admin/roles')).body.roles[0]?.permissions.length).toBe(ALL_PERMISSIONS.length);
  });

  it('bad staff input: clear 4xx, nothing stored', async () => {
    const before = (await server.admin<{ staff: StaffRecord[] }>('GET', '/api/v1/admin/staff')).body.staff.length;
    for (const body of [
      { display_name: 'X', pin: '12', roles: [{ store_id: server.store.id, role: 'cashier' }] },
      { display_name: 'X', pin: '1234', roles: [] },
      { display_name: 'X', pin: '1234', roles: [{ store_id: server.store.id, role: 'boss' }] },
      { display_name: 'X', password: 'long enough password', roles: [{ store_id: server.store.id, role: 'manager' }] },
    ]) {
      expect((await create(body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await create({ display_name: 'X', pin: '1234', roles: [{ store_id: randomUUID(), role: 'cashier' }] })).status).toBe(404);
    const owner = await create({ display_name: 'Eve', email: 'eve@example.com', password: 'long enough password', roles: [{ store_id: server.store.id, role: 'owner' }] });
    expect(owner.status).toBe(201);
    expect(owner.body.has_password).toBe(true);
    expect((await create({ display_name: 'Eve 2', email: 'EVE@example.com', roles: [{ store_id: server.store.id, role: 'manager' }] })).status).toBe(409);
    // Demoting the only back-office role of a member with a password is refused: cashiers do not sign in there.
    expect((await patch(owner.body.id, { roles: [{ store_id: server.store.id, role: 'cashier' }] })).status).toBe(400);
    expect((await server.admin<{ staff: StaffRecord[] }>('GET', '/api/v1/admin/staff')).body.staff.length).toBe(before + 1);
  });

  it('items name staff of this store: another store\'s member or nobody is unknown_staff; approvals are recorded', async () => {
    const stranger = await server.createStore('Stranger store');
    const outsider = await create({ display_name: 'Out', pin: '9999', roles: [{ store_id: stranger.id, role: 'manager' }] });
    const ok = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
    const approved = { ...sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]), approved_by: server.staff.manager.id };
    const foreign = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })], { staffId: outsider.body.id });
    const nobody = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })], { staffId: randomUUID() });
    const badApprover = { ...sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]), approved_by: outsider.body.id };
    const adj = { ...adjustment(coffee.uuid, 3), staff_id: randomUUID() };
    const edit = { ...productEdit(coffee.uuid, coffee.price_version, { name: 'Coffee!' }), staff_id: outsider.body.id };
    const res = await call<UpstreamResponse>(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', batch({ sales: [ok, approved, foreign, nobody, badApprover], adjustments: [adj], products: [edit] }));
    expect(res.body.results.map((r) => r.code ?? r.status)).toEqual(['applied', 'applied', 'unknown_staff', 'unknown_staff', 'unknown_staff', 'unknown_staff', 'unknown_staff']);
    const sales = await server.admin<{ sales: AdminSale[] }>('GET', `/api/v1/admin/sales?terminal_id=${server.terminal.id}`);
    const row = sales.body.sales.find((s) => s.uuid === approved.uuid);
    expect(row).toMatchObject({ staff_id: server.staff.cashier.id, approved_by: server.staff.manager.id, device_id: server.terminal.deviceId });
    // A deactivated member's sale made offline before the till heard of it is still a real sale.
    const gone = await create({ display_name: 'Gone', pin: '2468', roles: [{ store_id: server.store.id, role: 'cashier' }] });
    await patch(gone.body.id, { active: false });
    const late = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })], { staffId: gone.body.id });
    const lateRes = await call<UpstreamResponse>(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', batch({ sales: [late] }));
    expect(lateRes.body.results[0]?.status).toBe('applied');
  });

  it('an item a till queued before its update to protocol 2 names nobody, and still goes through (staff NULL)', async () => {
    const { staff_id: _omitted, ...queuedBeforeUpdate } = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
    const res = await call<UpstreamResponse>(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', batch({ sales: [queuedBeforeUpdate] }));
    expect(res.body.results.map((r) => r.status)).toEqual(['applied']);
    const sales = await server.admin<{ sales: AdminSale[] }>('GET', `/api/v1/admin/sales?terminal_id=${server.terminal.id}`);
    expect(sales.body.sales.find((s) => s.uuid === queuedBeforeUpdate.uuid)).toMatchObject({ staff_id: null });
  });

  it('no PIN hash, PIN or password in the log', async () => {
    const hashes = (await server.db.query<{ h: string }>('SELECT pin_hash AS h FROM staff WHERE pin_hash IS NOT NULL UNION ALL SELECT password_hash FROM staff WHERE password_hash IS NOT NULL')).map((r) => r.h);
    expect(hashes.length).toBeGreaterThan(3);
    expect(log.length).toBeGreaterThan(10);
    const all = log.join('\n');
    for (const h of hashes) expect(all).not.toContain(h.split('$').at(-1));
    expect(all).not.toMatch(/scrypt|long enough password|"pin"/);
  });
});
