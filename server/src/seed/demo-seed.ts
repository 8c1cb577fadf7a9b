// The first-run demo data: one store (EUR, de-DE, German VAT 0/7/19 %) with one terminal, a catalog
// of ~300 products in 10 categories, 30 customers and opening stock. Names, prices, barcodes and stock
// follow from the row number (only the uuids are random), so every fresh hub looks the same.
import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/database.ts';
import type { StaffCreate } from '@ezo/contract/staff';
import { createStore, createTerminal } from '../stores/stores.ts';
import { createStaff, hashSecrets } from '../staff/staff.ts';
import { applyStockDeltas } from '../sync/stock-deltas.ts';
import { ean13 } from './ean13.ts';

export const DEMO_STORE = { name: 'Demo Store', currency: 'EUR', locale: 'de-DE' } as const;
export const DEMO_TERMINAL = { name: 'Till 1', receipt_prefix: 'T1' } as const;
const PRODUCTS_PER_CATEGORY = 30;
const CUSTOMER_COUNT = 30;
/** German GS1 prefix 400-440; 4000000 + a running number makes unique, valid EAN-13s. */
const EAN_PREFIX = '4006381';

const CATEGORIES: readonly { name: string; tax_rate_bp: number; tax_included: boolean; basePrice: number; items: readonly string[] }[] = [
  { name: 'Coffee & Tea', tax_rate_bp: 700, tax_included: true, basePrice: 249, items: ['Espresso Beans', 'Filter Coffee', 'Green Tea', 'Black Tea', 'Chai'] },
  { name: 'Bakery', tax_rate_bp: 700, tax_included: true, basePrice: 129, items: ['Croissant', 'Pretzel', 'Rye Bread', 'Baguette', 'Muffin'] },
  { name: 'Dairy', tax_rate_bp: 700, tax_included: true, basePrice: 99, items: ['Milk', 'Yoghurt', 'Butter', 'Cheese', 'Cream'] },
  { name: 'Fruit & Veg', tax_rate_bp: 700, tax_included: true, basePrice: 79, items: ['Apples', 'Bananas', 'Carrots', 'Tomatoes', 'Potatoes'] },
  { name: 'Drinks', tax_rate_bp: 1900, tax_included: true, basePrice: 119, items: ['Lemonade', 'Cola', 'Mineral Water', 'Apple Juice', 'Iced Tea'] },
  { name: 'Snacks', tax_rate_bp: 700, tax_included: true, basePrice: 149, items: ['Crisps', 'Chocolate', 'Nuts', 'Biscuits', 'Gummy Bears'] },
  { name: 'Household', tax_rate_bp: 1900, tax_included: true, basePrice: 299, items: ['Dish Soap', 'Sponges', 'Kitchen Roll', 'Candles', 'Bin Bags'] },
  { name: 'Stationery', tax_rate_bp: 1900, tax_included: false, basePrice: 199, items: ['Notebook', 'Pencil', 'Pen', 'Envelopes', 'Stapler'] },
  { name: 'Books & Press', tax_rate_bp: 700, tax_included: true, basePrice: 450, items: ['Newspaper', 'Magazine', 'Paperback', 'Cookbook', 'Map'] },
  { name: 'Gift Cards', tax_rate_bp: 0, tax_included: false, basePrice: 1000, items: ['Gift Card', 'Voucher', 'Donation', 'Deposit Return', 'Service Fee'] },
];
const VARIANTS = ['Small', 'Medium', 'Large', 'Organic', 'Classic', 'Family Pack'];
const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jonas'];
const LAST = ['Müller', 'Schmidt', 'Fischer'];

export const DEMO_OWNER_EMAIL = 'owner@demo.example';

export interface DemoStaffSecrets {
  cashierPin: string;
  managerPin: string;
  /** Absent: the owner gets no back-office password (tests: a password hash costs 128 MiB and about a second). */
  ownerPassword?: string;
  /** Fixed ids (tests); random when absent. */
  ids?: { cashier: string; manager: string; owner: string };
}

export interface DemoSeed {
  storeId: string;
  terminalId: string;
  /** The terminal's legacy token (scripts, tests); tills pair with a code. */
  terminalToken: string;
  staff: { cashier: string; manager: string; owner: string };
}

/**
 * Creates the demo store and terminal, and a cashier, a manager (PINs) and an owner (e-mail and password)
 * with roles in it; with `catalog`, also the products, customers and opening stock. Runs under the
 * commit-order lock's rules (staff rows are versioned): call it in its own transaction.
 */
export async function seedDemo(tx: Sql, options: { catalog: boolean; staff: DemoStaffSecrets; terminalToken?: string }): Promise<DemoSeed> {
  const store = await createStore(tx, DEMO_STORE);
  const terminal = await createTerminal(tx, { store_id: store.id, ...DEMO_TERMINAL }, options.terminalToken);
  const roles = (role: 'owner' | 'manager' | 'cashier') => [{ store_id: store.id, role }];
  const ids = options.staff.ids;
  const add = async (input: StaffCreate) => createStaff(tx, input, await hashSecrets(input));
  const cashier = await add({ ...(ids === undefined ? {} : { id: ids.cashier }), display_name: 'Chris Cashier', pin: options.staff.cashierPin, roles: roles('cashier') });
  const manager = await add({ ...(ids === undefined ? {} : { id: ids.manager }), display_name: 'Maria Manager', pin: options.staff.managerPin, roles: roles('manager') });
  const owner = await add({
    ...(ids === undefined ? {} : { id: ids.owner }),
    display_name: 'Olga Owner',
    email: DEMO_OWNER_EMAIL,
    ...(options.staff.ownerPassword === undefined ? {} : { password: options.staff.ownerPassword }),
    roles: roles('owner'),
  });
  if (options.catalog) await seedCatalog(tx, store.id);
  return { storeId: store.id, terminalId: terminal.terminal_id, terminalToken: terminal.token, staff: { cashier: cashier.id, manager: manager.id, owner: owner.id } };
}

export async function seedCatalog(tx: Sql, storeId: string): Promise<void> {
  let running = 0;
  const stock: [string, number][] = [];
  for (const [ci, c] of CATEGORIES.entries()) {
    const categoryUuid = randomUUID();
    await tx.query('INSERT INTO categories (uuid, name, sort_order) VALUES ($1, $2, $3)', [categoryUuid, c.name, ci * 10]);
    const rows = Array.from({ length: PRODUCTS_PER_CATEGORY }, (_, i) => {
      running++;
      const item = c.items[i % c.items.length] ?? c.name;
      const variant = VARIANTS[Math.floor(i / c.items.length) % VARIANTS.length] ?? '';
      return {
        uuid: randomUUID(),
        sku: `SKU-${String(running).padStart(5, '0')}`,
        barcode: ean13(`${EAN_PREFIX}${String(running).padStart(5, '0')}`),
        name: `${item} ${variant}`.trim(),
        price: c.basePrice + ((i * 37) % 11) * 10,
      };
    });
    await tx.query(
      `INSERT INTO products (uuid, sku, barcode, name, category_uuid, price, tax_rate_bp, tax_included)
       SELECT p.uuid, p.sku, p.barcode, p.name, $5, p.price, $6, $7
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $8::bigint[]) AS p(uuid, sku, barcode, name, price)`,
      [rows.map((r) => r.uuid), rows.map((r) => r.sku), rows.map((r) => r.barcode), rows.map((r) => r.name), categoryUuid, c.tax_rate_bp, c.tax_included, rows.map((r) => r.price)],
    );
    rows.forEach((r, i) => stock.push([r.uuid, 20 + ((i * 13) % 80)]));
  }
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const first = FIRST[i % FIRST.length] ?? 'Guest';
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? '';
    await tx.query('INSERT INTO customers (uuid, name, email, phone) VALUES ($1, $2, $3, $4)', [
      randomUUID(),
      `${first} ${last}`,
      `${first.toLowerCase()}.${i}@example.com`,
      `+49 30 ${String(5550100 + i)}`,
    ]);
  }
  await applyStockDeltas(tx, storeId, stock);
}
