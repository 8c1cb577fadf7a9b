// Pure pieces of the hub: EAN-13 check digits, the cursor encoding, the token bucket with an injected
// clock, the canonical content hash, and the demo seed's catalog (unique, valid barcodes).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ean13, ean13CheckDigit, isValidEan13 } from '../src/seed/ean13.ts';
import { decodeCursor, encodeCursor } from '../src/sync/cursor.ts';
import { RateLimiter } from '../src/http/rate-limit.ts';
import { contentHash } from '../src/sync/content-hash.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { seedDemo } from '../src/seed/demo-seed.ts';
import { HttpError } from '../src/http/api-error.ts';

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

describe('rate limiter', () => {
  it('allows the burst, then refills at the sustained rate', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 }, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([undefined, undefined, undefined]);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBeUndefined();
    now += 500;
    expect(limiter.take('a')).toBeUndefined();
    expect(limiter.take('a')).toBe(1);
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
  it('makes ~300 products in 10 categories with unique valid EAN-13s, 30 customers and stock', async () => {
    const db = await openDatabase({ memory: true });
    try {
      await db.transaction((tx) => seedDemo(tx, { catalog: true, staff: { cashierPin: '1234', managerPin: '5678' } }));
      const products = await db.query<{ barcode: string; sku: string }>('SELECT barcode, sku FROM products');
      expect(products.length).toBe(300);
      expect(new Set(products.map((p) => p.barcode)).size).toBe(300);
      expect(new Set(products.map((p) => p.sku)).size).toBe(300);
      expect(products.every((p) => isValidEan13(p.barcode))).toBe(true);
      const counts = await db.query<{ c: number; u: number; s: number; t: number }>(
        'SELECT (SELECT count(*) FROM categories)::int AS c, (SELECT count(*) FROM customers)::int AS u, (SELECT count(*) FROM stock)::int AS s, (SELECT count(DISTINCT tax_rate_bp) FROM products)::int AS t',
      );
      expect(counts[0]).toEqual({ c: 10, u: 30, s: 300, t: 3 });
    } finally {
      await db.close();
    }
  });
});
