// The queue reads and writes the push relies on, on real in-memory wa-sqlite: which rows a batch
// takes (due, Pending, oldest first) and that one acknowledgement moves exactly the rows it names.
import { beforeEach, describe, expect, it } from 'vitest';
import { openMigratedMemoryDb } from '../../test-support/memory-db.ts';
import type { SqlConnection } from './sql-connection.ts';
import { enqueue, QueueStatus } from './outbox.ts';
import { duePending, markCompleted, markFailed, markRetry, nextRetryAt, queueCounts } from './queue-store.ts';
import { queueRows } from './testing/till-fixture.ts';

const NOW = 1_000_000;
const ROWS = 8;

let db: SqlConnection;
let ids: number[];

beforeEach(async () => {
  db = await openMigratedMemoryDb();
  ids = [];
  for (let i = 0; i < ROWS; i++) {
    ids.push(
      await db.transaction((tx) =>
        enqueue(tx, { entityType: 'Sale', entityId: i + 1, action: 'CREATE', payload: { n: i }, idempotencyKey: `key-${i}`, createdAt: '2026-01-01T00:00:00.000Z' }),
      ),
    );
  }
});

const id = (i: number) => ids[i] as number;

describe('duePending', () => {
  it('takes due Pending rows oldest first, skipping rows still backing off and rows no longer Pending', async () => {
    await db.transaction(async (tx) => {
      await markRetry(tx, id(0), 'later', NOW + 1); // not due yet
      await markRetry(tx, id(2), 'earlier', NOW - 1); // due again: keeps its place by id
      await markFailed(tx, id(3), 'refused', true);
      await markCompleted(tx, [id(4)], '2026-01-01T00:00:01.000Z');
    });
    const rows = await duePending(db, NOW, 3);
    expect(rows.map((r) => r.id)).toEqual([id(1), id(2), id(5)]);
    expect(rows[1]).toMatchObject({ payload: '{"n":2}', retry_count: 1, idempotency_key: 'key-2', entity_type: 'Sale' });
    expect((await duePending(db, NOW, ROWS)).map((r) => r.id)).toEqual([id(1), id(2), id(5), id(6), id(7)]);
  });

  it('leaves out the rows of batches in flight, and still takes `limit` rows', async () => {
    expect((await duePending(db, NOW, 3, [id(0), id(2), id(3)])).map((r) => r.id)).toEqual([id(1), id(4), id(5)]);
    expect((await duePending(db, NOW, ROWS, ids)).map((r) => r.id)).toEqual([]);
  });
});

describe('nextRetryAt', () => {
  it('counts the rows that came due after the pass started, even when they are due by the time it ended', async () => {
    // The other Pending rows are due since they were queued (next_attempt_at 0).
    await db.transaction((tx) => markRetry(tx, id(0), 'backing off', NOW + 10));
    // The pass started before the row came due and ended after: the row's push missed it, the timer must not.
    expect(await nextRetryAt(db, NOW)).toBe(NOW + 10);
    // A pass that started after the row came due had the row to send: no timer for it (offline tills do not spin).
    expect(await nextRetryAt(db, NOW + 10)).toBeNull();
    await db.transaction((tx) => markRetry(tx, id(1), 'later', NOW + 500));
    expect(await nextRetryAt(db, NOW + 10)).toBe(NOW + 500);
  });
});

describe('markCompleted', () => {
  it('moves exactly the named Pending rows, and leaves a named row that is no longer Pending as it is', async () => {
    await db.transaction((tx) => markFailed(tx, id(1), 'refused', true));
    await db.transaction((tx) => markCompleted(tx, [id(0), id(1), id(2)], '2026-01-01T00:00:01.000Z'));
    const status = (await queueRows(db)).map((r) => r.status);
    expect(status).toEqual([QueueStatus.completed, QueueStatus.failed, QueueStatus.completed, ...Array<number>(ROWS - 3).fill(QueueStatus.pending)]);
    const completedAt = await db.all<{ completed_at: string | null }>(`SELECT completed_at FROM sync_queue ORDER BY id LIMIT 3`);
    expect(completedAt.map((r) => r.completed_at)).toEqual(['2026-01-01T00:00:01.000Z', null, '2026-01-01T00:00:01.000Z']);
  });

  it('with no ids changes nothing', async () => {
    await db.transaction((tx) => markCompleted(tx, [], '2026-01-01T00:00:01.000Z'));
    expect((await queueRows(db)).every((r) => r.status === QueueStatus.pending)).toBe(true);
  });
});

describe('queueCounts', () => {
  const DONE_AT = '2026-01-03T00:00:00.000Z';
  /** The counts read row by row, as the status read them before the index-only query. */
  const oracle = () =>
    db.get(`SELECT count(*) FILTER (WHERE status = 0) AS pending, count(*) FILTER (WHERE status = 2) AS failed,
                   count(*) FILTER (WHERE status = 0 AND entity_type = 'Sale') AS pendingSales,
                   count(*) FILTER (WHERE status = 2 AND entity_type = 'Sale') AS failedSales, min(created_at) AS oldestAt
              FROM sync_queue WHERE status IN (0, 2)`);

  it('counts open rows, sales apart, and finds the oldest open row, as reading every row does', async () => {
    // Beside the 8 pending sales: adjustments and a product edit, some sent, failed or in backoff.
    const more = ['Adjustment', 'Product', 'Sale', 'Adjustment', 'Sale'] as const;
    for (const [i, entityType] of more.entries()) {
      await db.transaction((tx) =>
        enqueue(tx, { entityType, entityId: 100 + i, action: 'CREATE', payload: { i }, idempotencyKey: `more-${i}`, createdAt: `2026-01-02T00:00:0${i}.000Z` }),
      );
    }
    // Queued one second apart, in id order.
    await db.run(`UPDATE sync_queue SET created_at = printf('2026-01-01T00:00:%02d.000Z', id)`);
    const all = await db.all<{ id: number }>('SELECT id FROM sync_queue ORDER BY id');
    const at = (i: number) => all[i]?.id as number;
    await db.transaction(async (tx) => {
      await markCompleted(tx, [at(0), at(9)], DONE_AT);
      await markRetry(tx, at(1), 'offline', NOW + 5_000);
      await markFailed(tx, at(3), 'bad', true);
      await markFailed(tx, at(8), 'bad', true);
      await markRetry(tx, at(10), 'offline', NOW + 5_000);
    });
    const check = async () => expect(await queueCounts(db)).toEqual(await oracle());
    await check();
    expect(await queueCounts(db)).toMatchObject({ pending: 9, failed: 2, pendingSales: 8, failedSales: 1 });
    // The oldest open row is in backoff (at 1); then a failed one is oldest (at 3); then none is open.
    expect((await queueCounts(db)).oldestAt).toBe('2026-01-01T00:00:02.000Z');
    await db.transaction((tx) => markCompleted(tx, all.slice(1, 8).map((r) => r.id), DONE_AT));
    await check();
    expect((await queueCounts(db)).oldestAt).toBe('2026-01-01T00:00:04.000Z');
    await db.run('UPDATE sync_queue SET status = 1');
    expect(await queueCounts(db)).toEqual({ pending: 0, failed: 0, pendingSales: 0, failedSales: 0, oldestAt: null });
  });
});
