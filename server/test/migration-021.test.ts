// Migration 021 on a database that already holds sales: the monthly product rollup is built from the
// stored day rows exactly as the ingest code (sync/sale-summaries.ts) builds it, with Berlin months
// (00:30 on 1 February is February there, 31 January in UTC), a refund in its own month, negative;
// and the journal's partial index per payment method.
// Run on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
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

/** Twenty migrations on a fresh PGlite take a while on a busy machine. */
const MIGRATION_TEST_TIMEOUT_MS = 120_000;
const PRODUCT_SUMMARIES = ['report_products_daily', 'report_products_monthly'] as const;

async function snapshot(db: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of PRODUCT_SUMMARIES) out[table] = await db.query(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`);
  return out;
}

describe.each(backends)('migration 021 (monthly product rollup) on $name', (backend) => {
  it('builds the month rows from the stored day rows as the ingest code does', async () => {
    const { db, drop } = await backend.open();
    try {
      await migrate(db, MIGRATIONS.filter((m) => m.version < 13));
      const store = randomUUID();
      const terminal = randomUUID();
      await db.query(`INSERT INTO stores (id, name, currency, locale) VALUES ($1, 'S', 'EUR', 'de-DE')`, [store]);
      await db.query(`INSERT INTO terminals (id, store_id, name, receipt_prefix, token_hash) VALUES ($1, $2, 'Till 1', 'T1', $3)`, [terminal, store, Buffer.alloc(32, 1)]);
      const bread = { uuid: randomUUID(), name: 'Brot', sku: 'B1', price: 350, tax_rate_bp: 700, tax_included: true };
      const wine = { uuid: randomUUID(), name: 'Wein', sku: 'W1', price: 899, tax_rate_bp: 1900, tax_included: true };
      for (const p of [bread, wine]) {
        await db.query(`INSERT INTO products (uuid, sku, name, price, tax_rate_bp, tax_included, version, updated_at) VALUES ($1, $2, $3, $4, $5, true, 0, now())`, [p.uuid, p.sku, p.name, p.price, p.tax_rate_bp]);
      }
      const at = (s: Sale, created_at: string): Sale => ({ ...s, created_at });
      const january = at(sale(terminal, [line({ product: bread, quantity: 2 }), line({ product: wine, quantity: 1, discountBp: 1000 })]), '2026-01-20T10:00:00Z');
      const edge = at(sale(terminal, [line({ product: bread, quantity: 3 })]), '2026-01-31T23:30:00Z'); // 00:30 on 1 February in Berlin
      const february = at(sale(terminal, [line({ product: bread, quantity: 1 })]), '2026-02-10T10:00:00Z');
      const refund = at(sale(terminal, [line({ product: wine, quantity: -1, discountBp: 1000, refundOfLine: january.lines[1]!.uuid })], { refundOf: january.uuid }), '2026-03-02T10:00:00Z');
      const sales = [january, edge, february, refund];
      for (const s of sales) {
        await db.query(
          `INSERT INTO sales (uuid, store_id, terminal_id, receipt_number, refund_of, total, created_at, content_hash, body) VALUES ($1, $2, $3, $4, $5, $6, $7, 'h', $8)`,
          [s.uuid, store, terminal, s.receipt_number, s.refund_of, s.total, s.created_at, s as unknown as Record<string, unknown>],
        );
      }
      await migrate(db, MIGRATIONS.filter((m) => m.version < 21));
      expect(await migrate(db, MIGRATIONS.filter((m) => m.version <= 21))).toEqual([21]);

      const months = await db.query<{ month: string; product: string; quantity: string; net_sales: string; discount: string }>(
        `SELECT to_char(local_month, 'YYYY-MM-DD') AS month, product_uuid::text AS product, quantity::text AS quantity, net_sales::text AS net_sales, discount::text AS discount
           FROM report_products_monthly ORDER BY local_month, product_uuid = $1 DESC`,
        [bread.uuid],
      );
      const [jb, jw] = [january.lines[0]!, january.lines[1]!];
      const [e, f, r] = [edge.lines[0]!, february.lines[0]!, refund.lines[0]!];
      expect(months).toEqual([
        { month: '2026-01-01', product: bread.uuid, quantity: '2', net_sales: String(jb.line_total), discount: String(jb.line_discount) },
        { month: '2026-01-01', product: wine.uuid, quantity: '1', net_sales: String(jw.line_total), discount: String(jw.line_discount) },
        { month: '2026-02-01', product: bread.uuid, quantity: '4', net_sales: String(e.line_total + f.line_total), discount: '0' },
        { month: '2026-03-01', product: wine.uuid, quantity: '-1', net_sales: String(r.line_total), discount: String(r.line_discount) },
      ]);
      expect(r.line_total).toBeLessThan(0);
      // The journal's payment-method indexes, one per method, each holding that method's sales only.
      const indexes = await db.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'sales' AND indexname LIKE 'sales_journal_by_ca%' ORDER BY 1`);
      expect(indexes.map((i) => i.indexname)).toEqual(['sales_journal_by_card', 'sales_journal_by_cash']);

      const backfilled = await snapshot(db);
      await migrate(db, MIGRATIONS);
      for (const table of ['report_sales_hourly', 'report_vat_daily', 'report_payments_daily', ...PRODUCT_SUMMARIES]) await db.query(`DELETE FROM ${table}`);
      await addSalesToSummaries(db, sales.map((s) => s.uuid));
      // The product sums go through their log (migration 022) and the background fold.
      await foldReportProductMoves(db);
      expect(await snapshot(db)).toEqual(backfilled);
    } finally {
      await db.close();
      await drop();
    }
  }, MIGRATION_TEST_TIMEOUT_MS);
});
