// Browsing the catalog the hub sent: categories for the tabs, a category's products page by page,
// and the scanner's exact lookup. Only what may be sold is shown (active, not deleted).
import type { SqlExecutor } from '../../sync/sql-connection.ts';
import type { CategoryView, ProductQuery, ProductView } from '../../api/till-api.ts';
import { PRODUCT_COLUMNS, SELLABLE, toProductView, type ProductRow } from '../../sync/product-view.ts';
import { MAX_SEARCH_RESULTS, MAX_SEARCH_TEXT_LENGTH } from './data-limits.ts';
import { clampLimit } from './text-match.ts';

export async function categories(db: SqlExecutor): Promise<CategoryView[]> {
  const rows = await db.all<{ uuid: string; name: string; sort_order: number }>(
    `SELECT uuid, name, sort_order FROM categories WHERE deleted_at IS NULL ORDER BY sort_order, name COLLATE NOCASE, id`,
  );
  return rows.map((r) => ({ uuid: r.uuid, name: r.name, sortOrder: r.sort_order }));
}

export async function products(db: SqlExecutor, query: ProductQuery): Promise<ProductView[]> {
  const limit = clampLimit(query.limit, MAX_SEARCH_RESULTS);
  const offset = Number.isSafeInteger(query.offset) && query.offset > 0 ? query.offset : 0;
  // Both shapes walk an index in name order (products_category_name, products_name_nocase).
  const rows =
    query.categoryUuid === null
      ? await db.all<ProductRow>(
          `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE ${SELLABLE} ORDER BY p.name COLLATE NOCASE LIMIT ? OFFSET ?`,
          [limit, offset],
        )
      : await db.all<ProductRow>(
          `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.category_uuid = ? AND ${SELLABLE}
           ORDER BY p.name COLLATE NOCASE LIMIT ? OFFSET ?`,
          [query.categoryUuid, limit, offset],
        );
  return rows.map(toProductView);
}

/** The scanned code as a barcode, else as a SKU (shelf labels often print the SKU). */
export async function productByBarcode(db: SqlExecutor, code: string): Promise<ProductView | null> {
  const text = code.slice(0, MAX_SEARCH_TEXT_LENGTH).trim();
  if (text === '') return null;
  const byBarcode = await db.get<ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.barcode = ? AND ${SELLABLE} ORDER BY p.id LIMIT 1`,
    [text],
  );
  if (byBarcode !== undefined) return toProductView(byBarcode);
  const bySku = await db.get<ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.sku = ? COLLATE NOCASE AND ${SELLABLE} ORDER BY p.id LIMIT 1`,
    [text],
  );
  return bySku === undefined ? null : toProductView(bySku);
}
