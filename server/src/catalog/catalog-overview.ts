// Read-only views of the catalog for the back office: categories with their product counts, and the
// VAT rates products use (a rate is a property of each product, not a table of its own: the list is
// what the products hold, and a rate changes by changing products).
import type { AdminCategoryRow, VatRate } from '@ezo/contract/backoffice-catalog';
import type { Sql } from '../db/database.ts';
import { CATEGORY_COLUMNS, categoryToWire, type CategoryRow } from './wire-rows.ts';

export async function listCategories(db: Sql): Promise<AdminCategoryRow[]> {
  const rows = await db.query<CategoryRow & { products: number }>(
    `SELECT ${CATEGORY_COLUMNS.replace(/(^|, )(uuid|name|sort_order|version|updated_at|deleted_at)/g, '$1c.$2')},
            (SELECT count(*)::int FROM products p WHERE p.category_uuid = c.uuid AND p.deleted_at IS NULL) AS products
       FROM categories c WHERE c.deleted_at IS NULL ORDER BY c.sort_order, c.name, c.uuid`,
  );
  return rows.map((r) => ({ ...categoryToWire(r), products: r.products }));
}

export async function listVatRates(db: Sql): Promise<VatRate[]> {
  return db.query<VatRate>(
    `SELECT tax_rate_bp, count(*)::int AS products, (count(*) FILTER (WHERE active))::int AS active_products
       FROM products WHERE deleted_at IS NULL GROUP BY tax_rate_bp ORDER BY tax_rate_bp`,
  );
}
