// Downstream: pulls master data page by page from the server-issued cursor until the hub says
// there is no more. Each page is validated with the lenient contract and applied with its cursor
// in one transaction; a page that fails validation is not applied at all and the cursor stays.
// The next page is requested while the current one is written (its cursor is known once the page is
// parsed), so the hub's query and the transfer overlap the till's transaction. A first sync into an
// empty catalog asks for the largest pages and loads them without per-row index upkeep
// (catalog-bulk-load.ts); a large pull otherwise ends by merging the word-search index.
import type { SqlConnection } from './sql-connection.ts';
import type { SyncProgress } from '../api/till-api.ts';
import { lenientContract } from '@ezo/contract/contract';
import { DEFAULT_DOWNSTREAM_LIMIT, MAX_DOWNSTREAM_LIMIT } from '@ezo/contract/limits';
import { describeOutcome, hubUrl, isAppTooOld, type HubClient, type HubOutcome } from './hub-client.ts';
import { applyPage, pageRowCount } from './apply-page.ts';
import { FTS_OPTIMIZE_AFTER_ROWS, bulkLoadStatements, catalogIsEmpty, finishBulkLoad, optimizeWordSearch } from './catalog-bulk-load.ts';
import { readSyncState } from './sync-state-store.ts';
import { describeIssues } from './zod-issues.ts';
import type { StoredPairing } from './pairing-store.ts';

/** Rows asked for per page. */
export const PULL_PAGE_LIMIT = DEFAULT_DOWNSTREAM_LIMIT;
/**
 * Rows per page (and so per transaction) in a bulk first sync: 1,000 rows per transaction took the
 * 100k-product first sync ~3x as long as 5,000; the hub serves at most this many.
 */
export const BULK_PULL_PAGE_LIMIT = MAX_DOWNSTREAM_LIMIT;

export type PullResult =
  | { kind: 'ok'; pages: number; rows: number }
  | { kind: 'unauthorised'; code: string | null }
  | { kind: 'stopped' }
  | { kind: 'error'; code: 'offline' | 'bad_response' | 'bad_page' | 'server' | 'app_too_old'; message: string };

export interface PullContext {
  db: SqlConnection;
  client: HubClient;
  pairing: StoredPairing;
  now: () => number;
  /** Whether stop() was called: nothing more may be written. */
  stopped: () => boolean;
  /** First-sync progress after each page (only while no pull has ever completed), null at the end. */
  onProgress: (progress: SyncProgress | null) => void;
}

/** Where the pull stands with bulk loading before its first page. */
async function bulkMode(ctx: PullContext, firstSync: boolean): Promise<{ active: boolean; entering: boolean }> {
  const inBulk = (await bulkLoadStatements(ctx.db)) !== null;
  if (inBulk && !firstSync) {
    // Cannot follow from pull.ts (finish commits with last_pull_at); repairs a database edited by hand.
    await ctx.db.transaction((tx) => finishBulkLoad(tx));
    return { active: false, entering: false };
  }
  if (inBulk) return { active: true, entering: false };
  const entering = firstSync && (await catalogIsEmpty(ctx.db));
  return { active: entering, entering };
}

export async function pullAll(ctx: PullContext): Promise<PullResult> {
  const state = await readSyncState(ctx.db);
  let cursor = state.cursor;
  const firstSync = state.lastPullAt === null;
  const bulk = await bulkMode(ctx, firstSync);
  let entering = bulk.entering;
  const limit = bulk.active ? BULK_PULL_PAGE_LIMIT : PULL_PAGE_LIMIT;
  let pages = 0;
  let rows = 0;
  let productRows = 0;
  if (firstSync) ctx.onProgress({ rows: 0, pages: 0, remaining: null });
  const request = (from: string | null): Promise<HubOutcome> => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (from !== null) query.set('last_synced_at', from);
    return ctx.client.send({
      method: 'GET',
      url: hubUrl(ctx.pairing.serverUrl, `/api/v1/sync/downstream?${query.toString()}`),
      token: ctx.pairing.token,
    });
  };
  let next = request(cursor);
  try {
    for (;;) {
      const outcome = await next;
      if (outcome.kind === 'stopped' || ctx.stopped()) return { kind: 'stopped' };
      if (outcome.kind === 'http' && outcome.status === 401) return { kind: 'unauthorised', code: outcome.error?.code ?? null };
      if (outcome.kind === 'network' || outcome.kind === 'timeout') return { kind: 'error', code: 'offline', message: describeOutcome(outcome) };
      if (isAppTooOld(outcome)) return { kind: 'error', code: 'app_too_old', message: describeOutcome(outcome) };
      if (outcome.kind === 'http') return { kind: 'error', code: 'server', message: describeOutcome(outcome) };
      if (outcome.kind === 'bad_json') return { kind: 'error', code: 'bad_response', message: `Downstream page: ${describeOutcome(outcome)}` };
      const parsed = lenientContract.downstream.page.safeParse(outcome.body);
      if (!parsed.success) {
        // bad_page, not bad_response: the status says the catalog is stuck (not "All synced") until a
        // later pull (the periodic one, Sync now) gets a page it can apply from the same cursor.
        return {
          kind: 'error',
          code: 'bad_page',
          message: `The server sent catalog changes that fail validation; none was applied, and the till asks again from the same point: ${describeIssues(parsed.error.issues)}`,
        };
      }
      const page = parsed.data;
      if (page.has_more && page.timestamp === cursor) {
        return { kind: 'error', code: 'bad_response', message: `The server said there is more but did not advance the cursor (${page.timestamp}).` };
      }
      // Asked before this page is written; its answer is dropped if the write fails (send never throws).
      if (page.has_more) next = request(page.timestamp);
      await applyPage(ctx.db, page, page.has_more ? null : new Date(ctx.now()).toISOString(), { enter: entering, finish: bulk.active && !page.has_more });
      entering = false;
      cursor = page.timestamp;
      pages += 1;
      rows += pageRowCount(page);
      productRows += page.changes.products.length;
      if (firstSync) ctx.onProgress({ rows, pages, remaining: page.remaining ?? null });
      if (!page.has_more) break;
    }
  } finally {
    if (firstSync) ctx.onProgress(null);
  }
  // Not needed for correctness (a crash before it leaves a valid, more fragmented index).
  // A bulk first sync merged it in its last transaction.
  if (productRows >= FTS_OPTIMIZE_AFTER_ROWS && !bulk.active && !ctx.stopped()) await ctx.db.transaction((tx) => optimizeWordSearch(tx));
  return { kind: 'ok', pages, rows };
}
