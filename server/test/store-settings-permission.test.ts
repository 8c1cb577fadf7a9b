// The manage_store_settings permission (issue 19): a manager changes their own store's settings (PUT
// and PATCH), another store is a 404 as if it did not exist, a role without the permission gets 403 and
// writes nothing; creating a store stays with owners. Tills never pull the new permission (their
// protocol-3 contract would refuse the page). Migration 018 adds it to the seeded owner and manager
// rows and keeps an organisation's own changes to its roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminStore } from '@ezo/contract/admin';
import type { DownstreamPage } from '@ezo/contract/downstream';
import { lenientContract } from '@ezo/contract/contract';
import { DEFAULT_ROLE_PERMISSIONS, type RolePermissions } from '@ezo/contract/staff';
import { migrate } from '../src/db/migrate.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { openPgliteDatabase } from '../src/db/pglite-database.ts';
import { openPostgresDatabase } from '../src/db/pg-database.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';
import { DEMO_STORE_SETTINGS } from '../src/seed/demo-seed.ts';
import { BACKENDS } from './support/backends.ts';
import { browserCall, createSignInStaff, signIn } from './support/backoffice.ts';
import { call } from './support/fixtures.ts';

/** Migrating a fresh database to the newest version takes a while on a busy machine. */
const MIGRATION_TEST_TIMEOUT_MS = 120_000;

describe.each(BACKENDS)('store settings permission on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let storeB: { id: string };
  let cookie: string | undefined;
  const as = <T = unknown>(method: string, path: string, body?: unknown) => browserCall<T>(server, method, path, { cookie, ...(body === undefined ? {} : { body }) });
  const storeA = () => server.admin<AdminStore>('GET', `/api/v1/admin/stores/${server.store.id}`);

  beforeAll(async () => {
    server = await backend.start();
    storeB = await server.createStore('Store B');
    await createSignInStaff(server, 'manager.a@example.com', [{ store_id: server.store.id, role: 'manager' }]);
    cookie = (await signIn(server, 'manager.a@example.com')).cookie;
    expect(cookie).toBeDefined();
  });
  afterAll(async () => server.dispose());

  it("a manager holds it by default and changes their own store's settings with PUT and PATCH", async () => {
    const session = await as<{ stores: { permissions: string[] }[] }>('GET', '/api/v1/backoffice/session');
    expect(session.body.stores[0]?.permissions).toContain('manage_store_settings');
    const put = await as<AdminStore>('PUT', `/api/v1/admin/stores/${server.store.id}`, { ...DEMO_STORE_SETTINGS, receipt_footer: 'Bis bald, Filiale A' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.receipt_footer).toBe('Bis bald, Filiale A');
    const patch = await as<AdminStore>('PATCH', `/api/v1/admin/stores/${server.store.id}`, { idle_lock_seconds: 120, discount_limit_percent: 15 });
    expect(patch.status).toBe(200);
    expect((await storeA()).body).toMatchObject({ receipt_footer: 'Bis bald, Filiale A', idle_lock_seconds: 120, discount_limit_percent: 15 });
  });

  it('another store is a 404 for reads and writes, nothing written; creating a store is owner-only', async () => {
    const before = await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${storeB.id}`);
    expect((await as('GET', `/api/v1/admin/stores/${storeB.id}`)).status).toBe(404);
    expect((await as('PUT', `/api/v1/admin/stores/${storeB.id}`, { ...DEMO_STORE_SETTINGS, receipt_footer: 'Mallory' })).status).toBe(404);
    expect((await as('PATCH', `/api/v1/admin/stores/${storeB.id}`, { idle_lock_seconds: 60 })).status).toBe(404);
    expect((await as('POST', '/api/v1/admin/stores', { name: 'Filiale C' })).status).toBe(403);
    expect((await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${storeB.id}`)).body).toEqual(before.body);
  });

  it('without the permission (the owner took it from managers) a manager reads their store but gets 403 on writes', async () => {
    const withoutIt = DEFAULT_ROLE_PERMISSIONS.manager.filter((p) => p !== 'manage_store_settings');
    const roles = await server.admin<{ roles: RolePermissions[] }>('PUT', '/api/v1/admin/roles', { roles: [{ role: 'manager', permissions: withoutIt }] });
    expect(roles.status).toBe(200);
    try {
      const before = await storeA();
      expect((await as('GET', `/api/v1/admin/stores/${server.store.id}`)).status).toBe(200);
      expect((await as('PUT', `/api/v1/admin/stores/${server.store.id}`, { ...DEMO_STORE_SETTINGS, receipt_footer: 'nope' })).status).toBe(403);
      expect((await as('PATCH', `/api/v1/admin/stores/${server.store.id}`, { idle_lock_seconds: 60 })).status).toBe(403);
      expect((await as('PATCH', `/api/v1/admin/stores/${storeB.id}`, { idle_lock_seconds: 60 })).status, 'still 404 elsewhere').toBe(404);
      expect((await storeA()).body).toEqual(before.body);
    } finally {
      await server.admin('PUT', '/api/v1/admin/roles', { roles: [{ role: 'manager', permissions: [...DEFAULT_ROLE_PERMISSIONS.manager] }] });
    }
  });

  it("tills never pull manage_store_settings (an older till's contract would refuse the page)", async () => {
    const res = await call<DownstreamPage>(server, server.terminal.token, 'GET', '/api/v1/sync/downstream?limit=500');
    expect(res.status).toBe(200);
    const page = lenientContract.downstream.page.parse(res.body);
    const owner = page.changes.staff.find((m) => m.id === server.staff.owner.id);
    expect(owner?.permissions).toContain('manage_staff');
    expect(owner?.permissions).toContain('refund');
    for (const m of page.changes.staff) expect(m.permissions, m.display_name).not.toContain('manage_store_settings');
  });
});

const url = process.env['TEST_DATABASE_URL'];
const databases: { name: string; open: () => Promise<{ db: Awaited<ReturnType<typeof openPgliteDatabase>>; drop: () => Promise<void> }> }[] = [
  { name: 'pglite', open: async () => ({ db: await openPgliteDatabase(undefined), drop: () => Promise.resolve() }) },
  ...(url === undefined || url === ''
    ? []
    : [
        {
          name: 'postgres',
          open: async () => {
            const t = await createTestDatabase(url);
            return { db: await openPostgresDatabase(t.url), drop: () => t.drop() };
          },
        },
      ]),
];

describe.each(databases)('migration 018 on $name', ({ open }) => {
  it(
    'adds manage_store_settings to the owner and manager rows, not the cashier, and keeps changed roles',
    async () => {
      const { db, drop } = await open();
      try {
        await migrate(db, MIGRATIONS.filter((m) => m.version < 18));
        // An organisation that took manage_catalog from its managers keeps that choice.
        await db.query(`UPDATE role_permissions SET permissions = array_remove(permissions, 'manage_catalog') WHERE role = 'manager'`);
        await migrate(db, MIGRATIONS.filter((m) => m.version <= 18));
        const rows = await db.query<{ role: string; permissions: string[] }>('SELECT role, permissions FROM role_permissions ORDER BY role');
        const of = (role: string) => rows.find((r) => r.role === role)?.permissions ?? [];
        expect(of('owner')).toContain('manage_store_settings');
        expect(of('manager')).toContain('manage_store_settings');
        expect(of('manager')).not.toContain('manage_catalog');
        expect(of('cashier')).toEqual(['close_shift']);
        expect([...of('owner')].sort()).toEqual([...DEFAULT_ROLE_PERMISSIONS.owner].sort());
      } finally {
        await db.close();
        await drop();
      }
    },
    MIGRATION_TEST_TIMEOUT_MS,
  );
});
