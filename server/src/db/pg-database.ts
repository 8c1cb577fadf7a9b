// A real PostgreSQL through a `pg` pool (DATABASE_URL). One pooled client per transaction.
import pg from 'pg';
import type { Database, Sql, SqlParam } from './database.ts';
import { listenPostgres } from './pg-listener.ts';

/** Connections per hub instance; PostgreSQL's default max_connections (100) leaves room for several instances. */
export const PG_POOL_SIZE = 20;

export async function openPostgresDatabase(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: PG_POOL_SIZE });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  const wrap = (q: pg.Pool | pg.PoolClient): Sql => ({
    query: async <R>(text: string, params: readonly SqlParam[] = []) => {
      const result = await q.query(text, params as unknown[]);
      return result.rows as R[];
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await fn(wrap(client));
        await client.query('COMMIT');
        return value;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    exec: async (script) => {
      await pool.query(script);
    },
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    listen: (channel, handlers) => listenPostgres(url, channel, handlers),
  };
}
