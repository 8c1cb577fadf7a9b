// The products row as the till shows it, and the one SELECT list every product query uses, so
// search, catalog pages and barcode lookups all return the same ProductView.
import type { ProductView } from '../api/till-api.ts';

/** Columns for `FROM products p`; pending_edit says a local edit still waits for the hub. */
export const PRODUCT_COLUMNS = `p.id, p.uuid, p.sku, p.barcode, p.name, p.category_uuid, p.price, p.tax_rate_bp,
  p.tax_included, p.active, p.open_price, p.price_version,
  EXISTS (SELECT 1 FROM sync_queue q WHERE q.status = 0 AND q.entity_type = 'Product' AND q.entity_id = p.id) AS pending_edit`;

/** Products that may be sold: the hub has not removed them and they are switched on. */
export const SELLABLE = 'p.active = 1 AND p.deleted_at IS NULL';

export interface ProductRow {
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
  pending_edit: number;
}

export function toProductView(row: ProductRow): ProductView {
  return {
    uuid: row.uuid,
    sku: row.sku,
    barcode: row.barcode,
    name: row.name,
    categoryUuid: row.category_uuid,
    price: row.price,
    taxRateBp: row.tax_rate_bp,
    taxIncluded: row.tax_included === 1,
    active: row.active === 1,
    openPrice: row.open_price === 1,
    priceVersion: row.price_version,
    pendingEdit: row.pending_edit === 1,
  };
}
