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

/**
 * The one answer for an item the database refused (a taken id, data PostgreSQL cannot hold) and for an
 * item whose uuid another store (or, for product edits, another terminal) already used. One code and one
 * sentence for all of them, so a terminal cannot tell "another store has this uuid" from any other
 * invalid item: the answer is no existence oracle.
 */
export const NOT_STORABLE_REASON = 'the hub cannot store this item: an id in it is already used, or it holds data the hub cannot store';

export function notStorable(): Rejection {
  return new Rejection('invalid', NOT_STORABLE_REASON);
}

/** Whose items a table's uuids are: a replay or conflict is only told to the owner. */
const OWNER: Record<'sales' | 'adjustments' | 'product_edits' | 'shifts', 'store_id' | 'terminal_id'> = {
  sales: 'store_id',
  shifts: 'store_id',
  adjustments: 'store_id',
  product_edits: 'terminal_id',
};

/**
 * Compares a stored item's hash with the resent one: a replay is a success, anything else a conflict.
 * A uuid that belongs to someone else (another store's sale, another terminal's edit) is neither: it is
 * answered exactly like any other item the hub cannot store (NOT_STORABLE_REASON), revealing nothing about the owner.
 */
export async function replayOrConflict(
  tx: Sql,
  table: 'sales' | 'adjustments' | 'product_edits' | 'shifts',
  uuid: string,
  hash: string,
  who: { storeId: string; terminalId: string },
): Promise<Outcome> {
  const column = OWNER[table];
  const rows = await tx.query<{ content_hash: string; owner: string }>(`SELECT content_hash, ${column}::text AS owner FROM ${table} WHERE uuid = $1`, [uuid]);
  const row = rows[0];
  if (row === undefined || row.owner !== (column === 'store_id' ? who.storeId : who.terminalId)) throw notStorable();
  if (row.content_hash === hash) return 'duplicate';
  throw new Rejection('uuid_conflict', `uuid ${uuid} was already used for different content`);
}

export function resultOf(uuid: string, entity: ItemResult['entity'], outcome: Outcome | Rejection): ItemResult {
  if (outcome instanceof Rejection) return { uuid, entity, status: 'rejected', code: outcome.code, reason: outcome.message };
  return { uuid, entity, status: outcome };
}
