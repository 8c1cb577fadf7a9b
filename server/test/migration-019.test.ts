// Migration 019 keeps with every closed shift the names and store header its Z report printed. Shifts
// stored before it get the names and header the hub holds when it runs (the best it knows of them),
// and the column is required from then on. Run on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { openPgliteDatabase } from '../src/db/pglite-database.ts';
import { openPostgresDatabase } from '../src/db/pg-database.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';
import { seedDemo } from '../src/seed/demo-seed.ts';

/** Migrating a fresh database and seeding it takes a while on a busy machine. */
const MIGRATION_TEST_TIMEOUT_MS = 120_000;

const url = process.env['TEST_DATABASE_URL'];
const databases: { name: string; open: () => Promise<{ db: Awaited<ReturnType<typeof openPgliteDatabase>>; drop: () => Promise<void> }> }[] = [
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

describe.each(databases)('migration 019 on $name', ({ open }) => {
  it(
    "gives a shift stored before it today's names and store header, and requires them from then on",
    async () => {
      const { db, drop } = await open();
      try {
        await migrate(db, MIGRATIONS.filter((m) => m.version < 19));
        const seed = await db.transaction((tx) => seedDemo(tx, { catalog: false, staff: { cashierPin: '1234', managerPin: '5678' } }));
        const uuid = randomUUID();
        await db.query(
          `INSERT INTO shifts (uuid, store_id, terminal_id, z_number, currency, opened_at, closed_at, opened_by, closed_by, opening_float, expected_cash,
                               counted_cash, difference, sales_count, sales_total, refunds_count, refunds_total, turnover, discounts, cash_in, cash_out,
                               grand_total, no_sale_openings, content_hash, body)
           VALUES ($1, $2, $3, 1, 'EUR', now(), now(), $4, $4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'h', '{}')`,
          [uuid, seed.storeId, seed.terminalId, seed.staff.cashier],
        );
        await migrate(db, MIGRATIONS);
        const row = (await db.query<{ printed: Record<string, unknown> }>('SELECT printed FROM shifts WHERE uuid = $1', [uuid]))[0];
        expect(row?.printed).toMatchObject({
          terminal_name: expect.any(String) as string,
          opened_by_name: 'Chris Cashier',
          closed_by_name: 'Chris Cashier',
          close_approved_by_name: null,
          printed_store: { name: expect.any(String) as string, locale: 'de-DE', address_lines: expect.any(Array) as unknown[] },
        });
        await expect(db.query(`UPDATE shifts SET printed = NULL WHERE uuid = $1`, [uuid])).rejects.toThrow(/null/i);
      } finally {
        await db.close();
        await drop();
      }
    },
    MIGRATION_TEST_TIMEOUT_MS,
  );
});
