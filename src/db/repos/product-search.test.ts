// Search and catalog browsing on a generated 100k-product catalog: results are checked against a
// plain-JS oracle over the same rows; speed is the benchmark's job, not this file's.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection } from '../../sync/sql-connection.ts';
import type { ProductView } from '../../api/till-api.ts';
import { openMigratedMemoryDb } from '../../../test-support/memory-db.ts';
import { fixtureUuid, generateCatalog, insertProducts } from '../../../test-support/catalog-fixture.ts';
import { searchProducts } from './product-search.ts';
import { wordQuery } from './text-match.ts';
import { categories, productByBarcode, products } from './catalog-queries.ts';
import { product } from './data-test-kit.ts';
import { MAX_SEARCH_RESULTS } from './data-limits.ts';

const CATALOG_SIZE = 100_000;

// Hand-made rows on top of the generated catalog, numbered far above it.
const special = {
  quoted: product(900_001, { name: 'Bob\'s "Best" Cola*', sku: 'BOB-1', barcode: null }),
  percent: product(900_002, { name: '100% Juice_Mix', sku: 'PCT-1', barcode: null }),
  lookalike: product(900_003, { name: '1000 Juice Mix', sku: 'PCT-2', barcode: null }),
  spice: product(900_004, { name: 'Zanzibar Spice', sku: 'ZAN-1', barcode: '5550001' }),
  inactive: product(900_005, { name: 'Zanzibar Inactive', sku: 'ZAN-2', barcode: '5550002', active: false }),
  deleted: product(900_006, { name: 'Zanzibar Deleted', sku: 'ZAN-3', barcode: '5550003', deleted: true }),
  codeCola: product(900_007, { name: 'Fountain syrup', sku: 'cola', barcode: null }),
  colaFirst: product(900_008, { name: 'Cola Classic', sku: 'CC-1', barcode: null }),
  hyphen: product(900_009, { name: 'Fizz Coca-Cola Xtra', sku: 'HY-1', barcode: null }),
};

let db: SqlConnection;
let all: { uuid: string; name: string; sku: string; barcode: string | null; sellable: number }[];

beforeAll(async () => {
  db = await openMigratedMemoryDb();
  await generateCatalog(db, { products: CATALOG_SIZE });
  await db.transaction((tx) => insertProducts(tx, Object.values(special)));
  all = await db.all(`SELECT uuid, name, sku, barcode, (active = 1 AND deleted_at IS NULL) AS sellable FROM products`);
}, 60_000);

/** The oracle for word search: every token starts a word of the name, SKU or barcode (ignoring case). */
function wordsMatch(p: { name: string; sku: string; barcode: string | null }, text: string): boolean {
  const words = `${p.name} ${p.sku} ${p.barcode ?? ''}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '')
    .every((t) => words.some((w) => w.startsWith(t)));
}

const uuids = (rows: ProductView[]) => rows.map((r) => r.uuid);

describe('searchProducts on a 100k catalog', () => {
  it('finds words anywhere in the name, as prefixes, exactly the matching sellable products', async () => {
    const text = 'kestrel smok chee';
    const expected = all.filter((p) => p.sellable === 1 && wordsMatch(p, text)).map((p) => p.uuid);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(MAX_SEARCH_RESULTS);
    const found = await searchProducts(db, text, MAX_SEARCH_RESULTS);
    expect(new Set(uuids(found))).toEqual(new Set(expected));
  });

  it('returns only matching products for a very common word, up to the limit', async () => {
    const found = await searchProducts(db, 'cola', 30);
    expect(found).toHaveLength(30);
    for (const p of found) expect(wordsMatch(p, 'cola') || p.sku.toLowerCase() === 'cola').toBe(true);
    // Ranking: the exact SKU first, then names starting with the text, then word matches.
    expect(found[0]?.uuid).toBe(special.codeCola.uuid);
    expect(found[1]?.uuid).toBe(special.colaFirst.uuid);
  });

  it('matches one-letter words as word starts of the name', async () => {
    const found = await searchProducts(db, 'juniper c', 50);
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) expect(wordsMatch(p, 'juniper c')).toBe(true);
  });

  it('fills a page of two common words with matching products only, without ranking them all', async () => {
    const found = await searchProducts(db, 'smoky chee', 40);
    expect(found).toHaveLength(40);
    for (const p of found) expect(wordsMatch(p, 'smoky chee')).toBe(true);
  });

  it('matches a hyphenated token as a phrase, a one-letter last word of it whole', async () => {
    expect(uuids(await searchProducts(db, 'coca-co', 10))).toEqual([special.hyphen.uuid]);
    expect(uuids(await searchProducts(db, 'fizz coca-cola', 10))).toEqual([special.hyphen.uuid]);
    expect(await searchProducts(db, 'cola-coca', 10)).toEqual([]);
    // Every SKU holds the word "sku": "x" as a prefix would make FTS check thousands of phrases.
    expect(wordQuery('sku-x')).toEqual({ match: '"sku-x"', shortTokens: [] });
    expect(wordQuery('coca-co x')).toEqual({ match: '"coca-co"*', shortTokens: ['x'] });
    expect(await searchProducts(db, 'sku-x', 10)).toEqual([]);
  });

  it('finds a name prefix ignoring case', async () => {
    const found = await searchProducts(db, 'ACME dIeT', 20);
    expect(found).toHaveLength(20);
    for (const p of found) expect(p.name.toLowerCase().startsWith('acme diet')).toBe(true);
  });

  it('finds barcodes and SKUs: exact first, then digit prefixes', async () => {
    const target = all.find((p) => p.sellable === 1 && p.barcode !== null && p.barcode.startsWith('4000000123'));
    expect(target).toBeDefined();
    const exact = await searchProducts(db, target?.barcode ?? '', 5);
    expect(exact[0]?.uuid).toBe(target?.uuid);
    const prefix = await searchProducts(db, '40000001234', 50);
    const expected = all.filter((p) => p.sellable === 1 && (p.barcode ?? '').startsWith('40000001234')).map((p) => p.uuid);
    expect(expected.length).toBeGreaterThan(1);
    expect(new Set(uuids(prefix))).toEqual(new Set(expected));
    const sku = await searchProducts(db, 'sku-000777', 5);
    expect(sku[0]?.sku).toBe('SKU-000777');
  });

  it('treats quotes, stars, FTS operators and LIKE wildcards as plain text', async () => {
    expect(uuids(await searchProducts(db, 'Bob\'s "Best', 5))).toEqual([special.quoted.uuid]);
    expect(uuids(await searchProducts(db, '"best" cola*', 5))).toEqual([special.quoted.uuid]);
    // % and _ are literal in the name prefix: "1000 Juice Mix" is only a word match ("100"*), ranked after.
    for (const text of ['100%', '100% Juice_']) {
      const found = uuids(await searchProducts(db, text, MAX_SEARCH_RESULTS));
      expect(found[0]).toBe(special.percent.uuid);
      expect(found.indexOf(special.lookalike.uuid)).not.toBe(0);
    }
    // Unescaped, these LIKE patterns would match "Zanzibar Spice"; as words they match nothing.
    expect(await searchProducts(db, '_anzibar', 5)).toEqual([]);
    expect(await searchProducts(db, '%ibar', 5)).toEqual([]);
    for (const text of ['*', '"', '""', '\'', 'NEAR(cola', 'cola OR', 'AND', '-', '(', ':', 'name:cola', '^cola', '%', '_', '\\', '{x}']) {
      const found = await searchProducts(db, text, 10);
      for (const p of found) expect(p.active).toBe(true);
    }
    expect(await searchProducts(db, '*', 10)).toEqual([]);
    expect(await searchProducts(db, '%', 10)).toEqual([]);
    expect(await searchProducts(db, '   ', 10)).toEqual([]);
  });

  it('hides inactive and deleted products from search and scanning', async () => {
    expect(uuids(await searchProducts(db, 'zanzibar', 10))).toEqual([special.spice.uuid]);
    expect(uuids(await searchProducts(db, 'spice inactive deleted', 10))).toEqual([]);
    expect(await searchProducts(db, 'ZAN-2', 10)).toEqual([]);
    expect(await productByBarcode(db, '5550003')).toBeNull();
    expect(await productByBarcode(db, '5550002')).toBeNull();
    expect((await productByBarcode(db, '5550001'))?.uuid).toBe(special.spice.uuid);
    expect((await productByBarcode(db, ' zan-1 '))?.uuid).toBe(special.spice.uuid);
  });

  it('marks products with a pending local edit', async () => {
    const row = await db.get<{ id: number }>('SELECT id FROM products WHERE uuid = ?', [special.spice.uuid]);
    await db.run(
      `INSERT INTO sync_queue (entity_type, entity_id, action, payload, created_at, idempotency_key) VALUES ('Product', ?, 'UPDATE', '{}', '2024-01-01T00:00:00Z', 'edit-1')`,
      [row?.id ?? 0],
    );
    expect((await searchProducts(db, 'zanzibar', 10))[0]?.pendingEdit).toBe(true);
    expect((await searchProducts(db, 'kestrel', 1))[0]?.pendingEdit).toBe(false);
    await db.run(`UPDATE sync_queue SET status = 1 WHERE idempotency_key = 'edit-1'`);
    expect((await productByBarcode(db, '5550001'))?.pendingEdit).toBe(false);
  });

  it('caps the result count', async () => {
    expect(await searchProducts(db, 'acme', 10_000)).toHaveLength(MAX_SEARCH_RESULTS);
  });
});

describe('catalog browsing', () => {
  it('lists categories by sort order and a category\'s sellable products by name, page by page', async () => {
    const cats = await categories(db);
    expect(cats.map((c) => c.sortOrder)).toEqual([...cats.map((c) => c.sortOrder)].sort((a, b) => a - b));
    const category = fixtureUuid(1, 3);
    const page1 = await products(db, { categoryUuid: category, limit: 25, offset: 0 });
    const page2 = await products(db, { categoryUuid: category, limit: 25, offset: 25 });
    const both = [...page1, ...page2];
    expect(both).toHaveLength(50);
    expect(new Set(uuids(both)).size).toBe(50);
    const names = both.map((p) => p.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    for (const p of both) expect([p.categoryUuid, p.active]).toEqual([category, true]);
    const first = await products(db, { categoryUuid: null, limit: 3, offset: 0 });
    expect(first[0]?.name).toBe(special.percent.name);
  });
});
