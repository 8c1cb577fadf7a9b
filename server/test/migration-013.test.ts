// Migration 013 on a database that already holds sales and a refund: the backfill fills the report
// summaries exactly as the ingest code (sync/sale-summaries.ts) would have, with Berlin days (a 23:30
// sale on its own day), and every store gets a time zone.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Sale } from '@ezo/contract/sale';
import type { Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { openPgliteDatabase } from '../src/db/pglite-database.ts';
import { openPostgresDatabase } from '../src/db/pg-database.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';
import { addSalesToSummaries } from '../src/sync/sale-summaries.ts';
import { foldReportProductMoves } from '../src/sync/fold-report-moves.ts';
import { line, sale } from './support/fixtures.ts';

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

/** Nine migrations on a fresh PGlite take a while on a busy machine. */
const MIGRATION_TEST_TIMEOUT_MS = 120_000;
const SUMMARIES = ['report_sales_hourly', 'report_vat_daily', 'report_payments_daily', 'report_products_daily'] as const;

async function snapshot(db: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of SUMMARIES) out[table] = await db.query(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`);
  return out;
}

describe.each(backends)('migration 013 (report summaries) on $name', (backend) => {
  it('backfills the summaries from the stored sales as the ingest code does', async () => {
    const { db, drop } = await backend.open();
    try {
      expect(await migrate(db, MIGRATIONS.filter((m) => m.version < 13))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      const store = randomUUID();
      const terminal = randomUUID();
      const staff = randomUUID();
      await db.query(`INSERT INTO stores (id, name, currency, locale) VALUES ($1, 'S', 'EUR', 'de-DE')`, [store]);
      await db.query(`INSERT INTO terminals (id, store_id, name, receipt_prefix, token_hash) VALUES ($1, $2, 'Till 1', 'T1', $3)`, [terminal, store, Buffer.alloc(32, 1)]);
      await db.query(`INSERT INTO staff (id, display_name) VALUES ($1, 'Kim')`, [staff]);
      const products = [
        { uuid: randomUUID(), name: 'Brot', sku: 'B1', price: 350, tax_rate_bp: 700, tax_included: true },
        { uuid: randomUUID(), name: 'Wein', sku: 'W1', price: 899, tax_rate_bp: 1900, tax_included: true },
      ];
      for (const p of products) {
        await db.query(`INSERT INTO products (uuid, sku, name, price, tax_rate_bp, tax_included, version, updated_at) VALUES ($1, $2, $3, $4, $5, true, 0, now())`, [p.uuid, p.sku, p.name, p.price, p.tax_rate_bp]);
      }
      const late = { ...sale(terminal, [line({ product: products[0]!, quantity: 2 }), line({ product: products[1]!, quantity: 1, discountBp: 1000 })], { staffId: staff }), created_at: '2026-02-02T22:30:00Z' };
      const early = { ...sale(terminal, [line({ product: products[1]!, quantity: 3 })], { method: 'cash', staffId: staff }), created_at: '2026-02-03T07:00:00Z' };
      const refundLine = late.lines[1]!;
      const refund: Sale = {
        ...sale(terminal, [line({ product: products[1]!, quantity: -1, discountBp: 1000, refundOfLine: refundLine.uuid })], { method: 'cash', staffId: staff, refundOf: late.uuid }),
        created_at: '2026-02-04T10:00:00Z',
      };
      for (const s of [late, early, refund]) {
        await db.query(
          `INSERT INTO sales (uuid, store_id, terminal_id, receipt_number, refund_of, total, created_at, content_hash, body, staff_id) VALUES ($1, $2, $3, $4, $5, $6, $7, 'h', $8, $9)`,
          [s.uuid, store, terminal, s.receipt_number, s.refund_of, s.total, s.created_at, s as unknown as Record<string, unknown>, staff],
        );
      }

      expect(await migrate(db, MIGRATIONS.filter((m) => m.version <= 13))).toEqual([13]);
      expect((await db.query<{ time_zone: string }>('SELECT time_zone FROM stores'))[0]?.time_zone).toBe('Europe/Berlin');
      const days = await db.query<{ day: string; sales: string; refunds: string; refunded: string }>(
        `SELECT to_char(local_hour, 'YYYY-MM-DD HH24') AS day, sales_count::text AS sales, refunds_count::text AS refunds, refunds_total::text AS refunded FROM report_sales_hourly ORDER BY local_hour`,
      );
      expect(days).toEqual([
        { day: '2026-02-02 23', sales: '1', refunds: '0', refunded: '0' },
        { day: '2026-02-03 08', sales: '1', refunds: '0', refunded: '0' },
        { day: '2026-02-04 11', sales: '0', refunds: '1', refunded: String(-refund.total) },
      ]);
      const backfilled = await snapshot(db);
      // Today's ingest code writes tables of later migrations too (021's month rows).
      await migrate(db, MIGRATIONS);
      for (const table of [...SUMMARIES, 'report_products_monthly']) await db.query(`DELETE FROM ${table}`);
      await addSalesToSummaries(db, [late.uuid, early.uuid, refund.uuid]);
      // The product sums go through their log (migration 022) and the background fold.
      await foldReportProductMoves(db);
      expect(await snapshot(db)).toEqual(backfilled);
      expect(backfilled['report_vat_daily']).toHaveLength(4);
    } finally {
      await db.close();
      await drop();
    }
  }, MIGRATION_TEST_TIMEOUT_MS);
});
