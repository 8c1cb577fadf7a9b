// The pulled product's wire JSON is written out with || (sync/wire-json.ts, for speed); tills have always
// received json_build_object's text. The two must be the same bytes for every row, including values that
// need escaping, NULLs, tombstones, a store's price override and an open-price product sent to an old till.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iso, storeProductJson } from '../src/sync/wire-json.ts';
import { BACKENDS } from './support/backends.ts';

/** The product as json_build_object writes it: the expression tills received before storeProductJson. */
const productJsonBuildObject = (sellsOpenPrice: boolean): string => `json_build_object('uuid', p.uuid, 'sku', p.sku, 'barcode', p.barcode, 'name', p.name,
  'category_uuid', p.category_uuid, 'price', COALESCE(sp.price, p.price), 'tax_rate_bp', p.tax_rate_bp, 'tax_included', p.tax_included,
  'active', ${sellsOpenPrice ? 'p.active' : 'p.active AND NOT p.open_price'}, 'open_price', p.open_price, 'price_version', p.price_version + COALESCE(sp.price_version, 0),
  'updated_at', ${iso('GREATEST(p.updated_at, sp.updated_at)')}, 'deleted_at', ${iso('p.deleted_at')})::text`;

/** Names and codes that need escaping in JSON, or look as if they might. */
const AWKWARD = ['plain', 'quote " inside', 'back\\slash', 'new\nline\ttab', 'bell \u0001 and \u001f', 'ü ß € 🧀', 'line sep \u2028 para \u2029', '</script>', "it's", ''];

describe.each(BACKENDS)('pulled product JSON on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;

  beforeAll(async () => {
    server = await backend.start({ seedCatalog: true });
    const [category] = await server.db.query<{ uuid: string }>('SELECT uuid::text AS uuid FROM categories LIMIT 1');
    for (const [i, text] of AWKWARD.entries()) {
      await server.db.query(
        `INSERT INTO products (uuid, sku, barcode, name, category_uuid, price, tax_rate_bp, tax_included, active, open_price, updated_at, deleted_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          `AWK-${i}-${text}`,
          i % 2 === 0 ? null : `${text}-barcode`,
          text === '' ? 'x' : text,
          i % 3 === 0 ? null : category!.uuid,
          i === 1 ? 99_999_999_999 : i * 7,
          i * 100,
          i % 2 === 0,
          i !== 4,
          i % 4 === 0,
          `2026-0${1 + (i % 9)}-02T03:04:05.${String(i * 111_111).padStart(6, '0').slice(0, 6)}Z`,
          i % 5 === 0 ? '2026-05-06T07:08:09.999999Z' : null,
        ],
      );
    }
    // This store's price of some products: with a price, and with only a price_version (price NULL).
    await server.db.query(
      `INSERT INTO store_prices (store_id, product_uuid, price, price_version, updated_at)
       SELECT $1, uuid, CASE WHEN n % 2 = 0 THEN 4242 END, 3, '2030-01-01T00:00:00.5Z'
         FROM (SELECT uuid, row_number() OVER (ORDER BY sku) AS n FROM products WHERE sku LIKE 'AWK-%') s WHERE n % 3 <> 0`,
      [server.store.id],
    );
  });
  afterAll(async () => server.dispose());

  it.each([true, false])('is json_build_object’s text, byte for byte (sellsOpenPrice %s)', async (sellsOpenPrice) => {
    const rows = await server.db.query<{ fast: string; reference: string }>(
      `SELECT ${storeProductJson(sellsOpenPrice)} AS fast, ${productJsonBuildObject(sellsOpenPrice)} AS reference
         FROM products p LEFT JOIN store_prices sp ON sp.product_uuid = p.uuid AND sp.store_id = $1`,
      [server.store.id],
    );
    expect(rows.length).toBeGreaterThan(AWKWARD.length);
    for (const r of rows) expect(r.fast).toBe(r.reference);
    // the awkward rows are there and parse back to what was stored
    const names = rows.map((r) => (JSON.parse(r.fast) as { name: string }).name);
    for (const text of AWKWARD.filter((t) => t !== '')) expect(names).toContain(text);
  });
});
