// The app's own figures, through the real database worker and the real hub: items 1 (recording a
// sale), 2 (first sync of the catalog), 3 (delta sync), 4 (search in the worker) and 7 (memory after
// the first sync); item 5 (push) is a section of its own (push.ts), with a hub per backend. Each step
// is in its own try/catch; a step that needs an earlier one that failed reports why.
import { NAME_SHIM, launchBrowser } from '../runner/browser.ts';
import type { BenchHub } from '../runner/hub.ts';
import { changeHubProducts } from '../runner/hub-catalog.ts';
import { errorText, goal, measured, notMeasured, type Figure } from '../runner/figures.ts';
import { generateCatalog } from '../shared/catalog-gen.ts';
import { summarise } from '../shared/stats.ts';
import { openBenchPage, type SectionContext } from './context.ts';
import { measureMemory } from './memory.ts';

export const SEARCH_P95_GOAL_MS = 1;
/** The first sync of the full catalog (100k products). */
export const FIRST_SYNC_GOAL_S = 10;
/**
 * The app's sales and the floor's small transactions alternate in this many rounds, in one browser,
 * so both see the same load on this shared machine and their ratio does not drift with it.
 */
const SALE_ROUNDS = 10;

/**
 * Installed in the app's worker before it loads SQLite: remembers every WebAssembly.Memory the
 * worker instantiates, so the bench can read the size of SQLite's heap (page cache included)
 * without any hook in the app.
 */
function watchWasmMemory(): void {
  const g = globalThis as unknown as { __benchWasmMemories?: WebAssembly.Memory[] };
  if (g.__benchWasmMemories !== undefined) return;
  const memories: WebAssembly.Memory[] = [];
  g.__benchWasmMemories = memories;
  const keep = (instance: WebAssembly.Instance) => {
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memories.push(value);
  };
  const streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const result = await streaming(source, imports);
    keep(result.instance);
    return result;
  };
  const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (bytes: BufferSource, imports?: WebAssembly.Imports) => Promise<WebAssembly.WebAssemblyInstantiatedSource>;
  (WebAssembly as { instantiate: unknown }).instantiate = async (bytes: BufferSource, imports?: WebAssembly.Imports) => {
    const result = await instantiate(bytes, imports);
    if ('instance' in result) keep(result.instance);
    return result;
  };
}

async function step(ctx: SectionContext, figures: Figure[], item: number, id: string, label: string, work: () => Promise<Figure[]>): Promise<boolean> {
  ctx.progress(label);
  try {
    figures.push(...(await work()));
    return true;
  } catch (error) {
    figures.push(notMeasured(item, id, label, `it failed: ${errorText(error)}`));
    return false;
  }
}

export async function runApp(ctx: SectionContext): Promise<Figure[]> {
  const { sizes } = ctx.options;
  const figures: Figure[] = [];
  let hub: BenchHub;
  try {
    hub = await ctx.hub();
  } catch (error) {
    const why = `the hub did not start with the catalog (${errorText(error)})`;
    return [1, 2, 3, 4, 7].map((item) => notMeasured(item, `app.${item}`, `App item ${item}`, why));
  }
  const browser = await launchBrowser(ctx.options.keepProfile);
  try {
    const page = await browser.context.newPage();
    const workerSeen = page.waitForEvent('worker', { predicate: (w) => w.url().includes('worker') });
    await openBenchPage(page, `${ctx.pagesUrl}/app.html`, 'benchApp');
    const worker = await workerSeen;
    await worker.evaluate(NAME_SHIM);
    await worker.evaluate(watchWasmMemory);
    const ownership = await page.evaluate(() => window.benchApp!.start());
    if (ownership !== 'owner') throw new Error(`the bench page does not own the database (${ownership})`);

    const last = generateCatalog(sizes.catalog - 1, 1)[0];
    const synced = await step(ctx, figures, 2, 'sync.first', 'First sync', async () => {
      const r = await page.evaluate(([url, token, barcode]) => window.benchApp!.firstSync(url, token, barcode), [hub.url, hub.terminal.token, last?.barcode ?? ''] as const);
      if (!r.verified) throw new Error(`after the first sync the till lacks the last catalog row (barcode ${last?.barcode ?? '?'})`);
      const perS = Math.round(sizes.catalog / (r.elapsedMs / 1000));
      return [
        measured(2, 'sync.first.rowsPerS', 'First sync of the catalog', perS, 'rows/s', { note: `${sizes.catalog} products from the hub (PGlite) in ${Math.round(r.elapsedMs)} ms incl. pairing; last progress report ${r.reportedRows ?? '?'} rows` }),
        measured(2, 'sync.first.s', 'First sync of the catalog, seconds', Math.round(r.elapsedMs / 100) / 10, 's', {
          goal: goal(r.elapsedMs / 1000, FIRST_SYNC_GOAL_S, `<= ${FIRST_SYNC_GOAL_S} s`),
          note: 'pair() + syncNow() until it resolves: bulk first-sync path, FTS rebuilt and merged and the indexes built in the last transaction',
        }),
      ];
    });

    await step(ctx, figures, 7, 'memory', 'Memory after first sync', () => measureMemory(page, worker, synced ? sizes.catalog : 0));

    await step(ctx, figures, 3, 'sync.delta', 'Delta sync', async () => {
      if (!synced) throw new Error('the first sync did not complete');
      const changed = await changeHubProducts(hub, sizes.delta);
      const r = await page.evaluate(([barcode, name]) => window.benchApp!.sync(barcode, name), [changed.barcode, changed.name] as const);
      if (!r.verified) throw new Error('after the delta sync the till does not show the changed product');
      return [measured(3, 'sync.delta.ms', `Delta sync of ${sizes.delta} changes`, Math.round(r.elapsedMs), 'ms', { note: 'syncNow() until it resolves: pull (and an empty push)' })];
    });

    await step(ctx, figures, 4, 'search.app', 'Search through Comlink', async () => {
      if (!synced) throw new Error('the first sync did not complete, the till has no catalog');
      const r = await page.evaluate(([n, size]) => window.benchApp!.search(n, size), [sizes.searchQueries, sizes.catalog] as const);
      const s = summarise(r.samples);
      const rt = summarise(r.roundTripSamples);
      const note = `searchProducts(q, 20) through Comlink over ${sizes.catalog} products, ${s.n} queries (the list the search section times in a worker); Comlink round trip alone p50 ${rt.p50.toFixed(3)} ms`;
      return [
        measured(4, 'search.app.p50', 'Search p50 (page -> worker -> page)', s.p50, 'ms', { note }),
        measured(4, 'search.app.p95', 'Search p95 (page -> worker -> page)', s.p95, 'ms', { note: `the ${SEARCH_P95_GOAL_MS} ms goal is judged in the worker (search section)` }),
      ];
    });

    await step(ctx, figures, 1, 'sale.app', 'Recording a sale', async () => {
      if (!synced) throw new Error('the first sync did not complete, the till has no products to sell');
      const floorPage = await browser.context.newPage();
      const appSamples: number[] = [];
      const floorSamples: number[] = [];
      const plainSamples: number[] = [];
      const perRound = Math.ceil(sizes.sales / SALE_ROUNDS);
      try {
        await openBenchPage(floorPage, `${ctx.pagesUrl}/baselines.html`, 'benchBaselines');
        for (let round = 0; round < SALE_ROUNDS; round++) {
          const f = await floorPage.evaluate((n) => window.benchBaselines!.floor.smallTransactions(n), perRound);
          floorSamples.push(...f.samples);
          const plain = await floorPage.evaluate((n) => window.benchBaselines!.floor.plainSmallTransactions(n), perRound);
          plainSamples.push(...plain.samples);
          const a = await page.evaluate(([n, size]) => window.benchApp!.recordSales(n, size), [perRound, sizes.catalog] as const);
          appSamples.push(...a.samples);
        }
        await floorPage.evaluate(() => window.benchBaselines!.floor.close());
      } finally {
        await floorPage.close();
      }
      const s = summarise(appSamples);
      const f = summarise(floorSamples);
      ctx.baselines.floorSaleInterleaved = f;
      const plain = summarise(plainSamples);
      ctx.baselines.plainSaleInterleaved = plain;
      const note = `recordSale(3 lines, cash) through Comlink until it resolves (committed, synchronous FULL), ${s.n} sales in ${SALE_ROUNDS} rounds alternating with the floor's; the push waits for a pause in sales (PUSH_DEBOUNCE_MS)`;
      return [
        measured(1, 'sale.app.p50', 'Recording a sale p50', s.p50, 'ms', { note }),
        measured(1, 'sale.app.p95', 'Recording a sale p95', s.p95, 'ms'),
        measured(1, 'sale.app.p99', 'Recording a sale p99', s.p99, 'ms'),
        measured(1, 'sale.floorAlongside.p50', 'Floor small tx p50, alongside the sales', f.p50, 'ms', {
          note: `${f.n} floor transactions (as the floor section's) in the same ${SALE_ROUNDS} rounds, in a second tab of the same browser: the ratio's denominator`,
        }),
        measured(1, 'sale.plainFloorAlongside.p50', 'Plain floor small tx p50, alongside the sales', plain.p50, 'ms', {
          note: `${plain.n} transactions of the same rows on a plain schema (no index, constraint or trigger), same pragmas, in the same rounds`,
        }),
      ];
    });

    return figures;
  } finally {
    await browser.close();
  }
}

