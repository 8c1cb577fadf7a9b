// editProduct: a product change made at the till. The edit, its queue row and the overlay that
// shows it are written in one transaction; the hub's answer later decides what stands.
import type { SqlConnection } from './sql-connection.ts';
import type { ProductEditInput, ProductView } from '../api/till-api.ts';
import type { Actor } from '../api/service-parts.ts';
import { TillError } from '../api/till-error.ts';
import { enqueue } from './outbox.ts';
import { hubPriceVersion, parseEdit, productRow, recomputeOverlay } from './product-overlay.ts';
import { PRODUCT_COLUMNS, toProductView, type ProductRow } from './product-view.ts';

export interface EditDeps {
  now: () => number;
  newUuid: () => string;
}

/** `actor` names who made the edit (a price change needs price_override: the worker checked it). */
export async function editProduct(db: SqlConnection, deps: EditDeps, input: ProductEditInput, actor: Actor): Promise<ProductView> {
  const fields: Record<string, unknown> = {};
  if (input.name !== undefined) fields.name = input.name;
  if (input.price !== undefined) fields.price = input.price;
  if (input.taxRateBp !== undefined) fields.tax_rate_bp = input.taxRateBp;
  if (input.taxIncluded !== undefined) fields.tax_included = input.taxIncluded;
  if (input.active !== undefined) fields.active = input.active;
  if (Object.keys(fields).length === 0) throw new TillError('invalid', 'The edit changes nothing.');

  return db.transaction(async (tx) => {
    const shown = await productRow(tx, input.productUuid);
    if (shown === undefined || shown.deleted_at !== null) throw new TillError('not_found', `No product ${input.productUuid} on this till.`);
    const editedAt = new Date(deps.now()).toISOString();
    const parsed = parseEdit({
      uuid: deps.newUuid(),
      product_uuid: shown.uuid,
      base_price_version: await hubPriceVersion(tx, shown.uuid, shown.price_version),
      ...fields,
      edited_at: editedAt,
      staff_id: actor.staffId,
      approved_by: actor.approvedBy,
    });
    if (!parsed.ok) throw new TillError('invalid', `The product edit is not valid: ${parsed.message}`);
    await enqueue(tx, {
      entityType: 'Product',
      entityId: shown.id,
      action: 'UPDATE',
      payload: parsed.edit,
      idempotencyKey: parsed.edit.uuid,
      createdAt: editedAt,
    });
    await recomputeOverlay(tx, shown.uuid);
    const row = await tx.get<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.uuid = ?`, [shown.uuid]);
    if (row === undefined) throw new TillError('internal', 'The edited product vanished.');
    return toProductView(row);
  });
}
