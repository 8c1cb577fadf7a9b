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
  /**
   * LISTENs on `channel` on a connection of its own (PostgreSQL: one dedicated client, reconnected after
   * a loss; PGlite: its one connection, on the worker). Resolves once listening; the returned function
   * stops. `missed` is called after a reconnect: notices sent meanwhile are lost, so listeners recheck.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<Unlisten>;
}

export interface NotificationHandlers {
  notify(payload: string): void;
  missed(): void;
}

export type Unlisten = () => Promise<void>;

/** Channel names are SQL identifiers here (LISTEN takes no parameter): only these are allowed. */
export const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

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

/**
 * SQLSTATE classes that say the data of one statement cannot be stored: data exception (22: a NUL, an
 * out-of-range date, a bad encoding), integrity constraint (23: a taken id, a failed check), program limit
 * (54: a value too large) and a trigger's RAISE (P0). Everything else (connection 08, rollback 40, resources
 * 53, and 42, which is a bug in the hub's own SQL) is about the server: it fails the request, so the till
 * retries, instead of rejecting good items for the hub's fault.
 */
const DATA_ERROR_CLASSES: ReadonlySet<string> = new Set(['22', '23', '54', 'P0']);

/** True for a database error caused by the data one statement carried (a NUL, an out-of-range date, a taken id). */
export function isDataError(code: string | undefined): code is string {
  return code !== undefined && code.length === 5 && DATA_ERROR_CLASSES.has(code.slice(0, 2));
}

export function pgErrorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}
