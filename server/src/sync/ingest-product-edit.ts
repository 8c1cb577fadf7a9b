// A till's product edit (spec section 5), least privilege (issue 15): a till changes only its own store's
// price of a product (store_prices, sync/effective-price.ts), never the chain's product row; any other
// field (name, sku, barcode, tax, active) belongs to the chain's catalog, which only the admin API and the
// back office change, so an edit carrying one is rejected whole. The price is the hub's: an edit made on
// an older effective price version than the store's current one is rejected (stale_price), and an
// accepted price change bumps it. One exception keeps a till's own chain of offline edits: when every
// price change since the edit's base came from this terminal's earlier edits on that same base, the till
// has seen them (it made them), so the edit is not stale. Each accepted price change records the version
// it produced, with the store it applies to, and who made it (attribution.ts).
//
// Lock order (server/README.md, "Lock order"): the commit-order lock is taken FIRST, before the edit's row
// is inserted. That insert's foreign keys take KEY SHARE locks on the product and terminal rows; taken
// before the advisory lock they made a deadlock with an admin write holding the lock and waiting for the
// product row (issue 18). Under the lock no row lock is taken at all: every writer of a price holds it.
import type { ProductEdit } from '@ezo/contract/v1/product-edit';
import { checkAttribution } from './attribution.ts';
import type { Sql } from '../db/database.ts';
import type { TerminalPrincipal } from '../auth/authenticate.ts';
import { effectivePrice, writeStorePrice } from './effective-price.ts';
import { COMMIT_ORDER_LOCK_KEY, Rejection, replayOrConflict, type Outcome } from './item-outcome.ts';

/** Fields of the chain's catalog a till may not change; a till's edit may carry a price only. */
const CHAIN_FIELDS = ['name', 'sku', 'barcode', 'tax_rate_bp', 'tax_included', 'active'] as const;

export async function ingestProductEdit(
  tx: Sql,
  who: TerminalPrincipal,
  edit: ProductEdit,
  hash: string,
  knownProducts: ReadonlySet<string>,
  members: ReadonlySet<string>,
): Promise<Outcome> {
  if (!knownProducts.has(edit.product_uuid.toLowerCase())) throw new Rejection('unknown_product', `unknown product ${edit.product_uuid}`);
  await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
  const by = checkAttribution(edit, members);
  const inserted = await tx.query(
    `INSERT INTO product_edits (uuid, terminal_id, store_id, product_uuid, content_hash, base_price_version, staff_id, approved_by, device_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (uuid) DO NOTHING RETURNING uuid`,
    [edit.uuid, who.terminalId, who.storeId, edit.product_uuid, hash, edit.base_price_version, by.staffId, by.approvedBy, who.deviceId],
  );
  // A replay is answered as before, even an edit of a field a till may no longer change (its first answer was lost).
  if (inserted.length === 0) return replayOrConflict(tx, 'product_edits', edit.uuid, hash, who);
  const chainFields = CHAIN_FIELDS.filter((f) => edit[f] !== undefined);
  if (chainFields.length > 0) {
    throw new Rejection('invalid', `a till may change only its store's price; ${chainFields.join(', ')} belong to the chain's catalog (back office)`);
  }

  const current = await effectivePrice(tx, who.storeId, edit.product_uuid);
  if (current === undefined) throw new Rejection('unknown_product', `unknown product ${edit.product_uuid}`);
  if (edit.price === undefined) return 'applied';
  if (edit.base_price_version < current.priceVersion && !(await ownChain(tx, who, edit, current.priceVersion))) {
    throw new Rejection('stale_price', `the price changed at the hub (version ${current.priceVersion}) after this edit's version ${edit.base_price_version}`);
  }
  if (edit.base_price_version > current.priceVersion) {
    throw new Rejection('invalid', `base_price_version ${edit.base_price_version} is newer than the hub's ${current.priceVersion}`);
  }
  if (edit.price === current.price) return 'applied';
  const after = await writeStorePrice(tx, who.storeId, edit.product_uuid, edit.price);
  if (after !== undefined && after.priceVersion !== current.priceVersion) {
    await tx.query('UPDATE product_edits SET produced_price_version = $2 WHERE uuid = $1', [edit.uuid, after.priceVersion]);
  }
  return 'applied';
}

/**
 * True when the store's current price version was produced by this terminal's own edit made on the same
 * base version as this one. By induction every version between them was too: an edit is only accepted
 * on the version it names or through this same rule, and any other writer (the admin API, another
 * terminal) produces a version with no such row. Runs under the commit-order lock.
 */
async function ownChain(tx: Sql, who: TerminalPrincipal, edit: ProductEdit, currentVersion: number): Promise<boolean> {
  const rows = await tx.query<{ terminal_id: string; base_price_version: number | null }>(
    `SELECT terminal_id::text AS terminal_id, base_price_version FROM product_edits
      WHERE product_uuid = $1 AND store_id = $2 AND produced_price_version = $3`,
    [edit.product_uuid, who.storeId, currentVersion],
  );
  return rows.some((producer) => producer.terminal_id === who.terminalId && producer.base_price_version === edit.base_price_version);
}
