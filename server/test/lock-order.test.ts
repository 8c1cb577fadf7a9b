// Lock order under contention (issue 18): 24 tills edit one product's store price while 50 tills push
// sales of it and the back office renames it, all at once. Before the lock order was fixed this
// deadlocked on PostgreSQL (23 of 24 edits answered 500 after up to 95 s): an edit's foreign keys took
// KEY SHARE on the product row before the commit-order lock, and the lock holder's row lock waited for
// it; and an admin rename, holding the lock, waited for every sale line's KEY SHARE on the product (a
// unique index on products.version made each UPDATE a key update). Now: no deadlock (PostgreSQL's own
// count), no error, exactly one edit wins, every sale lands once, and every till's pull is exact.
// PGlite runs it too, with one connection: there it checks the outcome, not the race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '@ezo/contract/catalog';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { BACKENDS } from './support/backends.ts';
import { batch, call, createProduct, line, productEdit, pullAll, sale } from './support/fixtures.ts';

const EDITING_TILLS = 24;
const SELLING_TILLS = 50;
const SALES_PER_BATCH = 20;
const RENAMES = 5;
/** The whole race must end well inside this; a deadlock costs deadlock_timeout per victim and retries. */
const RACE_BOUND_MS = 60_000;
/** An UPDATE that does not wait for a KEY SHARE lock answers in milliseconds. */
const KEY_SHARE_WAIT_BOUND_MS = 3_000;

describe.each(BACKENDS)('lock order on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let product: Product;
  const editors: { id: string; token: string }[] = [];
  const sellers: { id: string; token: string }[] = [];
  let otherStoreTill: { id: string; token: string };

  beforeAll(async () => {
    server = await backend.start();
    product = await createProduct(server, { name: 'Contended', price: 1000, tax_rate_bp: 1900, tax_included: true });
    for (let i = 0; i < EDITING_TILLS; i++) editors.push(await server.createTerminal(server.store.id));
    for (let i = 0; i < SELLING_TILLS; i++) sellers.push(await server.createTerminal(server.store.id));
    otherStoreTill = await server.createTerminal((await server.createStore('Elsewhere')).id);
  }, 120_000);
  afterAll(async () => server.dispose());

  it(`${EDITING_TILLS} tills edit one price, ${SELLING_TILLS} push sales, the back office renames: 0 errors, every pull exact`, { timeout: 180_000 }, async () => {
    const push = (token: string, body: unknown) => call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', body);
    const deadlocks = async () =>
      backend.name === 'postgres' ? Number((await server.db.query<{ n: string }>('SELECT deadlocks::text AS n FROM pg_stat_database WHERE datname = current_database()'))[0]?.n) : 0;
    const deadlocksBefore = await deadlocks();
    const started = Date.now();
    // Each edit batch also sells the product first, so its sale line's foreign key holds KEY SHARE on
    // the product row before the batch reaches its product edit: the order that deadlocked.
    const edits = editors.map((t, i) =>
      push(t.token, batch({ sales: [sale(t.id, [line({ product, quantity: 1 })])], products: [productEdit(product.uuid, 1, { price: 1001 + i })] })),
    );
    const sales = sellers.map((t) => push(t.token, batch({ sales: Array.from({ length: SALES_PER_BATCH }, () => sale(t.id, [line({ product, quantity: 1 })])) })));
    const renames = Array.from({ length: RENAMES }, (_, i) => server.admin('PATCH', `/api/v1/admin/products/${product.uuid}`, { name: `Contended ${i}` }));
    const [editAnswers, saleAnswers, renameAnswers] = await Promise.all([Promise.all(edits), Promise.all(sales), Promise.all(renames)]);
    const elapsed = Date.now() - started;

    expect([...editAnswers, ...saleAnswers].map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    expect(renameAnswers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    expect(elapsed).toBeLessThan(RACE_BOUND_MS);
    // A deadlock victim's batch is retried and may still succeed: PostgreSQL's own count tells.
    expect(await deadlocks(), 'deadlocks PostgreSQL detected during the race').toBe(deadlocksBefore);
    const editOutcomes = editAnswers.map((a) => a.body.results.find((r) => r.entity === 'product'));
    const applied = editOutcomes.flatMap((r, i) => (r?.status === 'applied' ? [1001 + i] : []));
    expect(applied).toHaveLength(1);
    expect(editOutcomes.filter((r) => r?.code === 'stale_price')).toHaveLength(EDITING_TILLS - 1);
    const saleResults = [...editAnswers, ...saleAnswers].flatMap((a) => a.body.results.filter((r) => r.entity === 'sale'));
    expect(saleResults).toHaveLength(EDITING_TILLS + SELLING_TILLS * SALES_PER_BATCH);
    expect(saleResults.every((r) => r.status === 'applied')).toBe(true);

    const sold = EDITING_TILLS + SELLING_TILLS * SALES_PER_BATCH;
    const names = (await server.db.query<{ name: string }>('SELECT name FROM products WHERE uuid = $1', [product.uuid])).map((r) => r.name);
    // Every till of the store, pulling from scratch at once, sees the same exact figures.
    const pulls = await Promise.all([...editors, ...sellers].map((t) => pullAll(server, t.token)));
    for (const pulled of pulls) {
      expect(pulled.products.get(product.uuid)).toMatchObject({ name: names[0], price: applied[0], price_version: 2 });
      expect(pulled.stock.get(product.uuid)).toBe(-sold);
    }
    expect((await pullAll(server, otherStoreTill.token)).products.get(product.uuid)).toMatchObject({ price: 1000, price_version: 1 });
    const counted = await server.db.query<{ n: string }>('SELECT count(*)::text AS n FROM sales s JOIN sale_lines l ON l.sale_uuid = s.uuid WHERE l.product_uuid = $1', [product.uuid]);
    expect(Number(counted[0]?.n)).toBe(sold);
    console.log(`[lock-order] ${backend.name}: ${EDITING_TILLS} edits + ${SELLING_TILLS}x${SALES_PER_BATCH} sales + ${RENAMES} renames in ${elapsed} ms, 0 errors`);
  });

  it.runIf(backend.name === 'postgres')('a versioned write under the commit-order lock never waits for a foreign key check of an open batch', async () => {
    const p = await createProduct(server, { name: 'Referenced' });
    // What a sale line's foreign key check holds until its batch commits.
    await server.db.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM products WHERE uuid = $1 FOR KEY SHARE', [p.uuid]);
      const started = Date.now();
      const answer = await Promise.race([
        server.admin('PATCH', `/api/v1/admin/products/${p.uuid}`, { name: 'Renamed meanwhile', price: 1 }),
        new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), KEY_SHARE_WAIT_BOUND_MS)),
      ]);
      expect(answer === 'waiting' ? 'waiting' : answer.status, `the rename under the lock, after ${Date.now() - started} ms`).toBe(200);
    });
  });
});
