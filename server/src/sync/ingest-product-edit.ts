// A till's product edit (spec section 5): fields other than price are last-write-wins in the order
// edits reach the hub; the price is the hub's, so an edit made on an older price_version than the
// hub's current one is rejected whole (stale_price) and an accepted price change bumps price_version.
// One exception keeps a till's own chain of offline edits: when every price change since the edit's
// base came from this terminal's earlier edits on that same base, the till has seen them (it made
// them), so the edit is not stale. Each accepted price change records the version it produced.
import type { ProductEdit } from '@ezo/contract/v1/product-edit';
import { checkAttribution } from './attribution.ts';
import type { Sql } from '../db/database.ts';
import type { TerminalPrincipal } from '../auth/authenticate.ts';
import { COMMIT_ORDER_LOCK_KEY, Rejection, replayOrConflict, type Outcome } from './item-outcome.ts';

const EDITABLE = ['name', 'sku', 'barcode', 'price', 'tax_rate_bp', 'tax_included', 'active'] as const;

export async function ingestProductEdit(
  tx: Sql,
  who: TerminalPrincipal,
  edit: ProductEdit,
  hash: string,
  knownProducts: ReadonlySet<string>,
  members: ReadonlySet<string>,
): Promise<Outcome> {
  if (!knownProducts.has(edit.product_uuid.toLowerCase())) throw new Rejection('unknown_product', `unknown product ${edit.product_uuid}`);
  const by = checkAttribution(edit, members);
  const inserted = await tx.query(
    `INSERT INTO product_edits (uuid, terminal_id, product_uuid, content_hash, base_price_version, staff_id, approved_by, device_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (uuid) DO NOTHING RETURNING uuid`,
    [edit.uuid, who.terminalId, edit.product_uuid, hash, edit.base_price_version, by.staffId, by.approvedBy, who.deviceId],
  );
  if (inserted.length === 0) return replayOrConflict(tx, 'product_edits', edit.uuid, hash);

  // The commit-order lock before the row lock: every versioned writer takes them in this order.
  await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
  const rows = await tx.query<{ price: string; price_version: number }>(
    'SELECT price::text AS price, price_version FROM products WHERE uuid = $1 FOR UPDATE',
    [edit.product_uuid],
  );
  const current = rows[0];
  if (current === undefined) throw new Rejection('unknown_product', `unknown product ${edit.product_uuid}`);
  let priceVersion = current.price_version;
  if (edit.price !== undefined) {
    if (edit.base_price_version < current.price_version && !(await ownChain(tx, who, edit, current.price_version))) {
      throw new Rejection('stale_price', `the price changed at the hub (version ${current.price_version}) after this edit's version ${edit.base_price_version}`);
    }
    if (edit.base_price_version > current.price_version) {
      throw new Rejection('invalid', `base_price_version ${edit.base_price_version} is newer than the hub's ${current.price_version}`);
    }
    if (edit.price !== Number(current.price)) priceVersion += 1;
  }

  const sets: string[] = ['price_version = $2'];
  const params: (string | number | boolean | null)[] = [edit.product_uuid, priceVersion];
  for (const field of EDITABLE) {
    const value = edit[field];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${field} = $${params.length}`);
  }
  await tx.query(`UPDATE products SET ${sets.join(', ')} WHERE uuid = $1`, params);
  if (priceVersion !== current.price_version) {
    await tx.query('UPDATE product_edits SET produced_price_version = $2 WHERE uuid = $1', [edit.uuid, priceVersion]);
  }
  return 'applied';
}

/**
 * True when the hub's current price version was produced by this terminal's own edit made on the same
 * base version as this one. By induction every version between them was too: an edit is only accepted
 * on the version it names or through this same rule, and any other writer (the admin API, another
 * terminal) produces a version with no such row. Runs under the commit-order lock and the row lock.
 */
async function ownChain(tx: Sql, who: TerminalPrincipal, edit: ProductEdit, currentVersion: number): Promise<boolean> {
  const rows = await tx.query<{ terminal_id: string; base_price_version: number | null }>(
    `SELECT terminal_id, base_price_version FROM product_edits WHERE product_uuid = $1 AND produced_price_version = $2`,
    [edit.product_uuid, currentVersion],
  );
  const producer = rows[0];
  return producer !== undefined && producer.terminal_id === who.terminalId && producer.base_price_version === edit.base_price_version;
}
