// As-you-type product search that stays fast at 100k products. Each tier is one indexed query;
// tiers run best-first and stop as soon as the page is full, so a common prefix never reaches FTS:
//   1. exact code (barcode, or SKU ignoring case)
//   2. digits only: barcode and SKU prefix (scanner, keypad); otherwise name prefix, then SKU prefix
//   3. words anywhere in name, SKU or barcode (FTS5, catalog order); see ftsWords for why
//      they are not ranked and wordQuery for one-letter words
import type { SqlExecutor } from '../../sync/sql-connection.ts';
import type { ProductView } from '../../api/till-api.ts';
import { PRODUCT_COLUMNS, SELLABLE, toProductView, type ProductRow } from '../../sync/product-view.ts';
import { MAX_SEARCH_RESULTS } from './data-limits.ts';
import { LIKE_ESCAPE, clampLimit, cleanSearchText, isDigitsOnly, likeContains, likePrefix, prefixUpperBound, wordQuery, type WordQuery } from './text-match.ts';

const ESC = `ESCAPE '${LIKE_ESCAPE}'`;

export async function searchProducts(db: SqlExecutor, rawText: string, rawLimit: number): Promise<ProductView[]> {
  const text = cleanSearchText(rawText);
  if (text === '') return [];
  const limit = clampLimit(rawLimit, MAX_SEARCH_RESULTS);
  const found = new Map<number, ProductRow>();
  const add = (rows: ProductRow[]): boolean => {
    for (const row of rows) {
      if (found.size >= limit) break;
      if (!found.has(row.id)) found.set(row.id, row);
    }
    return found.size >= limit;
  };

  if (add(await exactCode(db, text, limit))) return views(found);
  if (isDigitsOnly(text)) {
    if (add(await barcodePrefix(db, text, limit))) return views(found);
    add(await skuPrefix(db, text, limit));
    return views(found);
  }
  if (add(await namePrefix(db, text, limit))) return views(found);
  if (add(await skuPrefix(db, text, limit))) return views(found);
  const words = wordQuery(text);
  if (words.match !== null) add(await ftsWords(db, { ...words, match: words.match }, limit + found.size));
  return views(found);
}

function views(found: Map<number, ProductRow>): ProductView[] {
  return [...found.values()].map(toProductView);
}

function exactCode(db: SqlExecutor, text: string, limit: number): Promise<ProductRow[]> {
  return db.all<ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p
     WHERE (p.barcode = ?1 OR p.sku = ?1 COLLATE NOCASE) AND ${SELLABLE}
     ORDER BY p.barcode = ?1 DESC, p.name COLLATE NOCASE LIMIT ?2`,
    [text, limit],
  );
}

/** Digits only, so a binary range on products_barcode is an exact prefix test. */
function barcodePrefix(db: SqlExecutor, digits: string, limit: number): Promise<ProductRow[]> {
  return db.all<ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p
     WHERE p.barcode >= ? AND p.barcode < ? AND ${SELLABLE} ORDER BY p.barcode LIMIT ?`,
    [digits, prefixUpperBound(digits), limit],
  );
}

/** LIKE without case_sensitive_like compares ignoring case, so SQLite can range-scan the NOCASE index. */
function skuPrefix(db: SqlExecutor, text: string, limit: number): Promise<ProductRow[]> {
  return db.all<ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p
     WHERE p.sku LIKE ? ${ESC} AND ${SELLABLE} ORDER BY p.sku COLLATE NOCASE LIMIT ?`,
    [likePrefix(text), limit],
  );
}

function namePrefix(db: SqlExecutor, text: string, limit: number): Promise<ProductRow[]> {
  return db.all<ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p
     WHERE p.name LIKE ? ${ESC} AND ${SELLABLE} ORDER BY p.name COLLATE NOCASE LIMIT ?`,
    [likePrefix(text), limit],
  );
}

/**
 * Words anywhere, in catalog (rowid) order, stopping at the limit. No bm25: ranking must score
 * every match before the first row comes back: 1.5-2.5 ms at 100k products even for two words
 * with ~200 matches, against ~0.1-0.3 ms when a LIMIT lets FTS5 stream the intersection of the
 * token doclists and stop early. The best matches (exact code,
 * name prefix) already came from the earlier tiers.
 * The FTS index also holds inactive and deleted rows; the join drops them.
 */
function ftsWords(db: SqlExecutor, words: WordQuery & { match: string }, limit: number): Promise<ProductRow[]> {
  // One-letter words: the name must have a word starting with each.
  const short = words.shortTokens.map(() => ` AND (' ' || p.name) LIKE ? ${ESC}`).join('');
  const shortParams = words.shortTokens.map((t) => likeContains(` ${t}`));
  return db.all<ProductRow>(
    `SELECT ${PRODUCT_COLUMNS} FROM products_fts f JOIN products p ON p.id = f.rowid
     WHERE products_fts MATCH ? AND ${SELLABLE}${short} LIMIT ?`,
    [words.match, ...shortParams, limit],
  );
}
