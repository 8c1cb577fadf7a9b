// The hub at chain scale, on PostgreSQL (BENCH_DATABASE_URL), every figure beside a floor measured in the
// same run (server/README.md, "Scale", has the figures and the arithmetic):
// - floor: the same sales (sales + sale_lines rows) inserted by plain batched INSERT … ON CONFLICT DO
//   NOTHING through `pg`, one transaction per 20-sale batch, as many concurrent writers as terminals, no
//   application code; the hub's closed-loop ingest (terminals pushing back to back) as a ratio to it;
// - open loop: OPEN_LOOP_TERMINALS terminals pushing 20-sale batches at a fixed total rate whatever the
//   answers (latency counted from each batch's scheduled send, so a slow hub cannot slow the offered
//   load), batch p50/p99; then a step search over rising rates for the one where p99 passes 100 ms;
// - a full pull of 100,000 products through HTTP; the hub process's RSS (from its own /metrics) under load;
// - table and index sizes after the run (pg_relation_size), per sale, for the extrapolation.
// The hub runs as its own process (bench/scale/hub-entry.ts); this process only generates load.
// Run: BENCH_DATABASE_URL=postgres://… npx tsx bench/scale/hub-scale.ts [--quick | --only pull | --closed-only]
// Env: BENCH_OPEN_LOOP_S (default 60; --quick 15), BENCH_STEP_S (10; --quick 6), BENCH_CLOSED_S (20; --quick 8).
// --closed-only: stop after the floor and the closed loop (for comparing ingest changes run against run).
// BENCH_HUB_CPU_PROF=<dir>: the hub process writes a V8 CPU profile there when it stops.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { DownstreamPage } from '@ezo/contract/downstream';
import { MAX_DOWNSTREAM_LIMIT } from '@ezo/contract/limits';
import type { Sale } from '@ezo/contract/sale';
import { lineAmounts, saleAmounts } from '../../src/domain/sale-totals.ts';
import type { Database } from '../../server/src/db/database.ts';
import { openDatabase } from '../../server/src/db/open-database.ts';
import { PG_POOL_SIZE } from '../../server/src/db/pg-database.ts';
import { seedDemo } from '../../server/src/seed/demo-seed.ts';
import { createTerminal } from '../../server/src/stores/stores.ts';
import { createTestDatabase } from '../../server/src/testing/test-database.ts';
import { TEST_STAFF } from '../../server/src/testing/test-server.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS_FILE = join(ROOT, 'bench', 'results', 'hub-scale.json');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const closedOnly = args.includes('--closed-only');
/** `--only pull`: just the 100,000-product pull on a fresh hub (no ingest, nothing written to RESULTS_FILE). */
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
if (only !== undefined && only !== 'pull') {
  console.error(`--only takes "pull", not ${String(only)}`);
  process.exit(2);
}
const envSeconds = (name: string, full: number, short: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : quick ? short : full;
};
const OPEN_LOOP_S = envSeconds('BENCH_OPEN_LOOP_S', 60, 15);
const STEP_S = envSeconds('BENCH_STEP_S', 10, 6);
const CLOSED_S = envSeconds('BENCH_CLOSED_S', 20, 8);
const SALES_PER_BATCH = 20;
const LINES_PER_SALE = 3;
const OPEN_LOOP_TERMINALS = 200;
const OPEN_LOOP_RATE = 1_000;
/** Rates tried by the step search, sales/s, rising until p99 passes the goal. */
const STEP_RATES = [250, 500, 1_000, 1_500, 2_000, 3_000, 4_000, 6_000];
const P99_GOAL_MS = 100;
/** A step lasts long enough for this many batches (at least BENCH_STEP_S), so its p99 is not just its slowest batch. */
const MIN_STEP_BATCHES = 200;
/** Closed loop: concurrent terminals (and concurrent floor writers). */
const CLOSED_TERMINALS = 50;
const PULL_PRODUCTS = 100_000;
const ADMIN_TOKEN = randomUUID();
/** How often the hub's /metrics is read for its RSS during the open loop. */
const RSS_SAMPLE_MS = 1_000;
/** Failed batches whose message an open-loop figure keeps. */
const MAX_ERROR_SAMPLES = 3;
/** The open loop's scheduler wakes this often to send the batches that are due. */
const TICK_MS = 2;

const baseUrl = process.env['BENCH_DATABASE_URL'];
if (baseUrl === undefined || baseUrl === '') {
  console.error('hub-scale needs BENCH_DATABASE_URL=postgres://… (the figures are about PostgreSQL)');
  process.exit(2);
}

interface Catalog {
  uuid: string;
  price: number;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let receipt = 0;
function makeSale(terminalId: string, products: readonly Catalog[]): Sale {
  receipt++;
  const lines = Array.from({ length: LINES_PER_SALE }, (_, i) => {
    const p = products[(receipt * LINES_PER_SALE + i) % products.length]!;
    const input = { unit_price: p.price, quantity: 1 + (i % 3), discount_bp: 0, tax_rate_bp: 1900, tax_included: true };
    return { uuid: randomUUID(), product_uuid: p.uuid, name: 'Item', sku: 'SKU', ...input, ...lineAmounts(input), refund_of_line: null };
  });
  const totals = saleAmounts(lines);
  return {
    uuid: randomUUID(),
    receipt_number: `B-${receipt}`,
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
const batchBody = (terminalId: string, products: readonly Catalog[]) =>
  JSON.stringify({ sync_id: randomUUID(), timestamp: new Date().toISOString(), changes: { sales: Array.from({ length: SALES_PER_BATCH }, () => makeSale(terminalId, products)) } });

async function startHub(databaseUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  // BENCH_HUB_CPU_PROF=<dir>: the hub writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profileDir = process.env['BENCH_HUB_CPU_PROF'];
  const profile = profileDir === undefined || profileDir === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  const child = spawn(process.execPath, [...profile, 'scripts/run-ts.mjs', 'bench/scale/hub-entry.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, ADMIN_TOKEN },
    // stdin is a pipe the hub watches: if this process dies (a crash, Ctrl-C), the pipe closes and
    // the hub exits instead of living on with its port and database.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /\{"port":(\d+)\}/.exec(out);
      if (m?.[1] !== undefined) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the hub exited (${code}) before listening`)));
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function push(url: string, token: string, body: string): Promise<void> {
  const res = await fetch(`${url}/api/v1/sync/upstream`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (res.status !== 200 || text.includes('"rejected"')) throw new Error(`batch failed: ${res.status} ${text.slice(0, 300)}`);
}

/** Terminals pushing back to back for `seconds`: sales per second. */
async function closedLoop(url: string, terminals: readonly { id: string; token: string }[], products: readonly Catalog[], seconds: number) {
  const end = performance.now() + seconds * 1000;
  let sales = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    terminals.map(async (t) => {
      while (performance.now() < end) {
        const body = batchBody(t.id, products);
        const t0 = performance.now();
        await push(url, t.token, body);
        latencies.push(performance.now() - t0);
        sales += SALES_PER_BATCH;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { sales, salesPerSecond: Math.round(sales / elapsed), batchP50Ms: round(percentile(latencies, 50)), batchP99Ms: round(percentile(latencies, 99)) };
}

/** The floor: the same rows by plain batched INSERT … ON CONFLICT DO NOTHING, as many writers as terminals. */
async function floor(databaseUrl: string, storeId: string, terminals: readonly { id: string }[], products: readonly Catalog[], seconds: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: PG_POOL_SIZE });
  try {
    const end = performance.now() + seconds * 1000;
    let sales = 0;
    const started = performance.now();
    await Promise.all(
      terminals.map(async (t) => {
        while (performance.now() < end) {
          const batch = Array.from({ length: SALES_PER_BATCH }, () => makeSale(t.id, products));
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            const sv: unknown[] = [];
            const sRows = batch.map((s, i) => {
              sv.push(s.uuid, storeId, t.id, s.receipt_number, s.total, s.created_at, 'floor', JSON.stringify(s));
              const b = i * 8;
              return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
            });
            await client.query(`INSERT INTO sales (uuid, store_id, terminal_id, receipt_number, total, created_at, content_hash, body) VALUES ${sRows.join(', ')} ON CONFLICT DO NOTHING`, sv);
            const lv: unknown[] = [];
            const lRows = batch.flatMap((s) =>
              s.lines.map((l) => {
                lv.push(l.uuid, s.uuid, l.product_uuid, l.quantity);
                const b = lv.length - 4;
                return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4})`;
              }),
            );
            await client.query(`INSERT INTO sale_lines (uuid, sale_uuid, product_uuid, quantity) VALUES ${lRows.join(', ')} ON CONFLICT DO NOTHING`, lv);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
          sales += SALES_PER_BATCH;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return { sales, salesPerSecond: Math.round(sales / elapsed) };
  } finally {
    await pool.end();
  }
}

/** Open loop: `rate` sales/s from `terminals`, each sending its batches on a fixed schedule whatever the answers. */
async function openLoop(url: string, terminals: readonly { id: string; token: string }[], products: readonly Catalog[], rate: number, seconds: number, onTick?: () => void) {
  const batchesPerSecond = rate / SALES_PER_BATCH;
  const period = (terminals.length / batchesPerSecond) * 1000; // ms between one terminal's batches
  const latencies: number[] = [];
  let errors = 0;
  /** The first few failures' messages, so a figure with errors says what they were. */
  const errorSamples: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const total = Math.floor(batchesPerSecond * seconds);
  let sent = 0;
  while (sent < total) {
    const now = performance.now() - started;
    // batch k is due at k / batchesPerSecond seconds, from terminal k mod n (staggered evenly)
    while (sent < total && (sent * 1000) / batchesPerSecond <= now) {
      const scheduled = started + (sent * 1000) / batchesPerSecond;
      const t = terminals[sent % terminals.length]!;
      const p = push(url, t.token, batchBody(t.id, products)).then(
        () => {
          latencies.push(performance.now() - scheduled);
        },
        (err: unknown) => {
          errors++;
          if (errorSamples.length < MAX_ERROR_SAMPLES) errorSamples.push(err instanceof Error ? `${err.message}${err.cause instanceof Error ? `: ${err.cause.message}` : ''}` : String(err));
        },
      );
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
      sent++;
    }
    onTick?.();
    await sleep(TICK_MS);
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return {
    rate,
    seconds,
    terminals: terminals.length,
    terminalPeriodMs: Math.round(period),
    batches: sent,
    errors,
    errorSamples,
    batchP50Ms: round(percentile(latencies, 50)),
    batchP99Ms: round(percentile(latencies, 99)),
    batchMaxMs: round(latencies.at(-1) ?? NaN),
  };
}

async function hubSample(url: string, series: string): Promise<number> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${series} `));
  return Number(line?.split(' ')[1] ?? NaN);
}
const hubRss = (url: string) => hubSample(url, 'process_resident_memory_bytes');
/** Seconds the hub spent answering pull pages so far (from each request's arrival to its answer's last byte handed to the socket). */
const hubPullSeconds = async (url: string) => {
  const s = await hubSample(url, 'ezo_sync_downstream_pull_duration_seconds_sum{status="200"}');
  return Number.isNaN(s) ? 0 : s; // no series before the first pull
};
/** The hub process's CPU seconds so far (user + system): CPU per sale does not depend on how busy the machine is. */
const hubCpu = (url: string) => hubSample(url, 'process_cpu_seconds_total');

const seedHub = (db: Database) =>
  db.transaction((tx) =>
    seedDemo(tx, {
      catalog: true,
      staff: { cashierPin: TEST_STAFF.cashier.pin, managerPin: TEST_STAFF.manager.pin, ids: { cashier: TEST_STAFF.cashier.id, manager: TEST_STAFF.manager.id, owner: TEST_STAFF.owner.id } },
    }),
  );

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ: 100 on Linux everywhere in practice). */
const CLOCK_TICKS_PER_S = 100;

/**
 * CPU seconds used so far by each PostgreSQL backend connected to `db`'s database (the hub's pool and
 * `db`'s own), by pid, from /proc: null when the server is not on this machine or not readable.
 */
async function postgresCpuSeconds(db: Database): Promise<Map<number, number> | null> {
  const pids = await db.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'");
  const seconds = new Map<number, number>();
  try {
    for (const { pid } of pids) {
      // the fields after the command's closing parenthesis: state is field 3, utime 14, stime 15
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S);
    }
  } catch {
    return null;
  }
  return seconds;
}
/** CPU seconds the backends used between two readings (a backend that started since counts from zero). */
const postgresCpuBetween = (before: Map<number, number> | null, after: Map<number, number> | null) =>
  before === null || after === null ? null : [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0);

/** Inserts PULL_PRODUCTS products and pulls everything through HTTP as a new till does: pages of MAX_DOWNSTREAM_LIMIT, `timestamp` as the cursor, until has_more is false. */
async function pullFigures(db: Database, url: string, token: string) {
  console.log(`pull: ${PULL_PRODUCTS} products…`);
  await db.query(
    `INSERT INTO products (uuid, sku, barcode, name, price, tax_rate_bp, tax_included)
     SELECT gen_random_uuid(), 'BULK-' || g, NULL, 'Bulk product ' || g, 100 + g % 900, 1900, true FROM generate_series(1, $1) AS g`,
    [PULL_PRODUCTS],
  );
  await db.query('ANALYZE');
  const load1m = round(loadavg()[0] ?? NaN);
  const hubSecondsBefore = await hubPullSeconds(url);
  const hubCpuBefore = await hubCpu(url);
  const pgCpuBefore = await postgresCpuSeconds(db);
  const clientCpuBefore = process.cpuUsage();
  let cursor: string | undefined;
  let rows = 0;
  let pages = 0;
  let contentEncoding: string | null = null;
  const t0 = performance.now();
  for (;;) {
    const q = new URLSearchParams({ limit: String(MAX_DOWNSTREAM_LIMIT), ...(cursor === undefined ? {} : { last_synced_at: cursor }) });
    const res = await fetch(`${url}/api/v1/sync/downstream?${q.toString()}`, { headers: { authorization: `Bearer ${token}` } });
    contentEncoding ??= res.headers.get('content-encoding') ?? 'identity';
    const page = (await res.json()) as DownstreamPage;
    rows += page.changes.products.length + page.changes.categories.length + page.changes.customers.length + page.changes.stock.length;
    pages++;
    cursor = page.timestamp;
    if (!page.has_more) break;
  }
  const ms = Math.round(performance.now() - t0);
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const pgCpuAfter = await postgresCpuSeconds(db);
  const hubMs = Math.round(((await hubPullSeconds(url)) - hubSecondsBefore) * 1000);
  // CPU time does not depend on how busy the shared machine is, as the wall clock does.
  const cpuMs = {
    hub: Math.round(((await hubCpu(url)) - hubCpuBefore) * 1000),
    postgres: ((s) => (s === null ? null : Math.round(s * 1000)))(postgresCpuBetween(pgCpuBefore, pgCpuAfter)),
    client: Math.round((clientCpu.user + clientCpu.system) / 1000),
  };
  return { rows, pages, ms, hubMs, cpuMs, contentEncoding, load1m, hubRssAfterMb: Math.round((await hubRss(url)) / 1e6) };
}

/** `--only pull`: a fresh hub with the demo catalog, one terminal and the pull's products; no ingest before it. */
async function pullOnly(): Promise<void> {
  const database = await createTestDatabase(baseUrl!);
  const db = await openDatabase({ url: database.url });
  const hub = await startHub(database.url);
  try {
    const seed = await seedHub(db);
    const terminal = await createTerminal(db, { store_id: seed.storeId, name: 'Bench pull', receipt_prefix: 'BP' });
    const pull = await pullFigures(db, hub.url, terminal.token);
    const result = { at: new Date().toISOString(), only: 'pull', machine: { cpus: cpus().length, node: process.versions.node }, figures: { pull } };
    console.log(JSON.stringify(result));
  } finally {
    await hub.stop();
    await db.close();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? NaN;
  const database = await createTestDatabase(baseUrl!);
  const db = await openDatabase({ url: database.url });
  const hub = await startHub(database.url);
  const figures: Record<string, unknown> = {};
  try {
    const seed = await seedHub(db);
    const products = (
      await db.query<{ uuid: string; price: string }>(
        `UPDATE products SET tax_rate_bp = 1900, tax_included = true WHERE uuid IN (SELECT uuid FROM products ORDER BY sku LIMIT 200) RETURNING uuid::text AS uuid, price::text AS price`,
      )
    ).map((p) => ({ uuid: p.uuid, price: Number(p.price) }));
    const terminals: { id: string; token: string }[] = [];
    for (let i = 0; i < OPEN_LOOP_TERMINALS; i++) {
      const t = await createTerminal(db, { store_id: seed.storeId, name: `Bench ${i}`, receipt_prefix: `B${i}` });
      terminals.push({ id: t.terminal_id, token: t.token });
    }
    const closedTerminals = terminals.slice(0, CLOSED_TERMINALS);
    // warm up: connections, JIT, plans
    await closedLoop(hub.url, closedTerminals, products, 2);

    console.log(`floor: ${CLOSED_TERMINALS} writers for ${CLOSED_S} s…`);
    const floorFigures = await floor(database.url, seed.storeId, closedTerminals, products, CLOSED_S);
    console.log(`hub closed loop: ${CLOSED_TERMINALS} terminals for ${CLOSED_S} s…`);
    const cpuBefore = await hubCpu(hub.url);
    const closed = await closedLoop(hub.url, closedTerminals, products, CLOSED_S);
    const cpuMsPerSale = round(((await hubCpu(hub.url)) - cpuBefore) * 1000 / closed.sales * 100) / 100;
    figures['floor'] = floorFigures;
    figures['closedLoop'] = { ...closed, ratioToFloor: round((closed.salesPerSecond / floorFigures.salesPerSecond) * 100) / 100, hubCpuMsPerSale: cpuMsPerSale };
    console.log(figures['floor'], figures['closedLoop']);
    if (closedOnly) {
      console.log(JSON.stringify({ closedOnly, load1mAtStart: round(loadAtStart), load1mAtEnd: round(loadavg()[0] ?? NaN), figures }));
      return;
    }

    console.log(`open loop: ${OPEN_LOOP_TERMINALS} terminals, ${OPEN_LOOP_RATE} sales/s for ${OPEN_LOOP_S} s…`);
    let rssMax = 0;
    let lastSample = 0;
    /** RSS samples that got no answer (a connection reset under load): counted, not fatal to the run. */
    let rssSamplesLost = 0;
    const samples: Promise<void>[] = [];
    const sampleRss = () => {
      if (performance.now() - lastSample < RSS_SAMPLE_MS) return;
      lastSample = performance.now();
      samples.push(
        hubRss(hub.url).then(
          (rss) => void (rssMax = Math.max(rssMax, rss)),
          () => void (rssSamplesLost += 1),
        ),
      );
    };
    const openCpuBefore = await hubCpu(hub.url);
    const open = await openLoop(hub.url, terminals, products, OPEN_LOOP_RATE, OPEN_LOOP_S, sampleRss);
    await Promise.all(samples);
    const openCpuS = (await hubCpu(hub.url)) - openCpuBefore;
    figures['openLoop'] = { ...open, hubRssMaxMb: Math.round(rssMax / 1e6), hubCpuMsPerSale: round((openCpuS * 1000) / (open.batches * SALES_PER_BATCH) * 100) / 100 };
    console.log(figures['openLoop']);

    const steps = [];
    for (const rate of STEP_RATES) {
      console.log(`step: ${rate} sales/s…`);
      const seconds = Math.max(STEP_S, (MIN_STEP_BATCHES * SALES_PER_BATCH) / rate);
      const step = await openLoop(hub.url, terminals, products, rate, seconds, sampleRss);
      steps.push(step);
      console.log(step);
      if (step.batchP99Ms > P99_GOAL_MS || step.errors > 0) break;
    }
    await Promise.all(samples);
    const passing = steps.filter((s) => s.batchP99Ms <= P99_GOAL_MS && s.errors === 0);
    figures['stepSearch'] = {
      steps,
      lastRateWithinGoal: passing.at(-1)?.rate ?? null,
      firstRateOverGoal: steps.find((s) => s.batchP99Ms > P99_GOAL_MS || s.errors > 0)?.rate ?? null,
      hubRssMaxMb: Math.round(rssMax / 1e6),
      rssSamplesLost,
    };

    // Sizes per sale, before the pull's products change the picture.
    const [counts] = await db.query<{ sales: string; lines: string; moves: string }>(
      'SELECT (SELECT count(*) FROM sales)::text AS sales, (SELECT count(*) FROM sale_lines)::text AS lines, (SELECT count(*) FROM stock_moves)::text AS moves',
    );
    const sizes = await db.query<{ relation: string; kind: string; bytes: string }>(
      `SELECT c.relname AS relation, c.relkind::text AS kind, pg_relation_size(c.oid)::text AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')
          AND (c.relname LIKE 'sale%' OR c.relname LIKE 'stock_moves%')
        ORDER BY c.relname`,
    );
    const [toast] = await db.query<{ bytes: string }>(`SELECT COALESCE(pg_relation_size(reltoastrelid), 0)::text AS bytes FROM pg_class WHERE relname = 'sales'`);
    const nSales = Number(counts?.sales);
    figures['sizes'] = {
      sales: nSales,
      saleLines: Number(counts?.lines),
      stockMoves: Number(counts?.moves),
      salesToastBytes: Number(toast?.bytes),
      relations: sizes.map((s) => ({ relation: s.relation, kind: s.kind === 'i' ? 'index' : 'table', bytes: Number(s.bytes), bytesPerSale: round(Number(s.bytes) / nSales) })),
    };

    figures['pull'] = await pullFigures(db, hub.url, terminals[0]!.token);
    console.log(figures['pull']);
  } finally {
    await hub.stop();
    await db.close();
    await database.drop();
  }
  const [server] = await (async () => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    try {
      return (await c.query<{ server_version: string }>('SHOW server_version')).rows.map((r) => r.server_version);
    } finally {
      await c.end();
    }
  })();
  const result = {
    at: new Date().toISOString(),
    quick,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 1e9), node: process.versions.node, postgres: server },
    load1mAtStart: round(loadAtStart),
    load1mAtEnd: round(loadavg()[0] ?? NaN),
    settings: { openLoopSeconds: OPEN_LOOP_S, stepSeconds: STEP_S, closedSeconds: CLOSED_S, closedTerminals: CLOSED_TERMINALS, openLoopTerminals: OPEN_LOOP_TERMINALS, salesPerBatch: SALES_PER_BATCH, linesPerSale: LINES_PER_SALE },
    figures,
  };
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.log(`written ${RESULTS_FILE}`);
}

await (only === 'pull' ? pullOnly() : main());
