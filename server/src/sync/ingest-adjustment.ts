// An inventory adjustment is an append-only delta for the terminal's store: stored once by uuid and
// summed into stock, so two tills' adjustments add up instead of overwriting each other.
import type { Adjustment } from '@ezo/contract/v1/adjustment';
import { checkAttribution } from './attribution.ts';
import type { Sql } from '../db/database.ts';
import type { TerminalPrincipal } from '../auth/authenticate.ts';
import { Rejection, replayOrConflict, type Outcome } from './item-outcome.ts';
import type { StockDeltas } from './stock-deltas.ts';

export async function ingestAdjustment(
  tx: Sql,
  who: TerminalPrincipal,
  adjustment: Adjustment,
  hash: string,
  knownProducts: ReadonlySet<string>,
  members: ReadonlySet<string>,
  stock: StockDeltas,
): Promise<Outcome> {
  if (!knownProducts.has(adjustment.product_uuid.toLowerCase())) throw new Rejection('unknown_product', `unknown product ${adjustment.product_uuid}`);
  const by = checkAttribution(adjustment, members);
  const inserted = await tx.query(
    `INSERT INTO adjustments (uuid, store_id, terminal_id, product_uuid, delta, reason, created_at, content_hash, staff_id, approved_by, device_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (uuid) DO NOTHING RETURNING uuid`,
    [adjustment.uuid, who.storeId, who.terminalId, adjustment.product_uuid, adjustment.delta, adjustment.reason, adjustment.created_at, hash, by.staffId, by.approvedBy, who.deviceId],
  );
  if (inserted.length === 0) return replayOrConflict(tx, 'adjustments', adjustment.uuid, hash);
  stock.add(adjustment.product_uuid, adjustment.delta);
  return 'applied';
}
