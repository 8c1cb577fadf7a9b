// Database rows to the contract's wire shapes, for the admin API and tests. These column lists make
// bigint and timestamptz come back the same way from PGlite and `pg`. (Pulls build JSON in SQL: wire-json.ts.)
import type { Category, Customer, Product, StockLevel } from '@ezo/contract/catalog';

export const CATEGORY_COLUMNS = `uuid::text AS uuid, name, sort_order, version::text AS row_version, updated_at, deleted_at`;
export const PRODUCT_COLUMNS = `uuid::text AS uuid, sku, barcode, name, category_uuid::text AS category_uuid, price::text AS price,
  tax_rate_bp, tax_included, active, open_price, price_version, version::text AS row_version, updated_at, deleted_at`;
export const CUSTOMER_COLUMNS = `uuid::text AS uuid, name, email, phone, version::text AS row_version, updated_at, deleted_at`;
export const STOCK_COLUMNS = `product_uuid::text AS product_uuid, quantity::text AS quantity, version::text AS row_version, updated_at`;

type Time = Date | string;
const iso = (t: Time): string => (t instanceof Date ? t : new Date(t)).toISOString();
const isoOrNull = (t: Time | null): string | null => (t === null ? null : iso(t));

export interface Versioned {
  row_version: string;
}

export interface CategoryRow extends Versioned {
  uuid: string;
  name: string;
  sort_order: number;
  updated_at: Time;
  deleted_at: Time | null;
}
export interface ProductRow extends Versioned {
  uuid: string;
  sku: string;
  barcode: string | null;
  name: string;
  category_uuid: string | null;
  price: string;
  tax_rate_bp: number;
  tax_included: boolean;
  active: boolean;
  open_price: boolean;
  price_version: number;
  updated_at: Time;
  deleted_at: Time | null;
}
export interface CustomerRow extends Versioned {
  uuid: string;
  name: string;
  email: string | null;
  phone: string | null;
  updated_at: Time;
  deleted_at: Time | null;
}
export interface StockRow extends Versioned {
  product_uuid: string;
  quantity: string;
  updated_at: Time;
}

export const categoryToWire = (r: CategoryRow): Category => ({
  uuid: r.uuid,
  name: r.name,
  sort_order: r.sort_order,
  updated_at: iso(r.updated_at),
  deleted_at: isoOrNull(r.deleted_at),
});

export const productToWire = (r: ProductRow): Product => ({
  uuid: r.uuid,
  sku: r.sku,
  barcode: r.barcode,
  name: r.name,
  category_uuid: r.category_uuid,
  price: Number(r.price),
  tax_rate_bp: r.tax_rate_bp,
  tax_included: r.tax_included,
  active: r.active,
  open_price: r.open_price,
  price_version: r.price_version,
  updated_at: iso(r.updated_at),
  deleted_at: isoOrNull(r.deleted_at),
});

export const customerToWire = (r: CustomerRow): Customer => ({
  uuid: r.uuid,
  name: r.name,
  email: r.email,
  phone: r.phone,
  updated_at: iso(r.updated_at),
  deleted_at: isoOrNull(r.deleted_at),
});

export const stockToWire = (r: StockRow): StockLevel => ({
  product_uuid: r.product_uuid,
  quantity: Number(r.quantity),
  updated_at: iso(r.updated_at),
});
