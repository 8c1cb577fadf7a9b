// Items 1 and 2 are judged against the floor measured in the same run: the app's sale p50 over the
// floor's small transaction (and over raw IndexedDB), the first sync's rows/s over the floor's bulk insert.
import { goal, measured, notMeasured, type Figure } from '../runner/figures.ts';
import type { SectionContext } from './context.ts';

/** Recording a sale through the app may cost at most this multiple of the floor's small transaction. */
export const SALE_FLOOR_RATIO_GOAL = 1.3;
/** ...and at most this multiple of the same transaction on a plain schema. */
export const SALE_PLAIN_FLOOR_RATIO_GOAL = 2;
/** The first sync should ingest at least this fraction of the (plain-schema) floor's bulk-insert rate. */
export const SYNC_FLOOR_RATIO_GOAL = 0.5;

const round2 = (v: number) => Math.round(v * 100) / 100;

export function ratioFigures(figures: readonly Figure[], ctx: SectionContext): Figure[] {
  const value = (id: string) => figures.find((f) => f.id === id)?.value ?? null;
  const out: Figure[] = [];
  const saleP50 = value('sale.app.p50');
  const { floorSaleInterleaved, floorSale, idbSale, floorBulkRowsPerS } = ctx.baselines;
  // The floor measured alongside the sales (alternating rounds) is the fair denominator on a shared
  // machine; the floor section's own figure is the fallback.
  const floor = floorSaleInterleaved ?? floorSale;
  if (saleP50 !== null && floor !== undefined) {
    const r = round2(saleP50 / floor.p50);
    const note = floorSaleInterleaved !== undefined ? 'over the floor measured alongside the sales' : "over the floor section's figure";
    out.push(measured(1, 'sale.ratio.floor', 'Sale p50 / floor small tx p50', r, 'x', { goal: goal(r, SALE_FLOOR_RATIO_GOAL, `<= ${SALE_FLOOR_RATIO_GOAL}x`), note }));
  } else {
    out.push(notMeasured(1, 'sale.ratio.floor', 'Sale p50 / floor small tx p50', saleP50 === null ? 'no app sale figure in this run' : 'the floor did not run (--only)'));
  }
  const plain = ctx.baselines.plainSaleInterleaved ?? ctx.baselines.plainSale;
  if (saleP50 !== null && plain !== undefined) {
    const r = round2(saleP50 / plain.p50);
    const note = ctx.baselines.plainSaleInterleaved !== undefined ? 'over the plain-schema floor measured alongside the sales' : "over the floor section's plain-schema figure";
    out.push(measured(1, 'sale.ratio.plainFloor', 'Sale p50 / plain-schema floor tx p50', r, 'x', { goal: goal(r, SALE_PLAIN_FLOOR_RATIO_GOAL, `<= ${SALE_PLAIN_FLOOR_RATIO_GOAL}x`), note }));
  } else {
    out.push(notMeasured(1, 'sale.ratio.plainFloor', 'Sale p50 / plain-schema floor tx p50', saleP50 === null ? 'no app sale figure in this run' : 'the floor did not run (--only)'));
  }
  if (saleP50 !== null && idbSale !== undefined) {
    out.push(measured(1, 'sale.ratio.idb', 'Sale p50 / raw IndexedDB tx p50', round2(saleP50 / idbSale.p50), 'x'));
  } else {
    out.push(notMeasured(1, 'sale.ratio.idb', 'Sale p50 / raw IndexedDB tx p50', saleP50 === null ? 'no app sale figure in this run' : 'raw IndexedDB did not run (--only)'));
  }
  const syncRate = value('sync.first.rowsPerS');
  if (syncRate !== null && floorBulkRowsPerS !== undefined) {
    const r = round2(syncRate / floorBulkRowsPerS);
    out.push(measured(2, 'sync.ratio.floor', 'First sync rows/s / app-schema floor bulk rows/s', r, 'x', { note: 'the floor keeps FTS5 and every index row by row, 1,000 rows per transaction' }));
  } else {
    out.push(notMeasured(2, 'sync.ratio.floor', 'First sync rows/s / app-schema floor bulk rows/s', syncRate === null ? 'no first-sync figure in this run' : 'the floor did not run (--only)'));
  }
  const { plainBulkRowsPerS } = ctx.baselines;
  if (syncRate !== null && plainBulkRowsPerS !== undefined) {
    const r = round2(syncRate / plainBulkRowsPerS);
    out.push(measured(2, 'sync.ratio.plainFloor', 'First sync rows/s / plain-schema bulk insert rows/s', r, 'x', { goal: goal(r, SYNC_FLOOR_RATIO_GOAL, `>= ${SYNC_FLOOR_RATIO_GOAL}x`, true) }));
  } else {
    out.push(notMeasured(2, 'sync.ratio.plainFloor', 'First sync rows/s / plain-schema bulk insert rows/s', syncRate === null ? 'no first-sync figure in this run' : 'the floor did not run (--only)'));
  }
  out.push(...peerRatios(value, ctx));
  return out;
}

/**
 * The app over each peer, same run, same data: sale p50 (app / peer: above 1 the peer is faster),
 * first sync rows/s over the peer's bulk load (below 1 the peer loads faster; the app's figure also
 * holds the network and validation), search p95 in the worker over the peer's on its page.
 */
function peerRatios(value: (id: string) => number | null, ctx: SectionContext): Figure[] {
  const out: Figure[] = [];
  for (const peer of ['dexie', 'powersync'] as const) {
    const p = ctx.baselines.peers?.[peer];
    if (p === undefined) continue;
    const sale = value('sale.app.p50');
    if (sale !== null) out.push(measured(1, `peer.${peer}.ratio.sale`, `Sale p50 / ${peer} sale p50`, round2(sale / p.saleP50), 'x', { note: 'above 1: the peer commits its sale faster' }));
    const sync = value('sync.first.rowsPerS');
    if (sync !== null) out.push(measured(2, `peer.${peer}.ratio.bulk`, `First sync rows/s / ${peer} bulk load rows/s`, round2(sync / p.bulkRowsPerS), 'x', { note: 'below 1: the peer loads faster (its load has no network, parsing or validation)' }));
    // Through Comlink, timed on the page as the peers are; the in-worker figure when the app section did not run.
    const viaComlink = value('search.app.p95');
    const search = viaComlink ?? value('search.worker.p95');
    const how = viaComlink !== null ? 'through Comlink' : 'in the worker';
    if (search !== null) out.push(measured(4, `peer.${peer}.ratio.search`, `Search p95 (${how}) / ${peer} prefix search p95`, round2(search / p.searchP95), 'x', { note: 'above 1: the peer answers faster (its search is a name prefix only; ours runs the code, prefix and word tiers)' }));
  }
  return out;
}
