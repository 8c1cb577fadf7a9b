// The floor (raw wa-sqlite, same VFS and pragmas as the app) and raw IndexedDB, measured in the same
// run as the app: the small sale transaction, the bulk insert of the catalog, and prefix search.
import { launchBrowser } from '../runner/browser.ts';
import { measured, type Figure } from '../runner/figures.ts';
import { summarise } from '../shared/stats.ts';
import { openBenchPage, type SectionContext } from './context.ts';

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
/** Alternating rounds of the floor's transaction with temp_store FILE and MEMORY. */
const TEMP_STORE_ROUNDS = 5;

export async function runFloor(ctx: SectionContext): Promise<Figure[]> {
  const { sizes } = ctx.options;
  const browser = await launchBrowser(ctx.options.keepProfile);
  try {
    const page = await browser.context.newPage();
    await openBenchPage(page, `${ctx.pagesUrl}/baselines.html`, 'benchBaselines');
    const sale = await page.evaluate((n) => window.benchBaselines!.floor.smallTransactions(n), sizes.sales);
    // The same transaction with statement journals in OPFS files (temp_store FILE), in alternating
    // rounds with the app's pragmas, so both see the same load: what temp_store=MEMORY does to a sale.
    const withMemory: number[] = [];
    const withFile: number[] = [];
    const perRound = Math.ceil(sizes.sales / TEMP_STORE_ROUNDS);
    for (let round = 0; round < TEMP_STORE_ROUNDS; round++) {
      withFile.push(...(await page.evaluate((n) => window.benchBaselines!.floor.tempFileSmallTransactions(n), perRound)).samples);
      withMemory.push(...(await page.evaluate((n) => window.benchBaselines!.floor.smallTransactions(n), perRound)).samples);
    }
    const plainSale = await page.evaluate((n) => window.benchBaselines!.floor.plainSmallTransactions(n), sizes.sales);
    const bulk = await page.evaluate((n) => window.benchBaselines!.floor.bulkInsert(n), sizes.catalog);
    const plainBulk = await page.evaluate((n) => window.benchBaselines!.floor.plainBulkInsert(n), sizes.catalog);
    const search = await page.evaluate((n) => window.benchBaselines!.floor.search(n), sizes.searchQueries);
    const wasm = await page.evaluate(() => window.benchBaselines!.floor.wasmMemoryBytes());
    await page.evaluate(() => window.benchBaselines!.floor.close());
    const s = summarise(sale.samples);
    const bulkRate = rate(bulk.rows, bulk.elapsedMs);
    const plain = summarise(plainSale.samples);
    const tempMemory = summarise(withMemory);
    const tempFile = summarise(withFile);
    const plainBulkRate = rate(plainBulk.rows, plainBulk.elapsedMs);
    ctx.baselines.plainSale = plain;
    ctx.baselines.plainBulkRowsPerS = plainBulkRate;
    const like = summarise(search.likeSamples);
    const fts = summarise(search.ftsSamples);
    ctx.baselines.floorSale = s;
    ctx.baselines.floorBulkRowsPerS = bulkRate;
    const txNote = `${s.n} commits of 1 sale + 3 lines + 1 payment + 1 queue row, prepared statements, WAL + EXCLUSIVE + synchronous FULL`;
    return [
      measured(0, 'floor.sale.p50', 'Floor: small tx p50', s.p50, 'ms', { note: txNote }),
      measured(0, 'floor.sale.p95', 'Floor: small tx p95', s.p95, 'ms'),
      measured(0, 'floor.sale.p99', 'Floor: small tx p99', s.p99, 'ms'),
      measured(0, 'floor.sale.tempStoreFile.p50', 'Floor small tx p50 with temp_store FILE', tempFile.p50, 'ms', {
        note: `${tempFile.n} transactions, statement journals as OPFS files, in ${TEMP_STORE_ROUNDS} rounds alternating with the app's pragmas (temp_store MEMORY): p50 ${tempMemory.p50.toFixed(3)} ms, p95 ${tempMemory.p95.toFixed(3)} against ${tempFile.p95.toFixed(3)} ms`,
      }),
      measured(0, 'floor.plainSale.p50', 'Plain floor: small tx p50', plain.p50, 'ms', { note: `${plain.n} commits of the same rows into tables without indexes, constraints or triggers, same pragmas` }),
      measured(0, 'floor.plainSale.p95', 'Plain floor: small tx p95', plain.p95, 'ms'),
      measured(0, 'floor.bulk.rowsPerS', 'Floor: bulk insert', bulkRate, 'rows/s', { note: `${bulk.rows} products, ${bulk.rowsPerTx} per tx, app schema incl. FTS5 triggers, ${Math.round(bulk.elapsedMs)} ms` }),
      measured(0, 'floor.plainBulk.rowsPerS', 'Plain floor: bulk insert', plainBulkRate, 'rows/s', { note: `${plainBulk.rows} products, ${plainBulk.rowsPerTx} per tx, a products table without indexes or triggers, ${Math.round(plainBulk.elapsedMs)} ms` }),
      measured(0, 'floor.search.like.p50', 'Floor: LIKE prefix p50', like.p50, 'ms', { note: `${like.n} queries over ${bulk.rows} rows, NOCASE index, LIMIT 20` }),
      measured(0, 'floor.search.like.p95', 'Floor: LIKE prefix p95', like.p95, 'ms'),
      measured(0, 'floor.search.fts.p50', 'Floor: FTS5 prefix p50', fts.p50, 'ms'),
      measured(0, 'floor.search.fts.p95', 'Floor: FTS5 prefix p95', fts.p95, 'ms'),
      ...(wasm === null ? [] : [measured(0, 'floor.wasm.bytes', 'Floor: wasm memory after bulk', Math.round(wasm / 2 ** 20), 'MiB', { note: 'WebAssembly.Memory of the floor worker (SQLite default page cache)' })]),
    ];
  } finally {
    await browser.close();
  }
}

export async function runIdb(ctx: SectionContext): Promise<Figure[]> {
  const { sizes } = ctx.options;
  const browser = await launchBrowser(ctx.options.keepProfile);
  try {
    const page = await browser.context.newPage();
    await openBenchPage(page, `${ctx.pagesUrl}/baselines.html`, 'benchBaselines');
    const sale = await page.evaluate((n) => window.benchBaselines!.idb.smallTransactions(n), sizes.sales);
    const bulk = await page.evaluate((n) => window.benchBaselines!.idb.bulkPut(n), sizes.catalog);
    const search = await page.evaluate((n) => window.benchBaselines!.idb.search(n), sizes.searchQueries);
    await page.evaluate(() => window.benchBaselines!.idb.close());
    const s = summarise(sale.samples);
    const q = summarise(search.samples);
    ctx.baselines.idbSale = s;
    return [
      measured(0, 'idb.sale.p50', 'Raw IndexedDB: small tx p50', s.p50, 'ms', { note: `${s.n} readwrite transactions, durability strict, 6 puts each` }),
      measured(0, 'idb.sale.p95', 'Raw IndexedDB: small tx p95', s.p95, 'ms'),
      measured(0, 'idb.sale.p99', 'Raw IndexedDB: small tx p99', s.p99, 'ms'),
      measured(0, 'idb.bulk.rowsPerS', 'Raw IndexedDB: bulk put', rate(bulk.rows, bulk.elapsedMs), 'rows/s', { note: `${bulk.rows} products, ${bulk.rowsPerTx} per strict tx, 3 indexes` }),
      measured(0, 'idb.search.p50', 'Raw IndexedDB: index prefix p50', q.p50, 'ms', { note: 'getAll(IDBKeyRange) on a lower-cased name index, 20 rows' }),
      measured(0, 'idb.search.p95', 'Raw IndexedDB: index prefix p95', q.p95, 'ms'),
    ];
  } finally {
    await browser.close();
  }
}
