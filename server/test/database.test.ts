// The hub's one database interface (src/db/database.ts), the same suite on every backend: PGlite on
// its worker thread always, a real PostgreSQL when TEST_DATABASE_URL is set. Values cross unchanged,
// errors keep their PostgreSQL code (the error mapping and ingest's savepoints branch on it), a
// transaction commits or rolls back whole. PGlite alone: its wasm no longer holds the hub's thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Database } from '../src/db/database.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/test-database.ts';

const pgUrl = process.env['TEST_DATABASE_URL'];
const backends = [{ name: 'pglite' }, ...(pgUrl === undefined || pgUrl === '' ? [] : [{ name: 'postgres', url: pgUrl }])];

describe.each(backends)('Database on $name', (backend) => {
  let db: Database;
  let throwaway: TestDatabase | undefined;

  beforeAll(async () => {
    if ('url' in backend) throwaway = await createTestDatabase(backend.url);
    db = await openDatabase(throwaway === undefined ? { memory: true } : { url: throwaway.url });
    await db.exec('CREATE TABLE probe (id int PRIMARY KEY, hash bytea, body jsonb, at timestamptz, tags text[])');
  });
  afterAll(async () => {
    await db?.close();
    await throwaway?.drop();
  });

  it('round-trips bytea, jsonb, timestamps, arrays and nulls as the pg driver would hand them over', async () => {
    // A digest is a view into Node's shared Buffer pool: only its own 32 bytes may be stored.
    const hash = createHash('sha256').update('token').digest();
    const body = { sale: 'x', lines: [{ q: 2, note: null }], nested: { deep: [1, 'two', true] } };
    const at = new Date('2026-01-02T03:04:05.678Z');
    await db.query('INSERT INTO probe (id, hash, body, at, tags) VALUES ($1, $2, $3, $4, $5)', [1, hash, body, at, ['a', 'b']]);
    await db.query('INSERT INTO probe (id) VALUES ($1)', [2]);
    const rows = await db.query<{ id: number; hash: Uint8Array | null; body: unknown; at: Date | null; tags: string[] | null; n: number }>(
      'SELECT id, hash, body, at, tags, octet_length(hash) AS n FROM probe ORDER BY id',
    );
    expect(rows[0]!.n).toBe(32);
    expect(Buffer.from(rows[0]!.hash!).equals(hash)).toBe(true);
    expect(rows[0]!.body).toEqual(body);
    expect(rows[0]!.at).toBeInstanceOf(Date);
    expect(rows[0]!.at!.toISOString()).toBe(at.toISOString());
    expect(rows[0]!.tags).toEqual(['a', 'b']);
    expect(rows[1]).toMatchObject({ id: 2, hash: null, body: null, at: null, tags: null });
    const byHash = await db.query<{ id: number }>('SELECT id FROM probe WHERE hash = $1', [Buffer.from(hash)]);
    expect(byHash).toEqual([{ id: 1 }]);
  });

  it('keeps the PostgreSQL error code, outside and inside a transaction; a savepoint lets the transaction go on', async () => {
    const duplicate = await db.query('INSERT INTO probe (id) VALUES (1)').catch((err: unknown) => err);
    expect(pgErrorCode(duplicate)).toBe(PG_UNIQUE_VIOLATION);
    expect((duplicate as Error).message).toMatch(/duplicate key/);
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO probe (id) VALUES (10)');
      await tx.query('SAVEPOINT item');
      const inner = await tx.query('INSERT INTO probe (id) VALUES (1)').catch((err: unknown) => err);
      expect(pgErrorCode(inner)).toBe(PG_UNIQUE_VIOLATION);
      await tx.query('ROLLBACK TO SAVEPOINT item');
      await tx.query('INSERT INTO probe (id) VALUES (11)');
    });
    expect(await db.query('SELECT id FROM probe WHERE id >= 10 ORDER BY id')).toEqual([{ id: 10 }, { id: 11 }]);
  });

  it('rolls a transaction back whole when its function throws, and hands back what it returns otherwise', async () => {
    const thrown = await db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO probe (id) VALUES (20)');
        throw new Error('the caller gave up');
      })
      .catch((err: unknown) => err);
    expect((thrown as Error).message).toBe('the caller gave up');
    const failed = await db.transaction((tx) => tx.query('INSERT INTO probe (id) VALUES (1)')).catch((err: unknown) => err);
    expect(pgErrorCode(failed)).toBe(PG_UNIQUE_VIOLATION);
    expect(await db.transaction(async (tx) => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM probe WHERE id = 20'))[0]?.n)).toBe(0);
  });

  it('runs concurrent transactions and statements to the same end as one after another', async () => {
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO probe (id) VALUES ($1)', [100 + i]);
          await tx.query('UPDATE probe SET tags = array_append(tags, $1::text) WHERE id = 1', [`t${i}`]);
        }),
      ),
      ...Array.from({ length: 8 }, (_, i) => db.query('INSERT INTO probe (id) VALUES ($1)', [200 + i])),
    ]);
    const [row] = await db.query<{ n: number; tags: string[] }>('SELECT (SELECT count(*)::int FROM probe WHERE id >= 100) AS n, tags FROM probe WHERE id = 1');
    expect(row!.n).toBe(16);
    expect([...row!.tags].sort()).toEqual(['a', 'b', ...Array.from({ length: 8 }, (_, i) => `t${i}`)].sort());
  });

  it.runIf(backend.name === 'pglite')("keeps the hub's event loop turning while a statement runs", async () => {
    let turns = 0;
    let spinning = true;
    const spin = () => {
      if (!spinning) return;
      turns += 1;
      setImmediate(spin);
    };
    spin();
    await db.query('SELECT pg_sleep(0.2)');
    spinning = false;
    // In-process PGlite ran the statement synchronously: the loop could not turn until it ended.
    expect(turns).toBeGreaterThan(10);
  });

  // Last: it closes the database (afterAll closes it again, which must be harmless).
  it.runIf(backend.name === 'pglite')('refuses calls once closed, and a second close is harmless', async () => {
    await db.close();
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toThrow(/closed/);
  });
});
