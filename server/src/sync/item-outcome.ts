// How one upstream item ends, and the exception an ingest step throws to reject it: the batch rolls back
// to the item's savepoint, so a rejected item leaves nothing behind while the rest of the batch applies.
import type { ItemResult, RejectCode } from '@ezo/contract/upstream';
import { MAX_TEXT_LENGTH } from '@ezo/contract/limits';
import type { Sql } from '../db/database.ts';

export class Rejection extends Error {
  readonly code: RejectCode;
  constructor(code: RejectCode, reason: string) {
    super(reason.slice(0, MAX_TEXT_LENGTH));
    this.code = code;
    this.name = 'Rejection';
  }
}

export type Outcome = 'applied' | 'duplicate';

/**
 * The commit-order lock of migrations/001-initial.ts. Lock order (server/README.md, "Lock order"): a
 * transaction's versioned work takes it before any other lock of that work, and under it no row lock is
 * taken that a writer without it could hold.
 */
export const COMMIT_ORDER_LOCK_KEY = 1702522734;

/** Compares a stored item's hash with the resent one: a replay is a success, anything else a conflict. */
export async function replayOrConflict(tx: Sql, table: 'sales' | 'adjustments' | 'product_edits', uuid: string, hash: string): Promise<Outcome> {
  const rows = await tx.query<{ content_hash: string }>(`SELECT content_hash FROM ${table} WHERE uuid = $1`, [uuid]);
  if (rows[0]?.content_hash === hash) return 'duplicate';
  throw new Rejection('uuid_conflict', `uuid ${uuid} was already used for different content`);
}

export function resultOf(uuid: string, entity: ItemResult['entity'], outcome: Outcome | Rejection): ItemResult {
  if (outcome instanceof Rejection) return { uuid, entity, status: 'rejected', code: outcome.code, reason: outcome.message };
  return { uuid, entity, status: outcome };
}
