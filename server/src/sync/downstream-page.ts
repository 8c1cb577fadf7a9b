// One downstream page: the rows of all pulled tables (staff: the store's members, protocol 2; store_settings:
// the store's own row, protocol 3) with version > cursor, in version order,
// read in one REPEATABLE READ snapshot so the page, has_more and remaining agree with each other.
// A product is pulled when its chain row changes or when this store's price of it changes (store_prices,
// another versioned table): either way the till gets the product as this store sees it, and a product
// met twice on one page is sent once (the same row: one snapshot). Customers are the store's own unless
// the chain shares them (migrations/004-customer-stores.ts).
// Rows arrive as JSON text built by PostgreSQL (wire-json.ts) and the page is assembled as a string.
import { randomUUID } from 'node:crypto';
import type { Database, Sql } from '../db/database.ts';
import { encodeCursor } from './cursor.ts';
import { visibleCustomer } from './customer-visibility.ts';
import { CATEGORY_JSON, CUSTOMER_JSON, STAFF_FROM, STAFF_JSON, STOCK_JSON, STORE_SETTINGS_JSON, storeProductJson } from './wire-json.ts';

type Table = 'products' | 'categories' | 'customers' | 'stock' | 'staff' | 'store_settings';
interface JsonRow {
  v: string;
  j: string;
  k: string | null;
}
interface Tagged {
  table: Table;
  version: bigint;
  json: string;
  /** The product uuid, on product rows (a product may come from two sources). */
  key: string | null;
}

/**
 * `sellsOpenPrice`: the till knows open_price (protocol 3). An older till would sell an open-price
 * product at its catalog price (0), so it gets such products as inactive: it cannot sell them.
 */
export async function readDownstreamPage(db: Database, storeId: string, since: bigint, limit: number, sellsOpenPrice = true): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const v = since.toString();
    // Each table's first limit+1 rows; the page is the first `limit` of their merge, and one more tells has_more.
    const take = limit + 1;
    interface Source {
      from?: string;
      where?: string;
      params?: string[];
      /** The version column (qualified when joined). */
      version?: string;
      key?: string;
    }
    const read = async (table: Table, json: string, src: Source = {}) => {
      const version = src.version ?? 'version';
      const rows = await tx.query<JsonRow>(
        `SELECT ${version}::text AS v, ${json} AS j, ${src.key ?? 'NULL'}::text AS k FROM ${src.from ?? table} WHERE ${version} > $1 ${src.where ?? ''} ORDER BY ${version} LIMIT $2`,
        [v, take, ...(src.params ?? [])],
      );
      return rows.map((r): Tagged => ({ table, version: BigInt(r.v), json: r.j, key: r.k }));
    };
    const productJson = storeProductJson(sellsOpenPrice);
    const products = 'products p LEFT JOIN store_prices sp ON sp.product_uuid = p.uuid AND sp.store_id = $3';
    const storePrices = 'store_prices sp JOIN products p ON p.uuid = sp.product_uuid';
    // One statement at a time: a pg client runs queries in sequence anyway.
    const merged = [
      ...(await read('categories', CATEGORY_JSON)),
      ...(await read('products', productJson, { from: products, params: [storeId], version: 'p.version', key: 'p.uuid' })),
      ...(await read('products', productJson, { from: storePrices, where: 'AND sp.store_id = $3', params: [storeId], version: 'sp.version', key: 'p.uuid' })),
      ...(await read('customers', CUSTOMER_JSON, { where: `AND ${visibleCustomer('$3')}`, params: [storeId] })),
      ...(await read('stock', STOCK_JSON, { where: 'AND store_id = $3', params: [storeId] })),
      ...(await read('staff', STAFF_JSON, { from: STAFF_FROM, where: 'AND r.store_id = $3', params: [storeId], version: 'r.version' })),
      // Only the pulling till's own store: another store's settings (its tax number, address) are not its business.
      ...(await read('store_settings', STORE_SETTINGS_JSON, { from: 'stores', where: 'AND id = $3', params: [storeId] })),
    ].sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
    const window = merged.slice(0, limit);
    const page = onceEach(window);
    const hasMore = merged.length > limit;
    const cursor = window.at(-1)?.version ?? since;
    const remaining = hasMore ? await countAfter(tx, storeId, cursor) : 0;
    const list = (table: Table) => `[${page.filter((r) => r.table === table).map((r) => r.json).join(',')}]`;
    return (
      `{"sync_id":${JSON.stringify(randomUUID())},"timestamp":${JSON.stringify(encodeCursor(cursor))},"has_more":${hasMore},"remaining":${remaining},` +
      `"changes":{"products":${list('products')},"categories":${list('categories')},"customers":${list('customers')},"stock":${list('stock')},"staff":${list('staff')},"store_settings":${list('store_settings')}}}`
    );
  });
}

async function countAfter(tx: Sql, storeId: string, version: bigint): Promise<number> {
  const rows = await tx.query<{ n: string }>(
    `SELECT ((SELECT count(*) FROM categories WHERE version > $1) + (SELECT count(*) FROM products WHERE version > $1)
           + (SELECT count(*) FROM store_prices WHERE store_id = $2 AND version > $1)
           + (SELECT count(*) FROM customers WHERE version > $1 AND ${visibleCustomer('$2')})
           + (SELECT count(*) FROM stock WHERE store_id = $2 AND version > $1)
           + (SELECT count(*) FROM staff_store_roles WHERE store_id = $2 AND version > $1)
           + (SELECT count(*) FROM stores WHERE id = $2 AND version > $1))::text AS n`,
    [version.toString(), storeId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The page without a product's earlier copy when it is on the page twice (chain row and store price). */
function onceEach(page: Tagged[]): Tagged[] {
  const last = new Map<string, Tagged>();
  for (const r of page) if (r.key !== null) last.set(r.key, r);
  return page.filter((r) => r.key === null || last.get(r.key) === r);
}
