// Report latency at scale (issue 20): seeds N sales (default 1,000,000: a year of three stores with four
// tills each, 2 % refunds, 10 % with a customer) into a throwaway PostgreSQL database, through the hub's
// own SQL (the bulk insert's columns, insertSaleLines, addSalesToSummaries: the summaries are built by
// the ingest code, chunk by chunk), then measures over HTTP the p50/p95 of filtered journal pages and of
// period reports. Goals are printed, never asserted: journal page p95 < 300 ms, a month's report fast.
// Run: BENCH_DATABASE_URL=postgres://ezo@127.0.0.1:5432/postgres npx tsx bench/reports-bench.ts [--sales 100000]
// --keep leaves the seeded database in place and prints its URL; --reuse <url> measures on such a database
// (its migrations run first, so a new index is built on it) instead of seeding again: the seed takes 15-30 min.
// --only <text> runs only the cases whose name contains the text; --rare-card seeds a store that rarely takes cards.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Sale, SaleLine } from '@ezo/contract/sale';
import type { JournalPage } from '@ezo/contract/reports';
import { lineAmounts, saleAmounts } from '../src/domain/sale-totals.ts';
import { startTestServer, TEST_STAFF, type TestServer } from '../server/src/testing/test-server.ts';
import { buildHub } from '../server/src/app.ts';
import { hashToken, newToken } from '../server/src/auth/tokens.ts';
import { openDatabase } from '../server/src/db/open-database.ts';
import type { Database } from '../server/src/db/database.ts';
import { createTestDatabase } from '../server/src/testing/test-database.ts';
import { insertSaleLines } from '../server/src/sync/insert-sale-lines.ts';
import { addSalesToSummaries } from '../server/src/sync/sale-summaries.ts';

const args = process.argv.slice(2);
const SALES = Number(args[args.indexOf('--sales') + 1] ?? 0) || 1_000_000;
const STORES = 3;
const TILLS_PER_STORE = 4;
const PRODUCTS = 2_000;
const CUSTOMERS = 5_000;
const EXTRA_STAFF = 17;
const CHUNK = 5_000;
const REFUND_SHARE = 0.02;
const CUSTOMER_SHARE = 0.1;
const YEAR = 2025;
const RUNS = 60;
const JOURNAL_GOAL_MS = 300;
const KEEP = args.includes('--keep');
const REUSE = args.includes('--reuse') ? args[args.indexOf('--reuse') + 1] : undefined;
/** --only <text>: only the cases whose name contains it (e.g. "journal"). */
/**
 * --rare-card: the third store (tills S2K*) takes cards for 1 % of its sales instead of 55 %, so a filter
 * by card is rare there (a kiosk): the "rare-card store" cases. Without it that store is like the others.
 */
const RARE_CARD = args.includes('--rare-card');
const RARE_CARD_PREFIX = 'S2';
const RARE_CARD_SHARE = 0.01;
const ONLY = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '') : '';
/** The generator's state when measuring starts, the same after a seed and on a reused database. */
const MEASURE_SEED = 4_242;
const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'results', 'reports.json');

/** A deterministic generator, so runs are comparable. */
let state = 20_261_203;
function random(): number {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');

interface Till {
  id: string;
  storeId: string;
  prefix: string;
  count: number;
}
interface Product {
  uuid: string;
  name: string;
  sku: string;
  price: number;
  tax_rate_bp: number;
}

type World = { tills: Till[]; staff: string[]; products: Product[]; customers: { uuid: string; name: string }[] };

async function seed(server: TestServer): Promise<World> {
  const db = server.db;
  const tills: Till[] = [];
  for (let s = 0; s < STORES; s++) {
    const store = await server.createStore(`Filiale ${s + 1}`);
    for (let t = 0; t < TILLS_PER_STORE; t++) {
      const till = await server.createTerminal(store.id, { legacy: true });
      tills.push({ id: till.id, storeId: store.id, prefix: `S${s}K${t}`, count: 0 });
    }
  }
  const staff: string[] = [TEST_STAFF.cashier.id, TEST_STAFF.manager.id, TEST_STAFF.owner.id];
  for (let i = 0; i < EXTRA_STAFF; i++) {
    const id = randomUUID();
    await db.query('INSERT INTO staff (id, display_name) VALUES ($1, $2)', [id, `Kassierer ${i}`]);
    staff.push(id);
  }
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO products (uuid, sku, barcode, name, price, tax_rate_bp, tax_included, version, updated_at)
       SELECT gen_random_uuid(), 'SKU-' || i, lpad(i::text, 13, '4'), 'Artikel ' || i, 50 + (i * 37) % 4950, CASE WHEN i % 3 = 0 THEN 700 ELSE 1900 END, true, 0, now()
         FROM generate_series(1, $1::int) i`,
      [PRODUCTS],
    );
    await tx.query(
      `INSERT INTO customers (uuid, name, email, phone, version, updated_at)
       SELECT gen_random_uuid(), 'Kunde ' || i, 'kunde' || i || '@example.com', '+49 30 ' || (1000000 + i), 0, now() FROM generate_series(1, $1::int) i`,
      [CUSTOMERS],
    );
  });
  const products = await db.query<Product>('SELECT uuid::text AS uuid, name, sku, price::int AS price, tax_rate_bp FROM products');
  const customers = await db.query<{ uuid: string; name: string }>('SELECT uuid::text AS uuid, name FROM customers');
  return { tills, staff, products, customers };
}

function makeLine(p: Product, quantity: number, refundOfLine: string | null = null): SaleLine {
  const input = { unit_price: p.price, quantity, discount_bp: random() < 0.1 ? 1000 : 0, tax_rate_bp: p.tax_rate_bp, tax_included: true };
  return { uuid: randomUUID(), product_uuid: p.uuid, name: p.name, sku: p.sku, ...input, ...lineAmounts(input), refund_of_line: refundOfLine };
}

function makeSale(till: Till, staffId: string, created: Date, lines: SaleLine[], customer: string | null, refundOf: string | null): Sale {
  const totals = saleAmounts(lines);
  till.count += 1;
  const draw = random();
  const method = RARE_CARD && till.prefix.startsWith(RARE_CARD_PREFIX) ? (draw < RARE_CARD_SHARE ? 'card' : 'cash') : draw < 0.45 ? 'cash' : 'card';
  return {
    uuid: randomUUID(),
    receipt_number: `${till.prefix}-${String(till.count).padStart(7, '0')}`,
    terminal_id: till.id,
    shift_uuid: null,
    customer_uuid: customer,
    refund_of: refundOf,
    currency: 'EUR',
    ...totals,
    note: null,
    created_at: created.toISOString(),
    lines,
    payments: [{ uuid: randomUUID(), method, amount: totals.total, tendered: method === 'cash' ? totals.total : null, change: method === 'cash' ? 0 : null }],
    staff_id: staffId,
  };
}

/** Stores one chunk of one store's sales as the bulk ingest does, then adds them to the summaries. */
async function storeChunk(server: TestServer, storeId: string, sales: Sale[]): Promise<void> {
  await server.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO sales (uuid, store_id, terminal_id, receipt_number, refund_of, total, created_at, content_hash, body, staff_id)
       SELECT (e.b->>'uuid')::uuid, $2, (e.b->>'terminal_id')::uuid, e.b->>'receipt_number', (e.b->>'refund_of')::uuid, (e.b->>'total')::bigint,
              (e.b->>'created_at')::timestamptz, 'bench', e.b, (e.b->>'staff_id')::uuid
         FROM jsonb_array_elements($1::jsonb) AS e(b)`,
      [JSON.stringify(sales), storeId],
    );
    await insertSaleLines(tx, storeId, sales.flatMap((sale) => sale.lines.map((line) => ({ sale, line }))));
    await addSalesToSummaries(tx, sales.map((s) => s.uuid));
  });
}

/** The world of a database seeded by an earlier run (--keep): tills by their sales' receipt prefixes. */
async function readWorld(db: Database): Promise<World> {
  const tills = await db.query<{ id: string; storeId: string; prefix: string }>(
    `SELECT DISTINCT ON (terminal_id) terminal_id::text AS id, store_id::text AS "storeId", split_part(receipt_number, '-', 1) AS prefix FROM sales ORDER BY terminal_id`,
  );
  const staff = await db.query<{ id: string }>('SELECT id::text AS id FROM staff');
  const products = await db.query<Product>('SELECT uuid::text AS uuid, name, sku, price::int AS price, tax_rate_bp FROM products');
  const customers = await db.query<{ uuid: string; name: string }>('SELECT uuid::text AS uuid, name FROM customers');
  return { tills: tills.map((t) => ({ ...t, count: 0 })), staff: staff.map((s) => s.id), products, customers };
}

async function seedSales(server: TestServer, world: World): Promise<void> {
  const perStore = new Map<string, Sale[]>();
  const recent: Sale[] = [];
  const start = Date.UTC(YEAR, 0, 1);
  const started = performance.now();
  for (let i = 0; i < SALES; i++) {
    // Spread over the year in order, 07:00-21:00 Berlin (06:00-20:00 UTC, near enough for a bench).
    const day = Math.floor((i / SALES) * 365);
    const created = new Date(start + day * 86_400_000 + (6 * 3_600_000 + Math.floor(random() * 14 * 3_600_000)));
    const tillIndex = Math.floor(random() * world.tills.length);
    const till = world.tills[tillIndex]!;
    // A cashier works one till for a shift (two shifts a day), as in a shop: not a new one every sale.
    const shift = created.getUTCHours() >= 13 ? 1 : 0;
    const cashier = world.staff[(tillIndex * 3 + day * 2 + shift) % world.staff.length]!;
    const original = recent.length > 0 && random() < REFUND_SHARE ? recent[Math.floor(random() * recent.length)] : undefined;
    let sale: Sale;
    if (original !== undefined && original.terminal_id === till.id && original.refund_of === null && Date.parse(original.created_at) <= created.getTime()) {
      const l = original.lines[0]!;
      const p = { uuid: l.product_uuid, name: l.name, sku: l.sku, price: l.unit_price, tax_rate_bp: l.tax_rate_bp };
      sale = makeSale(till, cashier, created, [makeLine(p, -l.quantity, l.uuid)], null, original.uuid);
      recent.splice(recent.indexOf(original), 1);
    } else {
      const lines = Array.from({ length: 1 + Math.floor(random() * 4) }, () => makeLine(pick(world.products), 1 + Math.floor(random() * 3)));
      sale = makeSale(till, cashier, created, lines, random() < CUSTOMER_SHARE ? pick(world.customers).uuid : null, null);
      recent.push(sale);
      if (recent.length > 200) recent.shift();
    }
    const list = perStore.get(till.storeId) ?? [];
    list.push(sale);
    perStore.set(till.storeId, list);
    if (list.length >= CHUNK) {
      await storeChunk(server, till.storeId, list);
      perStore.set(till.storeId, []);
      // A refund names a sale already stored (each chunk is one store's, in time order).
    }
    if ((i + 1) % 100_000 === 0) console.log(`  ${i + 1} sales seeded (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  for (const [storeId, list] of perStore) if (list.length > 0) await storeChunk(server, storeId, list);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const base = process.env['BENCH_DATABASE_URL'];
  if (REUSE === undefined && (base === undefined || base === '')) throw new Error('set BENCH_DATABASE_URL to a PostgreSQL server (a throwaway database is made on it)');
  let hub: { url: string; adminToken: string; db: Database; stop(): Promise<void> };
  let world: World;
  let seedSeconds = NaN;
  let drop = async () => {};
  if (REUSE !== undefined) {
    const db = await openDatabase({ url: REUSE });
    const adminToken = newToken();
    const app = await buildHub({ db, adminTokenHash: hashToken(adminToken), rateLimit: false, authThrottle: false, accountThrottle: false, publicUrl: '' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    hub = { url: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`, adminToken, db, stop: async () => { await app.close(); await db.close(); } };
    world = await readWorld(db);
    console.log(`measuring on ${REUSE.replace(/\/\/[^@]*@/, '//')} (seeded earlier)`);
  } else {
    const database = await createTestDatabase(base!);
    const server = await startTestServer({ databaseUrl: database.url });
    hub = server;
    if (!KEEP) drop = () => database.drop();
    console.log(`seeding ${SALES} sales into ${database.url.replace(/\/\/[^@]*@/, '//')}`);
    world = await seed(server);
    // Seeding only: the secondary indexes of sales and sale_lines are built once afterwards (much faster
    // than maintaining them row by row); the summaries are kept by the ingest code as always.
    const indexes = await server.db.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE tablename IN ('sales', 'sale_lines') AND indexname NOT LIKE '%_pkey' AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
    );
    for (const i of indexes) await server.db.query(`DROP INDEX ${i.name}`);
    const t0 = performance.now();
    await seedSales(server, world);
    for (const i of indexes) await server.db.query(i.definition);
    seedSeconds = (performance.now() - t0) / 1000;
    if (KEEP) console.log(`kept: --reuse ${database.url}`);
  }
  const server = hub;
  try {
    await server.db.query('ANALYZE');
    const counts = (await server.db.query<{ sales: string; hourly: string; products: string }>(
      `SELECT (SELECT count(*) FROM sales)::text AS sales, (SELECT count(*) FROM report_sales_hourly)::text AS hourly, (SELECT count(*) FROM report_products_daily)::text AS products`,
    ))[0]!;
    console.log(`${Number.isNaN(seedSeconds) ? 'database has' : `seeded in ${seedSeconds.toFixed(0)} s:`} ${counts.sales} sales, ${counts.hourly} hourly summary rows, ${counts.products} product-day rows`);
    // The same requests whether seeded now or reused: tills and staff in a fixed order, the generator reset.
    world.tills.sort((a, b) => a.prefix.localeCompare(b.prefix));
    world.staff.sort();
    state = MEASURE_SEED;

    const get = async (path: string): Promise<{ ms: number; body: unknown }> => {
      const started = performance.now();
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
      const body: unknown = res.headers.get('content-type')?.startsWith('application/json') === true ? await res.json() : await res.text();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return { ms: performance.now() - started, body };
    };
    const stores = [...new Set(world.tills.map((t) => t.storeId))];
    const rareCardStore = world.tills.find((t) => t.prefix.startsWith(RARE_CARD_PREFIX))?.storeId ?? stores[0];
    const month = () => {
      const m = 1 + Math.floor(random() * 12);
      const last = new Date(Date.UTC(YEAR, m, 0)).getUTCDate();
      return { from: `${YEAR}-${pad(m)}-01`, to: `${YEAR}-${pad(m)}-${pad(last)}` };
    };
    const week = () => {
      const d = new Date(Date.UTC(YEAR, 0, 1 + Math.floor(random() * 358)));
      const e = new Date(d.getTime() + 6 * 86_400_000);
      return { from: d.toISOString().slice(0, 10), to: e.toISOString().slice(0, 10) };
    };
    const cases: [string, () => string][] = [
      ['journal: store + month', () => { const p = month(); return `/api/v1/admin/reports/journal?store_id=${pick(stores)}&from=${p.from}&to=${p.to}`; }],
      ['journal: all stores, no filter', () => '/api/v1/admin/reports/journal'],
      ['journal: terminal + week', () => { const p = week(); return `/api/v1/admin/reports/journal?terminal_id=${pick(world.tills).id}&from=${p.from}&to=${p.to}`; }],
      ['journal: cashier + month', () => { const p = month(); return `/api/v1/admin/reports/journal?staff_id=${pick(world.staff)}&from=${p.from}&to=${p.to}`; }],
      ['journal: store + cash + month', () => { const p = month(); return `/api/v1/admin/reports/journal?store_id=${pick(stores)}&payment_method=cash&from=${p.from}&to=${p.to}`; }],
      ['journal: refunds of a store', () => `/api/v1/admin/reports/journal?store_id=${pick(stores)}&kind=refund`],
      // A payment method that is rare among the rows the other filters leave: a store's refunds paid by
      // card (about 1 % of its sales), and a till's card refunds of a week (a handful, or none).
      ['journal: store + card refunds', () => `/api/v1/admin/reports/journal?store_id=${pick(stores)}&kind=refund&payment_method=card`],
      ['journal: terminal + card refunds + week', () => { const p = week(); return `/api/v1/admin/reports/journal?terminal_id=${pick(world.tills).id}&kind=refund&payment_method=card&from=${p.from}&to=${p.to}`; }],
      // On a database seeded with --rare-card, card is 1 % of the third store's sales.
      ['journal: rare-card store + card + month', () => { const p = month(); return `/api/v1/admin/reports/journal?store_id=${rareCardStore}&payment_method=card&from=${p.from}&to=${p.to}`; }],
      ['journal: rare-card store + card, whole year', () => `/api/v1/admin/reports/journal?store_id=${rareCardStore}&payment_method=card`],
      ['journal: receipt number prefix', () => { const t = pick(world.tills); return `/api/v1/admin/reports/journal?receipt=${t.prefix}-00${Math.floor(random() * 9)}`; }],
      ['journal: product search + store + month', () => { const p = month(); return `/api/v1/admin/reports/journal?store_id=${pick(stores)}&product=${encodeURIComponent(pick(world.products).name)}&from=${p.from}&to=${p.to}`; }],
      ['journal: product search, whole year', () => `/api/v1/admin/reports/journal?product=${encodeURIComponent(pick(world.products).sku)}`],
      ['journal: customer search', () => `/api/v1/admin/reports/journal?customer=${encodeURIComponent(pick(world.customers).name)}`],
      ['period: one store, a month', () => { const p = month(); return `/api/v1/admin/reports/period?store_id=${pick(stores)}&from=${p.from}&to=${p.to}`; }],
      ['period: all stores, a month', () => { const p = month(); return `/api/v1/admin/reports/period?from=${p.from}&to=${p.to}`; }],
      ['period: all stores, the year', () => `/api/v1/admin/reports/period?from=${YEAR}-01-01&to=${YEAR}-12-31`],
    ];
    const figures: Record<string, { p50: number; p95: number; max: number }> = {};
    for (const [name, path] of cases) {
      if (!name.includes(ONLY)) continue;
      await get(path()); // warm-up
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push((await get(path())).ms);
      times.sort((a, b) => a - b);
      figures[name] = { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? NaN };
    }
    // Deep paging: pages 2..6 of a store's month, by cursor.
    if ('journal: next pages by cursor'.includes(ONLY)) {
      const times: number[] = [];
      for (let i = 0; i < RUNS / 5; i++) {
        const p = month();
        let path = `/api/v1/admin/reports/journal?store_id=${pick(stores)}&from=${p.from}&to=${p.to}`;
        for (let page = 0; page < 6; page++) {
          const r = await get(path);
          if (page > 0) times.push(r.ms);
          const next = (r.body as JournalPage).next_cursor;
          if (next === null) break;
          path = `/api/v1/admin/reports/journal?store_id=${new URL(path, server.url).searchParams.get('store_id') ?? ''}&from=${p.from}&to=${p.to}&cursor=${next}`;
        }
      }
      times.sort((a, b) => a - b);
      figures['journal: next pages by cursor'] = { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? NaN };
    }
    // A month's journal of one store as CSV, streamed: time, size, and how much the heap grew.
    const p = month();
    const heapBefore = process.memoryUsage().heapUsed;
    const csv = await get(`/api/v1/admin/reports/journal/export?store_id=${stores[0]}&from=${p.from}&to=${p.to}`);
    const csvText = csv.body as string;
    console.log(`\njournal CSV of one store-month: ${csvText.split('\r\n').length - 2} rows, ${(csvText.length / 1e6).toFixed(1)} MB in ${(csv.ms / 1000).toFixed(2)} s`);
    console.log(`(heap grew by ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0)} MB, the client holding the whole text included)`);

    console.log(`\n${'case'.padEnd(42)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
    for (const [name, f] of Object.entries(figures)) {
      const goal = name.startsWith('journal') ? (f.p95 < JOURNAL_GOAL_MS ? '  ok (< 300)' : '  over 300 ms') : '';
      console.log(`${name.padEnd(42)} ${f.p50.toFixed(1).padStart(8)} ${f.p95.toFixed(1).padStart(8)} ${f.max.toFixed(1).padStart(8)}${goal}`);
    }
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, JSON.stringify({ sales: Number(counts.sales), seedSeconds, figures, at: new Date().toISOString() }, null, 2));
  } finally {
    await server.stop();
    await drop();
  }
}

await main();
