// Staff's "retry": Failed queue rows go back to Pending with a fresh attempt count, and a product
// edit among them is laid over the catalog again until the hub answers it, in one transaction.
import type { SqlConnection } from './sql-connection.ts';
import type { ProductEdit } from '@ezo/contract/product-edit';
import { TillError } from '../api/till-error.ts';
import { resetFailed } from './queue-store.ts';
import { recomputeOverlay } from './product-overlay.ts';

/** Returns how many rows went back to Pending; all Failed rows when ids is empty. */
export async function retryFailed(db: SqlConnection, ids: readonly number[]): Promise<number> {
  if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id))) throw new TillError('invalid', 'retryFailed takes a list of queue item ids.');
  return db.transaction(async (tx) => {
    const rows = await resetFailed(tx, ids);
    const edited = new Set(rows.filter((r) => r.entity_type === 'Product').map((r) => (JSON.parse(r.payload) as ProductEdit).product_uuid));
    for (const uuid of edited) await recomputeOverlay(tx, uuid);
    return rows.length;
  });
}
