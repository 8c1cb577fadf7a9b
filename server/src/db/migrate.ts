// Applies the numbered migrations once each, in order, recording them in schema_migrations.
// An advisory lock makes several hub instances starting together on one PostgreSQL take turns: the lock
// is taken first, before schema_migrations is even created, because two concurrent
// `CREATE TABLE IF NOT EXISTS` of one new table can both pass the check and one then fails on a unique
// index of the catalog (server/test/migrate-concurrency.test.ts starts several at once).
import type { Database, Sql } from './database.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

/** Advisory lock key held while migrating ("ezo-migrate"). */
const MIGRATION_LOCK_KEY = 0x657a6f4d;

/** The version the code expects the schema to be at: readiness waits for it. */
export const LATEST_MIGRATION = Math.max(...MIGRATIONS.map((m) => m.version));

/** `migrations`: all of them; a test passes a prefix to build an older schema to upgrade from. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
      applied.push(m.version);
    }
    return applied;
  });
}

/** Whether every migration this code knows is applied (a newer schema from a newer instance is fine); throws without schema_migrations. */
export async function schemaIsCurrent(db: Sql): Promise<boolean> {
  const rows = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  const version = rows[0]?.version;
  return version !== null && version !== undefined && Number(version) >= LATEST_MIGRATION;
}
