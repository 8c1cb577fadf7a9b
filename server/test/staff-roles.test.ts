// Roles per store (issue 19): a member holds roles in several stores; one role is added, changed or
// removed at a time (PUT/DELETE /api/v1/admin/staff/{id}/roles/{store}), the organisation always keeps
// an owner, and a manager holding manage_staff manages the staff of their stores only and never above
// their own permissions (no privilege escalation). Refused requests change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, type StaffRecord } from '@ezo/contract/staff';
import { BACKENDS } from './support/backends.ts';
import { browserCall, createSignInStaff, signIn } from './support/backoffice.ts';

describe.each(BACKENDS)('staff roles per store on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let storeA: string;
  let storeB: string;
  let storeC: string;
  let cookie: string | undefined;
  let manager: StaffRecord;
  const as = <T = StaffRecord>(method: string, path: string, body?: unknown) => browserCall<T>(server, method, path, { cookie, ...(body === undefined ? {} : { body }) });
  const roleUrl = (staffId: string, storeId: string) => `/api/v1/admin/staff/${staffId}/roles/${storeId}`;
  const full = async (id: string) => (await server.admin<{ staff: StaffRecord[] }>('GET', '/api/v1/admin/staff')).body.staff.find((m) => m.id === id);
  const create = async (name: string, roles: { store_id: string; role: string }[]) => {
    const res = await server.admin<StaffRecord>('POST', '/api/v1/admin/staff', { display_name: name, roles });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    server = await backend.start();
    storeA = server.store.id;
    storeB = (await server.createStore('Store B')).id;
    storeC = (await server.createStore('Store C')).id;
    // Managers may manage staff in this organisation.
    const roles = await server.admin('PUT', '/api/v1/admin/roles', { roles: [{ role: 'manager', permissions: [...DEFAULT_ROLE_PERMISSIONS.manager, 'manage_staff'] }] });
    expect(roles.status).toBe(200);
    // Manager of A; a cashier in C (a till role: no back office there); nothing in B.
    manager = await createSignInStaff(server, 'manager.a@example.com', [
      { store_id: storeA, role: 'manager' },
      { store_id: storeC, role: 'cashier' },
    ]);
    cookie = (await signIn(server, 'manager.a@example.com')).cookie;
    expect(cookie).toBeDefined();
  });
  afterAll(async () => server.dispose());

  it('an owner adds a role in another store, changes it and removes it; the other roles stay', async () => {
    const nina = await create('Nina', [{ store_id: storeA, role: 'cashier' }]);
    const added = await server.admin<StaffRecord>('PUT', roleUrl(nina.id, storeB), { role: 'cashier' });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(new Map(added.body.roles.map((r) => [r.store_id, r.role]))).toEqual(new Map([[storeA, 'cashier'], [storeB, 'cashier']]));
    const changed = await server.admin<StaffRecord>('PUT', roleUrl(nina.id, storeB), { role: 'manager' });
    expect(changed.body.roles.find((r) => r.store_id === storeB)?.role).toBe('manager');
    const removed = await server.admin<StaffRecord>('DELETE', roleUrl(nina.id, storeA));
    expect(removed.status).toBe(200);
    expect(removed.body.roles).toEqual([{ store_id: storeB, role: 'manager' }]);
    expect((await server.admin('DELETE', roleUrl(nina.id, storeA))).status, 'no role there any more').toBe(404);
  });

  it('bad input is refused by the contract: an unknown role, a malformed id, an unknown store', async () => {
    const bad = await server.admin<{ error: { issues: { path: string }[] } }>('PUT', roleUrl(manager.id, storeB), { role: 'king' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i) => i.path)).toContain('role');
    expect((await server.admin('PUT', roleUrl(manager.id, 'not-a-uuid'), { role: 'cashier' })).status).toBe(400);
    expect((await server.admin('PUT', roleUrl(manager.id, '00000000-0000-4000-8000-00000000dead'), { role: 'cashier' })).status).toBe(404);
    expect((await server.admin('PUT', roleUrl(manager.id, storeB), { role: 'cashier', extra: 1 })).status).toBe(400);
    expect((await full(manager.id))?.roles).toHaveLength(2);
  });

  it('the organisation keeps an owner: its last owner role cannot be removed, changed or deactivated (409, nothing changed)', async () => {
    const owner = server.staff.owner.id;
    const ownerRoles = (await full(owner))?.roles ?? [];
    expect(ownerRoles.length).toBe(3);
    // Down to one owner role: the owner of A only.
    for (const s of [storeB, storeC]) expect((await server.admin('DELETE', roleUrl(owner, s))).status).toBe(200);
    try {
      const last = await server.admin<{ error: { code: string; issues: { path: string }[] } }>('DELETE', roleUrl(owner, storeA));
      expect(last.status).toBe(409);
      expect(last.body.error.code).toBe('last_owner');
      expect(last.body.error.issues.map((i) => i.path)).toEqual(['role']);
      expect((await server.admin('PUT', roleUrl(owner, storeA), { role: 'manager' })).status).toBe(409);
      expect((await server.admin('PATCH', `/api/v1/admin/staff/${owner}`, { active: false })).status).toBe(409);
      expect((await server.admin('PATCH', `/api/v1/admin/staff/${owner}`, { roles: [{ store_id: storeA, role: 'cashier' }] })).status).toBe(409);
      expect((await full(owner))).toMatchObject({ active: true, roles: [{ store_id: storeA, role: 'owner' }] });
      // With a second owner, the first may step down.
      const olga = await create('Olga', [{ store_id: storeB, role: 'owner' }]);
      expect((await server.admin('PUT', roleUrl(owner, storeA), { role: 'manager' })).status).toBe(200);
      expect((await server.admin('DELETE', roleUrl(olga.id, storeB))).status, 'now Olga is the last owner').toBe(409);
      expect((await server.admin('PUT', roleUrl(owner, storeA), { role: 'owner' })).status).toBe(200);
      expect((await server.admin('DELETE', roleUrl(olga.id, storeB))).status).toBe(200);
    } finally {
      for (const r of ownerRoles) await server.admin('PUT', roleUrl(owner, r.store_id), { role: r.role });
    }
  });

  it('a manager with manage_staff sees the members of their stores, with those roles only', async () => {
    const other = await create('Bea B', [{ store_id: storeB, role: 'cashier' }]);
    const list = await as<{ staff: StaffRecord[] }>('GET', '/api/v1/admin/staff');
    expect(list.status).toBe(200);
    expect(list.body.staff.map((m) => m.id)).not.toContain(other.id);
    for (const m of list.body.staff) expect(m.roles.map((r) => r.store_id)).toEqual([storeA]);
    expect(list.body.staff.find((m) => m.id === server.staff.owner.id)?.roles).toEqual([{ store_id: storeA, role: 'owner' }]);
    expect((await as('GET', `/api/v1/admin/staff?store_id=${storeB}`)).status).toBe(404);
    expect((await as('GET', `/api/v1/admin/staff?store_id=${storeC}`)).status, 'a cashier role does not open the back office').toBe(404);
    expect((await as('PUT', roleUrl(other.id, storeA), { role: 'cashier' })).status, "a member outside the manager's stores").toBe(404);
  });

  it('a manager grants and removes roles at or below their own, in their stores only (no privilege escalation)', async () => {
    const paul = await create('Paul', [{ store_id: storeA, role: 'cashier' }]);
    // Up to their own level in their store: yes.
    const up = await as('PUT', roleUrl(paul.id, storeA), { role: 'manager' });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect((await as('PUT', roleUrl(paul.id, storeA), { role: 'cashier' })).status).toBe(200);
    // An owner role holds permissions the manager lacks: 403, with the field named.
    const owner = await as<{ error: { issues: { path: string }[] } }>('PUT', roleUrl(paul.id, storeA), { role: 'owner' });
    expect(owner.status).toBe(403);
    expect(owner.body.error.issues.map((i) => i.path)).toEqual(['role']);
    // Another store: 404 where they have no role, and where they are only a cashier (no back office there).
    expect((await as('PUT', roleUrl(paul.id, storeB), { role: 'cashier' })).status).toBe(404);
    expect((await as('PUT', roleUrl(paul.id, storeC), { role: 'cashier' })).status).toBe(404);
    // Nor may they demote or remove someone above them, nor create one.
    expect((await as('PUT', roleUrl(server.staff.owner.id, storeA), { role: 'cashier' })).status).toBe(403);
    expect((await as('DELETE', roleUrl(server.staff.owner.id, storeA))).status).toBe(403);
    expect((await as('POST', '/api/v1/admin/staff', { display_name: 'Mallory', roles: [{ store_id: storeA, role: 'owner' }] })).status).toBe(403);
    expect((await as('POST', '/api/v1/admin/staff', { display_name: 'Mallory', roles: [{ store_id: storeB, role: 'cashier' }] })).status).toBe(404);
    // Nor through PATCH roles: making themselves owner.
    expect((await as('PATCH', `/api/v1/admin/staff/${manager.id}`, { roles: [{ store_id: storeA, role: 'owner' }, { store_id: storeC, role: 'cashier' }] })).status).toBe(403);
    const created = await as('POST', '/api/v1/admin/staff', { display_name: 'Carla', roles: [{ store_id: storeA, role: 'cashier' }] });
    expect(created.status).toBe(201);
    expect((await as('DELETE', roleUrl(paul.id, storeA))).status).toBe(200);
    expect((await full(paul.id))?.roles).toEqual([]);
    expect((await full(server.staff.owner.id))?.roles).toHaveLength(3);
    expect((await full(manager.id))?.roles.find((r) => r.store_id === storeA)?.role).toBe('manager');
  });

  it("a manager resets a member's PIN only when every role of the member is within their reach", async () => {
    const solo = await create('Sam', [{ store_id: storeA, role: 'cashier' }]);
    expect((await as('PATCH', `/api/v1/admin/staff/${solo.id}`, { pin: '4711' })).status).toBe(200);
    // The seeded cashier also works in B and C: their PIN and password reach stores beyond the manager.
    expect((await as('PATCH', `/api/v1/admin/staff/${server.staff.cashier.id}`, { pin: '4711' })).status).toBe(403);
    // And nobody takes over an owner by resetting their password.
    expect((await as('PATCH', `/api/v1/admin/staff/${server.staff.owner.id}`, { password: 'a new password for me' })).status).toBe(403);
    expect((await full(server.staff.owner.id))?.has_password).toBe(false);
  });
});
