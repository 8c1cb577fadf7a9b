import { describe, expect, it } from 'vitest';
import { openMemoryConnection, openMigratedMemoryDb } from '../../test-support/memory-db.ts';
import { migrate, schemaVersion } from './migrate.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.ts';
import { hasTillErrorCode } from '../api/till-error.ts';

describe('migrations', () => {
  it('brings an empty database to the newest version', async () => {
    const db = await openMemoryConnection();
    expect(await migrate(db)).toBe(SCHEMA_VERSION);
    expect(await schemaVersion(db)).toBe(SCHEMA_VERSION);
    // Idempotent: a second run changes nothing.
    expect(await migrate(db)).toBe(SCHEMA_VERSION);
  });

  it('v10: a till paired before protocol 2 pulls again from the start (its cursor is past the staff rows)', async () => {
    const db = await openMemoryConnection();
    await migrate(db, MIGRATIONS, 9);
    await db.run(`UPDATE sync_state SET cursor = 'v1.42', last_pull_at = '2026-01-01T00:00:00Z' WHERE id = 1`);
    expect(await migrate(db)).toBe(SCHEMA_VERSION);
    // An ordinary pull from the start, not a first sync: last_pull_at stays.
    expect(await db.get('SELECT cursor, last_pull_at FROM sync_state')).toEqual({ cursor: null, last_pull_at: '2026-01-01T00:00:00Z' });
  });

  it('v12: the outbox takes closed shifts; a shift is marked queued once, for good', async () => {
    const db = await openMemoryConnection();
    await migrate(db, MIGRATIONS, 11);
    await expect(
      db.run(`INSERT INTO sync_queue (entity_type, entity_id, action, payload, created_at, idempotency_key) VALUES ('Shift', 1, 'CREATE', '{}', 'x', 'sh0')`),
    ).rejects.toThrow(/CHECK/);
    expect(await migrate(db)).toBe(SCHEMA_VERSION);
    await db.run(`INSERT INTO sync_queue (entity_type, entity_id, action, payload, created_at, idempotency_key) VALUES ('Shift', 1, 'CREATE', '{}', 'x', 'sh1')`);
    await db.run(`INSERT INTO shifts (uuid, opened_at, opening_float) VALUES ('sh1', '2024-01-01T08:00:00Z', 0)`);
    await db.run(`INSERT INTO shift_uploads (shift_uuid, queued_at) VALUES ('sh1', 'x')`);
    await expect(db.run(`INSERT INTO shift_uploads (shift_uuid, queued_at) VALUES ('sh1', 'y')`)).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(db.run(`DELETE FROM shift_uploads`)).rejects.toThrow(/append-only/);
  });

  it('refuses a database newer than this build', async () => {
    const db = await openMemoryConnection();
    await db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    await expect(migrate(db)).rejects.toSatisfy((e) => hasTillErrorCode(e, 'schema_too_new'));
  });

  it('makes sales, their items and payments immutable', async () => {
    const db = await openMigratedMemoryDb();
    await db.run(
      `INSERT INTO sales (uuid, receipt_number, terminal_id, currency, subtotal, discount_total, tax_total, total, created_at)
       VALUES ('s1', 'R-1', 't1', 'EUR', 100, 0, 20, 120, '2024-01-01T00:00:00Z')`,
    );
    await expect(db.run(`UPDATE sales SET total = 1 WHERE uuid = 's1'`)).rejects.toThrow(/immutable/);
    await expect(db.run(`DELETE FROM sales WHERE uuid = 's1'`)).rejects.toThrow(/immutable/);
    expect(MIGRATIONS.length).toBe(SCHEMA_VERSION);
  });
});

/** Rows every schema version has had since v1, written with v1's columns only. */
async function writeV1Data(db: Awaited<ReturnType<typeof openMemoryConnection>>): Promise<void> {
  await db.exec(`
    INSERT INTO categories (uuid, name, sort_order, updated_at) VALUES ('c1', 'Drinks', 1, '2024-01-01T00:00:00Z');
    INSERT INTO products (uuid, sku, barcode, name, category_uuid, price, tax_rate_bp, tax_included, updated_at)
      VALUES ('p1', 'SKU-1', '4006381333931', 'Cola 330ml', 'c1', 150, 1900, 1, '2024-01-01T00:00:00Z');
    INSERT INTO sales (uuid, receipt_number, terminal_id, currency, subtotal, discount_total, tax_total, total, created_at)
      VALUES ('s1', 'T1-000001', 't1', 'EUR', 126, 0, 24, 150, '2024-01-01T10:00:00Z');
    INSERT INTO sale_items (uuid, sale_id, line_no, product_uuid, name, sku, quantity, unit_price, discount_bp, tax_rate_bp, tax_included,
      line_subtotal, line_discount, line_tax, line_total) VALUES ('l1', 1, 1, 'p1', 'Cola 330ml', 'SKU-1', 1, 150, 0, 1900, 1, 126, 0, 24, 150);
    INSERT INTO payments (uuid, sale_id, method, amount, tendered, change) VALUES ('pay1', 1, 'cash', 150, 200, 50);
    INSERT INTO sync_queue (entity_type, entity_id, action, payload, status, retry_count, created_at, idempotency_key, last_error)
      VALUES ('Sale', 1, 'CREATE', '{"uuid":"s1"}', 2, 5, '2024-01-01T10:00:00Z', 's1', 'Gave up after 5 attempts');
    UPDATE sync_state SET cursor = 'v1.42' WHERE id = 1;
  `);
}

describe('migrating a database with data from every earlier version', () => {
  for (let from = 1; from < SCHEMA_VERSION; from++) {
    it(`keeps the data of a v${from} database when migrating to v${SCHEMA_VERSION}`, async () => {
      const db = await openMemoryConnection();
      await migrate(db, MIGRATIONS, from);
      expect(await schemaVersion(db)).toBe(from);
      await writeV1Data(db);
      if (from >= 2) {
        await db.run(`INSERT INTO product_hub_versions (product_uuid, row) VALUES ('p1', '{"price":140}')`);
      }

      expect(await migrate(db)).toBe(SCHEMA_VERSION);

      expect(await db.all('SELECT uuid, name, price FROM products')).toEqual([{ uuid: 'p1', name: 'Cola 330ml', price: 150 }]);
      expect(await db.all(`SELECT rowid FROM products_fts WHERE products_fts MATCH 'cola'`)).toHaveLength(1);
      expect(await db.all('SELECT uuid, total FROM sales')).toEqual([{ uuid: 's1', total: 150 }]);
      expect(await db.all('SELECT uuid, line_total FROM sale_items')).toEqual([{ uuid: 'l1', line_total: 150 }]);
      expect(await db.all('SELECT uuid, amount, change FROM payments')).toEqual([{ uuid: 'pay1', amount: 150, change: 50 }]);
      expect(await db.all('SELECT idempotency_key, status, retry_count, failed_transient FROM sync_queue')).toEqual([
        // A row parked before v3 is not known to be transient: it waits for staff, as it did.
        { idempotency_key: 's1', status: 2, retry_count: 5, failed_transient: 0 },
      ]);
      // v10 forgets the cursor so the till pulls its store's staff after the update to protocol 2, and
      // v11 again so it pulls its store's settings and the open-price flags (protocol 3).
      expect(await db.get('SELECT cursor FROM sync_state')).toEqual({ cursor: from < 11 ? null : 'v1.42' });
      // v12 rebuilt sync_queue to take closed shifts: its rows keep their ids, its indexes are back.
      expect(await db.all(`SELECT id FROM sync_queue`)).toEqual([{ id: 1 }]);
      expect(await db.all(`SELECT name FROM sqlite_master WHERE tbl_name = 'sync_queue' AND type = 'index' AND sql IS NOT NULL ORDER BY name`)).toEqual([
        { name: 'sync_queue_due' },
        { name: 'sync_queue_open_not_sales' },
        { name: 'sync_queue_pending_product_edits' },
      ]);
      if (from >= 2) expect(await db.all('SELECT product_uuid FROM product_hub_versions')).toEqual([{ product_uuid: 'p1' }]);
      // The immutability triggers survive every migration.
      await expect(db.run(`UPDATE sales SET total = 0`)).rejects.toThrow(/immutable/);
      expect(await db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    });
  }
});
