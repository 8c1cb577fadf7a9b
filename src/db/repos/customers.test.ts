// Customer lookup by name, email or phone prefix.
import { describe, expect, it } from 'vitest';
import { openMigratedMemoryDb } from '../../../test-support/memory-db.ts';
import { fixtureUuid, generateCatalog } from '../../../test-support/catalog-fixture.ts';
import { searchCustomers } from './customers.ts';

describe('searchCustomers', () => {
  it('finds customers by name, email or phone prefix, without deleted ones', async () => {
    const db = await openMigratedMemoryDb();
    const { customers } = await generateCatalog(db, { products: 10, customers: 50 });
    const target = customers[7];
    if (target === undefined) throw new Error('fixture has customers');
    await db.run(`UPDATE customers SET deleted_at = '2024-02-01T00:00:00.000Z' WHERE uuid = ?`, [fixtureUuid(3, 9)]);

    const byName = await searchCustomers(db, target.name.toUpperCase(), 10);
    expect(byName.map((c) => c.uuid)).toEqual([target.uuid]);
    expect((await searchCustomers(db, target.email ?? '', 10)).map((c) => c.uuid)).toEqual([target.uuid]);
    expect((await searchCustomers(db, target.phone ?? '', 10)).map((c) => c.uuid)).toEqual([target.uuid]);
    const firstName = target.name.split(' ')[0] ?? '';
    const sameFirst = await searchCustomers(db, firstName, 50);
    const expected = customers.filter((c) => c.name.startsWith(firstName) && c.uuid !== fixtureUuid(3, 9));
    expect(new Set(sameFirst.map((c) => c.uuid))).toEqual(new Set(expected.map((c) => c.uuid)));
    expect(await searchCustomers(db, customers[8]?.name ?? '', 10)).toEqual([]);
    expect(await searchCustomers(db, '%', 10)).toEqual([]);
    expect(await searchCustomers(db, '', 10)).toEqual([]);
  });
});
