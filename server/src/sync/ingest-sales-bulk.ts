// The fast path for the common case, plain sales (not refunds) that passed checkSale: the whole set is
// stored by one statement (sales, their lines, the summaries, the shift days and the stock moves), one round
// trip instead of five per sale. It is the batch's first write and takes no savepoint (that would be a round
// trip of its own): if the database refuses any row's data (a line uuid used elsewhere, a value PostgreSQL
// cannot hold) or a sale would take a stock figure past its bound, it throws BulkRefused, the caller
// (ingest-batch.ts) rolls the transaction back and runs the batch again item by item, which finds the
// culprit and rejects only it.
import type { Sale } from '@ezo/contract/v1/sale';
import type { Sql } from '../db/database.ts';
import { isDataError, pgErrorCode } from '../db/database.ts';
import type { TerminalPrincipal } from '../auth/authenticate.ts';
import { Rejection, notStorable, type Outcome } from './item-outcome.ts';
import type { StockDeltas } from './stock-deltas.ts';
import { saleLinesInsert } from './insert-sale-lines.ts';
import { SUMMARY_CTES, summarySource } from './sale-summaries.ts';
import { SHIFT_DAYS_CTE } from './sale-shift-days.ts';
import { saleMoves } from './ingest-sale.ts';

export interface BulkSale {
  sale: Sale;
  hash: string;
}

/** The set cannot go in at once: the transaction is spoilt, and the batch must go item by item in a new one. */
export class BulkRefused extends Error {
  constructor(cause: unknown) {
    super('the bulk insert was refused; the batch goes item by item', { cause });
  }
}

/** Outcome per sale uuid (lower case); throws BulkRefused when the caller must go item by item. */
export async function ingestSalesBulk(tx: Sql, who: TerminalPrincipal, items: readonly BulkSale[], stock: StockDeltas): Promise<Map<string, Outcome | Rejection>> {
  if (items.length === 0) return new Map();
  try {
    // One statement, one round trip: the sales, then, for those its INSERT stored (not the replays), their
    // lines, the summaries, the shift days and the stock moves (as StockDeltas.apply writes them: summed per
    // product, none for an open-price product or a zero sum), from the rows RETURNING gives (other CTEs of
    // the statement cannot see the new sales rows; the foreign keys of the lines are checked at its end).
    const saleLines = items.flatMap((i) => i.sale.lines.map((line) => ({ sale: i.sale, line })));
    const lines = saleLinesInsert(who.storeId, saleLines, 9, 'SELECT uuid FROM ins');
    const inserted = await tx.query<{ uuid: string }>(
      `WITH ins AS (
         INSERT INTO sales (uuid, store_id, terminal_id, receipt_number, total, created_at, content_hash, body, staff_id, approved_by, device_id)
         SELECT (e.b->>'uuid')::uuid, $2, $3, e.b->>'receipt_number', (e.b->>'total')::bigint, (e.b->>'created_at')::timestamptz, h.hash, e.b,
                (e.b->>'staff_id')::uuid, (e.b->>'approved_by')::uuid, $5::uuid
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(b, i)
           JOIN unnest($4::text[]) WITH ORDINALITY AS h(hash, i) USING (i)
         ON CONFLICT (uuid) DO NOTHING
         RETURNING uuid, store_id, terminal_id, staff_id, refund_of, total, created_at, body
       ), new_lines AS (${lines.sql} RETURNING 1),
       stock_out AS (
         INSERT INTO stock_moves (store_id, product_uuid, delta)
         SELECT $2, m.product_uuid, -sum(m.quantity)
           FROM unnest($6::uuid[], $7::uuid[], $8::int[]) AS m(sale_uuid, product_uuid, quantity)
          WHERE m.sale_uuid IN (SELECT uuid FROM ins)
            AND NOT EXISTS (SELECT 1 FROM products p WHERE p.uuid = m.product_uuid AND p.open_price)
          GROUP BY m.product_uuid HAVING sum(m.quantity) <> 0
         RETURNING 1
       ),
       ${summarySource('ins', 'true')}, ${SUMMARY_CTES}, ${SHIFT_DAYS_CTE}
       SELECT uuid::text AS uuid FROM ins`,
      [
        JSON.stringify(items.map((i) => i.sale)),
        who.storeId,
        who.terminalId,
        items.map((i) => i.hash),
        who.deviceId,
        saleLines.map((x) => x.sale.uuid),
        saleLines.map((x) => x.line.product_uuid),
        saleLines.map((x) => x.line.quantity),
        ...lines.params,
      ],
    );
    const fresh = new Set(inserted.map((r) => r.uuid));
    const freshItems = items.filter((i) => fresh.has(i.sale.uuid.toLowerCase()));
    const outcomes = new Map<string, Outcome | Rejection>();
    const stale = items.filter((i) => !fresh.has(i.sale.uuid.toLowerCase()));
    if (stale.length > 0) {
      const stored = await tx.query<{ uuid: string; content_hash: string; store_id: string }>(
        'SELECT uuid::text AS uuid, content_hash, store_id::text AS store_id FROM sales WHERE uuid = ANY($1::uuid[])',
        [stale.map((i) => i.sale.uuid)],
      );
      const byUuid = new Map(stored.map((r) => [r.uuid, r]));
      for (const i of stale) {
        const key = i.sale.uuid.toLowerCase();
        const row = byUuid.get(key);
        // Another store's uuid: the answer of any unstorable item (item-outcome.ts, NOT_STORABLE_REASON).
        if (row === undefined || row.store_id !== who.storeId) outcomes.set(key, notStorable());
        else outcomes.set(key, row.content_hash === i.hash ? 'duplicate' : new Rejection('uuid_conflict', `uuid ${i.sale.uuid} was already used for different content`));
      }
    }
    // The stock bounds, sale by sale: one sale past them sends the whole batch item by item, where that
    // sale alone is rejected. The moves are written (above): apply() must not write them again.
    for (const i of freshItems) stock.addChecked(saleMoves(i.sale));
    stock.markApplied();
    for (const i of freshItems) outcomes.set(i.sale.uuid.toLowerCase(), 'applied');
    return outcomes;
  } catch (err) {
    if (!(err instanceof Rejection) && !isDataError(pgErrorCode(err))) throw err;
    throw new BulkRefused(err);
  }
}
