// Item 4, search timed inside a worker: the app's database code (openDatabase, the pull's product
// write, the data service's searchProducts) in a bench worker over the bench catalog, with
// performance.now() around each call in the worker. Overall p50/p95, then p95 per kind of query.
import { launchBrowser } from '../runner/browser.ts';
import { goal, measured, type Figure } from '../runner/figures.ts';
import { summarise, type Summary } from '../shared/stats.ts';
import { QUERY_KINDS } from '../shared/search-queries.ts';
import { openBenchPage, type SectionContext } from './context.ts';
import { SEARCH_P95_GOAL_MS } from './app.ts';

const ms = (n: number) => `${n.toFixed(3)} ms`;

export async function runSearch(ctx: SectionContext): Promise<Figure[]> {
  const { sizes } = ctx.options;
  const browser = await launchBrowser(ctx.options.keepProfile);
  try {
    const page = await browser.context.newPage();
    await openBenchPage(page, `${ctx.pagesUrl}/search.html`, 'benchSearch');
    ctx.progress(`writing ${sizes.catalog} products as a first sync does, and ${sizes.push} pending sales`);
    const load = await page.evaluate(([n, sales]) => window.benchSearch!.load(n, sales), [sizes.catalog, sizes.push] as const);
    ctx.progress(`${sizes.searchQueries} searches`);
    const r = await page.evaluate(([n, size]) => window.benchSearch!.search(n, size), [sizes.searchQueries, sizes.catalog] as const);
    await page.evaluate(() => window.benchSearch!.close());

    const all = summarise(r.samples.map((s) => s.ms));
    const byKind: Record<string, Summary & { rowsPerQuery: number; slowest: string }> = {};
    for (const kind of QUERY_KINDS) {
      const of = r.samples.filter((s) => s.kind === kind);
      if (of.length === 0) continue;
      const slowest = of.reduce((a, b) => (b.ms > a.ms ? b : a));
      byKind[kind] = { ...summarise(of.map((s) => s.ms)), rowsPerQuery: of.reduce((sum, s) => sum + s.rows, 0) / of.length, slowest: `"${slowest.text}" ${ms(slowest.ms)}` };
    }
    ctx.notes.searchWorker = { load, crossOriginIsolated: r.crossOriginIsolated, wasmMemoryBytes: r.wasmMemoryBytes, overall: all, byKind };
    const db = load.database;
    const note = `data service searchProducts(q, 20) timed in a bench worker over ${load.rows} products (${db.storage}/${db.vfs}, ${db.journalMode}, schema v${db.schemaVersion}), ${all.n} queries, with ${load.pendingSales} sales pending in the outbox; catalog written by the pull's product write`;
    const figures: Figure[] = [
      measured(4, 'search.worker.p50', 'Search p50 in the worker', all.p50, 'ms', { note }),
      measured(4, 'search.worker.p95', 'Search p95 in the worker', all.p95, 'ms', { goal: goal(all.p95, SEARCH_P95_GOAL_MS, `<= ${SEARCH_P95_GOAL_MS} ms`), note: `max ${ms(all.max)}${r.crossOriginIsolated ? '' : '; worker not cross-origin isolated: timer 100 µs'}` }),
    ];
    for (const [kind, s] of Object.entries(byKind)) {
      figures.push(measured(4, `search.worker.${kind.replace(/ /g, '-')}.p95`, `  p95 in the worker, ${kind}`, s.p95, 'ms', { goal: goal(s.p95, SEARCH_P95_GOAL_MS, `<= ${SEARCH_P95_GOAL_MS} ms`), note: `p50 ${ms(s.p50)}, n ${s.n}, ${s.rowsPerQuery.toFixed(1)} rows/query, slowest ${s.slowest}` }));
    }
    figures.push(measured(4, 'search.worker.load.rowsPerS', 'Catalog write in the worker (setup)', Math.round(load.rows / (load.elapsedMs / 1000)), 'rows/s', { note: `${load.rows} products through applyPage's first-sync path, ${load.rowsPerTx} per transaction, ${Math.round(load.elapsedMs)} ms; no network or parsing` }));
    return figures;
  } finally {
    await browser.close();
  }
}
