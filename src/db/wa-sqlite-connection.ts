// SqlConnection over a wa-sqlite database handle. The same class serves the worker (OPFS or
// IndexedDB VFS) and Node tests (in-memory), so what the tests exercise is what the till runs.
// SQLite result codes become a TillError at this one boundary. Every statement passes here, so
// this is also where commits are reported with the tables they changed (onCommit).
import * as SQLite from '@journeyapps/wa-sqlite';
import type { CommitListener, RunResult, SqlConnection, SqlExecutor, SqlRow, SqlValue } from '../sync/sql-connection.ts';
import { TillError } from '../api/till-error.ts';

/** Prepared statements kept per connection; the sale path reuses the same handful. */
const STATEMENT_CACHE_SIZE = 64;

/** Authorizer action codes that write rows; their third argument is the table. */
const WRITE_ACTIONS: ReadonlySet<number> = new Set([SQLite.SQLITE_INSERT, SQLite.SQLITE_UPDATE, SQLite.SQLITE_DELETE]);

/** A cached prepared statement and the tables it can write (empty for a read). */
interface Prepared {
  stmt: number;
  writes: Set<string>;
}

/** Serialises async work: wa-sqlite is one connection and a transaction must not interleave. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/**
 * Which tables a commit changed is learnt from SQLite's authorizer, which names every table a
 * statement can write (including through its triggers and WITHOUT ROWID tables) while the statement
 * is prepared: once per cached statement, not per execution. The update hook was the other
 * candidate; it fires per changed row (a cost on every row of a first-sync page) and never for
 * WITHOUT ROWID tables, where the pairing lives (settings). A statement's tables count as changed
 * when sqlite3_changes() says it changed rows; they are reported after COMMIT (or at once outside
 * a transaction) and dropped on rollback.
 *
 * wa-sqlite keeps one authorizer per module: each connection here has a module of its own (one per
 * worker, one per in-memory test database).
 */
export class WaSqliteConnection implements SqlConnection {
  private readonly mutex = new Mutex();
  private readonly cache = new Map<string, Prepared>();
  private closed = false;
  private readonly direct: SqlExecutor;
  private readonly listeners = new Set<CommitListener>();
  /** Tables changed since the last commit or rollback: reported at the commit, dropped at a rollback. */
  private changed = new Set<string>();
  /** True inside transaction(): statements' changes wait for its COMMIT. */
  private inTransaction = false;
  /** Where the authorizer notes written tables: the statement being prepared, or re-prepared by step after a schema change. */
  private writesOfStatement: Set<string> | null = null;

  constructor(
    readonly sqlite3: SQLiteAPI,
    readonly db: number,
    /** The VFS, whose `lastError` holds the browser's error behind an SQLITE_IOERR (a full quota). */
    private readonly vfs: { lastError: unknown } | null = null,
  ) {
    this.direct = {
      exec: (sql) => this.execNow(sql),
      run: (sql, params) => this.runNow(sql, params),
      all: <T extends object>(sql: string, params?: readonly SqlValue[]) => this.allNow<T>(sql, params),
      get: async <T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> => (await this.allNow<T>(sql, params))[0],
    };
    sqlite3.set_authorizer(
      db,
      (_app: unknown, action: number, table: string | null) => {
        if (this.writesOfStatement !== null && table !== null && WRITE_ACTIONS.has(action)) this.writesOfStatement.add(table);
        return SQLite.SQLITE_OK;
      },
      null,
    );
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  exec(sql: string): Promise<void> {
    return this.mutex.run(() => this.execNow(sql));
  }
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.mutex.run(() => this.runNow(sql, params));
  }
  all<T extends object = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.mutex.run(() => this.allNow<T>(sql, params));
  }
  async get<T extends object = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      // Prepared once and cached like any statement: exec() would parse them on every transaction.
      await this.runNow('BEGIN IMMEDIATE');
      this.inTransaction = true;
      try {
        const result = await fn(this.direct);
        await this.runNow('COMMIT');
        this.inTransaction = false;
        this.reportCommit();
        return result;
      } catch (error) {
        this.inTransaction = false;
        this.changed.clear(); // rolled back below (or by the failed COMMIT itself): nothing to report
        // A failed COMMIT may already have rolled back; only roll back an open transaction.
        if (!this.sqlite3.get_autocommit(this.db)) {
          await this.execNow('ROLLBACK').catch(() => undefined);
        }
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return this.mutex.run(async () => {
      if (this.closed) return;
      this.closed = true;
      this.listeners.clear();
      for (const { stmt } of this.cache.values()) await this.sqlite3.finalize(stmt);
      this.cache.clear();
      await this.sqlite3.close(this.db);
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new TillError('moved', 'The database is closed in this tab.');
  }

  /**
   * A script is prepared statement by statement inside sqlite3.exec, so its changes are not counted
   * per statement: every table it can write is taken as changed, even when it fails part-way (its
   * earlier statements may have committed).
   */
  private async execNow(sql: string): Promise<void> {
    this.assertOpen();
    const writes = new Set<string>();
    this.writesOfStatement = writes;
    try {
      await this.wrap(() => this.sqlite3.exec(this.db, sql));
    } finally {
      this.writesOfStatement = null;
      if (writes.size > 0) this.noteWrites(writes);
    }
  }

  /** A statement changed rows in these tables: reported now outside a transaction, else at its COMMIT. */
  private noteWrites(tables: ReadonlySet<string>): void {
    for (const table of tables) this.changed.add(table);
    // A transaction opened by hand (exec('BEGIN')) is reported at its end; if it rolled back, its
    // tables are reported with the next commit (more than changed, never fewer). Use transaction().
    if (!this.inTransaction && this.sqlite3.get_autocommit(this.db)) this.reportCommit();
  }

  private reportCommit(): void {
    if (this.changed.size === 0) return;
    const tables: ReadonlySet<string> = this.changed; // handed over, not copied: listeners may keep it
    this.changed = new Set();
    for (const listener of this.listeners) {
      try {
        listener(tables);
      } catch (error) {
        console.error('A commit listener failed; the commit stands', error);
      }
    }
  }

  private async runNow(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    const changes = await this.stepAll(sql, params, null);
    return { changes, lastInsertRowId: this.sqlite3.last_insert_id(this.db) };
  }

  private async allNow<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const rows: T[] = [];
    await this.stepAll(sql, params, rows as SqlRow[]);
    return rows;
  }

  /**
   * One statement, start to finish; returns sqlite3_changes() for run() and for a write (0 for a
   * read through all()). The cached case stays free of extra promises and closures: it runs a dozen
   * times per sale, so its overhead is on the path staff wait on.
   */
  private async stepAll(sql: string, params: readonly SqlValue[], rows: SqlRow[] | null): Promise<number> {
    this.assertOpen();
    const { stmt, writes } = this.cached(sql) ?? (await this.prepare(sql));
    const { sqlite3 } = this;
    if (this.vfs !== null) this.vfs.lastError = null;
    this.writesOfStatement = writes;
    try {
      if (params.length > 0) sqlite3.bind_collection(stmt, params as SqlValue[]);
      let names: string[] | null = null;
      while ((await sqlite3.step(stmt)) === SQLite.SQLITE_ROW) {
        if (rows === null) continue;
        names ??= sqlite3.column_names(stmt);
        const values = sqlite3.row(stmt);
        const row: SqlRow = {};
        for (let i = 0; i < names.length; i++) row[names[i] as string] = toSqlValue(values[i]);
        rows.push(row);
      }
    } catch (error) {
      throw toTillError(error, this.vfs?.lastError);
    } finally {
      this.writesOfStatement = null;
      // reset() repeats the error of a failed step; that error was already thrown above.
      try {
        await sqlite3.reset(stmt);
      } catch {
        /* reported by step */
      }
      sqlite3.clear_bindings(stmt);
    }
    // After a read, sqlite3_changes() still holds the last write's count: only a write's count says it changed rows.
    const changes = rows === null || writes.size > 0 ? sqlite3.changes(this.db) : 0;
    if (writes.size > 0 && changes > 0) this.noteWrites(writes);
    return changes;
  }

  /** The prepared statement for `sql` if it is cached, marked as most recently used. */
  private cached(sql: string): Prepared | undefined {
    const prepared = this.cache.get(sql);
    if (prepared !== undefined) {
      // Refresh recency: Map iteration order is insertion order.
      this.cache.delete(sql);
      this.cache.set(sql, prepared);
    }
    return prepared;
  }

  /** Prepares and caches `sql`, evicting the least recently used statement past STATEMENT_CACHE_SIZE. */
  private async prepare(sql: string): Promise<Prepared> {
    let stmt: number | undefined;
    const writes = new Set<string>();
    this.writesOfStatement = writes;
    try {
      await this.wrap(async () => {
        for await (const next of this.sqlite3.statements(this.db, sql, { unscoped: true })) {
          if (stmt !== undefined) {
            await this.sqlite3.finalize(next);
            throw new TillError('internal', 'run/all/get take exactly one statement; use exec for several');
          }
          stmt = next;
        }
      });
    } finally {
      this.writesOfStatement = null;
    }
    if (stmt === undefined) throw new TillError('internal', `no statement in: ${sql}`);
    const prepared: Prepared = { stmt, writes };
    this.cache.set(sql, prepared);
    if (this.cache.size > STATEMENT_CACHE_SIZE) {
      const [oldestSql, oldest] = this.cache.entries().next().value as [string, Prepared];
      this.cache.delete(oldestSql);
      await this.sqlite3.finalize(oldest.stmt);
    }
    return prepared;
  }

  private async wrap<T>(fn: () => Promise<T>): Promise<T> {
    if (this.vfs !== null) this.vfs.lastError = null;
    try {
      return await fn();
    } catch (error) {
      throw toTillError(error, this.vfs?.lastError);
    }
  }
}

function toSqlValue(v: unknown): SqlValue {
  if (typeof v === 'bigint') return Number(v);
  if (v === undefined) return null;
  return v as SqlValue;
}

/** SQLITE_FULL: the VFS ran out of space (OPFS or IndexedDB quota). */
const SQLITE_FULL = 13;

/**
 * One TillError for whatever SQLite or the VFS threw. `vfsError` is the VFS's own record of the
 * browser error behind an I/O failure: OPFS reports a full quota to SQLite only as SQLITE_IOERR.
 */
export function toTillError(error: unknown, vfsError?: unknown): TillError {
  if (error instanceof TillError) return error;
  if (isQuotaError(vfsError)) {
    return new TillError('quota_exceeded', 'The browser has no more room for the till\'s data; nothing was saved.', { cause: vfsError });
  }
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'number') {
    const primary = code & 0xff;
    if (primary === SQLITE_FULL || /quota/i.test(message)) {
      return new TillError('quota_exceeded', 'The browser has no more room for the till\'s data; nothing was saved.', { cause: error, sqliteCode: code });
    }
    return new TillError('sqlite', message, { cause: error, sqliteCode: code });
  }
  if ((error as { name?: unknown }).name === 'QuotaExceededError') {
    return new TillError('quota_exceeded', 'The browser has no more room for the till\'s data; nothing was saved.', { cause: error });
  }
  return new TillError('internal', message, { cause: error });
}

function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}
