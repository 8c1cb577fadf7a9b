// The back office's customer and stock lists at scale, on PostgreSQL (not asserted anywhere; run by hand):
//   TEST_DATABASE_URL=postgres://... npx tsx bench/backoffice-lists.ts [rows=100000] [--only TEXT] [--keep]
// Seeds that many customers (in the test store) and products with a stock figure each in the test store,
// and twice that many stock adjustments (staff, approver, terminal, reason), in a throwaway database. Then
// measures over HTTP (the real hub, admin token) the p50/p95 of the pages the back office asks for: the
// customers list (first and deep keyset pages in each sort, one store's, searches by name word, e-mail
// and phone), a store's stock (each sort, deep pages, searches, low stock) and its adjustments journal
// (first and deep page, one product's). --only keeps the cases whose name contains TEXT; --keep leaves
// the database (its URL is printed) for EXPLAIN ANALYZE.
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { createTestDatabase } from '../server/src/testing/test-database.ts';
import { startTestServer } from '../server/src/testing/test-server.ts';
import { COMMIT_ORDER_LOCK_KEY } from '../server/src/sync/item-outcome.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1] ?? '';
  args.splice(at, 2);
  return value;
};
const ONLY = flag('--only')?.toLowerCase();
const KEEP = args.includes('--keep');
const ROWS = Number(args.find((a) => !a.startsWith('--')) ?? 100_000);
/** Adjustments per product, on average. */
const ADJUSTMENTS_PER_ROW = 2;
const RUNS = 40;
/** Pages of WALK_LIMIT rows walked to reach a deep cursor: 20,000 rows in. */
const WALK_PAGES = 100;
const WALK_LIMIT = 200;

const url = process.env['TEST_DATABASE_URL'];
if (url === undefined || url === '') throw new Error('set TEST_DATABASE_URL to a PostgreSQL server (the bench makes and drops its own database)');

const database = await createTestDatabase(url);
const server = await startTestServer({ databaseUrl: database.url });
try {
  const storeId = server.store.id;
  const t0 = performance.now();
  await server.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
    // Customers: first and last names combined with coprime strides (accents and double names included, so
    // folding and word starts are exercised), an e-mail on 9 in 10, a phone on 6 in 7.
    await tx.query(
      `WITH names AS (
         SELECT i,
                (ARRAY['Anna', 'Jürgen', 'Lena', 'Mehmet', 'Sophie', 'Lukas', 'Zoë', 'Anna-Lena', 'Paul', 'Marie', 'Jonas', 'Élodie', 'Felix', 'Hannah', 'Tobias',
                       'Clara', 'Ömer', 'Laura', 'Max', 'Emma', 'Noah', 'Mia', 'Leon', 'Sarah', 'Ben', 'Julia', 'Finn', 'Lea', 'Elias', 'Nina'])[1 + (i * 7) % 30] AS first,
                (ARRAY['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter',
                       'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner',
                       'Krause', 'Meier', 'Lehmann', 'Yılmaz', 'Kaya', 'Nowak', 'Kowalski', 'Dubois', 'Rossi', 'García', 'Jensen', 'Novák', 'Öztürk'])[1 + (i * 13) % 40] AS last
           FROM generate_series(1, $1::int) i)
       INSERT INTO customers (uuid, name, email, phone, store_id)
       SELECT gen_random_uuid(), first || ' ' || last,
              CASE WHEN i % 10 = 0 THEN NULL
                   ELSE lower(translate(first, 'äöüéëı', 'aoueei')) || '.' || lower(translate(last, 'äöüéëıí', 'aoueeii')) || i || '@' || (ARRAY['gmx.de', 'web.de', 'mail.example', 'posteo.de', 'example.com'])[1 + i % 5] END,
              CASE WHEN i % 7 = 0 THEN NULL ELSE '+49 ' || (150 + i % 30) || ' ' || lpad(((i::bigint * 7919) % 10000000)::text, 7, '0') END,
              $2
         FROM names`,
      [ROWS, storeId],
    );
    await tx.query(`INSERT INTO categories (uuid, name) SELECT gen_random_uuid(), 'Category ' || i FROM generate_series(1, 20) i`);
    await tx.query(
      `INSERT INTO products (uuid, sku, barcode, name, category_uuid, price, tax_rate_bp, tax_included)
       SELECT gen_random_uuid(), 'SKU-' || lpad(i::text, 7, '0'), (4000000000000 + i)::text,
              (ARRAY['Green', 'Black', 'Organic', 'Classic', 'Fresh'])[1 + i % 5] || ' ' || (ARRAY['Tea', 'Coffee', 'Bread', 'Cheese', 'Apple', 'Juice'])[1 + i % 6] || ' ' || i,
              (SELECT uuid FROM categories ORDER BY name OFFSET i % 20 LIMIT 1), 50 + (i * 37) % 5000, CASE WHEN i % 3 = 0 THEN 1900 ELSE 700 END, true
         FROM generate_series(1, $1::int) i`,
      [ROWS],
    );
    // Stock: every product in the store; 1 in 50 under 5 units (some at zero or below), the rest 5..304.
    await tx.query(
      `INSERT INTO stock (store_id, product_uuid, quantity)
       SELECT $1, uuid, CASE WHEN n % 50 = 0 THEN (n / 50) % 6 - 1 ELSE 5 + (n * 7919) % 300 END
         FROM (SELECT uuid, row_number() OVER (ORDER BY sku) AS n FROM products) p`,
      [storeId],
    );
    // Adjustments over the last year, newest first every 150 s: the cashier's, one in four approved by the manager.
    await tx.query(
      `WITH numbered AS (SELECT uuid, row_number() OVER (ORDER BY sku) - 1 AS n FROM products)
       INSERT INTO adjustments (uuid, store_id, terminal_id, product_uuid, delta, reason, created_at, content_hash, staff_id, approved_by)
       SELECT gen_random_uuid(), $1, $2, p.uuid, CASE WHEN i % 3 = 0 THEN 12 + i % 24 ELSE -(1 + i % 4) END,
              (ARRAY['Stocktake', 'Damaged', 'Delivery', 'Expired', 'Inventur', 'Returned to supplier', 'Bruch'])[1 + i % 7],
              now() - i * interval '150 seconds', md5(i::text),
              CASE WHEN i % 2 = 0 THEN $3::uuid ELSE $4::uuid END, CASE WHEN i % 4 = 1 THEN $4::uuid END
         FROM generate_series(1, $5::int) i JOIN numbered p ON p.n = (i::bigint * 7919) % $6`,
      [storeId, server.terminal.id, server.staff.cashier.id, server.staff.manager.id, ROWS * ADJUSTMENTS_PER_ROW, ROWS],
    );
  });
  for (const table of ['customers', 'products', 'stock', 'adjustments']) await server.db.query(`ANALYZE ${table}`);
  console.log(`seeded ${ROWS} customers, ${ROWS} products with stock, ${ROWS * ADJUSTMENTS_PER_ROW} adjustments in ${Math.round(performance.now() - t0)} ms`);
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const get = async (path: string) => {
    const start = performance.now();
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    const body = (await res.json()) as { next_cursor: string | null; items: unknown[] };
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - start, body };
  };
  const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
  const wanted = (name: string) => ONLY === undefined || name.toLowerCase().includes(ONLY);
  /** Times a page RUNS times; a function builds each run's path (varied searches). */
  const measure = async (name: string, path: string | (() => string)) => {
    if (!wanted(name)) return;
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await get(typeof path === 'string' ? path : path());
      times.push(r.ms);
      rows = r.body.items.length;
    }
    console.log(`${name.padEnd(52)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms   (${rows} rows)`);
  };
  /** A cursor WALK_PAGES pages of WALK_LIMIT rows deep, found by walking. */
  const deepCursor = async (base: string) => {
    let cursor: string | null = null;
    for (let i = 0; i < WALK_PAGES; i++) cursor = (await get(`${base}&limit=${WALK_LIMIT}${cursor === null ? '' : `&cursor=${cursor}`}`)).body.next_cursor;
    if (cursor === null) throw new Error(`${base}: fewer than ${WALK_PAGES * WALK_LIMIT} rows`);
    return cursor;
  };
  /** Times the page after a deep cursor (walked only when the case is wanted). */
  const measureDeep = async (name: string, base: string) => {
    if (wanted(name)) await measure(name, `${base}&cursor=${await deepCursor(base)}`);
  };
  let n = 0;
  const pick = <T>(xs: readonly T[]) => xs[n++ % xs.length] as T;

  const customers = '/api/v1/admin/customers';
  for (const sort of ['name', '-name', 'updated', '-updated']) {
    await measure(`customers: first page, sort ${sort}`, `${customers}?sort=${sort}`);
    await measureDeep(`customers: page after 20,000 rows, sort ${sort}`, `${customers}?sort=${sort}`);
  }
  await measure(`customers: one store's, first page, sort name`, `${customers}?store_id=${storeId}&sort=name`);
  await measureDeep(`customers: one store's, after 20,000 rows, sort name`, `${customers}?store_id=${storeId}&sort=name`);
  await measure('customers: search first name (varies)', () => `${customers}?q=${encodeURIComponent(pick(['anna', 'jürgen', 'lena', 'zoe', 'omer']))}`);
  await measure('customers: search surname prefix (varies)', () => `${customers}?q=${encodeURIComponent(pick(['müll', 'schm', 'kow', 'garc', 'yilm']))}`);
  await measure('customers: search two words', `${customers}?q=${encodeURIComponent('anna müller')}`);
  await measure('customers: search e-mail domain', `${customers}?q=posteo.de`);
  await measure('customers: search one e-mail (rare, varies)', () => {
    const i = 1 + ((n++ * 4099) % ROWS);
    return `${customers}?q=${encodeURIComponent(`${i}@`)}`;
  });
  await measure('customers: search phone prefix "+49 170 12"', `${customers}?q=${encodeURIComponent('+49 170 12')}`);
  await measure('customers: search phone digits (rare, varies)', () => `${customers}?q=${String(1_000_000 + ((n++ * 7919) % 8_999_999))}`);
  await measure('customers: search no match', `${customers}?q=xyzzy`);

  const stock = `/api/v1/admin/stores/${storeId}/stock`;
  for (const sort of ['name', '-name', 'quantity', '-quantity']) {
    await measure(`stock: first page, sort ${sort}`, `${stock}?sort=${sort}`);
    await measureDeep(`stock: page after 20,000 rows, sort ${sort}`, `${stock}?sort=${sort}`);
  }
  await measure('stock: search name word (varies)', () => `${stock}?q=${pick(['tea', 'coffee', 'bread', 'cheese'])}`);
  await measure('stock: search rare name part (a number)', () => `${stock}?q=${1000 + (n++ % 9000)}`);
  await measure('stock: search SKU prefix', () => `${stock}?q=SKU-00${String(100 + (n++ % 900))}`);
  await measure('stock: search barcode', () => `${stock}?q=${4000000000000 + 1 + (n++ % ROWS)}`);
  await measure('stock: low stock (< 5), sort name', `${stock}?low_stock_below=5&sort=name`);
  await measure('stock: low stock (< 5), sort quantity', `${stock}?low_stock_below=5&sort=quantity`);
  await measure('stock: low stock (< 5) and a name word', `${stock}?low_stock_below=5&q=tea`);

  const journal = `/api/v1/admin/stores/${storeId}/stock-adjustments`;
  await measure('adjustments: first page', journal);
  await measureDeep('adjustments: page after 20,000 rows', `${journal}?`);
  const products = (await server.db.query<{ uuid: string }>('SELECT product_uuid::text AS uuid FROM adjustments ORDER BY created_at LIMIT 50')).map((r) => r.uuid);
  await measure("adjustments: one product's (varies)", () => `${journal}?product_uuid=${pick(products)}`);
  console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  await server.stop();
  if (KEEP) console.log(`kept database: ${database.url}`);
  else await database.drop();
}
