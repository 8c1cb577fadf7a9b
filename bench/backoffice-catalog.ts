// The back office's catalog at scale, on PostgreSQL (not asserted anywhere; run by hand):
//   TEST_DATABASE_URL=postgres://... npx tsx bench/backoffice-catalog.ts [products=100000]
// Seeds that many products in a throwaway database, then measures over HTTP (the real hub, admin token):
// the p50/p95 of product list pages (first and deep keyset pages in each sort, and searches by name word,
// SKU prefix and barcode), then a 10,000-row CSV import (preview, apply, and the same file again).
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../server/src/testing/test-database.ts';
import { startTestServer } from '../server/src/testing/test-server.ts';
import { COMMIT_ORDER_LOCK_KEY } from '../server/src/sync/item-outcome.ts';

const PRODUCTS = Number(process.argv[2] ?? 100_000);
const RUNS = 40;
const IMPORT_ROWS = 10_000;

const url = process.env['TEST_DATABASE_URL'];
if (url === undefined || url === '') throw new Error('set TEST_DATABASE_URL to a PostgreSQL server (the bench makes and drops its own database)');

const database = await createTestDatabase(url);
const server = await startTestServer({ databaseUrl: database.url });
try {
  const t0 = performance.now();
  await server.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
    await tx.query(`INSERT INTO categories (uuid, name) SELECT gen_random_uuid(), 'Category ' || i FROM generate_series(1, 20) i`);
    await tx.query(
      `INSERT INTO products (uuid, sku, barcode, name, category_uuid, price, tax_rate_bp, tax_included)
       SELECT gen_random_uuid(), 'SKU-' || lpad(i::text, 7, '0'), (4000000000000 + i)::text,
              (ARRAY['Green', 'Black', 'Organic', 'Classic', 'Fresh'])[1 + i % 5] || ' ' || (ARRAY['Tea', 'Coffee', 'Bread', 'Cheese', 'Apple', 'Juice'])[1 + i % 6] || ' ' || i,
              (SELECT uuid FROM categories ORDER BY name OFFSET i % 20 LIMIT 1), 50 + (i * 37) % 5000, CASE WHEN i % 3 = 0 THEN 1900 ELSE 700 END, true
         FROM generate_series(1, $1) i`,
      [PRODUCTS],
    );
  });
  await server.db.query('ANALYZE products');
  console.log(`seeded ${PRODUCTS} products in ${Math.round(performance.now() - t0)} ms`);

  const get = async (path: string) => {
    const start = performance.now();
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    const body = (await res.json()) as { next_cursor: string | null; items: unknown[] };
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - start, body };
  };
  const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
  const measure = async (name: string, path: string | (() => string)) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push((await get(typeof path === 'string' ? path : path())).ms);
    console.log(`${name.padEnd(44)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms`);
  };
  /** A cursor about `pages` pages deep, found by walking. */
  const deepCursor = async (query: string, pages: number) => {
    let cursor: string | null = null;
    for (let i = 0; i < pages; i++) cursor = (await get(`/api/v1/admin/products?${query}&limit=200${cursor === null ? '' : `&cursor=${cursor}`}`)).body.next_cursor;
    return cursor ?? '';
  };
  for (const [sort, order] of [['name', 'asc'], ['sku', 'desc'], ['price', 'asc'], ['updated_at', 'desc']] as const) {
    await measure(`first page, ${sort} ${order}`, `/api/v1/admin/products?sort=${sort}&order=${order}`);
    const deep = await deepCursor(`sort=${sort}&order=${order}`, 100);
    await measure(`page after 20,000 rows, ${sort} ${order}`, `/api/v1/admin/products?sort=${sort}&order=${order}&cursor=${deep}`);
  }
  let n = 0;
  await measure('search one name word (varies)', () => `/api/v1/admin/products?q=${['tea', 'coffee', 'bread', 'cheese'][n++ % 4]}`);
  await measure('search two name words', '/api/v1/admin/products?q=organic%20apple');
  await measure('search rare word prefix (a number)', () => `/api/v1/admin/products?q=${1000 + (n++ % 9000)}`);
  await measure('search SKU prefix', () => `/api/v1/admin/products?q=SKU-00${String(100 + (n++ % 900))}`);
  await measure('search barcode', () => `/api/v1/admin/products?q=${4000000000000 + 1 + (n++ % PRODUCTS)}`);

  const header = 'sku,name,barcode,category,price,vat_rate,tax_included,active';
  const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => `IMP-${String(i).padStart(6, '0')},Imported product ${i},,Category 1,${(i % 100) + 1}.99,19,true,true`);
  const csv = `${header}\n${rows.join('\n')}\n`;
  const post = async (apply: boolean) => {
    const start = performance.now();
    const res = await fetch(`${server.url}/api/v1/admin/products/import${apply ? '?apply=true' : ''}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const report = (await res.json()) as Record<string, unknown>;
    return { ms: performance.now() - start, report: `created ${String(report['created'])}, updated ${String(report['updated'])}, unchanged ${String(report['unchanged'])}` };
  };
  for (const [name, apply] of [['import preview, 10,000 rows', false], ['import apply, 10,000 new rows', true], ['import same file again (apply)', true]] as const) {
    const r = await post(apply);
    console.log(`${name.padEnd(44)} ${Math.round(r.ms)} ms (${r.report})`);
  }
} finally {
  await server.stop();
  await database.drop();
}
