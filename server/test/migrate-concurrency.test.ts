// Several hub instances starting together on one empty PostgreSQL: each opens its own pool and migrates
// at the same moment; every migration is applied exactly once and every instance starts. PostgreSQL
// only (PGlite is one process); skipped without TEST_DATABASE_URL.
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { openPostgresDatabase } from '../src/db/pg-database.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/test-database.ts';

const INSTANCES = 3;
const ROUNDS = 3;
const url = process.env['TEST_DATABASE_URL'];

describe.skipIf(url === undefined || url === '')('migrations with several instances starting at once (PostgreSQL)', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it(`${INSTANCES} instances, ${ROUNDS} fresh databases: each migration applied exactly once`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const database = await createTestDatabase(url ?? '');
      databases.push(database);
      const pools: Database[] = await Promise.all(Array.from({ length: INSTANCES }, () => openPostgresDatabase(database.url)));
      try {
        const applied = await Promise.all(pools.map((db) => migrate(db)));
        const all = applied.flat().sort((a, b) => a - b);
        expect(all).toEqual(MIGRATIONS.map((m) => m.version));
        // one instance did the work, the others found it done
        expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
        const rows = await pools[0]!.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await Promise.all(pools.map((db) => db.close()));
      }
    }
  }, 120_000);
});
