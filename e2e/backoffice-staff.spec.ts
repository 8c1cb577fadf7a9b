// The Staff screen's roles per store against the real hub (issue 19): an owner gives a member a role in
// a second store, changes the role in the first and removes the second, each after a confirmation; a
// store left unchosen is refused next to its field before anything is sent. The organisation's last
// owner role cannot be taken away: the refusal shows next to its field, in words. A manager who may
// manage staff is offered only the roles at or below their own. axe: no serious violations on the panel.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { AdminStore } from '@ezo/contract/admin';
import type { RolePermissions, StaffRecord } from '@ezo/contract/staff';
import { expect, test, type TestServer } from './fixtures.ts';
import { seriousViolations } from './support/axe.ts';

test.use({ serverOptions: { staticDir: fileURLToPath(new URL('../dist', import.meta.url)), demo: false } });

const PASSWORD = 'correct horse battery';

async function createMember(server: TestServer, body: Record<string, unknown>): Promise<StaffRecord> {
  const res = await server.admin<StaffRecord>('POST', '/api/v1/admin/staff', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function signInBackOffice(page: Page, email: string): Promise<void> {
  await page.goto('/backoffice/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as')).toBeVisible();
}

test('an owner adds a role in another store, changes one and removes one; errors show next to the field', async ({ context, server }) => {
  const storeA = (await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${server.store.id}`)).body.name;
  const storeB = await server.createStore('Filiale Rollen');
  await createMember(server, { display_name: 'Olga Owner', email: 'owner.roles@example.com', password: PASSWORD, roles: [{ store_id: server.store.id, role: 'owner' }, { store_id: storeB.id, role: 'owner' }] });
  const rita = await createMember(server, { display_name: 'Rita Roles', roles: [{ store_id: server.store.id, role: 'cashier' }] });
  const office = await context.newPage();
  await signInBackOffice(office, 'owner.roles@example.com');
  await office.getByRole('link', { name: 'Staff' }).click();
  await office.getByRole('button', { name: 'Edit the roles of Rita Roles' }).click();
  const panel = office.getByRole('region', { name: 'Roles of Rita Roles' });
  await expect(panel.getByRole('table')).toContainText(storeA);

  // No store chosen: the contract refuses it next to the store field, nothing is sent.
  const add = panel.getByRole('form', { name: 'Add a role in another store' });
  await add.getByRole('button', { name: 'Add role' }).click();
  await expect(add.locator('.bo-field.invalid').getByLabel('Store')).toBeVisible();

  await add.getByLabel('Store').selectOption({ label: 'Filiale Rollen' });
  await add.getByLabel('Role').selectOption({ label: 'Manager' });
  await add.getByRole('button', { name: 'Add role' }).click();
  await expect(office.getByRole('status').filter({ hasText: 'Role of Rita Roles in Filiale Rollen saved.' })).toBeVisible();
  await expect(panel.getByRole('table').getByRole('row')).toHaveCount(3);
  expect(await seriousViolations(office), 'axe on the roles panel').toEqual([]);

  await panel.getByLabel(`Role in ${storeA}`).selectOption({ label: 'Manager' });
  await panel.getByRole('button', { name: `Save role in ${storeA}` }).click();
  const change = office.getByRole('dialog', { name: 'Change this role?' });
  await expect(change).toContainText(`Rita Roles becomes Manager in ${storeA} (now Cashier)`);
  await change.getByRole('button', { name: 'Change role' }).click();
  await expect(office.getByRole('status').filter({ hasText: `Role of Rita Roles in ${storeA} saved.` })).toBeVisible();

  await panel.getByRole('button', { name: 'Remove role in Filiale Rollen' }).click();
  const dialog = office.getByRole('dialog', { name: 'Remove this role?' });
  await dialog.getByRole('button', { name: 'Remove role' }).click();
  await expect(office.getByRole('status').filter({ hasText: 'Role of Rita Roles in Filiale Rollen removed.' })).toBeVisible();
  const after = await server.admin<{ staff: StaffRecord[] }>('GET', '/api/v1/admin/staff');
  expect(after.body.staff.find((m) => m.id === rita.id)?.roles).toEqual([{ store_id: server.store.id, role: 'manager' }]);
});

test('a manager who may manage staff is offered only the roles at or below their own', async ({ context, server }) => {
  const roles = await server.admin<{ roles: RolePermissions[] }>('GET', '/api/v1/admin/roles');
  const managerPermissions = roles.body.roles.find((r) => r.role === 'manager')?.permissions ?? [];
  await createMember(server, { display_name: 'Mona Manager', email: 'manager.staff@example.com', password: PASSWORD, roles: [{ store_id: server.store.id, role: 'manager' }] });
  await createMember(server, { display_name: 'Carl Cashier', roles: [{ store_id: server.store.id, role: 'cashier' }] });
  try {
    expect((await server.admin('PUT', '/api/v1/admin/roles', { roles: [{ role: 'manager', permissions: [...managerPermissions, 'manage_staff'] }] })).status).toBe(200);
    const office = await context.newPage();
    await signInBackOffice(office, 'manager.staff@example.com');
    await office.getByRole('link', { name: 'Staff' }).click();
    await office.getByRole('button', { name: 'Edit the roles of Carl Cashier' }).click();
    const panel = office.getByRole('region', { name: 'Roles of Carl Cashier' });
    const select = panel.getByRole('combobox').first();
    await expect(select.locator('option')).toHaveText(['Cashier', 'Manager']);
  } finally {
    await server.admin('PUT', '/api/v1/admin/roles', { roles: [{ role: 'manager', permissions: managerPermissions }] });
  }
});

test('the last owner role of the organisation cannot be taken away: the refusal shows next to its field and nothing changes', async ({ context, server }) => {
  const storeA = (await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${server.store.id}`)).body.name;
  const lotte = await createMember(server, { display_name: 'Lotte Last', email: 'last.owner@example.com', password: PASSWORD, roles: [{ store_id: server.store.id, role: 'owner' }] });
  // Every other owner role of this hub (the seeded owner's, other tests' owners) becomes manager for the
  // test, so Lotte holds the last one; the finally block gives them back.
  const staff = (await server.admin<{ staff: StaffRecord[] }>('GET', '/api/v1/admin/staff')).body.staff;
  const others = staff.filter((m) => m.id !== lotte.id).flatMap((m) => m.roles.filter((r) => r.role === 'owner').map((r) => ({ id: m.id, store: r.store_id })));
  const roleUrl = (id: string, store: string) => `/api/v1/admin/staff/${id}/roles/${store}`;
  try {
    for (const o of others) expect((await server.admin('PUT', roleUrl(o.id, o.store), { role: 'manager' })).status).toBe(200);
    const office = await context.newPage();
    await signInBackOffice(office, 'last.owner@example.com');
    await office.getByRole('link', { name: 'Staff' }).click();
    await office.getByRole('button', { name: 'Edit the roles of Lotte Last' }).click();
    const panel = office.getByRole('region', { name: 'Roles of Lotte Last' });
    await panel.getByLabel(`Role in ${storeA}`).selectOption({ label: 'Manager' });
    await panel.getByRole('button', { name: `Save role in ${storeA}` }).click();
    await office.getByRole('dialog', { name: 'Change this role?' }).getByRole('button', { name: 'Change role' }).click();
    await expect(panel.locator('.bo-field.invalid')).toContainText('This is the last owner: make someone else an owner first.');
    const after = await server.admin<{ staff: StaffRecord[] }>('GET', '/api/v1/admin/staff');
    expect(after.body.staff.find((m) => m.id === lotte.id)?.roles).toEqual([{ store_id: server.store.id, role: 'owner' }]);
  } finally {
    for (const o of others) await server.admin('PUT', roleUrl(o.id, o.store), { role: 'owner' });
  }
});
