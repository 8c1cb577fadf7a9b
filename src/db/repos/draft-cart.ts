// The sale in progress, kept for a reload or a move to another tab (table draft_cart, migration 007).
// Checked on the way in and on the way out: a draft written by an older build, or damaged, is
// dropped (staff start the sale again) rather than put into the cart. Never queued for the hub.
import { z } from 'zod';
import type { SqlExecutor } from '../../sync/sql-connection.ts';
import type { TillDataDeps } from '../../api/service-parts.ts';
import type { DraftCart } from '../../api/till-api.ts';
import { BASIS_POINTS, MAX_CODE_LENGTH, MAX_LINES_PER_SALE, MAX_MONEY_MINOR, MAX_NAME_LENGTH, MAX_QUANTITY, MAX_TAX_RATE_BP, MAX_TEXT_LENGTH } from '@ezo/contract/limits';
import { invalid } from './draft-checks.ts';

/** Longest id the draft may name (uuids are 36). */
const MAX_ID_LENGTH = 64;

export const draftCartSchema = z.object({
  lines: z
    .array(
      z.object({
        productUuid: z.string().min(1).max(MAX_ID_LENGTH),
        name: z.string().max(MAX_NAME_LENGTH),
        sku: z.string().max(MAX_CODE_LENGTH),
        quantity: z.int().min(1).max(MAX_QUANTITY),
        unitPrice: z.int().min(0).max(MAX_MONEY_MINOR),
        discountBp: z.int().min(0).max(BASIS_POINTS),
        taxRateBp: z.int().min(0).max(MAX_TAX_RATE_BP),
        taxIncluded: z.boolean(),
        // A price changed at the counter keeps the catalog's (cart.ts); dropping it would hide the override.
        catalogPrice: z.int().min(0).max(MAX_MONEY_MINOR).exactOptional(),
      }),
    )
    .max(MAX_LINES_PER_SALE),
  note: z.string().max(MAX_TEXT_LENGTH),
  customer: z.object({ uuid: z.string().min(1).max(MAX_ID_LENGTH), name: z.string().max(MAX_NAME_LENGTH) }).nullable(),
  // Absent in drafts kept before cart discounts existed.
  discount: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('percent'), value: z.int().min(0).max(BASIS_POINTS) }),
      z.object({ kind: z.literal('amount'), value: z.int().min(0).max(MAX_MONEY_MINOR) }),
    ])
    .nullable()
    .default(null),
});

export async function draftCart(db: SqlExecutor): Promise<DraftCart | null> {
  const row = await db.get<{ cart: string }>(`SELECT cart FROM draft_cart WHERE id = 1`);
  return row === undefined ? null : parseStoredCart(row.cart);
}

/** A cart as stored (JSON), or null when it is damaged or from a build that kept carts otherwise. */
export function parseStoredCart(json: string): DraftCart | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = draftCartSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Saves the draft (null, or a cart with nothing in it: forgets it). */
export async function saveDraftCart(db: SqlExecutor, deps: Pick<TillDataDeps, 'clock'>, cart: DraftCart | null): Promise<void> {
  if (cart === null) {
    await clearDraftCart(db);
    return;
  }
  const parsed = draftCartSchema.safeParse(cart);
  if (!parsed.success) throw invalid('The sale in progress cannot be kept: it is not a valid cart.');
  const c = parsed.data;
  if (c.lines.length === 0 && c.note === '' && c.customer === null && c.discount === null) {
    await clearDraftCart(db);
    return;
  }
  await db.run(
    `INSERT INTO draft_cart (id, cart, saved_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET cart = excluded.cart, saved_at = excluded.saved_at`,
    [JSON.stringify(c), new Date(deps.clock.now()).toISOString()],
  );
}

/** Called in the transaction that records a sale: the cart became that sale. */
export async function clearDraftCart(db: SqlExecutor): Promise<void> {
  await db.run(`DELETE FROM draft_cart`);
}
