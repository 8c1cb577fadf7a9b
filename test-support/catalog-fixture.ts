// A deterministic catalog generator for tests and the benchmark: N products, categories and
// customers written straight into the local schema (as a finished pull would leave them), in one
// transaction of multi-row prepared INSERTs so 100k products take seconds, not minutes.
import type { SqlConnection, SqlExecutor, SqlValue } from '../src/sync/sql-connection.ts';
import { seededRandom } from './seeded-random.ts';

export interface CatalogSize {
  products: number;
  categories?: number;
  customers?: number;
  /** Seed of the pseudo-random names and prices; the same seed gives the same catalog. */
  seed?: number;
}

export interface FixtureProduct {
  uuid: string;
  sku: string;
  barcode: string | null;
  name: string;
  categoryUuid: string | null;
  price: number;
  taxRateBp: number;
  taxIncluded: boolean;
  active: boolean;
  deleted: boolean;
}

export interface FixtureCustomer {
  uuid: string;
  name: string;
  email: string | null;
  phone: string | null;
}

const DEFAULT_CATEGORIES = 12;
const DEFAULT_CUSTOMERS = 200;
/** Rows per INSERT: 200 products x 13 columns stays well under SQLite's 32766 parameters. */
const ROWS_PER_INSERT = 200;
/** Every generated row carries this time, so pulls and tests see a fixed catalog. */
export const FIXTURE_TIME = '2024-01-01T00:00:00.000Z';

const BRANDS = ['Acme', 'Borealis', 'Cascade', 'Dalton', 'Evergreen', 'Fjord', 'Granite', 'Harbor', 'Indigo', 'Juniper', 'Kestrel', 'Lumen'];
const GOODS = ['Cola', 'Lemonade', 'Coffee', 'Tea', 'Chocolate', 'Biscuits', 'Crisps', 'Water', 'Juice', 'Yoghurt', 'Bread', 'Cheese', 'Soap', 'Candle', 'Notebook', 'Battery'];
const VARIANTS = ['Classic', 'Diet', 'Zero', 'Organic', 'Smoky', 'Vanilla', 'Mint', 'Spicy', 'Original', 'Lite'];
const SIZES = ['100g', '250g', '330ml', '500ml', '1l', '2l', 'pack of 6', 'single'];
const TAX_RATES_BP = [0, 700, 1900, 2000];
const FIRST_NAMES = ['Ada', 'Bruno', 'Chiara', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas'];
const LAST_NAMES = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Novak', 'Silva', 'Kowalski', 'Haddad'];

/** A valid v4-shaped uuid from a kind digit and a counter: stable across runs. */
export function fixtureUuid(kind: number, n: number): string {
  return `0000000${kind}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** The i-th generated product (0-based); every 50th is inactive and every 97th deleted. */
export function generatedProduct(i: number, categoryCount: number, random: () => number): FixtureProduct {
  const name = `${pick(random, BRANDS)} ${pick(random, VARIANTS)} ${pick(random, GOODS)} ${pick(random, SIZES)} #${i}`;
  return {
    uuid: fixtureUuid(2, i + 1),
    sku: `SKU-${String(i + 1).padStart(6, '0')}`,
    // EAN-13-like, unique: 400 + 9-digit counter + a fixed last digit.
    barcode: `400${String(i + 1).padStart(9, '0')}7`,
    name,
    categoryUuid: categoryCount === 0 ? null : fixtureUuid(1, (i % categoryCount) + 1),
    price: 50 + Math.floor(random() * 5000),
    taxRateBp: pick(random, TAX_RATES_BP),
    taxIncluded: random() < 0.7,
    active: i % 50 !== 49,
    deleted: i % 97 === 96,
  };
}

export async function insertProducts(tx: SqlExecutor, rows: readonly FixtureProduct[]): Promise<void> {
  const columns = '(uuid, sku, barcode, name, category_uuid, price, tax_rate_bp, tax_included, active, price_version, updated_at, deleted_at)';
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const params: SqlValue[] = [];
    for (const p of chunk) {
      params.push(p.uuid, p.sku, p.barcode, p.name, p.categoryUuid, p.price, p.taxRateBp, p.taxIncluded ? 1 : 0, p.active ? 1 : 0, 1, FIXTURE_TIME, p.deleted ? FIXTURE_TIME : null);
    }
    const values = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    await tx.run(`INSERT INTO products ${columns} VALUES ${values}`, params);
  }
}

export async function insertCustomers(tx: SqlExecutor, rows: readonly FixtureCustomer[]): Promise<void> {
  for (const c of rows) {
    await tx.run(`INSERT INTO customers (uuid, name, email, phone, updated_at) VALUES (?, ?, ?, ?, ?)`, [c.uuid, c.name, c.email, c.phone, FIXTURE_TIME]);
  }
}

export interface GeneratedCatalog {
  categoryUuids: string[];
  products: number;
  customers: FixtureCustomer[];
}

/** Fills an empty, migrated database with a generated catalog in one transaction. */
export async function generateCatalog(db: SqlConnection, size: CatalogSize): Promise<GeneratedCatalog> {
  const categoryCount = size.categories ?? DEFAULT_CATEGORIES;
  const customerCount = size.customers ?? DEFAULT_CUSTOMERS;
  const random = seededRandom(size.seed ?? 1);
  const categoryUuids = Array.from({ length: categoryCount }, (_, i) => fixtureUuid(1, i + 1));
  const customers = Array.from({ length: customerCount }, (_, i): FixtureCustomer => {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    return {
      uuid: fixtureUuid(3, i + 1),
      name: `${first} ${last} ${i + 1}`,
      email: `${first}.${last}.${i + 1}@example.com`.toLowerCase(),
      phone: `+4930${String(1_000_000 + i)}`,
    };
  });
  await db.transaction(async (tx) => {
    for (const [i, uuid] of categoryUuids.entries()) {
      await tx.run(`INSERT INTO categories (uuid, name, sort_order, updated_at) VALUES (?, ?, ?, ?)`, [uuid, `${GOODS[i % GOODS.length] ?? 'Goods'} ${i + 1}`, i, FIXTURE_TIME]);
    }
    const batch: FixtureProduct[] = [];
    for (let i = 0; i < size.products; i++) {
      batch.push(generatedProduct(i, categoryCount, random));
      if (batch.length === ROWS_PER_INSERT * 10) await insertProducts(tx, batch.splice(0));
    }
    await insertProducts(tx, batch);
    await insertCustomers(tx, customers);
  });
  return { categoryUuids, products: size.products, customers };
}

