// Writes one validated downstream page and the cursor it advances to in ONE transaction: a crash
// between pages loses nothing and repeats nothing. Hub values overwrite master data (server
// authority); rows are upserted by uuid. Tombstones keep their row with deleted_at set: every read
// of the catalog filters `deleted_at IS NULL`, and the stock list and old refunds can still name it.
import type { SqlConnection, SqlExecutor } from './sql-connection.ts';
import type { DownstreamPage } from '@ezo/contract/downstream';
import { productsUnderEdit, storeHubProducts } from './product-overlay.ts';
import { saveCursor } from './sync-state-store.ts';
import { enterBulkLoad, finishBulkLoad } from './catalog-bulk-load.ts';

/** How a page's transaction treats the products' indexes (catalog-bulk-load.ts). */
export interface BulkStep {
  /** Drop the products' triggers and secondary indexes before writing this page (first page of a first sync). */
  enter: boolean;
  /** Rebuild FTS and recreate them after writing this page, with its final cursor. */
  finish: boolean;
}

const NO_BULK: BulkStep = { enter: false, finish: false };

/** Rows a page carries, for first-sync progress. */
export function pageRowCount(page: DownstreamPage): number {
  const c = page.changes;
  return c.products.length + c.categories.length + c.customers.length + c.stock.length + c.staff.length + c.store_settings.length;
}

/** `completedAt` is set on the last page of a pull (has_more false): it records the finished pull. */
export async function applyPage(db: SqlConnection, page: DownstreamPage, completedAt: string | null, bulk: BulkStep = NO_BULK): Promise<void> {
  await db.transaction(async (tx) => {
    if (bulk.enter) await enterBulkLoad(tx);
    await applyChanges(tx, page);
    await saveCursor(tx, page.timestamp, completedAt);
    if (bulk.finish) await finishBulkLoad(tx);
  });
}

async function applyChanges(tx: SqlExecutor, page: DownstreamPage): Promise<void> {
  const { categories, products, customers, stock, staff, store_settings: storeSettings } = page.changes;
  for (const c of categories) {
    await tx.run(
      `INSERT INTO categories (uuid, name, sort_order, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order,
         updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`,
      [c.uuid, c.name, c.sort_order, c.updated_at, c.deleted_at],
    );
  }
  const underEdit = products.length > 0 ? await productsUnderEdit(tx) : new Set<string>();
  await storeHubProducts(tx, products, underEdit);
  for (const c of customers) {
    await tx.run(
      `INSERT INTO customers (uuid, name, email, phone, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (uuid) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
         updated_at = excluded.updated_at, deleted_at = excluded.deleted_at`,
      [c.uuid, c.name, c.email, c.phone, c.updated_at, c.deleted_at],
    );
  }
  for (const s of stock) {
    await tx.run(
      `INSERT INTO stock_levels (product_uuid, quantity, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (product_uuid) DO UPDATE SET quantity = excluded.quantity, updated_at = excluded.updated_at`,
      [s.product_uuid, s.quantity, s.updated_at],
    );
  }
  // A member who is not active keeps their row (old records name them) but never their PIN hash.
  for (const m of staff) {
    await tx.run(
      `INSERT INTO staff (id, display_name, role, permissions, pin_hash, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, permissions = excluded.permissions,
         pin_hash = excluded.pin_hash, active = excluded.active, updated_at = excluded.updated_at`,
      [m.id, m.display_name, m.role, JSON.stringify(m.permissions), m.active ? m.pin_hash : null, m.active ? 1 : 0, m.updated_at],
    );
  }
  // The store's settings (its own store only, by the hub's rule): kept whole, as validated.
  for (const st of storeSettings) {
    await tx.run(
      `INSERT INTO store_settings (store_id, settings, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (store_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
      [st.store_id, JSON.stringify(st), st.updated_at],
    );
  }
}
