// The first-run demo data: one German store (EUR, de-DE, Europe/Berlin, German VAT 0/7/19 %, with the
// legal name, address, tax number and VAT id its receipts print) with one terminal, a catalog of ~300
// products in 10 categories with German names, an open-price item per VAT rate ("Diverses 19 %" and
// "Diverses 7 %": the till asks for the price), 30 customers and opening stock. Names, prices, barcodes and stock
// follow from the row number (only the uuids are random), so every fresh hub looks the same.
import { randomUUID } from 'node:crypto';
import type { Database, Sql } from '../db/database.ts';
import type { StaffCreate } from '@ezo/contract/staff';
import { COMMIT_ORDER_LOCK_KEY } from '../sync/item-outcome.ts';
import type { StoreSettingsPut } from '@ezo/contract/admin';
import { DEFAULT_DISCOUNT_LIMIT_PERCENT, DEFAULT_IDLE_LOCK_SECONDS, DEFAULT_STORAGE_ALARM_HOURS } from '@ezo/contract/limits';
import { createStore, createTerminal, putStoreSettings } from '../stores/stores.ts';
import { createStaff, hashSecrets } from '../staff/staff.ts';
import { applyStockDeltas } from '../sync/stock-deltas.ts';
import { ean13 } from './ean13.ts';

export const DEMO_STORE = { name: 'Demo Store', currency: 'EUR', locale: 'de-DE' } as const;
/** What the demo store's receipts print: a believable (invented) German shop. */
export const DEMO_STORE_SETTINGS: StoreSettingsPut = {
  ...DEMO_STORE,
  time_zone: 'Europe/Berlin',
  legal_name: 'Ezo Demo-Laden GmbH',
  address_lines: ['Musterstraße 12', '10115 Berlin'],
  tax_number: '37/123/45678',
  vat_id: 'DE123456789',
  receipt_header: null,
  receipt_footer: 'Vielen Dank für Ihren Einkauf!',
  idle_lock_seconds: DEFAULT_IDLE_LOCK_SECONDS,
  discount_limit_percent: DEFAULT_DISCOUNT_LIMIT_PERCENT,
  storage_alarm_hours: DEFAULT_STORAGE_ALARM_HOURS,
};
/** The open-price items, one per VAT rate; no barcode, price 0 (the till asks for it). */
export const DEMO_OPEN_PRICE_ITEMS = [
  { sku: 'DIV-19', name: 'Diverses 19 %', tax_rate_bp: 1900 },
  { sku: 'DIV-07', name: 'Diverses 7 %', tax_rate_bp: 700 },
] as const;
const OPEN_PRICE_CATEGORY = 'Diverses';
export const DEMO_TERMINAL = { name: 'Till 1', receipt_prefix: 'T1' } as const;
const PRODUCTS_PER_CATEGORY = 30;
const CUSTOMER_COUNT = 30;
/** German GS1 prefix 400-440; 4000000 + a running number makes unique, valid EAN-13s. */
const EAN_PREFIX = '4006381';

const CATEGORIES: readonly { name: string; tax_rate_bp: number; tax_included: boolean; basePrice: number; items: readonly string[] }[] = [
  { name: 'Kaffee & Tee', tax_rate_bp: 700, tax_included: true, basePrice: 249, items: ['Espressobohnen', 'Filterkaffee', 'Grüner Tee', 'Schwarzer Tee', 'Chai'] },
  { name: 'Backwaren', tax_rate_bp: 700, tax_included: true, basePrice: 129, items: ['Croissant', 'Brezel', 'Roggenbrot', 'Baguette', 'Muffin'] },
  { name: 'Molkereiprodukte', tax_rate_bp: 700, tax_included: true, basePrice: 99, items: ['Milch', 'Joghurt', 'Butter', 'Käse', 'Sahne'] },
  { name: 'Obst & Gemüse', tax_rate_bp: 700, tax_included: true, basePrice: 79, items: ['Äpfel', 'Bananen', 'Karotten', 'Tomaten', 'Kartoffeln'] },
  { name: 'Getränke', tax_rate_bp: 1900, tax_included: true, basePrice: 119, items: ['Limonade', 'Cola', 'Mineralwasser', 'Apfelsaft', 'Eistee'] },
  { name: 'Knabbereien', tax_rate_bp: 700, tax_included: true, basePrice: 149, items: ['Chips', 'Schokolade', 'Nüsse', 'Kekse', 'Gummibärchen'] },
  { name: 'Haushalt', tax_rate_bp: 1900, tax_included: true, basePrice: 299, items: ['Spülmittel', 'Schwämme', 'Küchenrolle', 'Kerzen', 'Müllbeutel'] },
  { name: 'Schreibwaren', tax_rate_bp: 1900, tax_included: false, basePrice: 199, items: ['Notizbuch', 'Bleistift', 'Kugelschreiber', 'Briefumschläge', 'Hefter'] },
  { name: 'Bücher & Presse', tax_rate_bp: 700, tax_included: true, basePrice: 450, items: ['Tageszeitung', 'Zeitschrift', 'Taschenbuch', 'Kochbuch', 'Stadtplan'] },
  { name: 'Gutscheine', tax_rate_bp: 0, tax_included: false, basePrice: 1000, items: ['Geschenkkarte', 'Gutschein', 'Spende', 'Pfandrückgabe', 'Servicegebühr'] },
];
const VARIANTS = ['klein', 'mittel', 'groß', 'Bio', 'Klassik', 'Familienpackung'];
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

/** Advisory lock key held while deciding whether this is a first run ("ezo-seed"). */
const SEED_LOCK_KEY = 0x657a6f53;

/**
 * Seeds the demo (with its catalog and staff) when the database has no store yet, else does nothing.
 * Several instances starting together on an empty database take turns on an advisory lock and check
 * again under it, so exactly one seeds (server/test/multi-instance.test.ts starts three at once). The
 * commit-order lock is taken after it, as every versioned writer does (staff rows are versioned).
 */
export async function seedDemoOnFirstRun(db: Database, staff: DemoStaffSecrets): Promise<DemoSeed | undefined> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if ((await tx.query('SELECT 1 FROM stores LIMIT 1')).length > 0) return undefined;
    await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
    return seedDemo(tx, { catalog: true, staff });
  });
}

/**
 * Creates the demo store and terminal, and a cashier, a manager (PINs) and an owner (e-mail and password)
 * with roles in it; with `catalog`, also the products, customers and opening stock. Runs under the
 * commit-order lock's rules (staff rows are versioned): call it in its own transaction.
 */
export async function seedDemo(tx: Sql, options: { catalog: boolean; staff: DemoStaffSecrets; terminalToken?: string }): Promise<DemoSeed> {
  const store = await createStore(tx, DEMO_STORE);
  await putStoreSettings(tx, store.id, DEMO_STORE_SETTINGS);
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
  const misc = randomUUID();
  await tx.query('INSERT INTO categories (uuid, name, sort_order) VALUES ($1, $2, $3)', [misc, OPEN_PRICE_CATEGORY, CATEGORIES.length * 10]);
  for (const item of DEMO_OPEN_PRICE_ITEMS) {
    await tx.query('INSERT INTO products (uuid, sku, name, category_uuid, price, tax_rate_bp, tax_included, open_price) VALUES ($1, $2, $3, $4, 0, $5, true, true)', [
      randomUUID(),
      item.sku,
      item.name,
      misc,
      item.tax_rate_bp,
    ]);
  }
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const first = FIRST[i % FIRST.length] ?? 'Guest';
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? '';
    await tx.query('INSERT INTO customers (uuid, name, email, phone, store_id) VALUES ($1, $2, $3, $4, $5)', [
      randomUUID(),
      `${first} ${last}`,
      `${first.toLowerCase()}.${i}@example.com`,
      `+49 30 ${String(5550100 + i)}`,
      storeId,
    ]);
  }
  await applyStockDeltas(tx, storeId, stock);
}
