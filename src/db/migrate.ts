// Brings a database to the newest schema. Each migration runs in one transaction with the
// `PRAGMA user_version` it sets; a database newer than this build is refused, not touched.
import type { SqlConnection } from '../sync/sql-connection.ts';
import type { Migration } from './migration.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { TillError } from '../api/till-error.ts';

export async function schemaVersion(db: SqlConnection): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/** Applies migrations after the database's version, up to `target` (default: all). Returns the new version. */
export async function migrate(db: SqlConnection, migrations: readonly Migration[] = MIGRATIONS, target = migrations.length): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  let current = await schemaVersion(db);
  if (current > migrations.length) {
    throw new TillError('schema_too_new', `This database has schema version ${current}; this version of the till knows ${migrations.length}. Update the app.`);
  }
  while (current < target) {
    const next = migrations[current];
    if (next === undefined) break;
    await db.transaction(async (tx) => {
      await tx.exec(next.sql);
      await tx.exec(`PRAGMA user_version = ${next.version}`);
    });
    current = next.version;
  }
  return current;
}
