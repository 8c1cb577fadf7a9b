// The store's VAT rates come from a skip scan of the tax-rate index; they must be exactly the
// catalog's distinct rates (deleted products included, as receipts of old sales name them).
import { describe, expect, it } from 'vitest';
import { addProducts, openTestTill, product } from './data-test-kit.ts';
import { storeTaxRates } from './store-tax-rates.ts';

const RATES = [1900, 700, 0, 700, 1900, 1900, 550, 0];

describe('storeTaxRates', () => {
  it('gives the distinct rates of the catalog, highest first, the same as SELECT DISTINCT', async () => {
    const t = await openTestTill();
    await addProducts(t.db, RATES.map((taxRateBp, i) => product(i + 1, { taxRateBp, deleted: i === 6 })));
    const plain = (await t.db.all<{ r: number }>('SELECT DISTINCT tax_rate_bp AS r FROM products')).map((x) => x.r).sort((a, b) => b - a);
    expect(await storeTaxRates(t.db)).toEqual([1900, 700, 550, 0]);
    expect(await storeTaxRates(t.db)).toEqual(plain);
  });

  it('adds the rates of a sale\'s lines the catalog no longer has, and is empty for an empty catalog', async () => {
    const t = await openTestTill();
    expect(await storeTaxRates(t.db)).toEqual([]);
    expect(await storeTaxRates(t.db, [1000, 1000])).toEqual([1000]);
    await addProducts(t.db, [product(1, { taxRateBp: 700 })]);
    expect(await storeTaxRates(t.db, [1900])).toEqual([1900, 700]);
  });
});
