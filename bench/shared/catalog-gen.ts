// The bench catalog: N products with realistic names (brand, kind, size), SKUs and EAN-13-like
// barcodes, generated from a seed so the floor, the app and the hub all hold the same rows.
// Rows use the wire contract's field names (contract/src/catalog.ts), as the hub serves them.
import type { Product } from '@ezo/contract/catalog';
import { pick, seededUuid } from './prng.ts';
import { seededRandom } from '../../test-support/seeded-random.ts';

export const CATALOG_SEED = 20_261_125;
/** The bench runs in one made-up currency with cents; prices 0.49 .. 99.99. */
const MIN_PRICE_MINOR = 49;
const MAX_PRICE_MINOR = 9_999;
const TAX_RATES_BP = [0, 700, 1_900] as const;
const FIXED_TIME = '2026-01-01T00:00:00.000Z';

export const BRANDS = ['Alpen', 'Bergfeld', 'Corona', 'Dolce', 'Everest', 'Fjord', 'Granja', 'Hanse', 'Isola', 'Jura', 'Kaiser', 'Lumen', 'Milo', 'Nordic', 'Oase', 'Pampa', 'Quell', 'Rivo', 'Sola', 'Terra', 'Ursus', 'Vita', 'Wald', 'Xenia', 'Yuma', 'Zest'];
export const KINDS = ['Cola', 'Lemonade', 'Water', 'Juice', 'Coffee', 'Tea', 'Chocolate', 'Biscuits', 'Crisps', 'Muesli', 'Yoghurt', 'Cheese', 'Butter', 'Bread', 'Pasta', 'Rice', 'Soup', 'Sauce', 'Olive Oil', 'Vinegar', 'Honey', 'Jam', 'Soap', 'Shampoo', 'Toothpaste', 'Batteries', 'Candles', 'Notebook', 'Pen', 'Tape'];
export const VARIANTS = ['Classic', 'Diet', 'Organic', 'Zero', 'Extra', 'Light', 'Original', 'Premium', 'Mild', 'Spicy', 'Vanilla', 'Lemon', 'Cherry', 'Mint', 'Sea Salt', 'Wholegrain'];
const SIZES = ['100g', '250g', '500g', '1kg', '330ml', '500ml', '1l', '1.5l', '6 pack', '12 pack'];

/** The SKU of the index-th product: codes depend on the index alone, not on the seeded draws. */
export function skuOf(index: number): string {
  return `SKU-${String(index).padStart(6, '0')}`;
}

/** The EAN-13-like barcode of the index-th product. */
export function barcodeOf(index: number): string {
  return `40${String(index).padStart(10, '0')}${index % 10}`;
}

export function generateProduct(index: number, random: () => number): Product {
  const name = `${pick(random, BRANDS)} ${pick(random, VARIANTS)} ${pick(random, KINDS)} ${pick(random, SIZES)}`;
  return {
    uuid: seededUuid(random),
    sku: skuOf(index),
    barcode: barcodeOf(index),
    name,
    category_uuid: null,
    price: MIN_PRICE_MINOR + Math.floor(random() * (MAX_PRICE_MINOR - MIN_PRICE_MINOR)),
    tax_rate_bp: pick(random, TAX_RATES_BP),
    tax_included: true,
    active: true,
    open_price: false,
    price_version: 1,
    updated_at: FIXED_TIME,
    deleted_at: null,
  };
}

/** Products [from, from + count) of the catalog, identical on every call with the same arguments. */
export function generateCatalog(from: number, count: number, seed = CATALOG_SEED): Product[] {
  const random = seededRandom(seed + from);
  const rows: Product[] = [];
  for (let i = from; i < from + count; i++) rows.push(generateProduct(i, random));
  return rows;
}

/**
 * What staff type while searching: growing prefixes of a brand or kind ("c", "co", "col"...), two
 * words ("diet co"), SKU and barcode prefixes. The same list is used by the floor and the app.
 */
export function searchQueries(count: number, seed = CATALOG_SEED + 1): string[] {
  const random = seededRandom(seed);
  const queries: string[] = [];
  while (queries.length < count) {
    const shape = random();
    if (shape < 0.5) {
      const word = pick(random, random() < 0.5 ? BRANDS : KINDS).toLowerCase();
      queries.push(word.slice(0, 1 + Math.floor(random() * word.length)));
    } else if (shape < 0.75) {
      const variant = pick(random, VARIANTS).toLowerCase();
      const kind = pick(random, KINDS).toLowerCase();
      queries.push(`${variant} ${kind.slice(0, 2 + Math.floor(random() * (kind.length - 1)))}`);
    } else if (shape < 0.9) {
      queries.push(`SKU-0${Math.floor(random() * 1_000)}`);
    } else {
      queries.push(`40${String(Math.floor(random() * 100_000)).padStart(5, '0')}`);
    }
  }
  return queries;
}
