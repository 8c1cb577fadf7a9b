// Hub throughput on loopback: upstream ingest (sales/s and batch latency with 50 concurrent terminals)
// and a full downstream pull of a 100k-product catalog, on PGlite and, when BENCH_DATABASE_URL is set,
// on PostgreSQL. Goals are reported, never asserted: >= 3,000 sales/s with p99 < 100 ms on PostgreSQL,
// and a 100k-product pull served in < 1 s. Run: npx tsx bench/server-ingest.ts [--quick]
// (--quick: a smoke run with fewer terminals, batches and products; its figures meet no goal).
// Also measured during the ingest: how long each request waits before the hub starts it (from the
// terminal's send to the hub's HTTP server seeing the request: the accept queue and a busy event
// loop), and the hub process's event-loop delay. The hub runs in this process, so one clock serves.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { IncomingMessage } from 'node:http';
import { lineAmounts, saleAmounts } from '../src/domain/sale-totals.ts';
import type { Sale } from '@ezo/contract/sale';
import type { DownstreamPage } from '@ezo/contract/downstream';
import { MAX_DOWNSTREAM_LIMIT } from '@ezo/contract/limits';
import { startTestServer, TEST_STAFF, type TestServer } from '../server/src/testing/test-server.ts';
import { createTestDatabase, type TestDatabase } from '../server/src/testing/test-database.ts';
import { readDownstreamPage } from '../server/src/sync/downstream-page.ts';

interface Sizes {
  terminals: number;
  batchesPerTerminal: number;
  /** Products added for the downstream pull. */
  catalog: number;
}

const FULL: Sizes = { terminals: 50, batchesPerTerminal: 10, catalog: 100_000 };
const QUICK: Sizes = { terminals: 10, batchesPerTerminal: 3, catalog: 5_000 };
const SALES_PER_BATCH = 20;
const LINES_PER_SALE = 3;
const quick = process.argv.slice(2).includes('--quick');
const SIZES = quick ? QUICK : FULL;
const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'results', 'server.json');
/** The terminal's performance.now() at send, read by the hub's HTTP server when the request starts. */
const SENT_HEADER = 'x-bench-sent-at';
/** Resolution of the event-loop delay histogram. */
const LOOP_DELAY_RESOLUTION_MS = 10;

interface Figures {
  backend: string;
  sales: number;
  salesPerSecond: number;
  batchP50Ms: number;
  batchP99Ms: number;
  /** From a terminal's send to the hub starting the request (accept queue, event loop): p99 and worst. */
  startDelayP99Ms: number;
  startDelayMaxMs: number;
  /** The worst start delay of a terminal's first batch (a new connection: the accept queue). */
  firstBatchStartDelayMaxMs: number;
  /** The hub process's event-loop delay during the ingest (node:perf_hooks monitorEventLoopDelay). */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  pullRows: number;
  pullMs: number;
  pullRowsPerSecond: number;
  pullPages: number;
  /** The same full pull without HTTP: the hub's own time to build the pages (the goal's "server time"). */
  pullServerMs: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function makeSale(terminalId: string, products: { uuid: string; price: number }[], n: number): Sale {
  const lines = Array.from({ length: LINES_PER_SALE }, (_, i) => {
    const p = products[(n * LINES_PER_SALE + i) % products.length]!;
    const input = { unit_price: p.price, quantity: 1 + (i % 3), discount_bp: 0, tax_rate_bp: 1900, tax_included: true };
    return { uuid: randomUUID(), product_uuid: p.uuid, name: 'Item', sku: 'SKU', ...input, ...lineAmounts(input), refund_of_line: null };
  });
  const totals = saleAmounts(lines);
  return {
    uuid: randomUUID(),
    receipt_number: `B-${n}`,
    terminal_id: terminalId,
    shift_uuid: null,
    customer_uuid: null,
    refund_of: null,
    currency: 'EUR',
    ...totals,
    note: null,
    created_at: new Date().toISOString(),
    lines,
    payments: [{ uuid: randomUUID(), method: 'card', amount: totals.total, tendered: null, change: null }],
    staff_id: TEST_STAFF.cashier.id,
  };
}

type IngestFigures = Pick<Figures, 'sales' | 'salesPerSecond' | 'batchP50Ms' | 'batchP99Ms' | 'startDelayP99Ms' | 'startDelayMaxMs' | 'firstBatchStartDelayMaxMs' | 'eventLoopDelayP99Ms' | 'eventLoopDelayMaxMs'>;

async function ingest(server: TestServer): Promise<IngestFigures> {
  const products = await server.db.query<{ uuid: string; price: string }>(
    `UPDATE products SET tax_rate_bp = 1900, tax_included = true WHERE uuid IN (SELECT uuid FROM products ORDER BY sku LIMIT 200) RETURNING uuid::text AS uuid, price::text AS price`,
  );
  const catalog = products.map((p) => ({ uuid: p.uuid, price: Number(p.price) }));
  const terminals = [];
  for (let i = 0; i < SIZES.terminals; i++) terminals.push(await server.createTerminal(server.store.id));
  const latencies: number[] = [];
  const startDelays: number[] = [];
  const firstStartDelays: number[] = [];
  const onRequest = (request: IncomingMessage) => {
    const sent = request.headers[SENT_HEADER];
    if (typeof sent !== 'string') return;
    const delay = performance.now() - Number(sent.split(':')[0]);
    startDelays.push(delay);
    if (sent.endsWith(':first')) firstStartDelays.push(delay);
  };
  server.httpServer().on('request', onRequest);
  // The terminals are other machines: their batches are built before the clock starts, so this
  // process's event loop carries the hub's work (and the requests' sending), not the tills'.
  const bodies = terminals.map((t, ti) =>
    Array.from({ length: SIZES.batchesPerTerminal }, (_, b) => {
      const batchSales = Array.from({ length: SALES_PER_BATCH }, (_, i) => makeSale(t.id, catalog, ti * 1_000 + b * SALES_PER_BATCH + i));
      return { body: JSON.stringify({ sync_id: randomUUID(), timestamp: new Date().toISOString(), changes: { sales: batchSales } }), count: batchSales.length };
    }),
  );
  const loop = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  loop.enable();
  const started = performance.now();
  let sales = 0;
  await Promise.all(
    terminals.map(async (t, ti) => {
      for (let b = 0; b < SIZES.batchesPerTerminal; b++) {
        const { body, count } = bodies[ti]![b]!;
        const t0 = performance.now();
        const sent = `${t0}${b === 0 ? ':first' : ''}`;
        const res = await fetch(`${server.url}/api/v1/sync/upstream`, { method: 'POST', headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json', [SENT_HEADER]: sent }, body });
        const answer = (await res.json()) as { results: { status: string }[] };
        latencies.push(performance.now() - t0);
        if (res.status !== 200 || answer.results.some((r) => r.status !== 'applied')) throw new Error(`batch failed: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
        sales += count;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  server.httpServer().off('request', onRequest);
  latencies.sort((a, b) => a - b);
  startDelays.sort((a, b) => a - b);
  const nsToMs = (ns: number) => round(ns / 1e6);
  return {
    sales,
    salesPerSecond: Math.round(sales / seconds),
    batchP50Ms: round(percentile(latencies, 50)),
    batchP99Ms: round(percentile(latencies, 99)),
    startDelayP99Ms: round(percentile(startDelays, 99)),
    startDelayMaxMs: round(startDelays.at(-1) ?? NaN),
    firstBatchStartDelayMaxMs: round(Math.max(...firstStartDelays)),
    eventLoopDelayP99Ms: nsToMs(loop.percentile(99)),
    eventLoopDelayMaxMs: nsToMs(loop.max),
  };
}

async function pull(server: TestServer): Promise<Pick<Figures, 'pullRows' | 'pullMs' | 'pullRowsPerSecond' | 'pullPages' | 'pullServerMs'>> {
  await server.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO products (uuid, sku, barcode, name, price, tax_rate_bp, tax_included)
       SELECT gen_random_uuid(), 'BULK-' || g, NULL, 'Bulk product ' || g, 100 + g % 900, 1900, true FROM generate_series(1, $1) AS g`,
      [SIZES.catalog],
    );
  });
  // A bulk load like this one is followed by autovacuum's ANALYZE in a running hub; do it now so the
  // pull is measured with the plans it would have in steady state.
  await server.db.query('ANALYZE');
  let cursor: string | undefined;
  let rows = 0;
  let pages = 0;
  const t0 = performance.now();
  for (;;) {
    const q = new URLSearchParams({ limit: String(MAX_DOWNSTREAM_LIMIT), ...(cursor === undefined ? {} : { last_synced_at: cursor }) });
    const res = await fetch(`${server.url}/api/v1/sync/downstream?${q.toString()}`, { headers: { authorization: `Bearer ${server.terminal.token}` } });
    const page = (await res.json()) as DownstreamPage;
    rows += page.changes.products.length + page.changes.categories.length + page.changes.customers.length + page.changes.stock.length;
    pages++;
    cursor = page.timestamp;
    if (!page.has_more) break;
  }
  const ms = performance.now() - t0;
  let since = 0n;
  const s0 = performance.now();
  for (;;) {
    const page = JSON.parse(await readDownstreamPage(server.db, server.store.id, since, MAX_DOWNSTREAM_LIMIT)) as DownstreamPage;
    since = BigInt(page.timestamp.slice(3));
    if (!page.has_more) break;
  }
  const serverMs = performance.now() - s0;
  return { pullRows: rows, pullMs: Math.round(ms), pullRowsPerSecond: Math.round(rows / (ms / 1000)), pullPages: pages, pullServerMs: Math.round(serverMs) };
}

const round = (n: number) => Math.round(n * 10) / 10;

async function run(backend: string, databaseUrl?: string): Promise<Figures> {
  let database: TestDatabase | undefined;
  if (databaseUrl !== undefined) database = await createTestDatabase(databaseUrl);
  const server = await startTestServer({ seedCatalog: true, rateLimit: false, ...(database === undefined ? {} : { databaseUrl: database.url }) });
  try {
    const ingestFigures = await ingest(server);
    const pullFigures = await pull(server);
    return { backend, ...ingestFigures, ...pullFigures };
  } finally {
    await server.stop();
    await database?.drop();
  }
}

const figures: Figures[] = [await run('pglite')];
const pgUrl = process.env['BENCH_DATABASE_URL'];
if (pgUrl !== undefined && pgUrl !== '') figures.push(await run('postgres', pgUrl));
console.table(figures);
mkdirSync(dirname(RESULTS_FILE), { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify({ at: new Date().toISOString(), quick, terminals: SIZES.terminals, batchesPerTerminal: SIZES.batchesPerTerminal, salesPerBatch: SALES_PER_BATCH, linesPerSale: LINES_PER_SALE, catalogSize: SIZES.catalog, figures }, null, 2)}\n`);
console.log(`written ${RESULTS_FILE}`);
