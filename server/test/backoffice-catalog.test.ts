// The back office's catalog against a real hub, with a signed-in owner and manager: CSV import (preview
// with per-row errors and line numbers and nothing applied; apply; the same file again changes nothing,
// not even a version), the product list (keyset pages that cover every product once, sorts, search by
// name word, SKU and barcode, paged by cursor), price history kept on each change with who made it, the streamed
// export that imports back unchanged, categories and VAT rates, and store scoping: a manager of one
// store gets 404 for another store's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminProductPage, ImportReport, PriceHistory } from '@ezo/contract/backoffice-catalog';
import { backOfficeCatalog } from '@ezo/contract/backoffice-catalog';
import { BACKENDS } from './support/backends.ts';
import { browserCall, createSignInStaff, signIn } from './support/backoffice.ts';

const csvOf = (lines: string[]) => `${lines.join('\n')}\n`;
const HEADER = 'sku,name,barcode,category,price,vat_rate,tax_included,active';
/** 30 products: P-001 .. P-030, prices 1.00 .. 30.00, every third with a barcode. */
const GOOD = csvOf([
  HEADER,
  ...Array.from({ length: 30 }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return `P-${n},${i % 2 === 0 ? 'Green Tea' : 'Black Coffee'} ${n},${i % 3 === 0 ? `400000000${n}` : ''},Drinks,${i + 1}.00,${i % 2 === 0 ? '7' : '19'},true,true`;
  }),
]);

describe.each(BACKENDS)('the back-office catalog on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let owner: string | undefined;
  let manager: string | undefined;
  let storeB: string;
  const call = <T>(method: string, path: string, options: Parameters<typeof browserCall>[3] = {}) => browserCall<T>(server, method, path, { cookie: owner, ...options });
  const importCsv = (text: string, apply: boolean) => call<ImportReport>('POST', `/api/v1/admin/products/import${apply ? '?apply=true' : ''}`, { raw: { body: text, contentType: 'text/csv' } });
  const count = async () => Number((await server.db.query<{ n: string }>('SELECT count(*)::text AS n FROM products'))[0]?.n);
  const maxVersion = async () => (await server.db.query<{ v: string }>('SELECT max(version)::text AS v FROM products'))[0]?.v;

  beforeAll(async () => {
    server = await backend.start();
    storeB = (await server.createStore('Store B')).id;
    await createSignInStaff(server, 'owner@example.com', [{ store_id: server.store.id, role: 'owner' }]);
    await createSignInStaff(server, 'manager@example.com', [{ store_id: server.store.id, role: 'manager' }]);
    owner = (await signIn(server, 'owner@example.com')).cookie;
    manager = (await signIn(server, 'manager@example.com')).cookie;
    expect((await call('POST', '/api/v1/admin/categories', { body: { name: 'Drinks' } })).status).toBe(201);
  });
  afterAll(async () => server.dispose());

  it('previews a file with bad rows: each error with its line and column, and nothing applied, not even with apply', async () => {
    const bad = GOOD.replace('P-002,Black Coffee 002,,Drinks,2.00', 'P-002,Black Coffee 002,,Drinks,2.5x').replace('P-005,Green Tea 005,,Drinks,5.00,7', 'P-005,Green Tea 005,,Snacks,5.00,7');
    const preview = await importCsv(bad, false);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ accepted: false, applied: false, rows: 30, error_count: 2 });
    expect(preview.body.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'price' }),
      expect.objectContaining({ line: 6, column: 'category' }),
    ]);
    const applied = await importCsv(bad, true);
    expect(applied.body).toMatchObject({ accepted: false, applied: false });
    expect(await count()).toBe(0);
    const header = await importCsv(csvOf(['sku,name,price', 'A,B,1.00']), false);
    expect(header.body.errors).toEqual([expect.objectContaining({ line: 1, column: 'vat_rate' })]);
    const dup = await importCsv(csvOf([HEADER, 'X-1,A,,,1.00,19,,', 'X-1,B,,,1.00,19,,']), false);
    expect(dup.body.errors).toHaveLength(1);
    expect(dup.body.errors[0]).toMatchObject({ line: 3, column: 'sku' });
    expect(dup.body.errors[0]?.message).toContain('line 2');
    const broken = await importCsv(`${HEADER}\nX-1,"unclosed,,,1.00,19,,\n`, false);
    expect(broken.body).toMatchObject({ accepted: false, error_count: 1 });
  });

  it('applies a good file once; the same file again changes nothing and bumps no version', async () => {
    const preview = await importCsv(GOOD, false);
    expect(preview.body).toMatchObject({ accepted: true, applied: false, created: 30, updated: 0, unchanged: 0 });
    expect(await count()).toBe(0);
    const first = await importCsv(GOOD, true);
    expect(first.body).toMatchObject({ accepted: true, applied: true, created: 30 });
    const version = await maxVersion();
    const second = await importCsv(GOOD, true);
    expect(second.body).toMatchObject({ accepted: true, applied: true, created: 0, updated: 0, unchanged: 30 });
    expect(await maxVersion()).toBe(version);
    expect(await count()).toBe(30);
  });

  it('pages with keyset cursors through every product exactly once, in each sort and order', async () => {
    for (const [sort, order] of [['name', 'asc'], ['price', 'desc'], ['sku', 'asc'], ['updated_at', 'desc']] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: AdminProductPage } = await call<AdminProductPage>('GET', `/api/v1/admin/products?sort=${sort}&order=${order}&limit=7${cursor === null ? '' : `&cursor=${cursor}`}`);
        expect(res.status).toBe(200);
        backOfficeCatalog.productPage.parse(res.body);
        seen.push(...res.body.items.map((p) => p.sku));
        cursor = res.body.next_cursor;
      } while (cursor !== null);
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
      if (sort === 'price') expect(seen.slice(0, 3)).toEqual(['P-030', 'P-029', 'P-028']);
    }
    const first = await call<AdminProductPage>('GET', '/api/v1/admin/products?limit=1');
    expect(first.body.items[0]).toMatchObject({ name: 'Black Coffee 002', category_name: 'Drinks' });
    expect((await call('GET', '/api/v1/admin/products?cursor=bm9wZQ')).status).toBe(400);
  });

  it('searches by name word prefixes, SKU prefix and barcode', async () => {
    const search = async (q: string) => (await call<AdminProductPage>('GET', `/api/v1/admin/products?limit=200&q=${encodeURIComponent(q)}`)).body.items.map((p) => p.sku);
    expect(await search('coff 002')).toEqual(['P-002']);
    expect(await search('tea')).toHaveLength(15);
    expect(await search('p-01')).toHaveLength(10);
    expect(await search('400000000007')).toEqual(['P-007']);
    expect(await search('no such thing')).toEqual([]);
    expect(await search("%_'&|!:*")).toEqual([]);
  });

  it('pages a search by cursor in every sort: the same products as one page, once each, also one found by SKU and by name', async () => {
    const products = (await call<AdminProductPage>('GET', '/api/v1/admin/products?limit=200&q=P-005')).body.items;
    const p5 = products[0];
    if (p5 === undefined) throw new Error('P-005 missing');
    // "p-00" now starts P-005's SKU and, word by word ("p", "00"), two words of its name.
    await server.admin('PATCH', `/api/v1/admin/products/${p5.uuid}`, { name: 'Plain Tea 005' });
    try {
      for (const [sort, order] of [['name', 'asc'], ['price', 'desc'], ['sku', 'desc'], ['updated_at', 'asc']] as const) {
        const query = `/api/v1/admin/products?q=p-00&sort=${sort}&order=${order}`;
        const whole = (await call<AdminProductPage>('GET', `${query}&limit=200`)).body.items.map((p) => p.sku);
        expect(whole).toHaveLength(9);
        expect(new Set(whole)).toEqual(new Set(['P-001', 'P-002', 'P-003', 'P-004', 'P-005', 'P-006', 'P-007', 'P-008', 'P-009']));
        const paged: string[] = [];
        let cursor: string | null = null;
        do {
          const res: { body: AdminProductPage } = await call<AdminProductPage>('GET', `${query}&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
          paged.push(...res.body.items.map((p) => p.sku));
          cursor = res.body.next_cursor;
        } while (cursor !== null);
        expect(paged).toEqual(whole);
      }
      expect((await call<AdminProductPage>('GET', '/api/v1/admin/products?q=p-00&sort=sku&limit=200')).body.items.map((p) => p.sku).slice(0, 2)).toEqual(['P-001', 'P-002']);
    } finally {
      await server.admin('PATCH', `/api/v1/admin/products/${p5.uuid}`, { name: p5.name });
    }
  });

  it('keeps a price history: each change with its source and who made it, in the same transaction', async () => {
    const page = await call<AdminProductPage>('GET', '/api/v1/admin/products?q=P-001');
    const p = page.body.items[0];
    if (p === undefined) throw new Error('P-001 missing');
    const patched = await call<{ price: number; price_version: number }>('PATCH', `/api/v1/admin/products/${p.uuid}`, { body: { price: 150 } });
    expect(patched.body).toMatchObject({ price: 150, price_version: p.price_version + 1 });
    await importCsv(GOOD, true);
    await server.admin('PATCH', `/api/v1/admin/products/${p.uuid}`, { name: 'Renamed only' });
    const history = await call<PriceHistory>('GET', `/api/v1/admin/products/${p.uuid}/price-history`);
    expect(history.body.items.map((h) => [h.price, h.source, h.changed_by?.display_name ?? null])).toEqual([
      [100, 'import', 'owner'],
      [150, 'admin', 'owner'],
      [100, 'import', 'owner'],
    ]);
  });

  it('exports CSV that imports back unchanged', async () => {
    const res = await call<string>('GET', '/api/v1/admin/products/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = res.body;
    expect(text.split('\n')[0]).toBe(HEADER);
    expect(text).toContain('P-001,Renamed only,400000000001,Drinks,1.00,7,true,true');
    const again = await importCsv(text, false);
    expect(again.body).toMatchObject({ accepted: true, created: 0, updated: 0, unchanged: 30 });
  });

  it('lists categories with counts and the VAT rates in use', async () => {
    const cats = await call<{ categories: { name: string; products: number }[] }>('GET', '/api/v1/admin/categories');
    expect(cats.body.categories).toEqual([expect.objectContaining({ name: 'Drinks', products: 30 })]);
    const rates = await call<{ rates: unknown[] }>('GET', '/api/v1/admin/vat-rates');
    expect(rates.body.rates).toEqual([
      { tax_rate_bp: 700, products: 15, active_products: 15 },
      { tax_rate_bp: 1900, products: 15, active_products: 15 },
    ]);
  });

  it("scopes a manager to their store: another store's data is 404, the catalog is theirs to edit", async () => {
    const as = <T>(method: string, path: string, body?: unknown) => browserCall<T>(server, method, path, { cookie: manager, body });
    expect((await as('GET', `/api/v1/admin/stock?store_id=${storeB}`)).status).toBe(404);
    expect((await as('GET', `/api/v1/admin/stock?store_id=${server.store.id}`)).status).toBe(200);
    expect((await as('GET', `/api/v1/admin/sales?store_id=${storeB}`)).status).toBe(404);
    expect((await as('GET', '/api/v1/admin/sales')).status).toBe(400);
    const stores = await as<{ stores: { id: string }[] }>('GET', '/api/v1/admin/stores');
    expect(stores.body.stores.map((s) => s.id)).toEqual([server.store.id]);
    const product = (await as<AdminProductPage>('GET', '/api/v1/admin/products?limit=1')).body.items[0];
    expect(product).toBeDefined();
    expect((await as('PUT', `/api/v1/admin/stores/${storeB}/prices/${product?.uuid}`, { price: 5 })).status).toBe(404);
    expect((await as('PUT', `/api/v1/admin/stores/${server.store.id}/prices/${product?.uuid}`, { price: 5 })).status).toBe(200);
    expect((await as('PATCH', `/api/v1/admin/products/${product?.uuid}`, { active: false })).status).toBe(200);
    // The admin token still sees every store.
    expect((await server.admin('GET', `/api/v1/admin/stock?store_id=${storeB}`)).status).toBe(200);
  });
});
