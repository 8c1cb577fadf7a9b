// The VAT rates the store sells at, as this till knows them: its catalog's distinct rates (an index
// scan: products_tax_rate), highest first. Receipts letter rates from this list, so a rate keeps its
// letter on every receipt of the store.
import type { SqlExecutor } from '../../sync/sql-connection.ts';

export async function storeTaxRates(db: SqlExecutor, extra: readonly number[] = []): Promise<number[]> {
  const rows = await db.all<{ tax_rate_bp: number }>(`SELECT DISTINCT tax_rate_bp FROM products`);
  return [...new Set([...rows.map((r) => r.tax_rate_bp), ...extra])].sort((a, b) => b - a);
}
