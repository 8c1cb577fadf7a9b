// Push of queued sales in Node, with the time split by where it goes: the till's SQLite work, the HTTP
// round trips to the hub, and the hub's database work inside them. The Chromium figure (npm run bench,
// item 5) says how fast; this says why. Run: npx tsx bench/push-node.ts [--sales N] [--no-listener]
// [--hub-cpu-prof DIR] (a V8 CPU profile of the hub's process, for chrome://inspect or speedscope).
// Real components only: the hub from startTestServer (in-memory PGlite, or PostgreSQL when
// BENCH_DATABASE_URL is set) in a child process of its own, as in the till's case where the hub is
// another machine, and a till on in-memory wa-sqlite in this one; the timers only wrap them.
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SqlConnection, SqlExecutor, SqlValue } from '../src/sync/sql-connection.ts';
import type { Database, Sql, SqlParam } from '../server/src/db/database.ts';
import { openMigratedMemoryDb } from '../test-support/memory-db.ts';
import { makeSale, openTestTill, recordTestSale } from '../src/sync/testing/till-fixture.ts';
import { createProducts, startHub } from '../src/sync/testing/hub-fixture.ts';
import type { Product } from '@ezo/contract/catalog';
import { createTestDatabase, type TestDatabase } from '../server/src/testing/test-database.ts';
import { MAX_BATCHES_IN_FLIGHT, PUSH_BATCH_SIZE } from '../src/sync/push.ts';

const DEFAULT_SALES = 10_000;
const LINES_PER_SALE = 3;
/** Products the sales draw their lines from. */
const CATALOG_SIZE = 12;
const GOAL_SALES_PER_S = 2_000;
/**
 * The statements status-hub.ts runs to rebuild the status for a listener (queue counts, sync state,
 * pairing). They run while the push awaits the hub, so their wall time overlaps it and includes the
 * other work the event loop does meanwhile: reported apart from the push path.
 */
const STATUS_READS = ['SELECT count(*) FILTER', 'SELECT cursor, last_pull_at', 'SELECT key, value FROM settings'];
/** Statement labels longer than this are cut in the table. */
const LABEL_CHARS = 70;

interface Bucket {
  ms: number;
  calls: number;
}

class Buckets {
  readonly map = new Map<string, Bucket>();
  add(label: string, ms: number): void {
    const b = this.map.get(label) ?? { ms: 0, calls: 0 };
    b.ms += ms;
    b.calls += 1;
    this.map.set(label, b);
  }
  total(): number {
    let ms = 0;
    for (const b of this.map.values()) ms += b.ms;
    return ms;
  }
  reset(): void {
    this.map.clear();
  }
  rows(): { what: string; ms: number; calls: number; msPerCall: number }[] {
    return [...this.map.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([what, b]) => ({ what, ms: Math.round(b.ms), calls: b.calls, msPerCall: Math.round((b.ms / b.calls) * 100) / 100 }));
  }
}

const label = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, LABEL_CHARS);

async function timed<T>(buckets: Buckets, what: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    buckets.add(what, performance.now() - t0);
  }
}

/**
 * The till's connection with every top-level call timed (`outer`: they add up to the till's SQLite
 * time) and every statement inside a transaction timed too (`inner`: where a transaction's time goes).
 */
function timedConnection(db: SqlConnection, outer: Buckets, inner: Buckets): SqlConnection {
  const wrap = (x: SqlExecutor, into: Buckets): SqlExecutor => ({
    exec: (sql) => timed(into, label(sql), () => x.exec(sql)),
    run: (sql, params?: readonly SqlValue[]) => timed(into, label(sql), () => x.run(sql, params)),
    all: <T extends object>(sql: string, params?: readonly SqlValue[]) => timed(into, label(sql), () => x.all<T>(sql, params)),
    get: <T extends object>(sql: string, params?: readonly SqlValue[]) => timed(into, label(sql), () => x.get<T>(sql, params)),
  });
  return {
    ...wrap(db, outer),
    transaction: (fn) => timed(outer, 'transaction (BEGIN .. COMMIT)', () => db.transaction((tx) => fn(wrap(tx, inner)))),
    onCommit: (listener) => db.onCommit(listener),
    close: () => db.close(),
  };
}

/** The hub's database with its statements and transactions timed; the hub's routes hold this same object. */
function timeHubDatabase(db: Database, buckets: Buckets): void {
  const query = db.query.bind(db);
  const transaction = db.transaction.bind(db);
  db.query = <R>(text: string, params?: readonly SqlParam[]) => timed(buckets, `query: ${label(text)}`, () => query<R>(text, params));
  const timedTx = (tx: Sql): Sql => ({ query: <R>(text: string, params?: readonly SqlParam[]) => timed(buckets, `  in tx: ${label(text)}`, () => tx.query<R>(text, params)) });
  db.transaction = <T>(fn: (tx: Sql) => Promise<T>) => timed(buckets, 'transaction (the batch ingest)', () => transaction((tx) => fn(timedTx(tx))));
}

/** Upstream round trips, from the request to the last byte of the answer, as the till's hub client sees them. */
function timeUpstreamFetch(buckets: Buckets): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.endsWith('/api/v1/sync/upstream')) return original(input, init);
    const t0 = performance.now();
    const response = await original(input, init);
    const text = await response.text();
    buckets.add('POST /api/v1/sync/upstream (until the last byte)', performance.now() - t0);
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return () => {
    globalThis.fetch = original;
  };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

/** This script's role in the child process that hosts the hub. */
const HUB_ROLE = '--hub-process';

type ToHub = { cmd: 'reset' } | { cmd: 'report' } | { cmd: 'stop' };
type FromHub =
  | { kind: 'ready'; url: string; token: string; products: Product[] }
  | { kind: 'report'; rows: ReturnType<Buckets['rows']>; transactionMs: number; queryMs: number; sales: number; cpuMs: number }
  | { kind: 'reset' };

/** The child process: the real hub, its database timed, answering the till process's questions. */
async function hubProcess(databaseUrl: string | undefined): Promise<void> {
  const send = (m: FromHub) => process.send?.(m);
  const database: TestDatabase | undefined = databaseUrl === undefined ? undefined : await createTestDatabase(databaseUrl);
  const hub = await startHub(database === undefined ? {} : { databaseUrl: database.url });
  const products = await createProducts(hub, CATALOG_SIZE);
  const buckets = new Buckets();
  let cpuAtReset = process.cpuUsage();
  timeHubDatabase(hub.db, buckets);
  process.on('message', (m: ToHub) => {
    void (async () => {
      if (m.cmd === 'reset') {
        buckets.reset();
        cpuAtReset = process.cpuUsage();
        send({ kind: 'reset' });
      } else if (m.cmd === 'report') {
        const transactionMs = buckets.map.get('transaction (the batch ingest)')?.ms ?? 0;
        const queryMs = [...buckets.map.entries()].filter(([k]) => k.startsWith('query:')).reduce((sum, [, b]) => sum + b.ms, 0);
        const rows = buckets.rows();
        const sales = (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sales'))[0]?.n ?? 0;
        send({ kind: 'report', rows, transactionMs, queryMs, sales, cpuMs: cpuMs(process.cpuUsage(cpuAtReset)) });
      } else {
        await hub.stop();
        await database?.drop();
        process.exit(0);
      }
    })();
  });
  send({ kind: 'ready', url: hub.url, token: hub.terminal.token, products });
}

/** Sends a command to the hub process and waits for its answer of that kind. */
function ask<K extends FromHub['kind']>(child: ChildProcess, cmd: ToHub | null, kind: K): Promise<Extract<FromHub, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromHub) => {
      if (m.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m as Extract<FromHub, { kind: K }>);
    };
    const onExit = (code: number | null) => reject(new Error(`the hub process exited (${code ?? 'signal'})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    if (cmd !== null) child.send(cmd);
  });
}

async function run(backend: string, databaseUrl: string | undefined, sales: number, withListener: boolean, hubProfileDir: string | undefined): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), [HUB_ROLE, ...(databaseUrl === undefined ? [] : ['--database-url', databaseUrl])], {
    execArgv: ['--import', 'tsx', ...(hubProfileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${hubProfileDir}`])],
  });
  const tillOuter = new Buckets();
  const tillInner = new Buckets();
  const http = new Buckets();
  const restoreFetch = timeUpstreamFetch(http);
  try {
    const hub = await ask(child, null, 'ready');
    const db = timedConnection(await openMigratedMemoryDb(), tillOuter, tillInner);
    const till = await openTestTill({ db });
    const terminal = (await till.sync.pair(hub.url, hub.token)).terminal;
    await till.sync.syncNow(); // the first pull, so the push below runs against a warm, paired till
    // The UI keeps one status subscriber (src/ui/app.tsx): each queue change rebuilds the status for it.
    let statusUpdates = 0;
    if (withListener) await till.sync.subscribeSyncStatus(() => void (statusUpdates += 1));

    const q0 = performance.now();
    for (let i = 0; i < sales; i++) {
      const lines = Array.from({ length: LINES_PER_SALE }, (_, k) => hub.products[(i * LINES_PER_SALE + k) % hub.products.length]!);
      await recordTestSale(db, makeSale(terminal, lines, 1, i + 1));
    }
    const queueMs = performance.now() - q0;
    const pending = (await till.sync.syncStatus()).pending;
    await ask(child, { cmd: 'reset' }, 'reset');
    for (const b of [tillOuter, tillInner, http]) b.reset();
    statusUpdates = 0;

    const tillCpu = process.cpuUsage();
    const t0 = performance.now();
    await till.sync.syncNow();
    const ms = performance.now() - t0;
    const tillCpuMs = cpuMs(process.cpuUsage(tillCpu));
    const after = await till.sync.syncStatus();
    await till.sync.stop();
    const hubReport = await ask(child, { cmd: 'report' }, 'report');

    const salesPerS = Math.round(pending / (ms / 1000));
    const httpMs = http.total();
    const hubMs = hubReport.transactionMs;
    const hubQueryMs = hubReport.queryMs;
    const statusMs = tillOuter.rows().filter((r) => STATUS_READS.some((prefix) => r.what.startsWith(prefix))).reduce((sum, r) => sum + r.ms, 0);
    const tillMs = tillOuter.total() - statusMs;
    console.log(`\n== ${backend}: push of ${pending} queued sales (${LINES_PER_SALE} lines each), batches of up to ${PUSH_BATCH_SIZE}, ${MAX_BATCHES_IN_FLIGHT} in flight ==`);
    console.log(`queued in ${Math.round(queueMs)} ms (setup, not timed); status listener: ${withListener ? `yes, ${statusUpdates} updates` : 'no'}`);
    console.log(`syncNow(): ${Math.round(ms)} ms -> ${salesPerS} sales/s (goal >= ${GOAL_SALES_PER_S}); pending after ${after.pending}, failed ${after.failed}; hub holds ${hubReport.sales} sales`);
    // CPU time (user + system, all threads) does not grow with other processes' load as wall time does.
    console.log(`CPU per 1,000 sales: till ${perThousand(tillCpuMs, pending)} ms, hub ${perThousand(hubReport.cpuMs, pending)} ms (hub process incl. its PGlite thread)`);
    console.log('Where the time of syncNow() goes (wall clock; the status reads run while the push awaits the hub, so they overlap the rest;');
    console.log(`with ${MAX_BATCHES_IN_FLIGHT} batches in flight the round trips overlap each other and the till's work: shares add up to more than 100%):`);
    console.table({
      'HTTP round trips (hub inside)': { ms: Math.round(httpMs), share: pct(httpMs, ms) },
      '  of which hub batch transaction': { ms: Math.round(hubMs), share: pct(hubMs, ms) },
      '  of which hub queries outside it (auth)': { ms: Math.round(hubQueryMs), share: pct(hubQueryMs, ms) },
      '  rest: HTTP, fastify, JSON, zod on the hub': { ms: Math.round(httpMs - hubMs - hubQueryMs), share: pct(httpMs - hubMs - hubQueryMs, ms) },
      "till's SQLite on the push path": { ms: Math.round(tillMs), share: pct(tillMs, ms) },
      "till's status reads for the listener (overlap)": { ms: Math.round(statusMs), share: pct(statusMs, ms) },
      'rest: till JS (assemble, parse, zod)': { ms: Math.round(ms - httpMs - tillMs), share: pct(ms - httpMs - tillMs, ms) },
    });
    console.log("till's SQLite, top-level calls:");
    console.table(tillOuter.rows());
    console.log("till's SQLite, statements inside transactions:");
    console.table(tillInner.rows());
    console.log('HTTP:');
    console.table(http.rows());
    console.log("hub's database:");
    console.table(hubReport.rows);
  } finally {
    restoreFetch();
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ cmd: 'stop' } satisfies ToHub);
      await exited;
    }
  }
}

const pct = (part: number, whole: number) => `${Math.round((part / whole) * 1000) / 10}%`;
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const perThousand = (ms: number, sales: number) => Math.round((ms / sales) * 1000);

if (process.argv.includes(HUB_ROLE)) {
  await hubProcess(argValue('--database-url'));
} else {
  const sales = Number(argValue('--sales') ?? DEFAULT_SALES);
  const withListener = !process.argv.includes('--no-listener');
  console.log(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const hubProfileDir = argValue('--hub-cpu-prof');
  await run('pglite', undefined, sales, withListener, hubProfileDir);
  const pgUrl = process.env['BENCH_DATABASE_URL'];
  if (pgUrl !== undefined && pgUrl !== '') await run('postgres', pgUrl, sales, withListener, hubProfileDir);
  console.log(`load average at end: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
}
