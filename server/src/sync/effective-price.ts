// The price a store's tills see and sell at: the store's override when it has one, else the chain's
// price. Its version is the sum of the chain's and the store's price versions: both only grow, and each
// grows with every change of its price, so the sum moves whenever the effective price may have moved
// (a till's edit made on an older sum is stale). Every writer of either price holds the commit-order
// lock (item-outcome.ts), so a reader under that lock needs no row lock.
import type { Sql } from '../db/database.ts';

export interface EffectivePrice {
  /** The chain's price (products.price). */
  chainPrice: number;
  /** The store's override, or null when the chain price applies. */
  storePrice: number | null;
  price: number;
  priceVersion: number;
  /** The store's own price version (0 without a store_prices row). */
  storePriceVersion: number;
}

interface Row {
  chain_price: string;
  chain_version: number;
  store_price: string | null;
  store_version: number | null;
}

/** The effective price of one product in one store, or undefined for an unknown product. */
export async function effectivePrice(tx: Sql, storeId: string, productUuid: string): Promise<EffectivePrice | undefined> {
  const rows = await tx.query<Row>(
    `SELECT p.price::text AS chain_price, p.price_version AS chain_version, sp.price::text AS store_price, sp.price_version AS store_version
       FROM products p LEFT JOIN store_prices sp ON sp.product_uuid = p.uuid AND sp.store_id = $2 WHERE p.uuid = $1`,
    [productUuid, storeId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  const storePrice = row.store_price === null ? null : Number(row.store_price);
  const storePriceVersion = row.store_version ?? 0;
  return {
    chainPrice: Number(row.chain_price),
    storePrice,
    price: storePrice ?? Number(row.chain_price),
    priceVersion: row.chain_version + storePriceVersion,
    storePriceVersion,
  };
}

/**
 * Sets (a number) or clears (null) a store's override. A change bumps the store's price version, so the
 * effective version moves and the store's tills pull the product again; setting what is already set
 * changes nothing. The caller holds the commit-order lock. Returns the effective price afterwards.
 */
export async function writeStorePrice(tx: Sql, storeId: string, productUuid: string, price: number | null): Promise<EffectivePrice | undefined> {
  const current = await effectivePrice(tx, storeId, productUuid);
  if (current === undefined || current.storePrice === price) return current;
  if (price === null && current.storePriceVersion === 0) return current; // nothing to clear
  await tx.query(
    `INSERT INTO store_prices (store_id, product_uuid, price, price_version) VALUES ($1, $2, $3, 1)
     ON CONFLICT (store_id, product_uuid) DO UPDATE SET price = excluded.price, price_version = store_prices.price_version + 1`,
    [storeId, productUuid, price],
  );
  return effectivePrice(tx, storeId, productUuid);
}
