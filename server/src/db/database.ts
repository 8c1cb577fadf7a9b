// The hub's one view of PostgreSQL, whether embedded PGlite or a real server through `pg`: the
// rest of the server speaks only this interface, so every test runs unchanged on both backends.

export type SqlParam = string | number | boolean | null | Date | Uint8Array | readonly unknown[] | Record<string, unknown>;

export interface Sql {
  /** Rows of one statement with $1..$n parameters. bigint columns may come back as number or string: cast in SQL. */
  query: <R = Record<string, unknown>>(text: string, params?: readonly SqlParam[]) => Promise<R[]>;
}

export interface Database extends Sql {
  /** Runs `fn` in one transaction (READ COMMITTED unless `fn` sets otherwise first); rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
  /** The connections at this moment, for the metrics: PGlite has one, and its callers queue for it. */
  poolStats(): PoolStats;
}

export interface PoolStats {
  /** Connections open (PGlite: 1). */
  total: number;
  /** Open and not in use. */
  idle: number;
  /** Callers waiting for a connection (PGlite: statements queued for its one connection). */
  waiting: number;
}

/** PostgreSQL error codes the hub reacts to. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_NUMERIC_OUT_OF_RANGE = '22003';
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK_DETECTED = '40P01';

export function pgErrorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}
