// The real hub for sync tests (server/src/testing/test-server.ts on in-memory PGlite), with the
// catalog helpers the tests need: create products in the back office, read what the hub holds.
import { startTestServer, type TestServer } from '../../../server/src/testing/test-server.ts';
import type { Product } from '@ezo/contract/catalog';

export type { TestServer };

export async function startHub(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  return startTestServer(options);
}

let skuCounter = 0;

/** Creates `count` products in the back office; returns them as the hub's rows. */
export async function createProducts(hub: TestServer, count: number, price = 250): Promise<Product[]> {
  const created: Product[] = [];
  for (let i = 0; i < count; i++) {
    skuCounter += 1;
    const res = await hub.admin<Product>('POST', '/api/v1/admin/products', {
      sku: `SKU-${skuCounter}`,
      name: `Product ${skuCounter}`,
      price: price + i,
      tax_rate_bp: 1900,
      tax_included: true,
    });
    if (res.status !== 201) throw new Error(`creating a product: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    created.push(res.body);
  }
  return created;
}

/** The hub's live catalog as one store's tills see it (default: the seeded store): uuid -> price, the store's own price over the chain's. */
export async function hubPrices(hub: TestServer, storeId: string = hub.store.id): Promise<Map<string, number>> {
  const rows = await hub.db.query<{ uuid: string; price: string | number }>(
    `SELECT p.uuid::text AS uuid, COALESCE(sp.price, p.price) AS price FROM products p
       LEFT JOIN store_prices sp ON sp.product_uuid = p.uuid AND sp.store_id = $1 WHERE p.deleted_at IS NULL ORDER BY p.uuid`,
    [storeId],
  );
  return new Map(rows.map((r) => [r.uuid, Number(r.price)]));
}

/** How many times the hub holds each sale uuid of this terminal. */
export async function hubSaleCounts(hub: TestServer): Promise<Map<string, number>> {
  const rows = await hub.db.query<{ uuid: string; n: string | number }>(`SELECT uuid::text AS uuid, count(*) AS n FROM sales GROUP BY uuid`);
  return new Map(rows.map((r) => [r.uuid, Number(r.n)]));
}
