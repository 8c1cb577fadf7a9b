// Chooses the backend: DATABASE_URL means a real PostgreSQL, otherwise PGlite in a data directory
// (or in memory for tests). Either way the schema is brought up to date before the first request.
import type { Database } from './database.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './pg-database.ts';
import { migrate } from './migrate.ts';

export type DatabaseLocation = { url: string } | { pgliteDir: string } | { memory: true };

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const db =
    'url' in location
      ? await openPostgresDatabase(location.url)
      : await openPgliteDatabase('pgliteDir' in location ? location.pgliteDir : undefined);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
