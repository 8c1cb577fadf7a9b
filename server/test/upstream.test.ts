// POST /api/v1/sync/upstream against a real hub: per-item results, exactly-once by uuid (a lost
// acknowledgement resent is a duplicate, never a second sale), the money rules, refunds, stock, and
// that a terminal can only write to its own store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product, StockLevel } from '@ezo/contract/catalog';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { BACKENDS } from './support/backends.ts';
import { adjustment, batch, call, createProduct, line, productEdit, sale } from './support/fixtures.ts';

describe.each(BACKENDS)('upstream on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let coffee: Product;
  let bread: Product;
  const push = (b: unknown, token = server.terminal.token) => call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', b);
  const stockOf = async (storeId: string, productUuid: string) => {
    const res = await server.admin<{ stock: StockLevel[] }>('GET', `/api/v1/admin/stock?store_id=${storeId}`);
    return res.body.stock.find((s) => s.product_uuid === productUuid)?.quantity ?? 0;
  };
  const countSales = async () => Number((await server.db.query<{ n: string }>('SELECT count(*)::text AS n FROM sales'))[0]?.n);

  beforeAll(async () => {
    server = await backend.start();
    coffee = await createProduct(server, { name: 'Coffee', price: 250, tax_rate_bp: 700, tax_included: true });
    bread = await createProduct(server, { name: 'Bread', price: 399, tax_rate_bp: 700, tax_included: false });
  });
  afterAll(async () => server.dispose());

  it('applies a sale once; the same batch again is all duplicates', async () => {
    const s = sale(server.terminal.id, [line({ product: coffee, quantity: 2 }), line({ product: bread, quantity: 1, discountBp: 1000 })], { method: 'cash' });
    const b = batch({ sales: [s] });
    const before = await stockOf(server.store.id, coffee.uuid);
    const first = await push(b);
    expect(first.status).toBe(200);
    expect(first.body.results).toEqual([{ uuid: s.uuid, entity: 'sale', status: 'applied' }]);
    const again = await push(b);
    expect(again.body.results).toEqual([{ uuid: s.uuid, entity: 'sale', status: 'duplicate' }]);
    expect(await stockOf(server.store.id, coffee.uuid)).toBe(before - 2);
  });

  it('a lost acknowledgement: a resend with keys in another order is still a duplicate', async () => {
    const s = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
    await push(batch({ sales: [s] }));
    const reordered = Object.fromEntries(Object.entries(s).reverse());
    const res = await push(batch({ sales: [reordered as typeof s] }));
    expect(res.body.results[0]?.status).toBe('duplicate');
  });

  it('the same uuid with other content is rejected as uuid_conflict', async () => {
    const s = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
    await push(batch({ sales: [s] }));
    const res = await push(batch({ sales: [{ ...s, note: 'changed' }] }));
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'uuid_conflict' });
  });

  it('rejects wrong totals, wrong payments, unknown products and another terminal id, and stores none of them', async () => {
    const good = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
    const badTotal = { ...sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]), total: 1 };
    const badPay = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })], { method: 'cash' });
    badPay.payments[0] = { ...badPay.payments[0]!, change: 0 };
    const unknown = sale(server.terminal.id, [line({ product: { ...coffee, uuid: '00000000-0000-4000-8000-000000000000' }, quantity: 1 })]);
    const other = sale('11111111-1111-4111-8111-111111111111', [line({ product: coffee, quantity: 1 })]);
    const before = await countSales();
    const res = await push(batch({ sales: [badTotal, badPay, good, unknown, other] }));
    expect(res.body.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'totals_mismatch'],
      ['rejected', 'payments_mismatch'],
      ['applied', undefined],
      ['rejected', 'unknown_product'],
      ['rejected', 'wrong_terminal'],
    ]);
    expect(await countSales()).toBe(before + 1);
  });

  it('refunds: known sale of the same store, never more than was sold, stock comes back', async () => {
    const original = sale(server.terminal.id, [line({ product: bread, quantity: 3 })]);
    await push(batch({ sales: [original] }));
    const soldLine = original.lines[0]!;
    const afterSale = await stockOf(server.store.id, bread.uuid);
    const refund2 = sale(server.terminal.id, [line({ product: bread, quantity: -2, refundOfLine: soldLine.uuid })], { refundOf: original.uuid });
    const refund2more = sale(server.terminal.id, [line({ product: bread, quantity: -2, refundOfLine: soldLine.uuid })], { refundOf: original.uuid });
    const res = await push(batch({ sales: [refund2, refund2more] }));
    expect(res.body.results.map((r) => r.code ?? r.status)).toEqual(['applied', 'over_refund']);
    expect(await stockOf(server.store.id, bread.uuid)).toBe(afterSale + 2);
    // Resending the accepted refund is a duplicate, not an over-refund.
    expect((await push(batch({ sales: [refund2] }))).body.results[0]?.status).toBe('duplicate');
    const ghost = sale(server.terminal.id, [line({ product: bread, quantity: -1, refundOfLine: soldLine.uuid })], { refundOf: '22222222-2222-4222-8222-222222222222' });
    expect((await push(batch({ sales: [ghost] }))).body.results[0]?.code).toBe('unknown_sale');
  });

  it('adjustments are deltas summed into the store stock, exactly once', async () => {
    const before = await stockOf(server.store.id, coffee.uuid);
    const a = adjustment(coffee.uuid, 10);
    const b = adjustment(coffee.uuid, -3);
    await push(batch({ adjustments: [a, b] }));
    const res = await push(batch({ adjustments: [a] }));
    expect(res.body.results[0]?.status).toBe('duplicate');
    expect(await stockOf(server.store.id, coffee.uuid)).toBe(before + 7);
  });

  it('product edits: other fields last write wins, a stale price is rejected, an accepted price bumps price_version', async () => {
    const p = await createProduct(server, { name: 'Tea', price: 300, tax_rate_bp: 700, tax_included: true });
    const rename = await push(batch({ products: [productEdit(p.uuid, 1, { name: 'Green tea' })] }));
    expect(rename.body.results[0]?.status).toBe('applied');
    const price = await push(batch({ products: [productEdit(p.uuid, 1, { price: 350 })] }));
    expect(price.body.results[0]?.status).toBe('applied');
    // Another terminal that never saw version 2 edits on version 1: stale.
    const other = await server.createTerminal(server.store.id);
    const stale = await push(batch({ products: [productEdit(p.uuid, 1, { price: 320 })] }), other.token);
    expect(stale.body.results[0]).toMatchObject({ status: 'rejected', code: 'stale_price' });
    const admin = await server.admin<Product>('PATCH', `/api/v1/admin/products/${p.uuid}`, {});
    expect(admin.body).toMatchObject({ name: 'Green tea', price: 350, price_version: 2 });
  });

  it("a till's second offline price edit on the same base follows its own first; anyone else's change in between makes it stale", async () => {
    const p = await createProduct(server, { name: 'Mate', price: 300, tax_rate_bp: 700, tax_included: true });
    const first = productEdit(p.uuid, 1, { price: 310 });
    const second = productEdit(p.uuid, 1, { price: 320 });
    const third = productEdit(p.uuid, 1, { name: 'Yerba mate', price: 330 });
    const res = await push(batch({ products: [first, second] }));
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await push(batch({ products: [third] }))).body.results[0]?.status).toBe('applied');
    expect((await server.admin<Product>('PATCH', `/api/v1/admin/products/${p.uuid}`, {})).body).toMatchObject({ name: 'Yerba mate', price: 330, price_version: 4 });
    // Resending the chain is duplicates, not new versions.
    expect((await push(batch({ products: [first, second, third] }))).body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);

    // Another terminal's change, then the first terminal's next edit on the old base: stale.
    const other = await server.createTerminal(server.store.id);
    expect((await push(batch({ products: [productEdit(p.uuid, 4, { price: 340 })] }), other.token)).body.results[0]?.status).toBe('applied');
    expect((await push(batch({ products: [productEdit(p.uuid, 1, { price: 350 })] }))).body.results[0]).toMatchObject({ status: 'rejected', code: 'stale_price' });
    // The back office's change breaks a chain the same way.
    const q = await createProduct(server, { name: 'Chai', price: 300, tax_rate_bp: 700, tax_included: true });
    expect((await push(batch({ products: [productEdit(q.uuid, 1, { price: 310 })] }))).body.results[0]?.status).toBe('applied');
    await server.admin('PATCH', `/api/v1/admin/products/${q.uuid}`, { price: 999 });
    expect((await push(batch({ products: [productEdit(q.uuid, 1, { price: 320 })] }))).body.results[0]).toMatchObject({ status: 'rejected', code: 'stale_price' });
    expect((await server.admin<Product>('PATCH', `/api/v1/admin/products/${q.uuid}`, {})).body).toMatchObject({ price: 999, price_version: 3 });
  });

  it('a terminal of another store cannot refund this store’s sale, and its sales move only its own stock', async () => {
    const store2 = await server.createStore('Second store');
    const t2 = await server.createTerminal(store2.id);
    const original = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
    await push(batch({ sales: [original] }));
    const stolen = sale(t2.id, [line({ product: coffee, quantity: -1, refundOfLine: original.lines[0]!.uuid })], { refundOf: original.uuid });
    expect((await push(batch({ sales: [stolen] }), t2.token)).body.results[0]?.code).toBe('unknown_sale');
    const mine = await stockOf(server.store.id, coffee.uuid);
    const s2 = sale(t2.id, [line({ product: coffee, quantity: 4 })]);
    expect((await push(batch({ sales: [s2] }), t2.token)).body.results[0]?.status).toBe('applied');
    expect(await stockOf(store2.id, coffee.uuid)).toBe(-4);
    expect(await stockOf(server.store.id, coffee.uuid)).toBe(mine);
    // A sale naming the first store's terminal is not the caller's: rejected.
    const forged = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
    expect((await push(batch({ sales: [forged] }), t2.token)).body.results[0]?.code).toBe('wrong_terminal');
  });

  it('one bad sale in a bulk of good ones is rejected alone (a line uuid already used elsewhere)', async () => {
    const first = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
    await push(batch({ sales: [first] }));
    const reused = sale(server.terminal.id, [{ ...line({ product: coffee, quantity: 1 }), uuid: first.lines[0]!.uuid }]);
    const good1 = sale(server.terminal.id, [line({ product: bread, quantity: 1 })]);
    const good2 = sale(server.terminal.id, [line({ product: bread, quantity: 2 })]);
    const before = await countSales();
    const res = await push(batch({ sales: [good1, reused, good2] }));
    expect(res.body.results.map((r) => r.code ?? r.status)).toEqual(['applied', 'invalid', 'applied']);
    expect(await countSales()).toBe(before + 2);
  });

  it('the same sale twice in one batch is applied once, then a duplicate', async () => {
    const s = sale(server.terminal.id, [line({ product: coffee, quantity: 5 })]);
    const before = await stockOf(server.store.id, coffee.uuid);
    const res = await push(batch({ sales: [s, s] }));
    expect(res.body.results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
    expect(await stockOf(server.store.id, coffee.uuid)).toBe(before - 5);
  });

  it('401 without a token (unauthorized) or with a wrong one (invalid_token)', async () => {
    const none = await call(server, undefined, 'POST', '/api/v1/sync/upstream', batch({}));
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ error: { code: 'unauthorized' } });
    const res = await call(server, 'not-a-real-token', 'POST', '/api/v1/sync/upstream', batch({}));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'invalid_token' } });
  });
});
