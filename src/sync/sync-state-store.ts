// The one sync_state row: the pull cursor exactly as the hub issued it, when a full pull and a push
// last succeeded (the till's clock, for display only: never sent, never used as a cursor), and
// the last sync error, kept so the status survives a restart.
import type { SqlExecutor } from './sql-connection.ts';

export interface SyncError {
  code: string;
  message: string;
  at: string;
}

export interface SyncStateRow {
  cursor: string | null;
  lastPullAt: string | null;
  lastPushAt: string | null;
  lastError: SyncError | null;
}

export async function readSyncState(db: SqlExecutor): Promise<SyncStateRow> {
  const row = await db.get<{ cursor: string | null; last_pull_at: string | null; last_push_at: string | null; last_error: string | null }>(
    `SELECT cursor, last_pull_at, last_push_at, last_error FROM sync_state WHERE id = 1`,
  );
  return {
    cursor: row?.cursor ?? null,
    lastPullAt: row?.last_pull_at ?? null,
    lastPushAt: row?.last_push_at ?? null,
    lastError: parseError(row?.last_error ?? null),
  };
}

function parseError(json: string | null): SyncError | null {
  if (json === null) return null;
  try {
    const v = JSON.parse(json) as Partial<SyncError>;
    return typeof v.code === 'string' && typeof v.message === 'string' && typeof v.at === 'string' ? { code: v.code, message: v.message, at: v.at } : null;
  } catch {
    return null;
  }
}

/** Stores the cursor a page advanced to; called inside the transaction that applied the page. */
export async function saveCursor(tx: SqlExecutor, cursor: string, pullCompletedAt: string | null): Promise<void> {
  if (pullCompletedAt === null) await tx.run(`UPDATE sync_state SET cursor = ? WHERE id = 1`, [cursor]);
  else await tx.run(`UPDATE sync_state SET cursor = ?, last_pull_at = ? WHERE id = 1`, [cursor, pullCompletedAt]);
}

export async function clearCursor(tx: SqlExecutor): Promise<void> {
  await tx.run(`UPDATE sync_state SET cursor = NULL, last_pull_at = NULL WHERE id = 1`);
}

export async function savePushSucceeded(tx: SqlExecutor, at: string): Promise<void> {
  await tx.run(`UPDATE sync_state SET last_push_at = ? WHERE id = 1`, [at]);
}

/**
 * Stores the last error (null clears it). The same code again keeps its first `at`: the error's time
 * says since when the problem lasts, not when it was last seen.
 */
export async function saveLastError(db: SqlExecutor, error: SyncError | null): Promise<void> {
  let stored = error;
  if (error !== null) {
    const previous = (await readSyncState(db)).lastError;
    if (previous !== null && previous.code === error.code) stored = { ...error, at: previous.at };
  }
  await db.run(`UPDATE sync_state SET last_error = ? WHERE id = 1`, [stored === null ? null : JSON.stringify(stored)]);
}
