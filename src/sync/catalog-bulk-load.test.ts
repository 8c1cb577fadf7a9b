// The bulk first sync in Node on the real wa-sqlite build: the catalog, its word-search index and the
// products' schema end exactly as a row-by-row pull leaves them, also when the pull stops part-way
// and resumes (a crash is covered in Chromium by catalog-bulk-load.browser.test.ts).
import { describe, expect, it } from 'vitest';
import type { Product } from '@ezo/contract/catalog';
import { openMigratedMemoryDb } from '../../test-support/memory-db.ts';
import { generateCatalog } from '../../bench/shared/catalog-gen.ts';
import type { HubClient, HubOutcome, HubRequest } from './hub-client.ts';
import { BULK_PULL_PAGE_LIMIT, pullAll, type PullContext } from './pull.ts';
import { BULK_LOAD_KEY } from './catalog-bulk-load.ts';
import type { SqlConnection } from './sql-connection.ts';
import { applyPage } from './apply-page.ts';
import { searchProducts } from '../db/repos/product-search.ts';
import { labelledSearchQueries } from '../../bench/shared/search-queries.ts';

/**
 * A hub that serves `rows` in commit order, `limit` per page, the cursor being the offset; it
 * answers `failAt` (a request number) as a network failure once.
 */
function scriptedHub(rows: readonly Product[], failAt: number | null = null): HubClient & { requests: string[] } {
  let n = 0;
  const requests: string[] = [];
  return {
    requests,
    abortAll: () => undefined,
    send(request: HubRequest): Promise<HubOutcome> {
      requests.push(request.url);
      if (n++ === failAt) return Promise.resolve({ kind: 'network', message: 'scripted failure' });
      const query = new URL(request.url).searchParams;
      const from = Number(query.get('last_synced_at') ?? '0');
      const limit = Number(query.get('limit'));
      const products = rows.slice(from, from + limit);
      const to = from + products.length;
      return Promise.resolve({
        kind: 'ok',
        status: 200,
        body: { sync_id: 's', timestamp: String(to), has_more: to < rows.length, remaining: rows.length - to, changes: { products, categories: [], customers: [], stock: [], staff: [], store_settings: [] } },
      });
    },
  };
}

function context(db: SqlConnection, client: HubClient): PullContext {
  return {
    db,
    client,
    pairing: { serverUrl: 'http://hub.test', token: 't', authorised: true, terminal: null } as unknown as PullContext['pairing'],
    now: () => Date.parse('2026-03-01T10:00:00Z'),
    stopped: () => false,
    onProgress: () => undefined,
  };
}

async function productsSchema(db: SqlConnection): Promise<string[]> {
  const rows = await db.all<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE tbl_name = 'products' AND sql IS NOT NULL ORDER BY name`);
  return rows.map((r) => r.sql);
}

/** FTS5's own check that the index holds exactly the content table's rows (rank 1: against the table). */
async function ftsAgreesWithProducts(db: SqlConnection): Promise<void> {
  await db.exec(`INSERT INTO products_fts (products_fts, rank) VALUES ('integrity-check', 1)`);
}

async function wordMatches(db: SqlConnection, word: string): Promise<number> {
  return (await db.get<{ n: number }>(`SELECT count(*) AS n FROM products_fts WHERE products_fts MATCH ?`, [`"${word}"*`]))?.n ?? -1;
}

/** A catalog whose later pages change products of earlier ones (renamed), as edits on the hub during a sync do. */
function catalogWithRepeats(size: number): Product[] {
  const rows = generateCatalog(0, size);
  const renamed = rows.slice(0, 50).map((p, i) => ({ ...p, name: `Renamed Zwieback ${i}`, updated_at: '2026-02-01T00:00:00.000Z' }));
  return [...rows, ...renamed];
}

describe('first sync into an empty catalog (bulk load)', () => {
  it('leaves the same rows, word-search index and schema as the row-by-row path', async () => {
    const rows = catalogWithRepeats(2 * BULK_PULL_PAGE_LIMIT + 700);
    const bulk = await openMigratedMemoryDb();
    const schemaBefore = await productsSchema(bulk);
    const hub = scriptedHub(rows);
    expect(await pullAll(context(bulk, hub))).toMatchObject({ kind: 'ok', pages: 3 });
    expect(hub.requests[0]).toContain(`limit=${BULK_PULL_PAGE_LIMIT}`);

    // The reference: the same pages written with the indexes and triggers in place.
    const reference = await openMigratedMemoryDb();
    for (let from = 0; from < rows.length; from += BULK_PULL_PAGE_LIMIT) {
      const products = rows.slice(from, from + BULK_PULL_PAGE_LIMIT);
      const to = from + products.length;
      await applyPage(reference, { sync_id: 's', timestamp: String(to), has_more: to < rows.length, changes: { products, categories: [], customers: [], stock: [], staff: [], store_settings: [] } }, to < rows.length ? null : 'x');
    }

    expect(await productsSchema(bulk)).toEqual(schemaBefore);
    await ftsAgreesWithProducts(bulk);
    const all = 'SELECT uuid, name, sku, barcode, price FROM products ORDER BY uuid';
    expect(await bulk.all(all)).toEqual(await reference.all(all));
    expect(await bulk.get(`SELECT count(*) AS n FROM products`)).toEqual({ n: 2 * BULK_PULL_PAGE_LIMIT + 700 });
    expect(await wordMatches(bulk, 'zwieback')).toBe(50);
    expect(await wordMatches(bulk, 'zwieback')).toBe(await wordMatches(reference, 'zwieback'));
    expect(await wordMatches(bulk, 'cola')).toBe(await wordMatches(reference, 'cola'));
    expect(await bulk.get(`SELECT count(*) AS n FROM settings WHERE key = ?`, [BULK_LOAD_KEY])).toEqual({ n: 0 });
    // The till's search answers the same, in the same order, for every kind of query the bench types.
    const queries = [...labelledSearchQueries(150, rows.length).map((q) => q.text), 'zwieback', 'renamed zw', 'z', 'sku-00001'];
    for (const text of queries) expect(await searchProducts(bulk, text, 30), text).toEqual(await searchProducts(reference, text, 30));

    // From now on the triggers keep FTS in step with each change.
    await bulk.run(`UPDATE products SET name = 'Quokka Crisps' WHERE sku = 'SKU-000001'`);
    expect(await wordMatches(bulk, 'quokka')).toBe(1);
    await ftsAgreesWithProducts(bulk);
  });

  it('resumes after failing part-way: still in bulk mode, then no duplicate and no missing index entry', async () => {
    const rows = catalogWithRepeats(3 * BULK_PULL_PAGE_LIMIT);
    const db = await openMigratedMemoryDb();
    const schemaBefore = await productsSchema(db);
    // Request 0 and 1 answer; request 2 (the third page, asked while the second is written) fails.
    expect(await pullAll(context(db, scriptedHub(rows, 2)))).toMatchObject({ kind: 'error', code: 'offline' });
    expect(await db.get(`SELECT cursor, last_pull_at FROM sync_state`)).toEqual({ cursor: String(2 * BULK_PULL_PAGE_LIMIT), last_pull_at: null });
    expect(await db.get(`SELECT count(*) AS n FROM settings WHERE key = ?`, [BULK_LOAD_KEY])).toEqual({ n: 1 });
    expect(await productsSchema(db)).not.toEqual(schemaBefore);

    const resumed = scriptedHub(rows);
    expect(await pullAll(context(db, resumed))).toMatchObject({ kind: 'ok', pages: 2 });
    expect(resumed.requests[0]).toContain(`limit=${BULK_PULL_PAGE_LIMIT}`);
    expect(await productsSchema(db)).toEqual(schemaBefore);
    await ftsAgreesWithProducts(db);
    expect(await db.get(`SELECT count(*) AS n, count(DISTINCT uuid) AS d FROM products`)).toEqual({ n: 3 * BULK_PULL_PAGE_LIMIT, d: 3 * BULK_PULL_PAGE_LIMIT });
    expect(await wordMatches(db, 'zwieback')).toBe(50);
  });

  it('is not used when the catalog already has rows, nor for later pulls', async () => {
    const db = await openMigratedMemoryDb();
    const schema = await productsSchema(db);
    const rows = generateCatalog(0, 30);
    await applyPage(db, { sync_id: 's', timestamp: '1', has_more: false, changes: { products: rows.slice(0, 1), categories: [], customers: [], stock: [], staff: [], store_settings: [] } }, null);
    let sawBulk = false;
    const watching: HubClient = {
      abortAll: () => undefined,
      async send(request) {
        const n = await db.get<{ n: number }>(`SELECT count(*) AS n FROM settings WHERE key = ?`, [BULK_LOAD_KEY]);
        if (n?.n !== 0) sawBulk = true;
        return scriptedHub(rows).send(request);
      },
    };
    expect(await pullAll(context(db, watching))).toMatchObject({ kind: 'ok' });
    expect(sawBulk).toBe(false);
    expect(await productsSchema(db)).toEqual(schema);
    await ftsAgreesWithProducts(db);
  });
});
