// Downstream: pulls master data page by page from the server-issued cursor until the hub says
// there is no more. Each page is validated with the lenient contract and applied with its cursor
// in one transaction; a page that fails validation is not applied at all and the cursor stays.
import type { SqlConnection } from './sql-connection.ts';
import type { SyncProgress } from '../api/till-api.ts';
import { lenientContract } from '@ezo/contract/contract';
import { DEFAULT_DOWNSTREAM_LIMIT } from '@ezo/contract/limits';
import { describeOutcome, hubUrl, type HubClient } from './hub-client.ts';
import { applyPage, pageRowCount } from './apply-page.ts';
import { readSyncState } from './sync-state-store.ts';
import { describeIssues } from './zod-issues.ts';
import type { StoredPairing } from './pairing-store.ts';

/** Rows asked for per page. */
export const PULL_PAGE_LIMIT = DEFAULT_DOWNSTREAM_LIMIT;

export type PullResult =
  | { kind: 'ok'; pages: number; rows: number }
  | { kind: 'unauthorised' }
  | { kind: 'stopped' }
  | { kind: 'error'; code: 'offline' | 'bad_response' | 'server'; message: string };

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

export async function pullAll(ctx: PullContext): Promise<PullResult> {
  const state = await readSyncState(ctx.db);
  let cursor = state.cursor;
  const firstSync = state.lastPullAt === null;
  let pages = 0;
  let rows = 0;
  if (firstSync) ctx.onProgress({ rows: 0, pages: 0, remaining: null });
  try {
    for (;;) {
      const query = new URLSearchParams({ limit: String(PULL_PAGE_LIMIT) });
      if (cursor !== null) query.set('last_synced_at', cursor);
      const outcome = await ctx.client.send({
        method: 'GET',
        url: hubUrl(ctx.pairing.serverUrl, `/api/v1/sync/downstream?${query.toString()}`),
        token: ctx.pairing.token,
      });
      if (outcome.kind === 'stopped' || ctx.stopped()) return { kind: 'stopped' };
      if (outcome.kind === 'http' && outcome.status === 401) return { kind: 'unauthorised' };
      if (outcome.kind === 'network' || outcome.kind === 'timeout') return { kind: 'error', code: 'offline', message: describeOutcome(outcome) };
      if (outcome.kind === 'http') return { kind: 'error', code: 'server', message: describeOutcome(outcome) };
      if (outcome.kind === 'bad_json') return { kind: 'error', code: 'bad_response', message: `Downstream page: ${describeOutcome(outcome)}` };
      const parsed = lenientContract.downstream.page.safeParse(outcome.body);
      if (!parsed.success) {
        return { kind: 'error', code: 'bad_response', message: `The server sent a downstream page that fails validation; nothing of it was applied: ${describeIssues(parsed.error.issues)}` };
      }
      const page = parsed.data;
      if (page.has_more && page.timestamp === cursor) {
        return { kind: 'error', code: 'bad_response', message: `The server said there is more but did not advance the cursor (${page.timestamp}).` };
      }
      await applyPage(ctx.db, page, page.has_more ? null : new Date(ctx.now()).toISOString());
      cursor = page.timestamp;
      pages += 1;
      rows += pageRowCount(page);
      if (firstSync) ctx.onProgress({ rows, pages, remaining: page.remaining ?? null });
      if (!page.has_more) return { kind: 'ok', pages, rows };
    }
  } finally {
    if (firstSync) ctx.onProgress(null);
  }
}
