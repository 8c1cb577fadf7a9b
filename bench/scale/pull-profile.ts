// Where the 100,000-product pull's time goes, page by page (hand-run; server/README.md, "Measured at scale",
// has what it found). In this process, on a throwaway PostgreSQL database with the demo catalog and
// PULL_PRODUCTS products (as `npm run bench:scale` inserts them):
// - each statement of readDownstreamPage, timed as the hub runs it (a Sql wrapper), and the page's
//   assembly around them;
// - the page text's compression as @fastify/compress does it (gzip at zlib's default level, brotli at
//   BROTLI_QUALITY), and the client's decompression and JSON.parse;
// - with --explain, EXPLAIN (ANALYZE, BUFFERS) of the first and a middle page's statements.
// Run: BENCH_DATABASE_URL=postgres://… npx tsx bench/scale/pull-profile.ts [--explain] [--keep]
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { MAX_DOWNSTREAM_LIMIT } from '@ezo/contract/limits';
import type { DownstreamPage } from '@ezo/contract/downstream';
import type { Database, Sql, SqlParam } from '../../server/src/db/database.ts';
import { openDatabase } from '../../server/src/db/open-database.ts';
import { BROTLI_QUALITY } from '../../server/src/http/compression.ts';
import { seedDemo } from '../../server/src/seed/demo-seed.ts';
import { decodeCursor } from '../../server/src/sync/cursor.ts';
import { readDownstreamPage } from '../../server/src/sync/downstream-page.ts';
import { createTestDatabase } from '../../server/src/testing/test-database.ts';
import { TEST_STAFF } from '../../server/src/testing/test-server.ts';

const PULL_PRODUCTS = 100_000;
const args = process.argv.slice(2);
const explain = args.includes('--explain');
const baseUrl = process.env['BENCH_DATABASE_URL'];
if (baseUrl === undefined || baseUrl === '') {
  console.error('pull-profile needs BENCH_DATABASE_URL=postgres://…');
  process.exit(2);
}

interface Timed {
  text: string;
  params: readonly SqlParam[];
  ms: number;
}

/** The database with every statement of a transaction timed and kept in `log`. */
function timedDatabase(db: Database, log: Timed[]): Database {
  const wrap = (sql: Sql): Sql => ({
    query: async <R>(text: string, params: readonly SqlParam[] = []) => {
      const t0 = performance.now();
      const rows = await sql.query<R>(text, params);
      log.push({ text, params, ms: performance.now() - t0 });
      return rows;
    },
  });
  return { ...db, query: wrap(db).query, transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) };
}

const ms = (n: number) => Math.round(n * 10) / 10;
const label = (text: string) => {
  if (text.startsWith('WITH src')) return 'the page statement';
  const m = /FROM (\w+)/.exec(text);
  if (text.startsWith('SET')) return 'set';
  if (text.includes('count(*)')) return 'countAfter';
  return text.includes('store_prices sp JOIN') ? 'store_prices' : (m?.[1] ?? text.slice(0, 20));
};

async function main(): Promise<void> {
  const database = await createTestDatabase(baseUrl!);
  const db = await openDatabase({ url: database.url });
  try {
    const seed = await db.transaction((tx) =>
      seedDemo(tx, {
        catalog: true,
        staff: { cashierPin: TEST_STAFF.cashier.pin, managerPin: TEST_STAFF.manager.pin, ids: { cashier: TEST_STAFF.cashier.id, manager: TEST_STAFF.manager.id, owner: TEST_STAFF.owner.id } },
      }),
    );
    await db.query(
      `INSERT INTO products (uuid, sku, barcode, name, price, tax_rate_bp, tax_included)
       SELECT gen_random_uuid(), 'BULK-' || g, NULL, 'Bulk product ' || g, 100 + g % 900, 1900, true FROM generate_series(1, $1) AS g`,
      [PULL_PRODUCTS],
    );
    await db.query('ANALYZE');
    const log: Timed[] = [];
    const timed = timedDatabase(db, log);
    const totals: Record<string, number> = {};
    const add = (k: string, v: number) => void (totals[k] = (totals[k] ?? 0) + v);
    let cursor: string | undefined;
    let pages = 0;
    let bytes = 0;
    const statementsOfPage: Timed[][] = [];
    const t0 = performance.now();
    for (;;) {
      log.length = 0;
      const a = performance.now();
      const text = await readDownstreamPage(timed, seed.storeId, decodeCursor(cursor), MAX_DOWNSTREAM_LIMIT);
      const pageMs = performance.now() - a;
      const sqlMs = log.reduce((s, t) => s + t.ms, 0);
      for (const t of log) add(`sql ${label(t.text)}`, t.ms);
      add('readDownstreamPage', pageMs);
      add('  of which outside the statements (BEGIN/COMMIT, rows to text)', pageMs - sqlMs);
      statementsOfPage.push([...log]);
      bytes += Buffer.byteLength(text);
      let c = performance.now();
      const gz = gzipSync(text);
      add('gzip (zlib default level)', performance.now() - c);
      c = performance.now();
      const br = brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } });
      add(`brotli q${BROTLI_QUALITY}`, performance.now() - c);
      c = performance.now();
      gunzipSync(gz);
      add('client: gunzip', performance.now() - c);
      c = performance.now();
      brotliDecompressSync(br);
      add('client: brotli decompress', performance.now() - c);
      add('gzip bytes', gz.length);
      add('brotli bytes', br.length);
      c = performance.now();
      const page = JSON.parse(text) as DownstreamPage;
      add('client: JSON.parse', performance.now() - c);
      pages++;
      cursor = page.timestamp;
      if (!page.has_more) break;
    }
    console.log(`${pages} pages, ${bytes} bytes of JSON, ${ms(performance.now() - t0)} ms in all`);
    for (const [k, v] of Object.entries(totals)) console.log(`${k.padEnd(66)} ${k.includes('bytes') ? v : `${ms(v)} ms (${ms(v / pages)} a page)`}`);
    if (explain) {
      for (const i of [0, Math.floor(pages / 2)]) {
        console.log(`\n== page ${i} ==`);
        for (const t of statementsOfPage[i] ?? []) {
          if (!/^\s*(SELECT|WITH)/.test(t.text)) continue;
          const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${t.text}`, t.params);
          console.log(`-- ${label(t.text)}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
        }
      }
    }
  } finally {
    await db.close();
    if (!args.includes('--keep')) await database.drop();
    else console.log(`kept ${database.url}`);
  }
}

await main();
