// One downstream page: the rows of all pulled tables (staff: the store's members, protocol 2; store_settings:
// the store's own row, protocol 3) with version > cursor, in version order.
// A product is pulled when its chain row changes or when this store's price of it changes (store_prices,
// another versioned table): either way the till gets the product as this store sees it, and a product
// met twice on one page is sent once (the later copy; the same row: one snapshot). Customers are the
// store's own unless the chain shares them (migrations/004-customer-stores.ts).
//
// The whole page is ONE statement (pageSql): PostgreSQL takes one snapshot per statement, so the page,
// has_more and remaining agree with each other as they did in the REPEATABLE READ transaction of
// several statements this replaced, in one round trip instead of eleven. Each row's wire JSON is built
// by PostgreSQL (wire-json.ts) and each table's rows come back as one text, the JSON array's inside,
// so the hub handles no row at all: it wraps the texts (server/README.md, "Measured at scale").
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { encodeCursor } from './cursor.ts';
import { visibleCustomer } from './customer-visibility.ts';
import { CATEGORY_JSON, CUSTOMER_JSON, STAFF_FROM, STAFF_JSON, STOCK_JSON, STORE_SETTINGS_JSON, storeProductJson } from './wire-json.ts';

/** The pulled tables, in the order of the page's `changes`. */
const TABLES = ['products', 'categories', 'customers', 'stock', 'staff', 'store_settings'] as const;
type Table = (typeof TABLES)[number];

interface Source {
  table: Table;
  json: string;
  from: string;
  /** The version column (qualified when joined). */
  version: string;
  /** More conditions, over $3 (the store). */
  where?: string;
  /** The product uuid, on product rows (a product may come from two sources). */
  key?: string;
}

/**
 * The sources of a page (parameters: $1 the cursor's version, $2 the rows each source reads, $3 the store):
 * the chain's products under this store's prices, and this store's prices, both as products.
 */
function sources(sellsOpenPrice: boolean): Source[] {
  const productJson = storeProductJson(sellsOpenPrice);
  return [
    { table: 'categories', json: CATEGORY_JSON, from: 'categories', version: 'version' },
    { table: 'products', json: productJson, from: 'products p LEFT JOIN store_prices sp ON sp.product_uuid = p.uuid AND sp.store_id = $3', version: 'p.version', key: 'p.uuid' },
    { table: 'products', json: productJson, from: 'store_prices sp JOIN products p ON p.uuid = sp.product_uuid', where: 'sp.store_id = $3', version: 'sp.version', key: 'p.uuid' },
    { table: 'customers', json: CUSTOMER_JSON, from: 'customers', where: visibleCustomer('$3'), version: 'version' },
    { table: 'stock', json: STOCK_JSON, from: 'stock', where: 'store_id = $3', version: 'version' },
    { table: 'staff', json: STAFF_JSON, from: STAFF_FROM, where: 'r.store_id = $3', version: 'r.version' },
    // Only the pulling till's own store: another store's settings (its tax number, address) are not its business.
    { table: 'store_settings', json: STORE_SETTINGS_JSON, from: 'stores', where: 'id = $3', version: 'version' },
  ];
}

/** Rows of each source after the cursor that `remaining` counts: the sources' tables without their joins (a join only adds columns). */
const COUNT_AFTER = `(SELECT count(*) FROM categories WHERE version > c.v) + (SELECT count(*) FROM products WHERE version > c.v)
  + (SELECT count(*) FROM store_prices WHERE store_id = $3 AND version > c.v)
  + (SELECT count(*) FROM customers WHERE version > c.v AND ${visibleCustomer('$3')})
  + (SELECT count(*) FROM stock WHERE store_id = $3 AND version > c.v)
  + (SELECT count(*) FROM staff_store_roles WHERE store_id = $3 AND version > c.v)
  + (SELECT count(*) FROM stores WHERE id = $3 AND version > c.v)`;

/**
 * The page in one statement ($4: the page's size). Each source's first $2 = limit + 1 rows after the
 * cursor (`src`); the page's window is the first `limit` of their merge by version, and a row more
 * says has_more. Versions are unique across tables (one sequence), so the merge has no ties, and every
 * row of any source with a version up to the window's last is in the window: a source whose unread rows
 * came before it would have put more than `limit` rows before it. A product on the window twice is
 * sent once, its later copy. `remaining` counts what follows the window (only when there is more).
 */
function pageSql(sellsOpenPrice: boolean): string {
  const all = sources(sellsOpenPrice);
  const union = all
    .map(
      (s) =>
        `(SELECT ${TABLES.indexOf(s.table)} AS t, ${s.version} AS v, ${s.key ?? 'NULL::uuid'} AS k, ${s.json} AS j
           FROM ${s.from} WHERE ${s.version} > $1${s.where === undefined ? '' : ` AND ${s.where}`} ORDER BY ${s.version} LIMIT $2)`,
    )
    .join('\n  UNION ALL ');
  const lists = TABLES.map((table, i) => `string_agg(j, ',' ORDER BY v) FILTER (WHERE t = ${i}) AS ${table}`).join(',\n         ');
  return `WITH src AS MATERIALIZED (
  ${union}),
win AS MATERIALIZED (SELECT t, v, k, j FROM src ORDER BY v LIMIT $4),
c AS (SELECT coalesce(max(v), $1) AS v, (SELECT count(*) FROM src) > $4 AS more FROM win)
SELECT c.v::text AS cursor, c.more AS has_more, (CASE WHEN c.more THEN ${COUNT_AFTER} ELSE 0 END)::text AS remaining, l.*
  FROM c, (SELECT ${lists}
             FROM win w WHERE NOT EXISTS (SELECT 1 FROM win later WHERE later.k = w.k AND later.v > w.v)) l`;
}

const PAGE_SQL = { sellsOpenPrice: pageSql(true), hidesOpenPrice: pageSql(false) };

type PageRow = { cursor: string; has_more: boolean; remaining: string } & Record<Table, string | null>;

/**
 * `sellsOpenPrice`: the till knows open_price (protocol 3). An older till would sell an open-price
 * product at its catalog price (0), so it gets such products as inactive: it cannot sell them.
 */
export async function readDownstreamPage(db: Database, storeId: string, since: bigint, limit: number, sellsOpenPrice = true): Promise<string> {
  const [row] = await db.query<PageRow>(sellsOpenPrice ? PAGE_SQL.sellsOpenPrice : PAGE_SQL.hidesOpenPrice, [since.toString(), limit + 1, storeId, limit]);
  if (row === undefined) throw new Error('the page statement returned no row');
  const list = (table: Table) => `"${table}":[${row[table] ?? ''}]`;
  return (
    `{"sync_id":${JSON.stringify(randomUUID())},"timestamp":${JSON.stringify(encodeCursor(BigInt(row.cursor)))},"has_more":${row.has_more},"remaining":${Number(row.remaining)},` +
    `"changes":{${TABLES.map(list).join(',')}}}`
  );
}
