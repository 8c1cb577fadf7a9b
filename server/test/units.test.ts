// Pure pieces of the hub: EAN-13 check digits, the cursor encoding, the token bucket with an injected
// clock, the canonical content hash, the demo seed's catalog (unique, valid barcodes), the ADMIN_TOKEN
// check and the failed sign-in throttle's address key.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ean13, ean13CheckDigit, isValidEan13 } from '../src/seed/ean13.ts';
import { decodeCursor, encodeCursor } from '../src/sync/cursor.ts';
import { contentHash } from '../src/sync/content-hash.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { seedDemo } from '../src/seed/demo-seed.ts';
import { HttpError } from '../src/http/api-error.ts';
import { readConfig } from '../src/config.ts';
import { newToken } from '../src/auth/tokens.ts';
import { throttleKey } from '../src/auth/auth-throttle.ts';

describe('ean13', () => {
  it('computes known check digits', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1); // 4006381333931, a real EAN
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
  });
  it('every generated code validates and a changed digit does not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 11 }), (body, i) => {
        const code = ean13(body);
        expect(isValidEan13(code)).toBe(true);
        const d = (Number(code[i]) + 1) % 10;
        expect(isValidEan13(code.slice(0, i) + String(d) + code.slice(i + 1))).toBe(false);
      }),
    );
  });
});

describe('cursor', () => {
  it('round-trips every version and matches the contract pattern', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 62n }), (v) => {
        const c = encodeCursor(v);
        expect(c).toMatch(/^[A-Za-z0-9:._-]+$/);
        expect(decodeCursor(c)).toBe(v);
      }),
    );
  });
  it('refuses timestamps and garbage with a 400', () => {
    for (const bad of ['2024-01-01T10:00:00Z', 'v1.', 'v1.-1', 'v1.01', 'v2.5', '']) {
      expect(() => decodeCursor(bad)).toThrow(HttpError);
    }
    expect(decodeCursor(undefined)).toBe(0n);
  });
});

describe('content hash', () => {
  it('ignores key order at any depth and sees any value change', () => {
    expect(contentHash({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(contentHash({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
  });
});

describe('demo seed', () => {
  it('makes ~300 products in 10 categories with unique valid EAN-13s, an open-price item per VAT rate, 30 customers and stock', async () => {
    const db = await openDatabase({ memory: true });
    try {
      await db.transaction((tx) => seedDemo(tx, { catalog: true, staff: { cashierPin: '1234', managerPin: '5678' } }));
      const products = await db.query<{ barcode: string; sku: string }>('SELECT barcode, sku FROM products WHERE NOT open_price');
      expect(products.length).toBe(300);
      expect(new Set(products.map((p) => p.barcode)).size).toBe(300);
      expect(new Set(products.map((p) => p.sku)).size).toBe(300);
      expect(products.every((p) => isValidEan13(p.barcode))).toBe(true);
      const open = await db.query<{ name: string; price: string; tax_rate_bp: number }>('SELECT name, price::text AS price, tax_rate_bp FROM products WHERE open_price ORDER BY name');
      expect(open).toEqual([
        { name: 'Diverses 19 %', price: '0', tax_rate_bp: 1900 },
        { name: 'Diverses 7 %', price: '0', tax_rate_bp: 700 },
      ]);
      const counts = await db.query<{ c: number; u: number; s: number; t: number }>(
        'SELECT (SELECT count(*) FROM categories)::int AS c, (SELECT count(*) FROM customers)::int AS u, (SELECT count(*) FROM stock)::int AS s, (SELECT count(DISTINCT tax_rate_bp) FROM products)::int AS t',
      );
      expect(counts[0]).toEqual({ c: 11, u: 30, s: 300, t: 3 });
      const store = await db.query<{ legal_name: string; receipt_footer: string; vat_id: string }>('SELECT legal_name, receipt_footer, vat_id FROM stores');
      expect(store).toEqual([{ legal_name: 'Ezo Demo-Laden GmbH', receipt_footer: 'Vielen Dank für Ihren Einkauf!', vat_id: 'DE123456789' }]);
    } finally {
      await db.close();
    }
  });
});

describe('ADMIN_TOKEN', () => {
  it('is refused at start unless it has 32 characters of the bearer alphabet, with a message that does not echo it', () => {
    const start = (token: string) => () => readConfig({ ADMIN_TOKEN: token }, []);
    expect(start('short-but-fine')).toThrow(/at least 32 characters/);
    expect(start(`${'a'.repeat(20)} ${'b'.repeat(20)}`)).toThrow(/may contain only/);
    expect(start(`${'ä'.repeat(40)}`)).toThrow(/may contain only/);
    expect(start('x'.repeat(40))).not.toThrow(/x{40}/);
    try {
      start('secret-but-short')();
    } catch (err) {
      expect(String(err)).not.toContain('secret-but-short');
    }
    expect(readConfig({ ADMIN_TOKEN: newToken() }, []).adminToken).toHaveLength(43);
    expect(readConfig({ ADMIN_TOKEN: `${'A1._~+/-'.repeat(4)}==` }, []).adminToken).toBeDefined();
    expect(readConfig({ ADMIN_TOKEN: '' }, []).adminToken).toBeUndefined();
  });
});

describe('throttle key', () => {
  it('counts IPv4 addresses as they are and IPv6 ones by their /64', () => {
    expect(throttleKey('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(throttleKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('2001:db8:1:2::9')).toBe(throttleKey('2001:0db8:0001:0002:aaaa::1'));
    expect(throttleKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('MAX_CONNECTIONS_PER_ADDRESS', () => {
  it('is a whole number, 0 meaning no limit; anything else stops the start with a message', () => {
    expect(readConfig({}, []).maxConnectionsPerAddress).toBeUndefined();
    expect(readConfig({ MAX_CONNECTIONS_PER_ADDRESS: '8' }, []).maxConnectionsPerAddress).toBe(8);
    expect(readConfig({ MAX_CONNECTIONS_PER_ADDRESS: '0' }, []).maxConnectionsPerAddress).toBe(Number.POSITIVE_INFINITY);
    expect(() => readConfig({ MAX_CONNECTIONS_PER_ADDRESS: '-1' }, [])).toThrow(/whole number/);
    expect(() => readConfig({ MAX_CONNECTIONS_PER_ADDRESS: 'lots' }, [])).toThrow(/whole number/);
  });
});
