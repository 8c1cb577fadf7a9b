// The back office's store prices: a store's own price of a chain product, over the chain's price. The
// caller holds the commit-order lock (admin-routes.ts `versioned`), as every price writer does.
import type { StorePrice } from '@ezo/contract/admin';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import { writeStorePrice } from '../sync/effective-price.ts';

/** Sets (a number) or clears (null) a store's price of a product; 404 for an unknown store or product. */
export async function putStorePrice(tx: Sql, storeId: string, productUuid: string, price: number | null): Promise<StorePrice> {
  const store = await tx.query('SELECT 1 FROM stores WHERE id = $1', [storeId]);
  if (store.length === 0) throw new HttpError('not_found', `no store ${storeId}`);
  const after = await writeStorePrice(tx, storeId, productUuid, price);
  if (after === undefined) throw new HttpError('not_found', `no product ${productUuid}`);
  return { store_id: storeId, product_uuid: productUuid, price: after.price, store_price: after.storePrice, price_version: after.priceVersion };
}
