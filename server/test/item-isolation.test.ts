// One bad item never costs a good one, and an item's answer reveals nothing about other stores.
// - Text and times PostgreSQL cannot store (NUL, lone surrogates, year 0) are refused by the contract
//   with a 400 naming the field, before anything is written.
// - Any other refusal by the database inside one item (simulated with a trigger raising the SQLSTATE
//   PostgreSQL raises for such data) rejects that item alone: the batch's other items are applied.
// - Another store's sale, adjustment or line uuid (or another terminal's edit uuid) is answered exactly
//   like any other item the hub cannot store: same code, same sentence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '@ezo/contract/catalog';
import type { ItemResult, UpstreamResponse } from '@ezo/contract/upstream';
import { NOT_STORABLE_REASON } from '../src/sync/item-outcome.ts';
import { BACKENDS } from './support/backends.ts';
import { adjustment, batch, call, createProduct, line, productEdit, sale } from './support/fixtures.ts';
import { securityTally } from './support/security-tally.ts';

/** What a 400 for one bad field looks like: the batch is refused and the issue names the field. */
const refusedField = (path: string) => ({ error: { code: 'bad_request', issues: expect.arrayContaining([expect.objectContaining({ path })]) as unknown } });

describe.each(BACKENDS)('item isolation on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let coffee: Product;
  const push = (b: unknown, token = server.terminal.token) => call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', b);
  const count = async (table: string) => Number((await server.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`))[0]?.n);

  beforeAll(async () => {
    server = await backend.start();
    coffee = await createProduct(server, { name: 'Coffee', price: 250, tax_rate_bp: 700, tax_included: true });
  });
  const tally = securityTally('item isolation', backend.name);
  afterAll(async () => {
    tally.print();
    await server.dispose();
  });

  it('NUL, a lone surrogate or year 0 anywhere in an item is a 400 naming the field; nothing is written', async () => {
    const cases: [string, unknown][] = [];
    const s = () => sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
    cases.push(['changes.sales.0.note', batch({ sales: [{ ...s(), note: 'a\u0000b' }] })]);
    cases.push(['changes.sales.0.receipt_number', batch({ sales: [{ ...s(), receipt_number: 'T1-\ud800' }] })]);
    const lineName = s();
    lineName.lines[0] = { ...lineName.lines[0]!, name: 'Cof\udc00fee' };
    cases.push(['changes.sales.0.lines.0.name', batch({ sales: [lineName] })]);
    cases.push(['changes.sales.0.created_at', batch({ sales: [{ ...s(), created_at: '0000-01-01T00:00:00Z' }] })]);
    cases.push(['changes.sales.0.created_at', batch({ sales: [{ ...s(), created_at: '1970-01-01T00:00:00Z' }] })]);
    cases.push(['changes.adjustments.0.reason', batch({ adjustments: [{ ...adjustment(coffee.uuid, 1), reason: '\u0000' }] })]);
    cases.push(['changes.adjustments.0.created_at', batch({ adjustments: [{ ...adjustment(coffee.uuid, 1), created_at: '3000-01-01T00:00:00Z' }] })]);
    cases.push(['changes.products.0.name', batch({ products: [productEdit(coffee.uuid, 1, { name: 'x\u0000' })] })]);
    cases.push(['changes.products.0.edited_at', batch({ products: [productEdit(coffee.uuid, 1, { edited_at: '0001-01-01T00:00:00Z' })] })]);
    const before = await count('sales');
    const area = tally.area('text and times PostgreSQL cannot store');
    for (const [path, body] of cases) {
      const res = await push(body);
      area.tried(res.status);
      expect(res.status, path).toBe(400);
      expect(res.body, path).toMatchObject(refusedField(path));
    }
    area.wrote((await count('sales')) - before);
    expect(await count('sales')).toBe(before);
    // A pair of surrogates (an emoji) is ordinary text.
    const emoji = { ...s(), note: 'thanks \ud83d\ude00' };
    expect((await push(batch({ sales: [emoji] }))).body.results[0]?.status).toBe('applied');
  });

  it('admin creates refuse NUL and lone surrogates with a 400', async () => {
    const product = await server.admin<{ error: { issues: { path: string }[] } }>('POST', '/api/v1/admin/products', { sku: 'N-1', name: 'Tea\u0000', price: 1, tax_rate_bp: 0, tax_included: true });
    expect(product.status).toBe(400);
    expect(product.body.error.issues.map((i) => i.path)).toContain('name');
    const customer = await server.admin('POST', '/api/v1/admin/customers', { name: 'Ann', email: 'a\ud800@example.com' });
    expect(customer.status).toBe(400);
    const store = await server.admin('POST', '/api/v1/admin/stores', { name: 'S', currency: 'EUR', locale: 'de\u0000DE' });
    expect(store.status).toBe(400);
  });

  it('an admin write the database refuses for its data is a 400, not a 500', async () => {
    await server.db.exec(`ALTER TABLE customers ADD CONSTRAINT test_refused CHECK (name <> 'Refused')`);
    try {
      const res = await server.admin<{ error: { code: string; message: string } }>('POST', '/api/v1/admin/customers', { name: 'Refused' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/23514/) as unknown });
      expect((await server.admin('POST', '/api/v1/admin/customers', { name: 'Accepted' })).status).toBe(201);
    } finally {
      await server.db.exec('ALTER TABLE customers DROP CONSTRAINT test_refused');
    }
  });

  describe('a database refusal the contract does not foresee rejects that item alone', () => {
    // Each trigger raises, for one marked item, the SQLSTATE PostgreSQL raises for data it cannot hold.
    const POISON = 'POISON';
    beforeAll(async () => {
      const poison = (table: string, condition: string, sqlstate: string) => `
        CREATE FUNCTION test_poison_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF ${condition} THEN RAISE EXCEPTION 'poison item' USING ERRCODE = '${sqlstate}'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_poison BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION test_poison_${table}();`;
      await server.db.exec(
        poison('sales', `NEW.receipt_number = '${POISON}'`, '22021') +
          poison('adjustments', `NEW.reason = '${POISON}'`, '22008') +
          poison('product_edits', 'NEW.base_price_version = 999', '22P05'),
      );
    });
    afterAll(async () => {
      for (const table of ['sales', 'adjustments', 'product_edits']) await server.db.exec(`DROP TRIGGER test_poison ON ${table}; DROP FUNCTION test_poison_${table}();`);
    });

    it('in a batch of good sales, adjustments and edits: 200, the poison items invalid, the rest applied', async () => {
      const good = () => sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
      const poisonSale = { ...good(), receipt_number: POISON };
      const sales = [good(), poisonSale, good()];
      const adjustments = [adjustment(coffee.uuid, 2), { ...adjustment(coffee.uuid, 5), reason: POISON }];
      const products = [productEdit(coffee.uuid, 999, { name: 'never' }), productEdit(coffee.uuid, 1, { price: coffee.price })];
      const before = { sales: await count('sales'), adjustments: await count('adjustments'), edits: await count('product_edits') };
      const res = await push(batch({ sales, adjustments, products }));
      const area = tally.area('database refusals inside one item');
      area.tried(res.status);
      area.wrote((await count('sales')) - before.sales - 2 + ((await count('adjustments')) - before.adjustments - 1) + ((await count('product_edits')) - before.edits - 1));
      expect(res.status).toBe(200);
      const invalid = { status: 'rejected', code: 'invalid', reason: NOT_STORABLE_REASON };
      expect(res.body.results).toEqual([
        { uuid: sales[0]!.uuid, entity: 'sale', status: 'applied' },
        { uuid: poisonSale.uuid, entity: 'sale', ...invalid },
        { uuid: sales[2]!.uuid, entity: 'sale', status: 'applied' },
        { uuid: adjustments[0]!.uuid, entity: 'adjustment', status: 'applied' },
        { uuid: adjustments[1]!.uuid, entity: 'adjustment', ...invalid },
        { uuid: products[0]!.uuid, entity: 'product', ...invalid },
        { uuid: products[1]!.uuid, entity: 'product', status: 'applied' },
      ]);
      expect(await count('sales')).toBe(before.sales + 2);
      expect(await count('adjustments')).toBe(before.adjustments + 1);
      expect(await count('product_edits')).toBe(before.edits + 1);
    });

    it('a refund (the item-by-item path) the database refuses is rejected alone too', async () => {
      const original = sale(server.terminal.id, [line({ product: coffee, quantity: 2 })]);
      expect((await push(batch({ sales: [original] }))).body.results[0]?.status).toBe('applied');
      const refund = { ...sale(server.terminal.id, [line({ product: coffee, quantity: -1, refundOfLine: original.lines[0]!.uuid })], { refundOf: original.uuid }), receipt_number: POISON };
      const good = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
      const res = await push(batch({ sales: [refund, good] }));
      expect(res.status).toBe(200);
      expect(res.body.results.map((r) => r.reason ?? r.status)).toEqual([NOT_STORABLE_REASON, 'applied']);
    });
  });

  it('another store’s uuids are answered like any other item the hub cannot store', async () => {
    // Store A's terminal records a sale, an adjustment and a product edit.
    const a = { sale: sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]), adjustment: adjustment(coffee.uuid, 1), edit: productEdit(coffee.uuid, 1, { price: coffee.price }) };
    const applied = await push(batch({ sales: [a.sale], adjustments: [a.adjustment], products: [a.edit] }));
    expect(applied.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const storeB = await server.createStore('Other store');
    const b = await server.createTerminal(storeB.id);
    const area = tally.area('another store’s uuids (existence oracle)');
    const pushB = async (body: unknown): Promise<ItemResult> => {
      const res = await push(body, b.token);
      area.tried(res.status);
      expect(res.status).toBe(200);
      return res.body.results[0]!;
    };
    const strip = (r: ItemResult) => ({ status: r.status, code: r.code, reason: r.reason });
    // A fresh invalid item of store B's own: a second sale reusing a line uuid of its first sale.
    const own = sale(b.id, [line({ product: coffee, quantity: 1 })]);
    expect((await pushB(batch({ sales: [own] }))).status).toBe('applied');
    const fresh = strip(await pushB(batch({ sales: [sale(b.id, [{ ...line({ product: coffee, quantity: 1 }), uuid: own.lines[0]!.uuid }])] })));
    expect(fresh).toEqual({ status: 'rejected', code: 'invalid', reason: NOT_STORABLE_REASON });

    const probes: Record<string, unknown> = {
      'a sale uuid (bulk path)': batch({ sales: [{ ...sale(b.id, [line({ product: coffee, quantity: 1 })]), uuid: a.sale.uuid }] }),
      'a sale uuid on a refund (item path)': batch({
        sales: [{ ...sale(b.id, [line({ product: coffee, quantity: -1, refundOfLine: own.lines[0]!.uuid })], { refundOf: own.uuid }), uuid: a.sale.uuid }],
      }),
      'a line uuid': batch({ sales: [sale(b.id, [{ ...line({ product: coffee, quantity: 1 }), uuid: a.sale.lines[0]!.uuid }])] }),
      'an adjustment uuid': batch({ adjustments: [{ ...adjustment(coffee.uuid, 3), uuid: a.adjustment.uuid }] }),
      'an adjustment uuid with the same content': batch({ adjustments: [a.adjustment] }),
      'a product edit uuid': batch({ products: [{ ...productEdit(coffee.uuid, 1, { price: coffee.price + 1 }), uuid: a.edit.uuid }] }),
      'a product edit uuid with the same content': batch({ products: [a.edit] }),
    };
    const before = { sales: await count('sales'), adjustments: await count('adjustments'), edits: await count('product_edits') };
    for (const [what, body] of Object.entries(probes)) expect(strip(await pushB(body)), what).toEqual(fresh);
    area.wrote((await count('sales')) - before.sales + ((await count('adjustments')) - before.adjustments) + ((await count('product_edits')) - before.edits));
    expect({ sales: await count('sales'), adjustments: await count('adjustments'), edits: await count('product_edits') }).toEqual(before);
  });
});
