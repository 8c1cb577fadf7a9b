// The staff session in the worker: PIN sign-in against hashes made the hub's way (node:crypto
// scrypt), the persisted five-wrong-PINs lock, and one-use manager approvals.
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openMigratedMemoryDb } from '../../../test-support/memory-db.ts';
import type { SqlConnection } from '../../sync/sql-connection.ts';
import type { TillPermission } from '../../api/till-api.ts';
import { hasTillErrorCode } from '../../api/till-error.ts';
import { createStaffSession } from './staff-session.ts';
import { MAX_WRONG_PINS, PIN_LOCK_MS } from './pin-lockout.ts';
import { verifyPin } from './pin-hash.ts';

/** Cheaper than the hub's N (2^14) so the tests stay quick; the format is the same. */
const TEST_N = 1024;

function pinHash(pin: string, n = TEST_N): string {
  const salt = randomBytes(16);
  const key = scryptSync(pin, salt, 32, { N: n, r: 8, p: 1 });
  return `scrypt$${n}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

const CASHIER = '00000000-0000-4000-8000-00000000000c';
const MANAGER = '00000000-0000-4000-8000-00000000000a';
const GONE = '00000000-0000-4000-8000-00000000000d';

async function addStaff(db: SqlConnection, id: string, name: string, pin: string | null, permissions: TillPermission[], active = true): Promise<void> {
  await db.run(`INSERT INTO staff (id, display_name, role, permissions, pin_hash, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
    id, name, permissions.length > 1 ? 'manager' : 'cashier', JSON.stringify(permissions), pin === null ? null : pinHash(pin), active ? 1 : 0, '2026-01-01T00:00:00.000Z',
  ]);
}

async function till() {
  const db = await openMigratedMemoryDb();
  const now = { ms: Date.parse('2026-03-10T09:00:00.000Z') };
  await addStaff(db, CASHIER, 'Cara Cashier', '1234', ['close_shift']);
  await addStaff(db, MANAGER, 'Max Manager', '987654', ['refund', 'stock_adjust', 'close_shift', 'export_unsynced']);
  await addStaff(db, GONE, 'Old Member', null, ['refund'], false);
  const clock = { now: () => now.ms };
  return { db, now, clock, session: createStaffSession(db, clock) };
}

describe('PIN hashes', () => {
  it('verifies a node:crypto scrypt hash and refuses wrong PINs and out-of-bounds parameters', async () => {
    const hash = pinHash('4711');
    expect(await verifyPin('4711', hash)).toBe(true);
    expect(await verifyPin('4712', hash)).toBe(false);
    expect(await verifyPin('4711', hash.replace('scrypt$1024$', 'scrypt$1000$'))).toBe(false); // not a power of two
    expect(await verifyPin('4711', hash.replace('scrypt$1024$', `scrypt$${2 ** 20}$`))).toBe(false); // too costly: refused, not computed
    expect(await verifyPin('4711', 'bcrypt$whatever')).toBe(false);
  });
});

describe('staff session', () => {
  it('lists active staff with a PIN only, and signs in with the right PIN', async () => {
    const t = await till();
    expect((await t.session.staff()).map((s) => s.displayName)).toEqual(['Cara Cashier', 'Max Manager']);
    expect(t.session.view()).toBeNull();
    expect(() => t.session.actor(null)).toThrow(expect.objectContaining({ code: 'signed_out' }));
    const result = await t.session.signIn(CASHIER, '1234');
    expect(result).toEqual({ kind: 'ok', session: { staff: { id: CASHIER, displayName: 'Cara Cashier', role: 'cashier' }, permissions: ['close_shift'], signedInAt: '2026-03-10T09:00:00.000Z' } });
    expect(t.session.actor(null)).toEqual({ staffId: CASHIER, approvedBy: null });
    expect(t.session.actor('close_shift')).toEqual({ staffId: CASHIER, approvedBy: null });
    t.session.signOut();
    expect(t.session.view()).toBeNull();
    expect(await t.session.signIn(GONE, '1234')).toEqual({ kind: 'unknown_staff' });
  });

  it('five wrong PINs in a row lock PIN entry for a minute, persisted across a new session (a reload)', async () => {
    const t = await till();
    for (let i = 1; i < MAX_WRONG_PINS; i++) expect(await t.session.signIn(CASHIER, '0000')).toEqual({ kind: 'wrong_pin', triesLeft: MAX_WRONG_PINS - i });
    const until = t.now.ms + PIN_LOCK_MS;
    expect(await t.session.signIn(CASHIER, '0000')).toEqual({ kind: 'locked', until });
    // The right PIN does not get through while locked, and a reload (a new session object) keeps the lock.
    expect(await t.session.signIn(CASHIER, '1234')).toEqual({ kind: 'locked', until });
    const reloaded = createStaffSession(t.db, t.clock);
    expect(await reloaded.pinLockState()).toEqual({ lockedUntil: until, failures: 0 });
    expect(await reloaded.signIn(MANAGER, '987654')).toEqual({ kind: 'locked', until });
    t.now.ms = until;
    expect((await reloaded.signIn(CASHIER, '1234')).kind).toBe('ok');
  });

  it('a right PIN clears the count: wrong PINs must be in a row', async () => {
    const t = await till();
    for (let i = 1; i < MAX_WRONG_PINS; i++) await t.session.signIn(CASHIER, '9999');
    expect((await t.session.signIn(CASHIER, '1234')).kind).toBe('ok');
    expect(await t.session.signIn(CASHIER, '9999')).toEqual({ kind: 'wrong_pin', triesLeft: MAX_WRONG_PINS - 1 });
  });

  it('a PIN that is not 4-6 digits counts as wrong without being checked', async () => {
    const t = await till();
    expect(await t.session.signIn(CASHIER, '12')).toEqual({ kind: 'wrong_pin', triesLeft: MAX_WRONG_PINS - 1 });
    expect(await t.session.signIn(CASHIER, '1234567')).toEqual({ kind: 'wrong_pin', triesLeft: MAX_WRONG_PINS - 2 });
  });

  it('refuses a permission the member lacks until a manager approves; the approval names the manager and is used once', async () => {
    const t = await till();
    await t.session.signIn(CASHIER, '1234');
    expect(() => t.session.actor('refund')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    // A wrong manager PIN, then someone without the permission, then the manager.
    expect(await t.session.approve('refund', MANAGER, '111111')).toEqual({ kind: 'wrong_pin', triesLeft: MAX_WRONG_PINS - 1 });
    expect(await t.session.approve('refund', CASHIER, '1234')).toEqual({ kind: 'not_permitted' });
    expect((await t.session.approve('refund', MANAGER, '987654')).kind).toBe('ok');
    // An approval is for its permission only.
    expect(() => t.session.actor('stock_adjust')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(t.session.actor('refund')).toEqual({ staffId: CASHIER, approvedBy: MANAGER });
    expect(() => t.session.actor('refund')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('an approval expires, and signing out drops it', async () => {
    const t = await till();
    await t.session.signIn(CASHIER, '1234');
    await t.session.approve('refund', MANAGER, '987654');
    t.now.ms += 10 * 60_000;
    expect(() => t.session.actor('refund')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    await t.session.approve('refund', MANAGER, '987654');
    t.session.signOut();
    await t.session.signIn(CASHIER, '1234');
    expect(() => t.session.actor('refund')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    // Approving needs someone signed in.
    t.session.signOut();
    await expect(t.session.approve('refund', MANAGER, '987654')).rejects.toSatisfy((e: unknown) => hasTillErrorCode(e, 'signed_out'));
  });

  it('guesses made at once are counted one by one', async () => {
    const t = await till();
    const results = await Promise.all(Array.from({ length: MAX_WRONG_PINS }, () => t.session.signIn(CASHIER, '0000')));
    expect(results.map((r) => r.kind)).toEqual(['wrong_pin', 'wrong_pin', 'wrong_pin', 'wrong_pin', 'locked']);
  });
});
