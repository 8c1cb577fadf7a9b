// Upgrading a hub with data: the least-privilege migrations (store prices, customers per store) keep what
// an older hub stored. Customers get the oldest store, recorded product edits their terminal's store, and the
// version indexes foreign keys point at are plain (see server/README.md, "Lock order").
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../src/db/pglite-database.ts';
import { migrate } from '../src/db/migrate.ts';
import { MIGRATIONS } from '../src/db/migrations/index.ts';

/** The schema before this work: migrations 1-3. */
const BEFORE = 3;

describe('migrations', () => {
  it('upgrade a v3 hub with stores, customers and product edits', async () => {
    const db = await openPgliteDatabase();
    try {
      expect(await migrate(db, MIGRATIONS.filter((m) => m.version <= BEFORE))).toEqual([1, 2, 3]);
      const [first, second, terminal, product, customer] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await db.query(`INSERT INTO stores (id, name, currency, locale, created_at) VALUES ($1, 'First', 'EUR', 'de-DE', now() - interval '1 day'), ($2, 'Second', 'EUR', 'de-DE', now())`, [first, second]);
      await db.query(`INSERT INTO terminals (id, store_id, name, receipt_prefix, token_hash) VALUES ($1, $2, 'T', 'T1', '\\x00')`, [terminal, second]);
      await db.query(`INSERT INTO products (uuid, sku, name, price, tax_rate_bp, tax_included) VALUES ($1, 'S', 'P', 100, 0, true)`, [product]);
      await db.query(`INSERT INTO customers (uuid, name) VALUES ($1, 'C')`, [customer]);
      await db.query(`INSERT INTO product_edits (uuid, terminal_id, product_uuid, content_hash, base_price_version, produced_price_version) VALUES ($1, $2, $3, 'h', 1, 2)`, [randomUUID(), terminal, product]);

      expect(await migrate(db)).toEqual(MIGRATIONS.filter((m) => m.version > BEFORE).map((m) => m.version));
      expect(await db.query('SELECT store_id::text AS store_id FROM customers')).toEqual([{ store_id: first }]);
      expect(await db.query('SELECT store_id::text AS store_id FROM product_edits')).toEqual([{ store_id: second }]);
      expect(await db.query('SELECT share_customers FROM chain_settings')).toEqual([{ share_customers: false }]);
      const unique = await db.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE indexname IN ('products_by_version', 'categories_by_version', 'customers_by_version') AND indexdef LIKE 'CREATE UNIQUE%'`,
      );
      expect(unique).toEqual([]);
      expect(await migrate(db), 'a second run applies nothing').toEqual([]);
    } finally {
      await db.close();
    }
  });
});
