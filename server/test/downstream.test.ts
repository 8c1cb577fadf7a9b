// GET /api/v1/sync/downstream: the cursor never misses or repeats a change. Writers with random delays
// (admin edits, tombstones, stock moves from upstream, and a long transaction that commits after later
// ones started) run against a puller with small pages; at the end the puller holds exactly the hub's state.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Category, Customer, Product, StockLevel } from '@ezo/contract/catalog';
import type { DownstreamPage } from '@ezo/contract/downstream';
import { strictContract } from '@ezo/contract/contract';
import { CATEGORY_COLUMNS, CUSTOMER_COLUMNS, PRODUCT_COLUMNS, STOCK_COLUMNS, categoryToWire, customerToWire, productToWire, stockToWire } from '../src/catalog/wire-rows.ts';
import type { CategoryRow, CustomerRow, ProductRow, StockRow } from '../src/catalog/wire-rows.ts';
import { BACKENDS } from './support/backends.ts';
import { adjustment, batch, call, createProduct } from './support/fixtures.ts';

/** Writers, operations per writer, and the largest pause between operations: enough to interleave, still fast. */
const WRITERS = 4;
const OPS_PER_WRITER = 25;
const MAX_PAUSE_MS = 8;
const PULL_PAGE = 7;
/** When the slow transactions start, and how long each holds its early version before COMMIT. */
const SLOW_COMMIT_STARTS_MS = [20, 120, 250];
const SLOW_COMMIT_MS = 150;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Replica {
  products: Map<string, Product>;
  categories: Map<string, Category>;
  customers: Map<string, Customer>;
  stock: Map<string, StockLevel>;
  cursor: string | undefined;
  pages: number;
}

describe.each(BACKENDS)('downstream on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  const pull = async (cursor: string | undefined, limit: number) => {
    const q = new URLSearchParams({ limit: String(limit), ...(cursor === undefined ? {} : { last_synced_at: cursor }) });
    const res = await call<DownstreamPage>(server, server.terminal.token, 'GET', `/api/v1/sync/downstream?${q.toString()}`);
    expect(res.status).toBe(200);
    return strictContract.downstream.page.parse(res.body);
  };
  const applyPage = (r: Replica, page: DownstreamPage) => {
    for (const p of page.changes.products) r.products.set(p.uuid, p);
    for (const c of page.changes.categories) r.categories.set(c.uuid, c);
    for (const c of page.changes.customers) r.customers.set(c.uuid, c);
    for (const s of page.changes.stock) r.stock.set(s.product_uuid, s);
    r.cursor = page.timestamp;
    r.pages++;
  };
  const hubState = async () => ({
    products: new Map((await server.db.query<ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products`)).map((r) => [r.uuid, productToWire(r)])),
    categories: new Map((await server.db.query<CategoryRow>(`SELECT ${CATEGORY_COLUMNS} FROM categories`)).map((r) => [r.uuid, categoryToWire(r)])),
    customers: new Map((await server.db.query<CustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers`)).map((r) => [r.uuid, customerToWire(r)])),
    stock: new Map(
      (await server.db.query<StockRow>(`SELECT ${STOCK_COLUMNS} FROM stock WHERE store_id = $1`, [server.store.id])).map((r) => [r.product_uuid, stockToWire(r)]),
    ),
  });

  beforeAll(async () => {
    server = await backend.start({ seedCatalog: true });
  });
  afterAll(async () => server.dispose());

  it('a puller racing random writers ends with exactly the hub state', async () => {
    const seeded = await hubState();
    const productIds = [...seeded.products.keys()];
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = () => productIds[rnd(productIds.length)]!;
    let writing = true;

    const writer = async (w: number) => {
      for (let i = 0; i < OPS_PER_WRITER; i++) {
        await pause(rnd(MAX_PAUSE_MS));
        const op = rnd(6);
        if (op === 0) productIds.push((await createProduct(server, { name: `New ${w}-${i}`, price: 100 + i })).uuid);
        else if (op === 1) await server.admin('PATCH', `/api/v1/admin/products/${pick()}`, { name: `Renamed ${w}-${i}`, price: 200 + i });
        else if (op === 2) await server.admin('DELETE', `/api/v1/admin/products/${pick()}`);
        else if (op === 3) await server.admin('POST', '/api/v1/admin/customers', { name: `Customer ${w}-${i}`, store_id: server.store.id });
        else if (op === 4) await server.admin('POST', '/api/v1/admin/categories', { name: `Category ${w}-${i}` });
        else await call(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', batch({ adjustments: [adjustment(pick(), 1 + rnd(5))] }));
      }
    };
    // Transactions that stamp their version early and commit late, while the puller is at the head:
    // a cursor that is not in commit order (a timestamp, or a version taken without the lock) loses them.
    const longTransaction = async (startMs: number) => {
      await pause(startMs);
      await server.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO customers (uuid, name, store_id) VALUES ($1, 'Slow commit', $2)`, [randomUUID(), server.store.id]);
        await pause(SLOW_COMMIT_MS);
      });
    };

    const replica: Replica = { products: new Map(), categories: new Map(), customers: new Map(), stock: new Map(), cursor: undefined, pages: 0 };
    // Start at the head, so the race is about changes committing while the puller keeps up.
    for (;;) {
      const page = await pull(replica.cursor, 5000);
      applyPage(replica, page);
      if (!page.has_more) break;
    }
    const catchUpPages = replica.pages;
    const puller = (async () => {
      let last = -1n;
      while (writing) {
        const page = await pull(replica.cursor, PULL_PAGE);
        const v = BigInt(page.timestamp.slice(3));
        expect(v >= last).toBe(true);
        last = v;
        applyPage(replica, page);
        if (!page.has_more) await pause(3);
      }
    })();
    await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), ...SLOW_COMMIT_STARTS_MS.map(longTransaction)]);
    writing = false;
    await puller;
    for (;;) {
      const page = await pull(replica.cursor, PULL_PAGE);
      applyPage(replica, page);
      if (!page.has_more) break;
    }
    const hub = await hubState();
    expect(replica.pages - catchUpPages).toBeGreaterThan(10);
    expect(replica.products).toEqual(hub.products);
    expect(replica.categories).toEqual(hub.categories);
    expect(replica.customers).toEqual(hub.customers);
    expect(replica.stock).toEqual(hub.stock);
    // Caught up: one more pull returns nothing and keeps the cursor.
    const idle = await pull(replica.cursor, PULL_PAGE);
    expect(idle).toMatchObject({ has_more: false, remaining: 0, timestamp: replica.cursor });
  });

  it('paging at any size returns every row exactly once, in order, with a truthful remaining', async () => {
    const full = await pull(undefined, 5000);
    const all = [...full.changes.products, ...full.changes.categories, ...full.changes.customers, ...full.changes.stock].length;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 400 }), async (limit) => {
        const seen = new Set<string>();
        let cursor: string | undefined;
        for (;;) {
          const page = await pull(cursor, limit);
          const keys = [
            ...page.changes.products.map((p) => `p${p.uuid}`),
            ...page.changes.categories.map((c) => `c${c.uuid}`),
            ...page.changes.customers.map((c) => `u${c.uuid}`),
            ...page.changes.stock.map((s) => `s${s.product_uuid}`),
          ];
          expect(keys.length).toBeLessThanOrEqual(limit);
          for (const k of keys) {
            expect(seen.has(k)).toBe(false);
            seen.add(k);
          }
          if (page.has_more) expect(page.remaining).toBe(all - seen.size);
          cursor = page.timestamp;
          if (!page.has_more) break;
        }
        expect(seen.size).toBe(all);
      }),
      { numRuns: 8, seed: 7 },
    );
  });

  it('tombstones travel: a deleted product comes down with deleted_at set', async () => {
    const start = (await pull(undefined, 5000)).timestamp;
    const p = await createProduct(server, { name: 'Short-lived' });
    await server.admin('DELETE', `/api/v1/admin/products/${p.uuid}`);
    const page = await pull(start, 5000);
    const got = page.changes.products.find((x) => x.uuid === p.uuid);
    expect(got?.deleted_at).not.toBeNull();
  });

  it('stock is per store: another store’s terminal never sees this store’s figures', async () => {
    const store2 = await server.createStore('Elsewhere');
    const t2 = await server.createTerminal(store2.id);
    const res = await call<DownstreamPage>(server, t2.token, 'GET', '/api/v1/sync/downstream?limit=5000');
    expect(res.body.changes.stock).toEqual([]);
    expect(res.body.changes.products.length).toBeGreaterThan(0);
  });

  it('a cursor the hub did not issue is a 400, not a restart from zero', async () => {
    const res = await call(server, server.terminal.token, 'GET', '/api/v1/sync/downstream?last_synced_at=2024-01-01T10:00:00Z');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'bad_request', issues: [{ path: 'last_synced_at' }] } });
  });

  it('a cursor above PostgreSQL bigint is a 400; the largest bigint is a valid (empty) cursor', async () => {
    for (const cursor of ['v1.9999999999999999999', 'v1.9223372036854775808']) {
      const res = await call(server, server.terminal.token, 'GET', `/api/v1/sync/downstream?last_synced_at=${cursor}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'bad_request', issues: [{ path: 'last_synced_at' }] } });
    }
    const max = await call<DownstreamPage>(server, server.terminal.token, 'GET', '/api/v1/sync/downstream?last_synced_at=v1.9223372036854775807');
    expect(max.status).toBe(200);
    expect(max.body).toMatchObject({ has_more: false, changes: { products: [] } });
  });
});
