// Writes the lines of stored sales, each with what it charged and what the catalog said at this moment
// (migrations/004-line-catalog-price.ts): the hub never refuses a line for differing from the catalog
// (a till may sell offline on an older price), it records the difference for reports. "The catalog" is the
// store's effective price: its own price where it has one (store_prices), else the chain's. An open-price
// product (a "Misc 19 %" item) has no catalog price: the price the till was given is its catalog price, so
// such a line never shows as a price deviation.
import type { Sale, SaleLine } from '@ezo/contract/v1/sale';
import type { Sql, SqlParam } from '../db/database.ts';

/**
 * The INSERT of `lines` with its parameters numbered from `firstParam`; `onlySales`, when given, is a
 * subquery of sale uuids outside which lines are skipped (ingest-sales-bulk.ts: the sales its own INSERT
 * has just stored, in the same statement).
 */
export function saleLinesInsert(storeId: string, lines: readonly { sale: Sale; line: SaleLine }[], firstParam: number, onlySales?: string): { sql: string; params: SqlParam[] } {
  const column = <T>(f: (l: SaleLine) => T) => lines.map((x) => f(x.line));
  const p = (n: number) => `$${firstParam + n - 1}`;
  const sql = `INSERT INTO sale_lines (uuid, sale_uuid, product_uuid, quantity, refund_of_line, unit_price, tax_rate_bp, tax_included, catalog_price, catalog_tax_rate_bp, catalog_tax_included)
     SELECT l.uuid, l.sale_uuid, l.product_uuid, l.quantity, l.refund_of_line, l.unit_price, l.tax_rate_bp, l.tax_included,
            CASE WHEN p.open_price THEN l.unit_price ELSE COALESCE(sp.price, p.price) END, p.tax_rate_bp, p.tax_included
       FROM unnest(${p(1)}::uuid[], ${p(2)}::uuid[], ${p(3)}::uuid[], ${p(4)}::int[], ${p(5)}::uuid[], ${p(6)}::bigint[], ${p(7)}::int[], ${p(8)}::boolean[])
            AS l(uuid, sale_uuid, product_uuid, quantity, refund_of_line, unit_price, tax_rate_bp, tax_included)
       LEFT JOIN products p ON p.uuid = l.product_uuid
       LEFT JOIN store_prices sp ON sp.store_id = ${p(9)} AND sp.product_uuid = l.product_uuid
      ${onlySales === undefined ? '' : `WHERE l.sale_uuid IN (${onlySales})`}`;
  const params: SqlParam[] = [
    column((l) => l.uuid),
    lines.map((x) => x.sale.uuid),
    column((l) => l.product_uuid),
    column((l) => l.quantity),
    column((l) => l.refund_of_line),
    column((l) => l.unit_price),
    column((l) => l.tax_rate_bp),
    column((l) => l.tax_included),
    storeId,
  ];
  return { sql, params };
}

export async function insertSaleLines(tx: Sql, storeId: string, lines: readonly { sale: Sale; line: SaleLine }[]): Promise<void> {
  if (lines.length === 0) return;
  const insert = saleLinesInsert(storeId, lines, 1);
  await tx.query(insert.sql, insert.params);
}
