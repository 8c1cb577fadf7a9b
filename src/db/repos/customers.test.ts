// Customer lookup: any word of the name (by its start), any part of the e-mail, phone digits anywhere, ignoring
// case and accents in every alphabet (not SQLite's ASCII-only LIKE), kept right by triggers.
import { describe, expect, it } from 'vitest';
import { openMemoryConnection, openMigratedMemoryDb } from '../../../test-support/memory-db.ts';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import { fixtureUuid, generateCatalog } from '../../../test-support/catalog-fixture.ts';
import type { WaSqliteConnection } from '../wa-sqlite-connection.ts';
import { searchCustomers } from './customers.ts';

const PEOPLE = [
  { n: 1, name: 'Anna Müller', email: 'anna.mueller@example.de', phone: '+49 (30) 1234-567' },
  { n: 2, name: 'ÖZTÜRK Mehmet', email: 'm.oezturk@firma.example', phone: '0171 9876543' },
  { n: 3, name: 'José Álvarez', email: null, phone: null },
  { n: 4, name: 'Johanna Schmidt', email: 'jo@example.com', phone: '+49 40 555 0101' },
  { n: 5, name: 'Ζωή Παπαδοπούλου', email: 'zoi@example.gr', phone: '+30 21 0000 4567' },
] as const;

async function people(): Promise<WaSqliteConnection> {
  const db = await openMigratedMemoryDb();
  for (const p of PEOPLE) {
    await db.run(`INSERT INTO customers (uuid, name, email, phone, updated_at) VALUES (?, ?, ?, ?, '2024-01-01T00:00:00.000Z')`, [
      fixtureUuid(3, p.n),
      p.name,
      p.email,
      p.phone,
    ]);
  }
  return db;
}

async function names(db: WaSqliteConnection, text: string): Promise<string[]> {
  return (await searchCustomers(db, text, 20)).map((c) => c.name);
}

describe('searchCustomers', () => {
  it('finds any word of the name, in any case and without accents', async () => {
    const db = await people();
    for (const q of ['Anna', 'Müller', 'müller', 'MÜLLER', 'muller', 'mül', 'anna müller', 'müller anna']) expect(await names(db, q), q).toEqual(['Anna Müller']);
    for (const q of ['öztürk', 'ozturk', 'Öztürk', 'mehmet öz']) expect(await names(db, q), q).toEqual(['ÖZTÜRK Mehmet']);
    for (const q of ['jose', 'José', 'JOSÉ', 'alvarez']) expect(await names(db, q), q).toEqual(['José Álvarez']);
    // Greek: case folds (Ζ/ζ, Ή/ή); SQLite removes the diacritics of Latin letters only.
    for (const q of ['ζωή', 'ΖΩΉ', 'παπαδ', 'ΠΑΠΑΔ']) expect(await names(db, q), q).toEqual(['Ζωή Παπαδοπούλου']);
    // One or two letters: the start of a word.
    expect(await names(db, 'mü')).toEqual(['Anna Müller']);
    expect(await names(db, 'j')).toEqual(['Johanna Schmidt', 'José Álvarez']);
    expect(await names(db, 'an')).toEqual(['Anna Müller']);
    // A name matches by the start of its words: "anna" is not found inside "Johanna".
    expect(await names(db, 'hanna')).toEqual([]);
    expect(await names(db, 'j')).not.toContain('Anna Müller');
  });

  it('finds any part of the e-mail address', async () => {
    const db = await people();
    expect(await names(db, 'anna.mueller@example.de')).toEqual(['Anna Müller']);
    expect(await names(db, 'mueller')).toEqual(['Anna Müller']);
    expect(await names(db, 'firma.example')).toEqual(['ÖZTÜRK Mehmet']);
    expect(await names(db, '@example.com')).toEqual(['Johanna Schmidt']);
    expect(await names(db, 'example')).toEqual(['Anna Müller', 'Johanna Schmidt', 'ÖZTÜRK Mehmet', 'Ζωή Παπαδοπούλου']);
  });

  it('finds phone digits anywhere, however the number is written', async () => {
    const db = await people();
    for (const q of ['1234567', '4567', '+49 (30) 1234-567', '030 1234567', '30 1234', '1234-567']) expect(await names(db, q), q).toContain('Anna Müller');
    expect(await names(db, '1234567')).toEqual(['Anna Müller']);
    expect(await names(db, '4567')).toEqual(['Anna Müller', 'Ζωή Παπαδοπούλου']);
    expect(await names(db, '0171 987')).toEqual(['ÖZTÜRK Mehmet']);
    expect(await names(db, '9876543')).toEqual(['ÖZTÜRK Mehmet']);
  });

  it('follows changes and removals, and never returns deleted customers', async () => {
    const db = await people();
    await db.run(`UPDATE customers SET name = 'Anna Schulz', phone = '+49 89 2222' WHERE uuid = ?`, [fixtureUuid(3, 1)]);
    expect(await names(db, 'müller')).toEqual([]);
    expect(await names(db, 'schulz')).toEqual(['Anna Schulz']);
    expect(await names(db, '1234567')).toEqual([]);
    expect(await names(db, '2222')).toEqual(['Anna Schulz']);
    expect(await names(db, 'mueller')).toEqual(['Anna Schulz']); // the e-mail did not change
    await db.run(`UPDATE customers SET deleted_at = '2024-02-01T00:00:00.000Z' WHERE uuid = ?`, [fixtureUuid(3, 2)]);
    expect(await names(db, 'öztürk')).toEqual([]);
    await db.run(`DELETE FROM customers WHERE uuid = ?`, [fixtureUuid(3, 3)]);
    expect(await names(db, 'josé')).toEqual([]);
    expect((await db.all(`SELECT rowid FROM customers_text`)).length).toBe(4);
  });

  it('finds the customers a till had before the search indexes existed (schema v5 to v6)', async () => {
    const db = await openMemoryConnection();
    await migrate(db, MIGRATIONS, 5);
    await db.run(`INSERT INTO customers (uuid, name, email, phone, updated_at) VALUES (?, 'Anna Müller', 'a@b.example', '+49 (30) 1234-567', '2024-01-01T00:00:00.000Z')`, [fixtureUuid(3, 1)]);
    await migrate(db);
    expect(await names(db, 'müller')).toEqual(['Anna Müller']);
    expect(await names(db, 'b.exa')).toEqual(['Anna Müller']);
    expect(await names(db, '4567')).toEqual(['Anna Müller']);
  });

  it('takes no query syntax from what staff type', async () => {
    const db = await people();
    for (const q of ['', '   ', '%', '"', 'anna"', '* OR', 'NEAR(anna müller)', 'name:anna', '-', '()']) {
      await expect(searchCustomers(db, q, 10), q).resolves.toBeInstanceOf(Array);
    }
    expect(await names(db, '%')).toEqual([]);
    expect(await names(db, '')).toEqual([]);
  });

  it('finds a generated customer by name, e-mail or phone, and every customer a word matches', async () => {
    const db = await openMigratedMemoryDb();
    const { customers } = await generateCatalog(db, { products: 10, customers: 50 });
    const target = customers[7];
    if (target === undefined) throw new Error('fixture has customers');
    await db.run(`UPDATE customers SET deleted_at = '2024-02-01T00:00:00.000Z' WHERE uuid = ?`, [fixtureUuid(3, 9)]);

    expect((await searchCustomers(db, target.name.toUpperCase(), 10)).map((c) => c.uuid)).toEqual([target.uuid]);
    expect((await searchCustomers(db, target.email ?? '', 10)).map((c) => c.uuid)).toEqual([target.uuid]);
    expect((await searchCustomers(db, target.phone ?? '', 10)).map((c) => c.uuid)).toEqual([target.uuid]);
    const firstName = target.name.split(' ')[0] ?? '';
    const found = await searchCustomers(db, firstName, 50);
    const fold = (s: string | null) => (s ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const startsAWord = (s: string | null) => fold(s).split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(fold(firstName)));
    const expected = customers.filter((c) => c.uuid !== fixtureUuid(3, 9) && (startsAWord(c.name) || fold(c.email).includes(fold(firstName))));
    expect(new Set(found.map((c) => c.uuid))).toEqual(new Set(expected.map((c) => c.uuid)));
    expect(await searchCustomers(db, customers[8]?.name ?? '', 10)).toEqual([]);
  });
});
