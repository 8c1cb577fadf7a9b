// Back-office sessions against a real hub: sign-in with e-mail and password sets an HttpOnly,
// SameSite=Strict cookie whose id is stored only hashed; the session works on admin routes, ends on
// sign-out, after idle time and after its absolute lifetime (the hub's injected clock); writes with a
// session need this hub's Origin (CSRF); failed sign-ins are throttled per account and per address;
// the admin bearer token keeps working; a manager gets 403 on owner-only routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { BackOfficeSession } from '@ezo/contract/backoffice';
import { backOffice } from '@ezo/contract/backoffice';
import { BACKENDS } from './support/backends.ts';
import { browserCall, createSignInStaff, signIn, TEST_PASSWORD } from './support/backoffice.ts';

const IDLE_S = 600;
const ABSOLUTE_S = 3600;

describe.each(BACKENDS)('back-office sessions on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let offsetMs = 0;
  const later = (seconds: number) => (offsetMs += seconds * 1000);

  beforeAll(async () => {
    server = await backend.start({
      now: () => new Date(Date.now() + offsetMs),
      sessionLifetime: { idleSeconds: IDLE_S, absoluteSeconds: ABSOLUTE_S },
      accountThrottle: { maxFailures: 3, windowSeconds: 60 },
      authThrottle: { maxFailures: 8, windowSeconds: 60 },
    });
    await createSignInStaff(server, 'olga@example.com', [{ store_id: server.store.id, role: 'owner' }]);
    await createSignInStaff(server, 'max@example.com', [{ store_id: server.store.id, role: 'manager' }]);
    await createSignInStaff(server, 'eva@example.com', [{ store_id: server.store.id, role: 'manager' }]);
    await createSignInStaff(server, 'ida@example.com', [{ store_id: server.store.id, role: 'manager' }]);
  });
  afterAll(async () => server.dispose());

  it('signs in with e-mail and password: an HttpOnly SameSite=Strict cookie, its id stored only as a hash', async () => {
    const res = await signIn(server, 'Olga@Example.com');
    expect(res.status).toBe(200);
    const session = backOffice.session.parse(res.body);
    expect(session).toMatchObject({ email: 'olga@example.com', owner: true, stores: [{ store_id: server.store.id, role: 'owner' }] });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ezo_session=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\//);
    const id = res.cookie ?? '';
    expect(id.length).toBeGreaterThanOrEqual(43);
    const rows = await server.db.query<{ id_hash: Uint8Array }>('SELECT id_hash FROM backoffice_sessions');
    const stored = rows.map((r) => Buffer.from(r.id_hash).toString('hex'));
    expect(stored).toContain(createHash('sha256').update(id).digest('hex'));
    expect(stored.join()).not.toContain(Buffer.from(id).toString('hex'));

    const who = await browserCall<BackOfficeSession>(server, 'GET', '/api/v1/backoffice/session', { cookie: id });
    expect(who.status).toBe(200);
    expect(who.body.display_name).toBe('olga');
    const staff = await browserCall(server, 'GET', '/api/v1/admin/staff', { cookie: id });
    expect(staff.status).toBe(200);
  });

  it('refuses a wrong password and an unknown e-mail with one answer, and a malformed e-mail with 400', async () => {
    const wrong = await signIn(server, 'eva@example.com', 'not the password!');
    const unknown = await signIn(server, 'nobody@example.com');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.cookie).toBeUndefined();
    const bad = await browserCall(server, 'POST', '/api/v1/backoffice/session', { body: { email: 'not-an-email', password: 'x' } });
    expect(bad.status).toBe(400);
  });

  it('signs out: the session ends for the admin routes too, and the cookie is cleared', async () => {
    const { cookie } = await signIn(server, 'olga@example.com');
    const out = await browserCall(server, 'DELETE', '/api/v1/backoffice/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/ezo_session=;/);
    expect((await browserCall(server, 'GET', '/api/v1/backoffice/session', { cookie })).status).toBe(401);
    expect((await browserCall(server, 'GET', '/api/v1/admin/staff', { cookie })).status).toBe(401);
  });

  it('ends after the idle time without requests, and after the absolute lifetime however busy', async () => {
    const idle = (await signIn(server, 'olga@example.com')).cookie;
    later(IDLE_S - 5);
    expect((await browserCall(server, 'GET', '/api/v1/backoffice/session', { cookie: idle })).status).toBe(200);
    later(IDLE_S - 5);
    expect((await browserCall(server, 'GET', '/api/v1/backoffice/session', { cookie: idle })).status).toBe(200);
    later(IDLE_S + 1);
    expect((await browserCall(server, 'GET', '/api/v1/backoffice/session', { cookie: idle })).status).toBe(401);

    const busy = (await signIn(server, 'olga@example.com')).cookie;
    for (let elapsed = 0; elapsed + IDLE_S / 2 < ABSOLUTE_S; elapsed += IDLE_S / 2) {
      later(IDLE_S / 2);
      expect((await browserCall(server, 'GET', '/api/v1/admin/staff', { cookie: busy })).status).toBe(200);
    }
    later(IDLE_S / 2);
    expect((await browserCall(server, 'GET', '/api/v1/admin/staff', { cookie: busy })).status).toBe(401);
  });

  it('refuses writes with a session from another origin or without one (CSRF); reads need none', async () => {
    const { cookie } = await signIn(server, 'olga@example.com');
    const body = { name: 'Drinks' };
    expect((await browserCall(server, 'POST', '/api/v1/admin/categories', { cookie, body, origin: 'https://evil.example' })).status).toBe(403);
    expect((await browserCall(server, 'POST', '/api/v1/admin/categories', { cookie, body, origin: null })).status).toBe(403);
    expect((await browserCall(server, 'POST', '/api/v1/backoffice/session', { body: { email: 'olga@example.com', password: TEST_PASSWORD }, origin: 'https://evil.example' })).status).toBe(403);
    expect((await browserCall(server, 'DELETE', '/api/v1/backoffice/session', { cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect((await browserCall(server, 'GET', '/api/v1/admin/staff', { cookie, origin: null })).status).toBe(200);
    const same = await browserCall(server, 'POST', '/api/v1/admin/categories', { cookie, body });
    expect(same.status).toBe(201);
  });

  it('keeps the admin bearer token working, and gives a manager 403 on owner-only routes', async () => {
    expect((await server.admin('GET', '/api/v1/admin/staff')).status).toBe(200);
    const { cookie } = await signIn(server, 'max@example.com');
    expect((await browserCall(server, 'GET', '/api/v1/admin/staff', { cookie })).status).toBe(403);
    const who = await browserCall<BackOfficeSession>(server, 'GET', '/api/v1/backoffice/session', { cookie });
    expect(who.body).toMatchObject({ owner: false, stores: [{ store_id: server.store.id, role: 'manager' }] });
  });

  it('a deactivated member is signed out at once', async () => {
    const lea = await createSignInStaff(server, 'lea@example.com', [{ store_id: server.store.id, role: 'manager' }]);
    const { cookie } = await signIn(server, 'lea@example.com');
    expect((await browserCall(server, 'GET', '/api/v1/backoffice/session', { cookie })).status).toBe(200);
    expect((await server.admin('PATCH', `/api/v1/admin/staff/${lea.id}`, { active: false })).status).toBe(200);
    expect((await browserCall(server, 'GET', '/api/v1/backoffice/session', { cookie })).status).toBe(401);
  });

  it('throttles failed sign-ins per account (the right password too, then), and per address across accounts', async () => {
    // The windows are the database's clock (shared by every instance), so nothing here waits them out.
    for (let i = 0; i < 3; i++) expect((await signIn(server, 'ida@example.com', `wrong password ${i}`)).status).toBe(i < 2 ? 401 : 429);
    const blocked = await signIn(server, 'ida@example.com');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address still signs in: the address has failures to spare.
    expect((await signIn(server, 'max@example.com')).status).toBe(200);
    // Failures on many accounts add up per address (2 + 3 before this test; 8 allowed).
    for (let i = 0; i < 3; i++) await signIn(server, `guess${i}@example.com`, 'some password');
    const byAddress = await signIn(server, 'max@example.com');
    expect(byAddress.status).toBe(429);
    expect(byAddress.cookie).toBeUndefined();
  });
});
