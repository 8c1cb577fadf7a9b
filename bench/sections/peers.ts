// The peers, measured in the same run on the same data: Dexie 4 (IndexedDB) and the PowerSync web
// SDK used locally (wa-sqlite on OPFS in its worker). Each peer runs on its own fresh persistent
// profile, as the other sections do. The ratios to the app's figures of this run are computed in
// ratios.ts; where a peer beats the app, the table shows it.
import { launchBrowser } from '../runner/browser.ts';
import { errorText, measured, notMeasured, type Figure } from '../runner/figures.ts';
import { summarise } from '../shared/stats.ts';
import type { PeersPage } from '../shared/page-protocol.ts';
import { openBenchPage, type SectionContext } from './context.ts';

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
/** Items of the brief the peers sit beside: the sale (1), the bulk load (2) and search (4). */
const ITEM = { sale: 1, bulk: 2, search: 4 } as const;

async function runPeer(ctx: SectionContext, peer: keyof PeersPage): Promise<Figure[]> {
  const { sizes } = ctx.options;
  const id = (what: string) => `peer.${peer}.${what}`;
  const browser = await launchBrowser(ctx.options.keepProfile);
  try {
    const page = await browser.context.newPage();
    await openBenchPage(page, `${ctx.pagesUrl}/peers.html`, 'benchPeers');
    const info = await page.evaluate((p) => window.benchPeers![p].info(), peer);
    ctx.progress(`${peer}: ${sizes.sales} sales, ${sizes.catalog} products, ${sizes.searchQueries} searches`);
    const sale = summarise((await page.evaluate(([p, n]) => window.benchPeers![p].sales(n), [peer, sizes.sales] as const)).samples);
    const bulk = await page.evaluate(([p, n]) => window.benchPeers![p].bulk(n), [peer, sizes.catalog] as const);
    const search = await page.evaluate(([p, n]) => window.benchPeers![p].search(n), [peer, sizes.searchQueries] as const);
    await page.evaluate((p) => window.benchPeers![p].close(), peer);
    const q = summarise(search.samples);
    const bulkRate = rate(bulk.rows, bulk.elapsedMs);
    ctx.baselines.peers ??= {};
    ctx.baselines.peers[peer] = { saleP50: sale.p50, bulkRowsPerS: bulkRate, searchP95: q.p95 };
    const where = `${info.version}, ${info.storage}, ${info.durability}${info.journal === null ? '' : `, journal ${info.journal}`}`;
    const saleWhat = peer === 'dexie' ? 'sale + 3 lines + payment + outbox row, one rw transaction' : 'sale + 3 lines + payment in writeTransaction, each insert also queued in ps_crud (its outbox)';
    return [
      measured(ITEM.sale, id('sale.p50'), `${peer}: sale transaction p50`, sale.p50, 'ms', { note: `${sale.n} sales timed on the page: ${saleWhat}; ${where}` }),
      measured(ITEM.sale, id('sale.p95'), `${peer}: sale transaction p95`, sale.p95, 'ms'),
      measured(ITEM.bulk, id('bulk.rowsPerS'), `${peer}: bulk load of the catalog`, bulkRate, 'rows/s', {
        note: `${bulk.rows} products, ${bulk.rowsPerTx} per transaction, ${Math.round(bulk.elapsedMs)} ms; ${peer === 'dexie' ? 'bulkPut, 3 indexes (lower-cased name, barcode, SKU)' : 'executeBatch into a local-only table with 3 indexes (no sync service, no ps_crud rows)'}`,
      }),
      measured(ITEM.search, id('search.p50'), `${peer}: name prefix search p50`, q.p50, 'ms', {
        note: `${q.n} queries (the floor's list) over ${bulk.rows} products, 20 rows, timed on the page; ${peer === 'dexie' ? "where('name_lower').between(q, q + '\\uffff')" : `range on an indexed lower-cased name${search.plan === undefined ? '' : ` (plan: ${search.plan})`}`}`,
      }),
      measured(ITEM.search, id('search.p95'), `${peer}: name prefix search p95`, q.p95, 'ms'),
    ];
  } finally {
    await browser.close();
  }
}

export async function runPeers(ctx: SectionContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const peer of ['dexie', 'powersync'] as const) {
    try {
      figures.push(...(await runPeer(ctx, peer)));
    } catch (error) {
      figures.push(notMeasured(ITEM.sale, `peer.${peer}.failed`, `Peer ${peer}`, `it failed: ${errorText(error)}`));
    }
  }
  return figures;
}
