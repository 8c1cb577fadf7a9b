// Local product edits laid over the hub's catalog. `products` holds what the till shows: the hub's
// row with every Pending edit of it applied in queue order. While an edit is Pending, the hub's own
// row waits in product_hub_versions, so a pull updates it underneath without hiding the edit; when
// the hub answers (Completed or Failed) the overlay is lifted and the hub's version stands.
// Invariant: product_hub_versions has a row for a product exactly while a Pending 'Product' queue
// row for it exists; recomputeOverlay() restores it after any change of those queue rows.
import type { SqlExecutor, SqlValue } from './sql-connection.ts';
import type { Product } from '@ezo/contract/catalog';
import type { ProductEdit } from '@ezo/contract/product-edit';
import { lenientContract } from '@ezo/contract/contract';
import { QueueStatus } from './outbox.ts';

interface ProductDbRow {
  id: number;
  uuid: string;
  sku: string;
  barcode: string | null;
  name: string;
  category_uuid: string | null;
  price: number;
  tax_rate_bp: number;
  tax_included: number;
  active: number;
  open_price: number;
  price_version: number;
  updated_at: string;
  deleted_at: string | null;
}

/** The fields an edit may change, in contract names. */
const EDITABLE = ['name', 'sku', 'barcode', 'price', 'tax_rate_bp', 'tax_included', 'active'] as const;

export async function productRow(db: SqlExecutor, uuid: string): Promise<ProductDbRow | undefined> {
  return db.get<ProductDbRow>(
    `SELECT id, uuid, sku, barcode, name, category_uuid, price, tax_rate_bp, tax_included, active, open_price, price_version, updated_at, deleted_at
     FROM products WHERE uuid = ?`,
    [uuid],
  );
}

function toContract(row: ProductDbRow): Product {
  return {
    uuid: row.uuid,
    sku: row.sku,
    barcode: row.barcode,
    name: row.name,
    category_uuid: row.category_uuid,
    price: row.price,
    tax_rate_bp: row.tax_rate_bp,
    tax_included: row.tax_included === 1,
    active: row.active === 1,
    open_price: row.open_price === 1,
    price_version: row.price_version,
    updated_at: row.updated_at,
    deleted_at: row.deleted_at,
  };
}

const SHOWN_COLUMNS = '(uuid, sku, barcode, name, category_uuid, price, tax_rate_bp, tax_included, active, open_price, price_version, updated_at, deleted_at)';
const SHOWN_COLUMN_COUNT = 13;
const SHOWN_CONFLICT = `ON CONFLICT (uuid) DO UPDATE SET sku = excluded.sku, barcode = excluded.barcode, name = excluded.name,
       category_uuid = excluded.category_uuid, price = excluded.price, tax_rate_bp = excluded.tax_rate_bp,
       tax_included = excluded.tax_included, active = excluded.active, open_price = excluded.open_price, price_version = excluded.price_version,
       updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`;

/** A hub row as stored; open_price is absent from rows kept before protocol 3 (product_hub_versions): false. */
function shownValues(p: Product): SqlValue[] {
  const openPrice = (p.open_price as boolean | undefined) === true ? 1 : 0;
  return [p.uuid, p.sku, p.barcode, p.name, p.category_uuid, p.price, p.tax_rate_bp, p.tax_included ? 1 : 0, p.active ? 1 : 0, openPrice, p.price_version, p.updated_at, p.deleted_at];
}

/** Upserts the row the till shows. */
async function writeShown(tx: SqlExecutor, p: Product): Promise<void> {
  await tx.run(
    `INSERT INTO products ${SHOWN_COLUMNS} VALUES (${new Array(SHOWN_COLUMN_COUNT).fill('?').join(', ')}) ${SHOWN_CONFLICT}`,
    shownValues(p),
  );
}

async function hubVersion(tx: SqlExecutor, uuid: string): Promise<Product | null> {
  const row = await tx.get<{ row: string }>(`SELECT row FROM product_hub_versions WHERE product_uuid = ?`, [uuid]);
  return row === undefined ? null : (JSON.parse(row.row) as Product);
}

/** A product's edits still waiting for the hub, oldest first (on the index sync_queue_pending_product_edits). */
export const PENDING_EDITS_SQL = `SELECT payload FROM sync_queue WHERE status = ${QueueStatus.pending} AND entity_type = 'Product' AND entity_id = ? ORDER BY id`;

async function pendingEdits(tx: SqlExecutor, productId: number): Promise<ProductEdit[]> {
  const rows = await tx.all<{ payload: string }>(PENDING_EDITS_SQL, [productId]);
  return rows.map((r) => JSON.parse(r.payload) as ProductEdit);
}

function applyEdits(hub: Product, edits: readonly ProductEdit[]): Product {
  const shown: Product = { ...hub };
  for (const edit of edits) {
    for (const field of EDITABLE) {
      const value = edit[field];
      if (value !== undefined) (shown as Record<string, unknown>)[field] = value;
    }
  }
  return shown;
}

/** Brings `products` and product_hub_versions back to the invariant for one product. */
export async function recomputeOverlay(tx: SqlExecutor, productUuid: string): Promise<void> {
  const shownRow = await productRow(tx, productUuid);
  if (shownRow === undefined) return;
  const stored = await hubVersion(tx, productUuid);
  const edits = await pendingEdits(tx, shownRow.id);
  if (edits.length === 0) {
    if (stored !== null) {
      await writeShown(tx, stored);
      await tx.run(`DELETE FROM product_hub_versions WHERE product_uuid = ?`, [productUuid]);
    }
    return;
  }
  const hub = stored ?? toContract(shownRow);
  if (stored === null) await tx.run(`INSERT INTO product_hub_versions (product_uuid, row) VALUES (?, ?)`, [productUuid, JSON.stringify(hub)]);
  await writeShown(tx, applyEdits(hub, edits));
}

/** Products of a pulled page that have an edit pending (their hub row must go underneath). */
export async function productsUnderEdit(tx: SqlExecutor): Promise<Set<string>> {
  const rows = await tx.all<{ product_uuid: string }>(`SELECT product_uuid FROM product_hub_versions`);
  return new Set(rows.map((r) => r.product_uuid));
}

/**
 * Products per multi-row upsert. One statement per product cost most of a page's write time in
 * bind/step/reset round trips through the wasm boundary; 13 parameters a row stays far below
 * SQLite's 32,766 parameters a statement. (A json_each() upsert of the whole page was slower: each
 * `->>` re-parses the row's JSON object.)
 */
export const PRODUCTS_PER_UPSERT = 100;


/** Upserts of n rows, built once per n (the connection caches the prepared statement by its text). */
const upsertSql = new Map<number, string>();
function upsertRows(n: number): string {
  let sql = upsertSql.get(n);
  if (sql === undefined) {
    const row = `(${new Array(SHOWN_COLUMN_COUNT).fill('?').join(', ')})`;
    sql = `INSERT INTO products ${SHOWN_COLUMNS} VALUES ${new Array(n).fill(row).join(', ')} ${SHOWN_CONFLICT}`;
    upsertSql.set(n, sql);
  }
  return sql;
}

/**
 * Stores the products of a pulled page: in multi-row upserts, except those under a pending local
 * edit. Rows are written in page order, so a product twice in a page ends as its last entry.
 */
export async function storeHubProducts(tx: SqlExecutor, products: readonly Product[], underEdit: ReadonlySet<string>): Promise<void> {
  const direct = underEdit.size === 0 ? products : products.filter((p) => !underEdit.has(p.uuid));
  for (let from = 0; from < direct.length; from += PRODUCTS_PER_UPSERT) {
    const chunk = direct.slice(from, from + PRODUCTS_PER_UPSERT);
    await tx.run(upsertRows(chunk.length), chunk.flatMap(shownValues));
  }
  if (direct.length === products.length) return;
  for (const p of products) if (underEdit.has(p.uuid)) await storeHubProduct(tx, p, true);
}

/** Stores a product the hub sent: directly, or underneath a pending local edit. */
export async function storeHubProduct(tx: SqlExecutor, product: Product, underEdit: boolean): Promise<void> {
  if (!underEdit) {
    await writeShown(tx, product);
    return;
  }
  await tx.run(`UPDATE product_hub_versions SET row = ? WHERE product_uuid = ?`, [JSON.stringify(product), product.uuid]);
  await recomputeOverlay(tx, product.uuid);
}

/** The hub's price_version of a product: the base a new edit names. */
export async function hubPriceVersion(tx: SqlExecutor, productUuid: string, shownVersion: number): Promise<number> {
  return (await hubVersion(tx, productUuid))?.price_version ?? shownVersion;
}

/** Validates an edit against the contract; returns the payload or the first issue as a sentence. */
export function parseEdit(candidate: unknown): { ok: true; edit: ProductEdit } | { ok: false; message: string } {
  const parsed = lenientContract.upstream.productEdit.safeParse(candidate);
  if (parsed.success) return { ok: true, edit: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: issue === undefined ? 'invalid product edit' : `${issue.path.join('.')}: ${issue.message}` };
}
