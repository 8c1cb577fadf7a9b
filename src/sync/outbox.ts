// The outbox insert: the only way a row enters sync_queue. It takes the open transaction of the
// local write it belongs to, so the record and its queue row commit together or not at all.
import type { SqlExecutor } from './sql-connection.ts';

export const QueueStatus = { pending: 0, completed: 1, failed: 2 } as const;
export type QueueStatus = (typeof QueueStatus)[keyof typeof QueueStatus];

export type QueueEntityType = 'Sale' | 'Product' | 'Adjustment' | 'Shift';
export type QueueAction = 'CREATE' | 'UPDATE' | 'DELETE';

export interface OutboxEntry {
  entityType: QueueEntityType;
  /** Local integer id of the record (sales.id, inventory_adjustments.id, products.id, shifts.id). */
  entityId: number;
  action: QueueAction;
  /** The wire item exactly as it will be sent (a Sale, Adjustment, ProductEdit or Shift); never re-serialised, so a resend is byte-identical. */
  payload: unknown;
  /** The item's uuid, on which the hub deduplicates. */
  idempotencyKey: string;
  /** ISO time of the local write. */
  createdAt: string;
}

export async function enqueue(tx: SqlExecutor, entry: OutboxEntry): Promise<number> {
  const result = await tx.run(
    `INSERT INTO sync_queue (entity_type, entity_id, action, payload, status, retry_count, created_at, idempotency_key, next_attempt_at)
     VALUES (?, ?, ?, ?, 0, 0, ?, ?, 0)`,
    [entry.entityType, entry.entityId, entry.action, JSON.stringify(entry.payload), entry.createdAt, entry.idempotencyKey],
  );
  return result.lastInsertRowId;
}
