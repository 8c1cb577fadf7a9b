// Upstream: the queue processor. Sends Pending rows oldest first in batches (spec 4.1, the
// contract's upstream batch) assembled from the stored payload bytes, so a resend after a lost
// acknowledgement is byte-identical and the hub answers `duplicate`. Runs under the sender lock.
//
// One pass (pushAll) keeps up to MAX_BATCHES_IN_FLIGHT batches on the wire: while the hub stores one,
// the next is read, assembled and sent, so neither side waits for the other.
//
//    +--> fewer than MAX_BATCHES_IN_FLIGHT on the wire, and no batch has failed?
//    |          | yes                                                  | no
//    |          v                                                      |
//    |    read the next batch: the oldest due Pending rows in no        |
//    |    batch in flight (PUSH_BATCH_SIZE rows, PUSH_MAX_BATCH_BYTES),  |
//    |    cut before the first row that needs a row in flight (a refund |
//    |    of a sale in flight, an edit of a product with one in flight) |
//    |          | rows                        | none                     |
//    |          v                             v                          v
//    +--- send it; its answer is       await the oldest batch on the wire (its answer applied);
//    |    applied in one transaction   nothing on the wire: the pass ends
//    |    of its own when it comes            |
//    +----------------------------------------+
//
// A batch that ends other than done (401, transient, stopped) stops the reading as soon as it ends,
// even while an older batch is still awaited; the batches on the wire are awaited and their answers
// applied, then the pass returns the failure (stopped over 401 over the oldest other failure).
//
// Exactly once: a row is in at most one batch in flight (the read leaves out the rows in flight),
// each batch's answer touches only its own rows, and the hub deduplicates by uuid, so a batch resent
// after a lost answer is `duplicate`. Order: the hub sees a refund only after the batch carrying its
// sale was answered (otherwise it could still be uncommitted there: unknown_sale), and a product's
// edits in the order they were made (they are last-write-wins at the hub).
//
// One queue row's life (status in sync_queue):
//
//          enqueue() in the same transaction as the sale / adjustment / edit
//                                   |
//                                   v
//    +----------------------> PENDING (0) <------------------------------------------+
//    |                              | due (next_attempt_at <= now), online, authorised,  |
//    |                              | in no batch in flight, depends on none in flight   |
//    |                              v                                                    |
//    |                    sent in a batch ------ whole batch 400/409/413/422 ----> split in
//    |                              |            (more than one item)              halves, resend
//    |        +---------------------+-----------------------+----------------------------+
//    |        |                     |                       |                            |
//    |  applied/duplicate    rejected, or a 4xx      transient: network error,      401: stop pushing
//    |        |              for this item alone     timeout, 5xx, 408, 429,        and pulling; the
//    |        v                     |                bad JSON, item not answered    item is untouched
//    |  COMPLETED (1)               |                       |                       until pair()
//    |  completed_at                |                retry_count + 1
//    |        |                     |                       |
//    |  pruned after                |        < MAX_ATTEMPTS: next_attempt_at = now +
//    |  COMPLETED_RETENTION_MS      |        max(backoff with jitter, Retry-After)  ---> PENDING (waits)
//    |                              v                       | = MAX_ATTEMPTS
//    |                        FAILED (2) <------------------+
//    |                        last_error = code: reason
//    |                              |
//    +------- retryFailed() --------+   (retry_count reset to 0, due at once)
//    +-- the hub answers again -----+   (only rows parked by MAX_ATTEMPTS transient failures:
//                                        failed_transient = 1; the hub never refused them)
//
// A Failed row never holds back the rest: the next batch simply takes the next Pending rows.
// A 5xx on a batch holding a row that already failed BISECT_AFTER_FAILURES times bisects the batch
// (bisect() below), so one item that makes the hub fail is parked alone.
import type { SqlConnection, SqlExecutor } from './sql-connection.ts';
import type { QueueEntityType } from './outbox.ts';
import type { EntityKind } from '@ezo/contract/upstream';
import { lenientContract } from '@ezo/contract/contract';
import { MAX_BODY_BYTES } from '@ezo/contract/limits';
import { describeOutcome, hubUrl, isAppTooOld, isTransient, type HubClient, type HubOutcome } from './hub-client.ts';
import { nextAttemptAt } from './backoff.ts';
import { duePending, markCompleted, markFailed, markRetry, pendingProvider, type QueueRow } from './queue-store.ts';
import { recomputeOverlay } from './product-overlay.ts';
import { savePushSucceeded } from './sync-state-store.ts';
import { describeIssues } from './zod-issues.ts';
import type { StoredPairing } from './pairing-store.ts';

/**
 * Items per upstream batch. 200 rather than 100 costs the hub about an eighth less CPU per sale and the
 * till a sixth less (bench/push-node.ts); past 200 the gain is within noise, while a failed batch costs
 * more to resend and holds PGlite's one connection longer. The contract allows MAX_UPSTREAM_ITEMS (500).
 */
export const PUSH_BATCH_SIZE = 200;
/** A batch stops growing past this many payload characters: half the hub's body limit, leaving room for multi-byte text. */
export const PUSH_MAX_BATCH_BYTES = Math.floor(MAX_BODY_BYTES / 2);
/** Batches on the wire at once: the one the hub is answering, and one more read and sent meanwhile. */
export const MAX_BATCHES_IN_FLIGHT = 2;
/** The attempt that fails for the MAX_ATTEMPTS-th time parks the item as Failed. */
export const MAX_ATTEMPTS = 5;
/** Batch-level answers that depend on the batch's content: find the culprit by splitting. */
const SPLIT_STATUSES: ReadonlySet<number> = new Set([400, 409, 413, 422]);
/**
 * A 5xx is transient, unless it keeps coming: a batch holding a row that failed this many times already
 * is bisected on its next 5xx, in case one item makes the hub fail (a poison item). The search sends the
 * half with the culprit on down and each other half once as it is, so a poison item ends alone (and
 * is parked after MAX_ATTEMPTS) in about 2*log2(rows) requests while the rest go through; a hub that
 * is simply down costs the same few requests, on the same backoff as before.
 */
export const BISECT_AFTER_FAILURES = 2;

const ENTITY: Record<QueueEntityType, EntityKind> = { Sale: 'sale', Adjustment: 'adjustment', Product: 'product', Shift: 'shift' };

export interface PushContext {
  db: SqlConnection;
  client: HubClient;
  pairing: StoredPairing;
  now: () => number;
  random: () => number;
  newUuid: () => string;
  stopped: () => boolean;
  /** Told after every transaction that changed queue rows. */
  onQueueChanged: () => void;
}

export type PushResult =
  | { kind: 'ok'; sent: number; productEditsResolved: boolean }
  | { kind: 'unauthorised'; code: string | null }
  | { kind: 'stopped' }
  | { kind: 'error'; code: 'offline' | 'server' | 'bad_response' | 'app_too_old'; message: string; reachedServer: boolean };

type BatchResult =
  | { kind: 'done'; productEditsResolved: boolean }
  | { kind: 'unauthorised'; code: string | null }
  | { kind: 'stopped' }
  | { kind: 'transient'; code: 'offline' | 'server' | 'bad_response' | 'app_too_old'; message: string; reachedServer: boolean };

type PassEnd = Exclude<PushResult, { kind: 'ok' }>;

/** A batch on the wire: its rows, what later rows may depend on, and its answer to come (which never rejects). */
interface Flight {
  rows: readonly QueueRow[];
  /** Dependency keys of its rows (see dependencyKeys). */
  provides: ReadonlySet<string>;
  settled: Promise<BatchResult | { kind: 'threw'; error: unknown }>;
}

export async function pushAll(ctx: PushContext): Promise<PushResult> {
  const flights: Flight[] = [];
  let sent = 0;
  let productEditsResolved = false;
  let end: PassEnd | null = null;
  // Reading or handling a batch threw (the till's database failed): rethrown once nothing is in flight.
  let thrown: { error: unknown } | null = null;
  // No batch is read once this is set: by stop(), a throw, or any batch that ended other than done
  // (as soon as it ends, even while an older batch is still awaited).
  let halted = false;
  const settle = (rows: QueueRow[]): Flight['settled'] =>
    sendRows(ctx, rows).then(
      (result) => {
        if (result.kind !== 'done') halted = true;
        return result;
      },
      (error: unknown) => {
        halted = true;
        return { kind: 'threw', error };
      },
    );
  for (;;) {
    if (!halted && ctx.stopped()) {
      halted = true;
      end = { kind: 'stopped' };
    }
    if (!halted && flights.length < MAX_BATCHES_IN_FLIGHT) {
      let next: Awaited<ReturnType<typeof nextBatch>> | null = null;
      try {
        next = await nextBatch(ctx, flights);
      } catch (error) {
        halted = true;
        thrown = { error };
      }
      if (next !== null && next.rows.length > 0) {
        flights.push({ ...next, settled: settle(next.rows) });
        continue;
      }
    }
    const oldest = flights.shift();
    if (oldest === undefined) {
      if (thrown !== null) throw thrown.error;
      return end ?? { kind: 'ok', sent, productEditsResolved };
    }
    const result = await oldest.settled;
    if (result.kind === 'done') {
      sent += oldest.rows.length;
      productEditsResolved ||= result.productEditsResolved;
    } else if (result.kind === 'threw') thrown ??= { error: result.error };
    else end = worse(end, result.kind === 'transient' ? { kind: 'error', code: result.code, message: result.message, reachedServer: result.reachedServer } : result);
  }
}

/** The failure a pass reports when several batches failed: stopped, then 401, then the oldest. */
function worse(current: PassEnd | null, next: PassEnd): PassEnd {
  if (current === null) return next;
  const rank = (e: PassEnd) => (e.kind === 'stopped' ? 2 : e.kind === 'unauthorised' ? 1 : 0);
  return rank(next) > rank(current) ? next : current;
}

/**
 * The next batch: due Pending rows in no batch in flight, oldest first, at most PUSH_MAX_BATCH_BYTES of
 * payload (but always at least one row: a lone oversized item earns its own 413), and cut before the
 * first row that needs a row in flight. No rows when nothing can go out before a batch is answered.
 */
async function nextBatch(ctx: PushContext, flights: readonly Flight[]): Promise<{ rows: QueueRow[]; provides: Set<string> }> {
  const inFlight = flights.flatMap((f) => f.rows.map((r) => r.id));
  const due = await duePending(ctx.db, ctx.now(), PUSH_BATCH_SIZE, inFlight);
  let bytes = 0;
  const rows: QueueRow[] = [];
  const provides = new Set<string>();
  for (const row of due) {
    bytes += row.payload.length;
    if (rows.length > 0 && bytes > PUSH_MAX_BATCH_BYTES) break;
    const keys = dependencyKeys(row);
    const needs = keys.needs;
    if (needs !== null && flights.some((f) => f.provides.has(needs))) break;
    // An older row it needs that is still waiting (a backoff after a failed batch) and not in this batch.
    if (needs !== null && !provides.has(needs) && (await pendingProvider(ctx.db, needs, row.id, [...inFlight, ...rows.map((r) => r.id)]))) break;
    rows.push(row);
    if (keys.provides !== null) provides.add(keys.provides);
  }
  return { rows, provides };
}

/**
 * What a row gives later rows to wait for, and what it waits for itself. A refund needs its sale
 * stored at the hub (`sale:<uuid>`); a product edit needs the product's earlier edits applied first
 * (`product:<uuid>`). Adjustments commute (stock deltas add up), sales need nothing the till sends, and
 * neither does a closed shift.
 * Keys are lower case: uuids reach the hub case-insensitively.
 */
function dependencyKeys(row: QueueRow): { provides: string | null; needs: string | null } {
  switch (row.entity_type) {
    case 'Sale': {
      const refundOf = payloadField(row.payload, 'refund_of');
      return { provides: `sale:${row.idempotency_key.toLowerCase()}`, needs: refundOf === null ? null : `sale:${refundOf.toLowerCase()}` };
    }
    case 'Product': {
      const product = payloadField(row.payload, 'product_uuid');
      const key = product === null ? null : `product:${product.toLowerCase()}`;
      return { provides: key, needs: key };
    }
    // A shift's record stands alone: the hub never recomputes it from the sales it counts.
    case 'Adjustment':
    case 'Shift':
      return { provides: null, needs: null };
  }
}

/** A top-level string field of a stored payload, or null: a payload the hub will refuse anyway may be any text. */
function payloadField(payload: string, name: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const value = (parsed as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

/** The batch body, with each item's stored payload spliced in byte for byte. */
export function assembleBatch(syncId: string, timestamp: string, rows: readonly QueueRow[]): string {
  const of = (type: QueueEntityType) => rows.filter((r) => r.entity_type === type).map((r) => r.payload).join(',');
  // `shifts` only when there are any: a batch without them is also a protocol 2 batch.
  const shifts = of('Shift');
  return `{"sync_id":${JSON.stringify(syncId)},"timestamp":${JSON.stringify(timestamp)},"changes":{"sales":[${of('Sale')}],"adjustments":[${of('Adjustment')}],"products":[${of('Product')}]${shifts === '' ? '' : `,"shifts":[${shifts}]`}}}`;
}

/** `plain`: on a 5xx, reschedule these rows as they are, without bisecting (the sibling half of a search). */
async function sendRows(ctx: PushContext, rows: QueueRow[], plain = false): Promise<BatchResult> {
  const body = assembleBatch(ctx.newUuid(), new Date(ctx.now()).toISOString(), rows);
  const outcome = await ctx.client.send({ method: 'POST', url: hubUrl(ctx.pairing.serverUrl, '/api/v1/sync/upstream'), token: ctx.pairing.token, body });
  if (outcome.kind === 'stopped' || ctx.stopped()) return { kind: 'stopped' };
  if (outcome.kind === 'http' && outcome.status === 401) return { kind: 'unauthorised', code: outcome.error?.code ?? null };
  if (outcome.kind === 'ok') {
    const parsed = lenientContract.upstream.response.safeParse(outcome.body);
    if (parsed.success) return applyResults(ctx, rows, parsed.data.results);
    return reschedule(ctx, rows, outcome, 'bad_response', `The server's answer to a batch fails validation: ${describeIssues(parsed.error.issues)}`);
  }
  if (isTransient(outcome)) {
    if (!plain && outcome.kind === 'http' && outcome.status >= 500 && rows.length > 1 && rows.some((r) => r.retry_count >= BISECT_AFTER_FAILURES)) {
      return bisect(ctx, rows);
    }
    const code = isAppTooOld(outcome) ? 'app_too_old' : outcome.kind === 'bad_json' ? 'bad_response' : outcome.kind === 'http' ? 'server' : 'offline';
    return reschedule(ctx, rows, outcome, code, describeOutcome(outcome));
  }
  if (outcome.kind === 'http' && SPLIT_STATUSES.has(outcome.status) && rows.length > 1) {
    const middle = Math.ceil(rows.length / 2);
    const first = await sendRows(ctx, rows.slice(0, middle));
    if (first.kind !== 'done') return first;
    const second = await sendRows(ctx, rows.slice(middle));
    if (second.kind !== 'done') return second;
    return { kind: 'done', productEditsResolved: first.productEditsResolved || second.productEditsResolved };
  }
  // A permanent refusal of these rows (a single bad item, or a 4xx that no split can cure).
  const reason = describeOutcome(outcome);
  const productEditsResolved = await ctx.db.transaction(async (tx) => {
    for (const row of rows) await markFailed(tx, row.id, reason, true);
    return recomputeEdited(tx, rows);
  });
  ctx.onQueueChanged();
  return { kind: 'done', productEditsResolved };
}

/**
 * The 5xx search (BISECT_AFTER_FAILURES): the first half, bisected further if it fails again; then the
 * second half, bisected too if the first went through, sent once as it is if not (the hub may just be
 * down). A 401 or a stop ends the search with the rest untouched (still Pending, due).
 */
async function bisect(ctx: PushContext, rows: QueueRow[]): Promise<BatchResult> {
  const middle = Math.ceil(rows.length / 2);
  const first = await sendRows(ctx, rows.slice(0, middle));
  if (first.kind === 'unauthorised' || first.kind === 'stopped') return first;
  const second = await sendRows(ctx, rows.slice(middle), first.kind !== 'done');
  if (second.kind === 'unauthorised' || second.kind === 'stopped') return second;
  if (first.kind !== 'done') return first;
  if (second.kind !== 'done') return second;
  return { kind: 'done', productEditsResolved: first.productEditsResolved || second.productEditsResolved };
}

async function applyResults(ctx: PushContext, rows: QueueRow[], results: readonly { uuid: string; entity: EntityKind; status: string; code?: string | undefined; reason?: string | undefined }[]): Promise<BatchResult> {
  const byKey = new Map(results.map((r) => [`${r.entity}:${r.uuid}`, r]));
  const at = new Date(ctx.now()).toISOString();
  let unanswered = 0;
  const productEditsResolved = await ctx.db.transaction(async (tx) => {
    // The common answer, every item applied, costs one UPDATE however large the batch.
    const completed: number[] = [];
    for (const row of rows) {
      const result = byKey.get(`${ENTITY[row.entity_type]}:${row.idempotency_key}`);
      if (result === undefined) {
        unanswered += 1;
        await retryOrFail(ctx, tx, row, 'The server did not answer for this item.', null);
      } else if (result.status === 'applied' || result.status === 'duplicate') {
        completed.push(row.id);
      } else {
        await markFailed(tx, row.id, `${result.code ?? 'rejected'}: ${result.reason ?? 'rejected by the server'}`, true);
      }
    }
    await markCompleted(tx, completed, at);
    await savePushSucceeded(tx, at);
    return recomputeEdited(tx, rows);
  });
  ctx.onQueueChanged();
  if (unanswered > 0) return { kind: 'transient', code: 'bad_response', message: `The server did not answer for ${unanswered} item(s); they will be sent again.`, reachedServer: true };
  return { kind: 'done', productEditsResolved };
}

async function reschedule(ctx: PushContext, rows: QueueRow[], outcome: HubOutcome, code: 'offline' | 'server' | 'bad_response' | 'app_too_old', message: string): Promise<BatchResult> {
  const retryAfter = outcome.kind === 'http' ? outcome.retryAfterMs : null;
  await ctx.db.transaction(async (tx) => {
    for (const row of rows) await retryOrFail(ctx, tx, row, message, retryAfter);
    await recomputeEdited(tx, rows);
  });
  ctx.onQueueChanged();
  return { kind: 'transient', code, message, reachedServer: outcome.kind === 'http' || outcome.kind === 'ok' || outcome.kind === 'bad_json' };
}

async function retryOrFail(ctx: PushContext, tx: SqlExecutor, row: QueueRow, reason: string, retryAfterMs: number | null): Promise<void> {
  const failedAttempts = row.retry_count + 1;
  if (failedAttempts >= MAX_ATTEMPTS) await markFailed(tx, row.id, `Gave up after ${MAX_ATTEMPTS} attempts: ${reason}`, true, true);
  else await markRetry(tx, row.id, reason, nextAttemptAt(ctx.now(), failedAttempts, ctx.random, retryAfterMs));
}

/** Lifts or refreshes the overlay of every product whose edit was in these rows; true when any edit left Pending. */
async function recomputeEdited(tx: SqlExecutor, rows: readonly QueueRow[]): Promise<boolean> {
  const edits = rows.filter((r) => r.entity_type === 'Product');
  if (edits.length === 0) return false;
  const uuids = new Set(edits.map((r) => (JSON.parse(r.payload) as { product_uuid: string }).product_uuid));
  for (const uuid of uuids) await recomputeOverlay(tx, uuid);
  const still = await tx.get<{ n: number }>(
    `SELECT count(*) AS n FROM sync_queue WHERE status = 0 AND id IN (${edits.map(() => '?').join(', ')})`,
    edits.map((r) => r.id),
  );
  return (still?.n ?? 0) < edits.length;
}
