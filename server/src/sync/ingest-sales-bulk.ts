// The fast path for the common case, plain sales (not refunds) that passed checkSale: the whole set is
// inserted with two statements instead of four round trips per sale. It runs under its own savepoint;
// if the database refuses any row (e.g. a line uuid used elsewhere) it rolls back and returns
// undefined, and the caller takes the per-item path, which finds the culprit and rejects only it.
import type { Sale } from '@ezo/contract/v1/sale';
import type { Sql } from '../db/database.ts';
import { PG_FOREIGN_KEY_VIOLATION, PG_NUMERIC_OUT_OF_RANGE, PG_UNIQUE_VIOLATION, pgErrorCode } from '../db/database.ts';
import type { TerminalPrincipal } from '../auth/authenticate.ts';
import { Rejection, type Outcome } from './item-outcome.ts';
import type { StockDeltas } from './stock-deltas.ts';

const FALLBACK_ERRORS = new Set([PG_UNIQUE_VIOLATION, PG_FOREIGN_KEY_VIOLATION, PG_NUMERIC_OUT_OF_RANGE]);

export interface BulkSale {
  sale: Sale;
  hash: string;
}

/** Outcome per sale uuid (lower case), or undefined when the caller must go item by item. */
export async function ingestSalesBulk(tx: Sql, who: TerminalPrincipal, items: readonly BulkSale[], stock: StockDeltas): Promise<Map<string, Outcome | Rejection> | undefined> {
  if (items.length === 0) return new Map();
  await tx.query('SAVEPOINT bulk_sales');
  try {
    const inserted = await tx.query<{ uuid: string }>(
      `INSERT INTO sales (uuid, store_id, terminal_id, receipt_number, total, created_at, content_hash, body, staff_id, approved_by, device_id)
       SELECT (e.b->>'uuid')::uuid, $2, $3, e.b->>'receipt_number', (e.b->>'total')::bigint, (e.b->>'created_at')::timestamptz, h.hash, e.b,
              (e.b->>'staff_id')::uuid, (e.b->>'approved_by')::uuid, $5::uuid
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(b, i)
         JOIN unnest($4::text[]) WITH ORDINALITY AS h(hash, i) USING (i)
       ON CONFLICT (uuid) DO NOTHING RETURNING uuid::text AS uuid`,
      [JSON.stringify(items.map((i) => i.sale)), who.storeId, who.terminalId, items.map((i) => i.hash), who.deviceId],
    );
    const fresh = new Set(inserted.map((r) => r.uuid));
    const freshItems = items.filter((i) => fresh.has(i.sale.uuid.toLowerCase()));
    const lines = freshItems.flatMap((i) => i.sale.lines.map((l) => ({ sale: i.sale.uuid, l })));
    if (lines.length > 0) {
      await tx.query(
        `INSERT INTO sale_lines (uuid, sale_uuid, product_uuid, quantity, refund_of_line)
         SELECT l.uuid, l.sale_uuid, l.product_uuid, l.quantity, NULL
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[]) AS l(uuid, sale_uuid, product_uuid, quantity)`,
        [lines.map((x) => x.l.uuid), lines.map((x) => x.sale), lines.map((x) => x.l.product_uuid), lines.map((x) => x.l.quantity)],
      );
    }
    const outcomes = new Map<string, Outcome | Rejection>();
    const stale = items.filter((i) => !fresh.has(i.sale.uuid.toLowerCase()));
    if (stale.length > 0) {
      const stored = await tx.query<{ uuid: string; content_hash: string }>(
        'SELECT uuid::text AS uuid, content_hash FROM sales WHERE uuid = ANY($1::uuid[])',
        [stale.map((i) => i.sale.uuid)],
      );
      const hashes = new Map(stored.map((r) => [r.uuid, r.content_hash]));
      for (const i of stale) {
        const key = i.sale.uuid.toLowerCase();
        outcomes.set(key, hashes.get(key) === i.hash ? 'duplicate' : new Rejection('uuid_conflict', `uuid ${i.sale.uuid} was already used for different content`));
      }
    }
    await tx.query('RELEASE SAVEPOINT bulk_sales');
    for (const i of freshItems) {
      outcomes.set(i.sale.uuid.toLowerCase(), 'applied');
      for (const l of i.sale.lines) stock.add(l.product_uuid, -l.quantity);
    }
    return outcomes;
  } catch (err) {
    if (!FALLBACK_ERRORS.has(pgErrorCode(err) ?? '')) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT bulk_sales');
    return undefined;
  }
}
