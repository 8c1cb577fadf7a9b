// Every read and state change of sync_queue the sync engine makes (rows enter only through
// outbox.ts). Status moves Pending -> Completed on the hub's acknowledgement, Pending -> Failed on
// a rejection or the last attempt, Failed -> Pending when staff retry. Nothing is deleted except
// Completed rows past the retention period.
import type { SqlExecutor } from './sql-connection.ts';
import type { QueueItemView } from '../api/till-api.ts';
import { QueueStatus, type QueueEntityType } from './outbox.ts';

/** Completed rows are kept this long (for the sale's "synced" badge and for support), then pruned. */
export const COMPLETED_RETENTION_MS = 7 * 24 * 60 * 60_000;

export interface QueueRow {
  id: number;
  entity_type: QueueEntityType;
  entity_id: number;
  payload: string;
  retry_count: number;
  idempotency_key: string;
}

/**
 * Pending rows due now, oldest first, leaving out `exclude` (the rows of batches still in flight).
 * The ids are chosen on the covering index sync_queue_due and only then are the chosen rows read:
 * sorting the due rows by id in one query would pull every pending row's payload through the
 * sorter, once per batch (quadratic in the queue's length; on OPFS, payload pages beyond SQLite's
 * cache are read again for every batch). The excluded ids travel as one JSON array, so the
 * statement text is the same however many there are.
 */
export async function duePending(db: SqlExecutor, now: number, limit: number, exclude: readonly number[] = []): Promise<QueueRow[]> {
  return db.all<QueueRow>(
    `SELECT id, entity_type, entity_id, payload, retry_count, idempotency_key FROM sync_queue
     WHERE id IN (SELECT id FROM sync_queue WHERE status = ${QueueStatus.pending} AND next_attempt_at <= ?
                    AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ?)
     ORDER BY id`,
    [now, JSON.stringify(exclude), limit],
  );
}

/**
 * Whether a Pending row older than `beforeId`, outside `exclude`, provides `key` (`sale:<uuid>` or
 * `product:<uuid>`, push.ts's dependency keys). Such a row may be waiting out its backoff while a younger
 * row that needs it is due: the younger one must wait too, or the hub would see a refund before its sale.
 */
export async function pendingProvider(db: SqlExecutor, key: string, beforeId: number, exclude: readonly number[]): Promise<boolean> {
  const [kind, uuid] = key.split(':', 2) as [string, string];
  const match = kind === 'sale' ? `entity_type = 'Sale' AND idempotency_key = ? COLLATE NOCASE` : `entity_type = 'Product' AND json_extract(payload, '$.product_uuid') = ? COLLATE NOCASE`;
  const row = await db.get<{ one: number }>(
    `SELECT 1 AS one FROM sync_queue WHERE status = ${QueueStatus.pending} AND id < ? AND id NOT IN (SELECT value FROM json_each(?)) AND ${match} LIMIT 1`,
    [beforeId, JSON.stringify(exclude), uuid],
  );
  return row !== undefined;
}

/**
 * When the retry timer should fire after a pass that started at `passStartedAt`: the earliest
 * next_attempt_at among Pending rows that came due after that start, or null. Such a row may already
 * be due (it came due while the pass ran, after the push had picked its rows, or the timer fired a
 * millisecond early), and the caller fires at once then; counting from the end of the pass instead
 * left that row waiting for the periodic timer. A row due at the start was the pass's to send: when it
 * stayed (offline, not authorised) the online event or "Sync now" brings it, so the timer never spins.
 */
export async function nextRetryAt(db: SqlExecutor, passStartedAt: number): Promise<number | null> {
  const row = await db.get<{ at: number | null }>(`SELECT min(next_attempt_at) AS at FROM sync_queue WHERE status = ${QueueStatus.pending} AND next_attempt_at > ?`, [passStartedAt]);
  return row?.at ?? null;
}

/** The earliest next_attempt_at among Pending rows, or null when none is pending. */
export async function nextDueAt(db: SqlExecutor): Promise<number | null> {
  const row = await db.get<{ at: number | null }>(`SELECT min(next_attempt_at) AS at FROM sync_queue WHERE status = ${QueueStatus.pending}`);
  return row?.at ?? null;
}

/**
 * Marks the acknowledged rows Completed in one statement (the ids travel as one JSON array, so the
 * statement text, and its cached prepared statement, is the same for every batch size). Only rows
 * still Pending move: a row another path already settled keeps its state. `+status` keeps SQLite
 * from walking every Pending row on sync_queue_due: the rows are found by id, then checked.
 */
export async function markCompleted(tx: SqlExecutor, ids: readonly number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(
    `UPDATE sync_queue SET status = ${QueueStatus.completed}, completed_at = ?, last_error = NULL
     WHERE id IN (SELECT value FROM json_each(?)) AND +status = ${QueueStatus.pending}`,
    [at, JSON.stringify(ids)],
  );
}

/**
 * Parks a Pending row as Failed. `transient`: it failed only because the hub could not be reached or
 * answered 5xx/429 on every attempt; such rows go back to Pending by themselves once the hub answers
 * (reviveTransientFailures). A rejection by the hub is not transient and waits for staff.
 */
export async function markFailed(tx: SqlExecutor, id: number, reason: string, countAttempt: boolean, transient = false): Promise<void> {
  await tx.run(
    `UPDATE sync_queue SET status = ${QueueStatus.failed}, last_error = ?, retry_count = retry_count + ?, failed_transient = ?
     WHERE id = ? AND status = ${QueueStatus.pending}`,
    [reason, countAttempt ? 1 : 0, transient ? 1 : 0, id],
  );
}

/** Puts rows parked for transient reasons back to Pending, due at once; called when the hub answered again. Returns how many. */
export async function reviveTransientFailures(tx: SqlExecutor): Promise<number> {
  const result = await tx.run(
    `UPDATE sync_queue SET status = ${QueueStatus.pending}, retry_count = 0, next_attempt_at = 0, failed_transient = 0
     WHERE status = ${QueueStatus.failed} AND failed_transient = 1`,
  );
  return result.changes;
}

/**
 * Makes every Pending row due now; called when the hub just answered a pull asked for by staff or a
 * start ("Sync now"): rows waiting out a backoff from while it was unreachable go in this pass, not
 * minutes later. Returns how many rows were waiting.
 */
export async function makePendingDue(tx: SqlExecutor): Promise<number> {
  const result = await tx.run(`UPDATE sync_queue SET next_attempt_at = 0 WHERE status = ${QueueStatus.pending} AND next_attempt_at > 0`);
  return result.changes;
}

export async function markRetry(tx: SqlExecutor, id: number, reason: string, nextAttemptAt: number): Promise<void> {
  await tx.run(
    `UPDATE sync_queue SET retry_count = retry_count + 1, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = ${QueueStatus.pending}`,
    [nextAttemptAt, reason, id],
  );
}

/** The partial index sync_queue_open_not_sales (migration 13) serves a WHERE that repeats its condition. */
const OPEN_NOT_SALE = `entity_type <> 'Sale' AND status IN (${QueueStatus.pending}, ${QueueStatus.failed})`;

/**
 * The open (pending, failed) rows for the sync status, read after every commit that touches the queue
 * (every sale). Only index entries are read, never a row's JSON: the counts from sync_queue_due
 * (status, next_attempt_at, id), the rows that are not sales from sync_queue_open_not_sales, and the
 * first open row (lowest id: queued first) by seeks where next_attempt_at = 0 (never tried) and a walk
 * of the few in backoff; then that one row's created_at (the device clock when it was queued). Reading
 * every open row instead took 6-13 ms with 10,000 sales queued offline.
 */
const QUEUE_COUNTS_SQL = `
  SELECT (SELECT count(*) FROM sync_queue WHERE status = ${QueueStatus.pending}) AS pending,
         (SELECT count(*) FROM sync_queue WHERE status = ${QueueStatus.failed}) AS failed,
         (SELECT count(*) FROM sync_queue WHERE ${OPEN_NOT_SALE} AND status = ${QueueStatus.pending}) AS pending_other,
         (SELECT count(*) FROM sync_queue WHERE ${OPEN_NOT_SALE} AND status = ${QueueStatus.failed}) AS failed_other,
         (SELECT created_at FROM sync_queue WHERE id = (
            SELECT min(id) FROM (
              SELECT min(id) AS id FROM sync_queue WHERE status = ${QueueStatus.pending} AND next_attempt_at = 0
              UNION ALL SELECT min(id) FROM sync_queue WHERE status = ${QueueStatus.pending} AND next_attempt_at > 0
              UNION ALL SELECT min(id) FROM sync_queue WHERE status = ${QueueStatus.failed}))) AS oldest_at`;

export async function queueCounts(db: SqlExecutor): Promise<{ pending: number; failed: number; pendingSales: number; failedSales: number; oldestAt: string | null }> {
  const row = await db.get<{ pending: number; failed: number; pending_other: number; failed_other: number; oldest_at: string | null }>(QUEUE_COUNTS_SQL);
  return {
    pending: row?.pending ?? 0,
    failed: row?.failed ?? 0,
    pendingSales: (row?.pending ?? 0) - (row?.pending_other ?? 0),
    failedSales: (row?.failed ?? 0) - (row?.failed_other ?? 0),
    oldestAt: row?.oldest_at ?? null,
  };
}

/** Puts Failed rows back to Pending with a fresh attempt count; all of them when ids is empty. Returns the rows moved. */
export async function resetFailed(tx: SqlExecutor, ids: readonly number[]): Promise<{ id: number; entity_type: QueueEntityType; payload: string }[]> {
  const filter = ids.length === 0 ? '' : ` AND id IN (${ids.map(() => '?').join(', ')})`;
  const rows = await tx.all<{ id: number; entity_type: QueueEntityType; payload: string }>(
    `SELECT id, entity_type, payload FROM sync_queue WHERE status = ${QueueStatus.failed}${filter}`,
    ids,
  );
  await tx.run(
    `UPDATE sync_queue SET status = ${QueueStatus.pending}, retry_count = 0, next_attempt_at = 0, last_error = NULL, failed_transient = 0
     WHERE status = ${QueueStatus.failed}${filter}`,
    ids,
  );
  return rows;
}

/** Deletes Completed rows acknowledged before `cutoffIso`; Pending and Failed rows are never touched. */
export async function pruneCompleted(db: SqlExecutor, cutoffIso: string): Promise<number> {
  const result = await db.run(`DELETE FROM sync_queue WHERE status = ${QueueStatus.completed} AND completed_at < ?`, [cutoffIso]);
  return result.changes;
}

/** Pending and Failed rows, oldest first, with their stored payload bytes. */
export async function unsyncedRows(db: SqlExecutor): Promise<QueueRow[]> {
  return db.all<QueueRow>(
    `SELECT id, entity_type, entity_id, payload, retry_count, idempotency_key FROM sync_queue
     WHERE status IN (${QueueStatus.pending}, ${QueueStatus.failed}) ORDER BY id`,
  );
}

export async function failedItems(db: SqlExecutor): Promise<QueueItemView[]> {
  const rows = await db.all<{
    id: number;
    entity_type: QueueEntityType;
    created_at: string;
    retry_count: number;
    last_error: string | null;
    receipt: string | null;
    product_name: string | null;
    delta: number | null;
    z_number: number | null;
  }>(
    `SELECT q.id, q.entity_type, q.created_at, q.retry_count, q.last_error,
            json_extract(q.payload, '$.receipt_number') AS receipt,
            coalesce(p.name, json_extract(q.payload, '$.name'), json_extract(q.payload, '$.product_uuid')) AS product_name,
            json_extract(q.payload, '$.delta') AS delta, json_extract(q.payload, '$.z_number') AS z_number
     FROM sync_queue q LEFT JOIN products p ON p.uuid = json_extract(q.payload, '$.product_uuid')
     WHERE q.status = ${QueueStatus.failed} ORDER BY q.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    entityType: r.entity_type,
    label: itemLabel(r.entity_type, r.receipt, r.product_name, r.delta, r.z_number),
    createdAt: r.created_at,
    retryCount: r.retry_count,
    lastError: r.last_error,
  }));
}

function itemLabel(type: QueueEntityType, receipt: string | null, productName: string | null, delta: number | null, zNumber: number | null): string {
  switch (type) {
    case 'Sale':
      return `Receipt ${receipt ?? '?'}`;
    case 'Adjustment':
      return `Stock ${delta !== null && delta > 0 ? '+' : ''}${delta ?? '?'} ${productName ?? ''}`.trim();
    case 'Product':
      return `Edit of ${productName ?? 'a product'}`;
    case 'Shift':
      return `Z ${zNumber ?? '?'}`;
  }
}
