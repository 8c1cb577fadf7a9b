// The one interface every module uses to reach SQLite: the worker's wa-sqlite connection on OPFS
// implements it, and so does an in-memory wa-sqlite connection in Node tests. Repositories and the
// sync engine depend only on this, so they run unchanged in both places.

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
  close(): Promise<void>;
}
