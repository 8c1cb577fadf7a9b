// The connection's commit feed (SqlConnection.onCommit), on the same wa-sqlite build and class the
// worker uses: told once per commit with the tables changed (through triggers and WITHOUT ROWID
// tables too), after COMMIT and never before, and never for a rollback or a failed statement.
import { describe, expect, it } from 'vitest';
import { openMigratedMemoryDb } from '../../test-support/memory-db.ts';
import type { WaSqliteConnection } from './wa-sqlite-connection.ts';

const PRODUCT = `INSERT INTO products (uuid, sku, barcode, name, category_uuid, price, tax_rate_bp, tax_included, active, price_version, updated_at)
  VALUES (?, ?, NULL, 'Cola', NULL, 100, 1900, 1, 1, 1, '2026-01-01T00:00:00Z')`;
const SETTING = `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`;

async function fed(): Promise<{ db: WaSqliteConnection; commits: string[][] }> {
  const db = await openMigratedMemoryDb();
  const commits: string[][] = [];
  db.onCommit((tables) => commits.push([...tables].sort()));
  return { db, commits };
}

describe('commit feed', () => {
  it('reports a transaction once, after its COMMIT, with every table it changed, triggers and WITHOUT ROWID tables included', async () => {
    const { db, commits } = await fed();
    let seenInside = -1;
    await db.transaction(async (tx) => {
      await tx.run(PRODUCT, ['p1', 'SKU-1']);
      await tx.run(SETTING, ['k', 'v']);
      seenInside = commits.length;
    });
    expect(seenInside).toBe(0);
    expect(commits).toHaveLength(1);
    expect(commits[0]).toEqual(expect.arrayContaining(['products', 'products_fts', 'settings']));
    expect(commits[0]).not.toContain('sync_queue');
  });

  it('tells listeners after the commit ended, before the writer\'s call resolves', async () => {
    const db = await openMigratedMemoryDb();
    const autocommitSeen: number[] = [];
    db.onCommit(() => autocommitSeen.push(db.sqlite3.get_autocommit(db.db)));
    const write = db.transaction((tx) => tx.run(SETTING, ['k', 'v']));
    expect(autocommitSeen).toEqual([]);
    await write;
    expect(autocommitSeen).toEqual([1]); // the transaction was over when the listener ran
    await db.run(SETTING, ['k', 'w']);
    expect(autocommitSeen).toEqual([1, 1]); // a statement outside a transaction: at once
  });

  it('reports nothing for a rolled-back transaction, and the next commit only its own tables', async () => {
    const { db, commits } = await fed();
    await expect(
      db.transaction(async (tx) => {
        await tx.run(PRODUCT, ['p1', 'SKU-1']);
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(commits).toEqual([]);
    await db.transaction((tx) => tx.run(SETTING, ['k', 'v']));
    expect(commits).toEqual([['settings']]);
  });

  it('reports nothing when COMMIT itself fails (a deferred foreign key)', async () => {
    const { db, commits } = await fed();
    await db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)`);
    commits.length = 0; // the DDL's own report
    await expect(db.transaction((tx) => tx.run(`INSERT INTO child (id, parent_id) VALUES (1, 42)`))).rejects.toMatchObject({ name: 'TillError' });
    expect(commits).toEqual([]);
    expect(await db.get(`SELECT count(*) AS n FROM child`)).toEqual({ n: 0 });
  });

  it('reports nothing for reads, a failed statement, or a write that changed no row', async () => {
    const { db, commits } = await fed();
    await db.run(PRODUCT, ['p1', 'SKU-1']);
    expect(commits).toHaveLength(1);
    await db.get(`SELECT count(*) AS n FROM products`); // sqlite3_changes() still says 1 here
    await expect(db.run(PRODUCT, ['p1', 'SKU-1'])).rejects.toMatchObject({ name: 'TillError' }); // duplicate uuid
    await db.run(`UPDATE sync_queue SET status = 1 WHERE id = -1`);
    await db.run(`INSERT INTO settings (key, value) VALUES ('k', 'v') ON CONFLICT (key) DO NOTHING`);
    await db.run(`INSERT INTO settings (key, value) VALUES ('k', 'w') ON CONFLICT (key) DO NOTHING`);
    expect(commits.slice(1)).toEqual([['settings']]); // the first DO NOTHING inserted; the second changed nothing
  });

  it('reports what an exec() script inside a transaction can write, at the COMMIT', async () => {
    const { db, commits } = await fed();
    await db.transaction(async (tx) => {
      await tx.exec(`DELETE FROM products; DELETE FROM stock_levels;`);
      await tx.run(SETTING, ['k', 'v']);
    });
    expect(commits).toHaveLength(1);
    expect(commits[0]).toEqual(expect.arrayContaining(['products', 'stock_levels', 'settings']));
  });

  it('a listener that throws does not undo the commit or silence the others; an unsubscribed one hears nothing', async () => {
    const db = await openMigratedMemoryDb();
    const heard: string[] = [];
    db.onCommit(() => {
      throw new Error('listener bug');
    });
    const off = db.onCommit(() => heard.push('removed'));
    db.onCommit(() => heard.push('kept'));
    off();
    const logged = console.error;
    console.error = () => undefined;
    try {
      await db.transaction((tx) => tx.run(SETTING, ['k', 'v']));
    } finally {
      console.error = logged;
    }
    expect(heard).toEqual(['kept']);
    expect(await db.get(`SELECT value FROM settings WHERE key = 'k'`)).toEqual({ value: 'v' });
  });
});
