// Embedded PostgreSQL (PGlite) for the zero-setup default and fast tests. PGlite has one connection:
// its own mutex serialises transactions, so the commit-order lock is never contended here.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql, SqlParam } from './database.ts';

export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  // PGlite creates only the last folder of its path: make the parents (a fresh clone has no .data/).
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pg.waitReady;
  const wrap = (q: Pick<PGlite, 'query'>): Sql => ({
    query: async <R>(text: string, params: readonly SqlParam[] = []) => {
      const result = await q.query<R>(text, params as unknown[]);
      return result.rows;
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    exec: async (script) => {
      await pg.exec(script);
    },
    close: () => pg.close(),
  };
}
