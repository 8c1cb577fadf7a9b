// The back office's product list: search, sort and keyset pages over live products (deleted ones left
// out), each page one index range scan (migration 010's indexes), so a page costs the same at the
// 100,000th product as at the first. The cursor is the last row's sort value and uuid, opaque to the
// client (base64url JSON); uuid breaks ties, so no row is skipped or shown twice however many share a
// price. Search: every word of `q` must start a word of the name (full-text 'simple': no stemming, any
// language), or `q` starts the SKU (any case) or the barcode.
import { DEFAULT_PRODUCT_PAGE, type AdminProductPage, type AdminProductRow, type ProductListQuery, type ProductSort } from '@ezo/contract/backoffice-catalog';
import { isDataError, pgErrorCode, type Sql, type SqlParam } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import { PRODUCT_COLUMNS, productToWire, type ProductRow } from './wire-rows.ts';

/** The column and its SQL type of each sort (the cursor's value is cast back to it). */
const SORTS: Record<ProductSort, { column: string; type: string }> = {
  name: { column: 'name', type: 'text' },
  sku: { column: 'sku', type: 'text' },
  price: { column: 'price', type: 'bigint' },
  updated_at: { column: 'updated_at', type: 'timestamptz' },
};

/** Word characters a search word keeps; anything else separates words (and cannot break the tsquery). */
const NON_WORD = /[^\p{L}\p{N}]+/u;

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function encodeCursor(value: string, uuid: string): string {
  return Buffer.from(JSON.stringify([value, uuid]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && /^[0-9a-f-]{36}$/i.test(parsed[1])) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through to the 400
  }
  throw new HttpError('bad_request', 'this cursor is not one the hub handed out', [{ path: 'cursor', message: 'use next_cursor of the previous page' }]);
}

/** The alternatives of a search for `q` (none when it is empty), pushing their parameters; a row matches any. */
export function searchAlternatives(q: string | undefined, params: SqlParam[]): string[] {
  const text = (q ?? '').trim();
  if (text === '') return [];
  const words = text.split(NON_WORD).filter((w) => w !== '');
  const prefix = `${escapeLike(text)}%`;
  const alternatives = [`lower(sku) LIKE $${params.push(prefix.toLowerCase())}`, `barcode LIKE $${params.push(prefix)}`];
  if (words.length > 0) alternatives.push(`to_tsvector('simple', name) @@ to_tsquery('simple', $${params.push(words.map((w) => `${w}:*`).join(' & '))})`);
  return alternatives;
}

interface ListedRow extends ProductRow {
  sort_key: string;
}

export async function listProducts(db: Sql, query: ProductListQuery): Promise<AdminProductPage> {
  const sort = SORTS[query.sort ?? 'name'];
  const desc = query.order === 'desc';
  const limit = query.limit ?? DEFAULT_PRODUCT_PAGE;
  const params: SqlParam[] = [];
  const where = ['deleted_at IS NULL'];
  const search = searchAlternatives(query.q, params);
  if (query.active !== undefined) where.push(`active = $${params.push(query.active === 'true')}`);
  if (query.category_uuid !== undefined) where.push(`category_uuid = $${params.push(query.category_uuid)}`);
  if (query.cursor !== undefined) {
    const [value, uuid] = decodeCursor(query.cursor);
    where.push(`(products.${sort.column}, products.uuid) ${desc ? '<' : '>'} ($${params.push(value)}::${sort.type}, $${params.push(uuid)}::uuid)`);
  }
  const order = desc ? 'DESC' : 'ASC';
  // Qualified: a bare name in ORDER BY would mean the output column (price::text AS price), sorting text
  // and bypassing the index.
  const columns = `${PRODUCT_COLUMNS}, products.${sort.column}::text AS sort_key`;
  const conditions = where.join(' AND ');
  // A search first collects its matches through the search indexes (a materialized CTE: left to itself
  // the planner may walk the sort index hoping to meet LIMIT matches early, which reads the whole table
  // for a rare word or a barcode), one branch per alternative so each is a plain index scan (as one OR,
  // each match's name was parsed again into words: ~150 ms for a word in a sixth of 100,000 names), and
  // only the uuid and sort value of each (a common word has tens of thousands of matches). A product
  // is in each branch at most once, so the first 3 x (limit + 1) hits hold limit + 1 distinct products;
  // only those are read whole.
  const sql =
    search.length === 0
      ? `SELECT ${columns} FROM products WHERE ${conditions} ORDER BY products.${sort.column} ${order}, products.uuid ${order} LIMIT ${limit + 1}`
      : `WITH hits AS MATERIALIZED (
           ${search.map((alternative) => `SELECT products.uuid AS hit_uuid, products.${sort.column} AS hit_sort FROM products WHERE ${conditions} AND ${alternative}`).join('\n UNION ALL ')}
         ),
         first AS (
           SELECT DISTINCT hit_uuid, hit_sort FROM (SELECT * FROM hits ORDER BY hit_sort ${order}, hit_uuid ${order} LIMIT ${search.length * (limit + 1)}) AS firsts
         )
         SELECT ${columns} FROM first JOIN products ON products.uuid = first.hit_uuid
          ORDER BY first.hit_sort ${order}, first.hit_uuid ${order} LIMIT ${limit + 1}`;
  const rows = await db
    .query<ListedRow>(sql, params)
    .catch((err: unknown) => {
      // A cursor value that does not cast (hand-made) is the caller's 400, not a 500.
      if (query.cursor !== undefined && isDataError(pgErrorCode(err))) {
        throw new HttpError('bad_request', 'this cursor is not one the hub handed out', [{ path: 'cursor', message: 'use next_cursor of the previous page' }]);
      }
      throw err;
    });
  const page = rows.slice(0, limit);
  const names = await categoryNames(db, page.map((r) => r.category_uuid));
  const last = page[page.length - 1];
  return {
    items: page.map((r) => withCategory(r, names)),
    next_cursor: rows.length > limit && last !== undefined ? encodeCursor(last.sort_key, last.uuid) : null,
  };
}

async function categoryNames(db: Sql, uuids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(uuids.filter((u): u is string => u !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.query<{ uuid: string; name: string }>('SELECT uuid::text AS uuid, name FROM categories WHERE uuid = ANY($1::uuid[]) AND deleted_at IS NULL', [wanted]);
  return new Map(rows.map((r) => [r.uuid, r.name]));
}

function withCategory(row: ProductRow, names: Map<string, string>): AdminProductRow {
  return { ...productToWire(row), category_name: row.category_uuid === null ? null : (names.get(row.category_uuid) ?? null) };
}

/** One live or deleted product with its category name; 404 when there is none. */
export async function productRow(db: Sql, uuid: string): Promise<AdminProductRow> {
  const rows = await db.query<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE uuid = $1`, [uuid]);
  const row = rows[0];
  if (row === undefined) throw new HttpError('not_found', `no product ${uuid}`);
  return withCategory(row, await categoryNames(db, [row.category_uuid]));
}
