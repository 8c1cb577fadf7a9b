// Migration 004 on a database that already holds sales with duplicate receipt numbers (two devices that
// shared a terminal token numbered from T1-000001 alike): every row survives, the duplicates are marked
// legacy, and from then on the store's receipt numbers are unique (the index covers all other rows).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { openPgliteDatabase } from '../src/db/pglite-database.ts';
import { openPostgresDatabase } from '../src/db/pg-database.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';

const url = process.env['TEST_DATABASE_URL'];
const backends: { name: string; open: () => Promise<{ db: Database; drop: () => Promise<void> }> }[] = [
  { name: 'pglite', open: async () => ({ db: await openPgliteDatabase(undefined), drop: () => Promise.resolve() }) },
  ...(url === undefined || url === ''
    ? []
    : [
        {
          name: 'postgres',
          open: async () => {
            const t = await createTestDatabase(url);
            return { db: await openPostgresDatabase(t.url), drop: () => t.drop() };
          },
        },
      ]),
];

describe.each(backends)('migration 008 (staff and devices) on $name', (backend) => {
  it('keeps every sale, marks duplicate receipt numbers legacy and makes numbers unique per store', async () => {
    const { db, drop } = await backend.open();
    try {
      expect(await migrate(db, MIGRATIONS.filter((m) => m.version < 8))).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const store = randomUUID();
      const terminal = randomUUID();
      await db.query(`INSERT INTO stores (id, name, currency, locale) VALUES ($1, 'S', 'EUR', 'de-DE')`, [store]);
      await db.query(`INSERT INTO terminals (id, store_id, name, receipt_prefix, token_hash) VALUES ($1, $2, 'Till 1', 'T1', $3)`, [terminal, store, Buffer.alloc(32, 1)]);
      const insert = (receipt: string) =>
        db.query(`INSERT INTO sales (uuid, store_id, terminal_id, receipt_number, total, created_at, content_hash, body) VALUES ($1, $2, $3, $4, 0, now(), 'h', '{}')`, [
          randomUUID(),
          store,
          terminal,
          receipt,
        ]);
      await insert('T1-000001');
      await insert('T1-000001');
      await insert('T1-000002');

      expect(await migrate(db, MIGRATIONS.filter((m) => m.version <= 8))).toEqual([8]);
      const rows = await db.query<{ receipt_number: string; receipt_legacy: boolean }>('SELECT receipt_number, receipt_legacy FROM sales ORDER BY receipt_number, receipt_legacy');
      expect(rows).toEqual([
        { receipt_number: 'T1-000001', receipt_legacy: true },
        { receipt_number: 'T1-000001', receipt_legacy: true },
        { receipt_number: 'T1-000002', receipt_legacy: false },
      ]);
      await expect(insert('T1-000002')).rejects.toMatchObject({ code: '23505' });
      await insert('T1-000003');
      await expect(insert('T1-000003')).rejects.toMatchObject({ code: '23505' });
      // The terminal's token may have numbered receipts: no device will take its bare prefix.
      expect((await db.query<{ legacy_token_used: boolean }>('SELECT legacy_token_used FROM terminals'))[0]?.legacy_token_used).toBe(true);
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM role_permissions'))[0]?.n).toBe(3);
    } finally {
      await db.close();
      await drop();
    }
  });
});
