// One downstream page: the rows of all five pulled tables (staff: the store's members, protocol 2) with version > cursor, in version order,
// read in one REPEATABLE READ snapshot so the page, has_more and remaining agree with each other.
// Rows arrive as JSON text built by PostgreSQL (wire-json.ts) and the page is assembled as a string.
import { randomUUID } from 'node:crypto';
import type { Database, Sql } from '../db/database.ts';
import { encodeCursor } from './cursor.ts';
import { CATEGORY_JSON, CUSTOMER_JSON, PRODUCT_JSON, STAFF_FROM, STAFF_JSON, STOCK_JSON } from './wire-json.ts';

type Table = 'products' | 'categories' | 'customers' | 'stock' | 'staff';
interface JsonRow {
  v: string;
  j: string;
}
interface Tagged {
  table: Table;
  version: bigint;
  json: string;
}

export async function readDownstreamPage(db: Database, storeId: string, since: bigint, limit: number): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const v = since.toString();
    // Each table's first limit+1 rows; the page is the first `limit` of their merge, and one more tells has_more.
    const take = limit + 1;
    const read = async (table: Table, json: string, where = '', extra: string[] = []) => {
      const rows = await tx.query<JsonRow>(`SELECT version::text AS v, ${json} AS j FROM ${table} WHERE version > $1 ${where} ORDER BY version LIMIT $2`, [v, take, ...extra]);
      return rows.map((r): Tagged => ({ table, version: BigInt(r.v), json: r.j }));
    };
    const readStaff = async () => {
      const rows = await tx.query<JsonRow>(`SELECT r.version::text AS v, ${STAFF_JSON} AS j FROM ${STAFF_FROM} WHERE r.version > $1 AND r.store_id = $3 ORDER BY r.version LIMIT $2`, [
        v,
        take,
        storeId,
      ]);
      return rows.map((r): Tagged => ({ table: 'staff', version: BigInt(r.v), json: r.j }));
    };
    // One statement at a time: a pg client runs queries in sequence anyway.
    const merged = [
      ...(await read('categories', CATEGORY_JSON)),
      ...(await read('products', PRODUCT_JSON)),
      ...(await read('customers', CUSTOMER_JSON)),
      ...(await read('stock', STOCK_JSON, 'AND store_id = $3', [storeId])),
      ...(await readStaff()),
    ].sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
    const page = merged.slice(0, limit);
    const hasMore = merged.length > limit;
    const cursor = page.at(-1)?.version ?? since;
    const remaining = hasMore ? await countAfter(tx, storeId, cursor) : 0;
    const list = (table: Table) => `[${page.filter((r) => r.table === table).map((r) => r.json).join(',')}]`;
    return (
      `{"sync_id":${JSON.stringify(randomUUID())},"timestamp":${JSON.stringify(encodeCursor(cursor))},"has_more":${hasMore},"remaining":${remaining},` +
      `"changes":{"products":${list('products')},"categories":${list('categories')},"customers":${list('customers')},"stock":${list('stock')},"staff":${list('staff')}}}`
    );
  });
}

async function countAfter(tx: Sql, storeId: string, version: bigint): Promise<number> {
  const rows = await tx.query<{ n: string }>(
    `SELECT ((SELECT count(*) FROM categories WHERE version > $1) + (SELECT count(*) FROM products WHERE version > $1)
           + (SELECT count(*) FROM customers WHERE version > $1)
           + (SELECT count(*) FROM stock WHERE store_id = $2 AND version > $1)
           + (SELECT count(*) FROM staff_store_roles WHERE store_id = $2 AND version > $1))::text AS n`,
    [version.toString(), storeId],
  );
  return Number(rows[0]?.n ?? 0);
}
