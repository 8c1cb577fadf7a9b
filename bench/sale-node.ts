// A sale's time on the till's connection in Node, and a first-sync page's: what per-statement
// bookkeeping in the connection (the commit feed the sync status follows) costs on the paths staff
// and the first sync wait on. The Chromium figure (npm run bench, item 1) is the one that counts;
// this isolates the connection and the status from OPFS, Comlink and the browser.
// Run: npx tsx bench/sale-node.ts [--sales N] [--pages N] [--rounds N]
// Real components: the in-memory wa-sqlite connection the Node tests use, the data service, and a
// sync service with one status listener (as src/ui/app.tsx keeps one). Each sale is its own task,
// as each Comlink call is in the worker, so the status the sale causes is built between sales.
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import type { Product } from '@ezo/contract/catalog';
import type { DownstreamPage } from '@ezo/contract/downstream';
import type { TerminalInfo } from '@ezo/contract/terminal';
import { openMigratedMemoryDb } from '../test-support/memory-db.ts';
import { createSyncService } from '../src/sync/sync-service.ts';
import { createTillDataService } from '../src/db/till-data-service.ts';
import { applyPage } from '../src/sync/apply-page.ts';
import { generateCatalog } from './shared/catalog-gen.ts';
import { BENCH_STAFF_ID, saleDraft } from './shared/sale-fixture.ts';
import { summarise, type Summary } from './shared/stats.ts';

const DEFAULT_SALES = 2_000;
/** Sales recorded and thrown away before timing (statement cache, JIT). */
const WARMUP_SALES = 200;
const CATALOG_SIZE = 500;
const DEFAULT_PAGES = 20;
/** Products per first-sync page: the hub's default downstream page. */
const PAGE_ROWS = 1_000;
const DEFAULT_ROUNDS = 3;

const TERMINAL: TerminalInfo = {
  terminal_id: '00000007-0000-4000-8000-000000000001',
  terminal_name: 'Bench till',
  store_id: '00000007-0000-4000-8000-000000000002',
  store_name: 'Bench store',
  currency: 'EUR',
  locale: 'de-DE',
  receipt_prefix: 'B1',
  device_id: null,
  idle_lock_seconds: 300,
  discount_limit_percent: 100,
};

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

interface SaleFigures {
  /** recordSale() until it resolves. */
  call: Summary;
  /** Wall time per sale including the next task, where the status it caused is built and delivered. */
  perSaleWithStatus: number;
  statuses: number;
}

async function sales(count: number): Promise<SaleFigures> {
  const db = await openMigratedMemoryDb();
  const catalog = generateCatalog(0, CATALOG_SIZE);
  await applyPage(db, { sync_id: 'bench', timestamp: 'c0', has_more: false, changes: { products: catalog, categories: [], customers: [], stock: [], staff: [], store_settings: [] } }, new Date().toISOString());
  const sync = createSyncService(db, {
    clock: { now: () => Date.now() },
    fetch: () => Promise.reject(new Error('no network in this bench')),
    random: Math.random,
    newUuid: () => crypto.randomUUID(),
    locks: null,
    isOnline: () => false,
    appOrigin: null,
  });
  const data = createTillDataService(db, {
    clock: { now: () => Date.now() },
    newUuid: () => crypto.randomUUID(),
    terminal: () => Promise.resolve(TERMINAL),
    onQueued: () => sync.notifyLocalWrite(),
    actor: () => ({ staffId: BENCH_STAFF_ID, approvedBy: null }),
  });
  // Selling needs an open shift.
  await data.openShift(0);
  let statuses = 0;
  await sync.subscribeSyncStatus(() => void (statuses += 1));
  const products: readonly Product[] = catalog;
  for (let n = 0; n < WARMUP_SALES; n++) {
    await data.recordSale(saleDraft(products, n));
    await nextTask();
  }
  statuses = 0;
  const samples: number[] = [];
  const t0 = performance.now();
  for (let n = 0; n < count; n++) {
    const draft = saleDraft(products, WARMUP_SALES + n);
    const s0 = performance.now();
    await data.recordSale(draft);
    samples.push(performance.now() - s0);
    await nextTask();
  }
  const wall = performance.now() - t0;
  await sync.stop();
  await db.close();
  return { call: summarise(samples), perSaleWithStatus: wall / count, statuses };
}

/** First-sync pages of PAGE_ROWS products applied as pull.ts applies them (one transaction each). */
async function pages(count: number): Promise<Summary> {
  const db = await openMigratedMemoryDb();
  const samples: number[] = [];
  for (let p = 0; p < count; p++) {
    const page = { sync_id: 'bench', timestamp: `c${p + 1}`, has_more: p + 1 < count, changes: { products: generateCatalog(p * PAGE_ROWS, PAGE_ROWS), categories: [], customers: [], stock: [], staff: [], store_settings: [] } } as DownstreamPage;
    const t0 = performance.now();
    await applyPage(db, page, page.has_more ? null : new Date().toISOString());
    samples.push(performance.now() - t0);
  }
  await db.close();
  return summarise(samples);
}

const round2 = (ms: number) => Math.round(ms * 1000) / 1000;

const salesCount = argNumber('--sales', DEFAULT_SALES);
const pageCount = argNumber('--pages', DEFAULT_PAGES);
const rounds = argNumber('--rounds', DEFAULT_ROUNDS);
console.log(`load average at start: ${loadavg().map((n) => n.toFixed(2)).join(' ')}; node ${process.version}`);
for (let r = 1; r <= rounds; r++) {
  const s = await sales(salesCount);
  const p = await pages(pageCount);
  console.log(
    JSON.stringify({
      round: r,
      sales: s.call.n,
      saleMs: { p50: round2(s.call.p50), p95: round2(s.call.p95), p99: round2(s.call.p99), mean: round2(s.call.mean) },
      perSaleWithStatusMs: round2(s.perSaleWithStatus),
      statusesDelivered: s.statuses,
      pageOf1000ProductsMs: { n: p.n, p50: round2(p.p50), mean: round2(p.mean) },
    }),
  );
}
console.log(`load average at end: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
