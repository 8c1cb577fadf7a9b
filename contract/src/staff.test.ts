// PIN hashes a till may verify (bounded cost), PINs, and the staff messages' rules.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, formatPinHash, parsePinHash, Permission, Pin, PIN_SCRYPT } from './staff.ts';
import { strictContract } from './contract.ts';

const SALT = 'AAAAAAAAAAAAAAAAAAAAAA==';
const KEY = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

describe('PIN hashes', () => {
  it('round-trip the hub format', () => {
    const text = formatPinHash({ N: PIN_SCRYPT.N, r: PIN_SCRYPT.r, p: PIN_SCRYPT.p, salt: SALT, key: KEY });
    expect(text).toBe(`scrypt$16384$8$1$${SALT}$${KEY}`);
    expect(parsePinHash(text)).toEqual({ N: 16384, r: 8, p: 1, salt: SALT, key: KEY });
  });

  it('refuse costs a hostile page could use to stall a till', () => {
    expect(parsePinHash(`scrypt$1048576$8$1$${SALT}$${KEY}`)).toBeNull(); // N above the bound
    expect(parsePinHash(`scrypt$16000$8$1$${SALT}$${KEY}`)).toBeNull(); // not a power of two
    expect(parsePinHash(`scrypt$512$8$1$${SALT}$${KEY}`)).toBeNull(); // too cheap
    expect(parsePinHash(`scrypt$65536$16$2$${SALT}$${KEY}`)).toBeNull(); // N*r*p too high
    expect(parsePinHash(`scrypt$16384$0$1$${SALT}$${KEY}`)).toBeNull();
    expect(parsePinHash(`bcrypt$16384$8$1$${SALT}$${KEY}`)).toBeNull();
    expect(parsePinHash(`scrypt$16384$8$1$$${KEY}`)).toBeNull();
  });

  it('are what the pulled staff row carries', () => {
    const member = {
      id: '00000000-0000-4000-8000-000000000001',
      display_name: 'Ana',
      role: 'cashier',
      permissions: ['close_shift'],
      pin_hash: `scrypt$16384$8$1$${SALT}$${KEY}`,
      active: true,
      updated_at: '2026-01-01T00:00:00.000Z',
    };
    expect(strictContract.downstream.staffMember.safeParse(member).success).toBe(true);
    expect(strictContract.downstream.staffMember.safeParse({ ...member, pin_hash: `scrypt$1048576$8$1$${SALT}$${KEY}` }).success).toBe(false);
    expect(strictContract.downstream.staffMember.safeParse({ ...member, pin_hash: null, active: false }).success).toBe(true);
  });
});

describe('staff', () => {
  it('PINs are 4 to 6 digits', () => {
    for (const ok of ['0000', '12345', '999999']) expect(Pin.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['123', '1234567', '12a4', ' 1234', '١٢٣٤']) expect(Pin.safeParse(bad).success, bad).toBe(false);
  });

  it('the owner starts with every permission, a cashier with few', () => {
    expect([...DEFAULT_ROLE_PERMISSIONS.owner].sort()).toEqual([...Permission.options].sort());
    expect(DEFAULT_ROLE_PERMISSIONS.cashier).not.toContain('refund');
    expect(DEFAULT_ROLE_PERMISSIONS.manager).toContain('refund');
  });

  it('a back-office password needs an e-mail and an owner or manager role', () => {
    const store_id = '00000000-0000-4000-8000-000000000009';
    const create = strictContract.staff.staffCreate;
    expect(create.safeParse({ display_name: 'M', email: 'm@example.com', password: 'correct horse battery', roles: [{ store_id, role: 'manager' }] }).success).toBe(true);
    expect(create.safeParse({ display_name: 'M', password: 'correct horse battery', roles: [{ store_id, role: 'manager' }] }).success).toBe(false);
    expect(create.safeParse({ display_name: 'C', email: 'c@example.com', password: 'correct horse battery', roles: [{ store_id, role: 'cashier' }] }).success).toBe(false);
    expect(create.safeParse({ display_name: 'C', pin: '1234', roles: [] }).success).toBe(false);
    expect(create.safeParse({ display_name: 'C', pin: '1234', roles: [{ store_id, role: 'cashier' }, { store_id, role: 'manager' }] }).success).toBe(false);
  });
});
