// The one interface every module uses to reach SQLite: the worker's wa-sqlite connection on OPFS
// implements it, and so does an in-memory wa-sqlite connection in Node tests. Repositories and the
// sync engine depend only on this, so they run unchanged in both places. Besides statements it
// reports which tables each commit changed, so state kept in tables (the sync status, the cached
// pairing) follows every write without the writer having to say so.

export type SqlValue = number | string | null | Uint8Array;
export type SqlRow = Record<string, SqlValue>;

export interface RunResult {
  /** Rows changed by the statement. */
  changes: number;
  /** rowid of the last inserted row on this connection. */
  lastInsertRowId: number;
}

export interface SqlExecutor {
  /** One or more statements without parameters (DDL, pragmas). */
  exec(sql: string): Promise<void>;
  /** One statement with positional parameters. */
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  all<T extends object = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T extends object = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
}

export interface SqlConnection extends SqlExecutor {
  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE ... COMMIT). If `fn` throws, everything it
   * wrote is rolled back and the error is rethrown. Calls on the connection are serialised: no other
   * statement interleaves with an open transaction.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` after every commit that changed rows, with the names of the tables it changed:
   * after a transaction's COMMIT, or after a statement run outside a transaction. Never before the
   * commit, never for a rolled-back transaction or a statement that failed. The set may name more
   * tables than changed (an exec() script reports every table it could write), never fewer: a write
   * through a trigger reports the trigger's tables too. Listeners are called synchronously while the
   * connection is still held, before the writer's call resolves: they must only note or schedule
   * (a statement they start waits its turn). A listener that throws is reported and skipped; the
   * commit stands. Returns the function that removes the listener.
   */
  onCommit(listener: CommitListener): () => void;
  close(): Promise<void>;
}

/** The tables a commit changed (see SqlConnection.onCommit). */
export type CommitListener = (tables: ReadonlySet<string>) => void;
