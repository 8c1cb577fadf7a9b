// Back-office writes to the global catalog. Every write goes through the version trigger, so tills
// pull it in commit order; DELETE only sets deleted_at (a tombstone tills must see), nothing is removed.
import { randomUUID } from 'node:crypto';
import type { Sql, SqlParam } from '../db/database.ts';
import { PG_FOREIGN_KEY_VIOLATION, PG_NUMERIC_OUT_OF_RANGE, isDataError, pgErrorCode } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import {
  CATEGORY_COLUMNS,
  CUSTOMER_COLUMNS,
  PRODUCT_COLUMNS,
  categoryToWire,
  customerToWire,
  productToWire,
  type CategoryRow,
  type CustomerRow,
  type ProductRow,
} from './wire-rows.ts';

export type CatalogKind = 'products' | 'categories' | 'customers';

interface KindSpec {
  columns: string;
  fields: readonly string[];
  toWire: (row: never) => unknown;
}

const KINDS: Record<CatalogKind, KindSpec> = {
  products: {
    columns: PRODUCT_COLUMNS,
    fields: ['sku', 'barcode', 'name', 'category_uuid', 'price', 'tax_rate_bp', 'tax_included', 'active', 'open_price'],
    toWire: (r: ProductRow) => productToWire(r),
  },
  categories: { columns: CATEGORY_COLUMNS, fields: ['name', 'sort_order'], toWire: (r: CategoryRow) => categoryToWire(r) },
  customers: { columns: CUSTOMER_COLUMNS, fields: ['name', 'email', 'phone', 'store_id'], toWire: (r: CustomerRow) => customerToWire(r) },
};

/** The field a foreign key violation of each kind is about. */
const REFERENCE: Record<CatalogKind, { path: string; message: string }> = {
  products: { path: 'category_uuid', message: 'unknown category' },
  categories: { path: '', message: 'unknown reference' },
  customers: { path: 'store_id', message: 'unknown store' },
};

function withDataErrors<T>(kind: CatalogKind, work: Promise<T>): Promise<T> {
  return work.catch((err: unknown) => {
    const code = pgErrorCode(err);
    if (code === PG_FOREIGN_KEY_VIOLATION) throw new HttpError('bad_request', 'a referenced record does not exist', [REFERENCE[kind]]);
    if (code === PG_NUMERIC_OUT_OF_RANGE) throw new HttpError('bad_request', 'a number is out of range');
    // Any other refusal of the data itself (the contract should have caught it) is the caller's 400, not a 500.
    if (isDataError(code)) throw new HttpError('bad_request', `the hub cannot store this data (database error ${code})`);
    throw err;
  });
}

export async function createCatalogRow(db: Sql, kind: CatalogKind, input: Record<string, unknown> & { uuid?: string | undefined }): Promise<unknown> {
  const spec = KINDS[kind];
  const uuid = input.uuid ?? randomUUID();
  const fields = spec.fields.filter((f) => input[f] !== undefined);
  const params: SqlParam[] = [uuid, ...fields.map((f) => input[f] as SqlParam)];
  const sql = `INSERT INTO ${kind} (uuid${fields.map((f) => `, ${f}`).join('')}) VALUES ($1${fields.map((_, i) => `, $${i + 2}`).join('')})
               ON CONFLICT (uuid) DO NOTHING RETURNING ${spec.columns}`;
  const rows = await withDataErrors(kind, db.query<never>(sql, params));
  const row = rows[0];
  if (row === undefined) throw new HttpError('conflict', `${kind} ${uuid} already exists`);
  return spec.toWire(row);
}

export async function patchCatalogRow(db: Sql, kind: CatalogKind, uuid: string, patch: Record<string, unknown>): Promise<unknown> {
  const spec = KINDS[kind];
  const fields = spec.fields.filter((f) => patch[f] !== undefined);
  const sets = fields.map((f, i) => `${f} = $${i + 2}`);
  // An admin price change is the hub's authority: it bumps price_version so older till edits go stale.
  if (kind === 'products' && patch['price'] !== undefined) sets.push(`price_version = CASE WHEN price <> $${fields.indexOf('price') + 2} THEN price_version + 1 ELSE price_version END`);
  if (sets.length === 0) sets.push('uuid = uuid');
  const params: SqlParam[] = [uuid, ...fields.map((f) => patch[f] as SqlParam)];
  const rows = await withDataErrors(kind, db.query<never>(`UPDATE ${kind} SET ${sets.join(', ')} WHERE uuid = $1 RETURNING ${spec.columns}`, params));
  const row = rows[0];
  if (row === undefined) throw new HttpError('not_found', `no ${kind} ${uuid}`);
  return spec.toWire(row);
}

export async function deleteCatalogRow(db: Sql, kind: CatalogKind, uuid: string): Promise<unknown> {
  const spec = KINDS[kind];
  const rows = await db.query<never>(
    `UPDATE ${kind} SET deleted_at = COALESCE(deleted_at, clock_timestamp()) WHERE uuid = $1 RETURNING ${spec.columns}`,
    [uuid],
  );
  const row = rows[0];
  if (row === undefined) throw new HttpError('not_found', `no ${kind} ${uuid}`);
  return spec.toWire(row);
}
