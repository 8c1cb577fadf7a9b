import { describe, expect, it } from 'vitest';
import { openMemoryConnection, openMigratedMemoryDb } from '../../test-support/memory-db';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';
import { hasTillErrorCode } from '../api/till-error';

describe('migrations', () => {
  it('brings an empty database to the newest version', async () => {
    const db = await openMemoryConnection();
    expect(await migrate(db)).toBe(SCHEMA_VERSION);
    expect(await schemaVersion(db)).toBe(SCHEMA_VERSION);
    // Idempotent: a second run changes nothing.
    expect(await migrate(db)).toBe(SCHEMA_VERSION);
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
