// GET /api/v1/admin/sales: cursor paging with no gaps or repeats (ties on created_at broken by uuid,
// microseconds kept), impossible days and foreign cursors as 400s, and the price deviations recorded
// at ingest (a line sold below its catalog price, and by which terminal). Also the payment signs.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ADMIN_SALES_LIMIT, type SalesReport } from '@ezo/contract/admin';
import type { Product } from '@ezo/contract/catalog';
import type { Sale } from '@ezo/contract/sale';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { lineAmounts, saleAmounts } from '../../src/domain/sale-totals.ts';
import { BACKENDS } from './support/backends.ts';
import { batch, call, createProduct, line, sale } from './support/fixtures.ts';
import { securityTally } from './support/security-tally.ts';

/** Sales paged through: more than one page at PAGE, with ties on created_at and microsecond steps. */
const SALES = 37;
const PAGE = 5;
/** Random report query strings per backend. */
const QUERY_RUNS = 150;

describe.each(BACKENDS)('admin sales report on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let coffee: Product;
  const push = (b: unknown, token: string) => call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', b);
  const report = (query: string) => server.admin<SalesReport & { error?: { code: string; issues?: { path: string }[] } }>('GET', `/api/v1/admin/sales?${query}`);

  beforeAll(async () => {
    server = await backend.start();
    coffee = await createProduct(server, { name: 'Coffee', price: 250, tax_rate_bp: 700, tax_included: true });
  });
  const tally = securityTally('admin sales report', backend.name);
  afterAll(async () => {
    tally.print();
    await server.dispose();
  });

  it('an impossible day, a foreign cursor or a limit over the maximum is a 400 naming the parameter', async () => {
    for (const [query, path] of [
      ['day=2024-13-45', 'day'],
      ['day=2024-02-30', 'day'],
      ['day=2023-02-29', 'day'],
      ['cursor=v1.12', 'cursor'],
      ['cursor=s1.99999999999999999999.00000000-0000-4000-8000-000000000000', 'cursor'],
      ['cursor=s1.1.not-a-uuid', 'cursor'],
      [`limit=${MAX_ADMIN_SALES_LIMIT + 1}`, 'limit'],
      ['below_catalog=yes', 'below_catalog'],
    ] as const) {
      const res = await report(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.issues?.map((i) => i.path), query).toContain(path);
    }
    expect((await report('day=2024-02-29')).status).toBe(200);
  });

  it(`${QUERY_RUNS} random report queries (days, cursors, limits): 200 or 400, never a 500, nothing written`, async () => {
    const area = tally.area('report query strings (impossible days, forged cursors, limits)');
    const rows = async () => Number((await server.db.query<{ n: string }>('SELECT ((SELECT count(*) FROM sales) + (SELECT count(*) FROM sale_lines))::text AS n'))[0]?.n);
    const before = await rows();
    const day = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('0000-01-01', '0001-01-01', '9999-12-31', '2024-02-29', '1900-02-29'),
    );
    const cursor = fc.oneof(
      fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.uuid()).map(([n, u]) => `s1.${n}.${u}`),
      fc.constantFrom('s1.-1.00000000-0000-4000-8000-000000000000', 's1..', 'v1.1', '%00', 's1.99999999999999999.ffffffff-ffff-ffff-ffff-ffffffffffff'),
      fc.string({ maxLength: 40 }),
    );
    const limit = fc.oneof(fc.integer({ min: -5, max: MAX_ADMIN_SALES_LIMIT + 5 }).map(String), fc.constantFrom('1.5', 'NaN', '1e3', ''));
    const query = fc.record({ day, cursor, limit, below_catalog: fc.constantFrom('true', 'false', '1') }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const res = await report(new URLSearchParams(q).toString());
        area.tried(res.status);
        expect([200, 400], JSON.stringify(q)).toContain(res.status);
      }),
      { numRuns: QUERY_RUNS, seed: 20_261_203, endOnFailure: true },
    );
    area.wrote((await rows()) - before);
    expect(await rows()).toBe(before);
  });

  it(`pages through ${SALES} sales ${PAGE} at a time: every sale once, in order, with sales arriving meanwhile`, async () => {
    const till = await server.createTerminal(server.store.id);
    // Ties on one instant, and instants a microsecond apart (a JS Date would merge them).
    const times = Array.from({ length: SALES }, (_, i) => `2026-03-0${1 + (i % 3)}T10:00:00.00000${i % 4}Z`);
    const sales = times.map((created_at) => ({ ...sale(till.id, [line({ product: coffee, quantity: 1 })]), created_at }));
    expect((await push(batch({ sales }), till.token)).body.results.every((r) => r.status === 'applied')).toBe(true);
    const expected = [...sales].sort((a, b) => (a.created_at === b.created_at ? (a.uuid < b.uuid ? -1 : 1) : a.created_at < b.created_at ? -1 : 1)).map((s) => s.uuid);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await report(`terminal_id=${till.id}&limit=${PAGE}${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.sales.map((s) => s.uuid));
      cursor = res.body.next_cursor;
      pages += 1;
      // A sale made later in time arrives mid-walk: it belongs at the end and is seen there.
      if (pages === 2) {
        const late = { ...sale(till.id, [line({ product: coffee, quantity: 1 })]), created_at: '2026-03-09T00:00:00Z' };
        expect((await push(batch({ sales: [late] }), till.token)).body.results[0]?.status).toBe('applied');
        expected.push(late.uuid);
      }
    } while (cursor !== null);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil((SALES + 1) / PAGE));
    // A page that ends exactly at the last sale says so: no empty extra page.
    const all = await report(`terminal_id=${till.id}&limit=${SALES + 1}`);
    expect(all.body).toMatchObject({ next_cursor: null });
    expect(all.body.sales).toHaveLength(SALES + 1);
  });

  it('records each line’s catalog price at ingest and lists the lines that deviate, by terminal; below_catalog filters', async () => {
    const till = await server.createTerminal(server.store.id);
    const cheap = line({ product: { ...coffee, price: 199 }, quantity: 2 });
    const taxed = line({ product: { ...coffee, tax_rate_bp: 1900 }, quantity: 1 });
    const dearer = line({ product: { ...coffee, price: 300 }, quantity: 1 });
    const below = sale(till.id, [line({ product: coffee, quantity: 1 }), cheap]);
    const other = sale(till.id, [taxed, dearer]);
    const plain = sale(till.id, [line({ product: coffee, quantity: 3 })]);
    expect((await push(batch({ sales: [below, other, plain] }), till.token)).body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    // The catalog changes afterwards: the record keeps the price at ingest.
    expect((await server.admin('PATCH', `/api/v1/admin/products/${coffee.uuid}`, { price: 150 })).status).toBe(200);

    const res = await report(`terminal_id=${till.id}`);
    expect(res.body.sales.map((s) => s.uuid).sort()).toEqual([below.uuid, other.uuid, plain.uuid].sort());
    const common = { terminal_id: till.id, product_uuid: coffee.uuid, catalog_price: 250, catalog_tax_rate_bp: 700, catalog_tax_included: true, tax_included: true };
    expect(res.body.price_deviations).toEqual(
      expect.arrayContaining([
        { ...common, sale_uuid: below.uuid, line_uuid: cheap.uuid, unit_price: 199, price_deviation: -51, tax_rate_bp: 700 },
        { ...common, sale_uuid: other.uuid, line_uuid: taxed.uuid, unit_price: 250, price_deviation: 0, tax_rate_bp: 1900 },
        { ...common, sale_uuid: other.uuid, line_uuid: dearer.uuid, unit_price: 300, price_deviation: 50, tax_rate_bp: 700 },
      ]),
    );
    expect(res.body.price_deviations).toHaveLength(3);
    const onlyBelow = await report(`terminal_id=${till.id}&below_catalog=true`);
    expect(onlyBelow.body.sales.map((s) => s.uuid)).toEqual([below.uuid]);
  });

  it('a sale with a negative payment, or a refund with a positive one, is rejected per item', async () => {
    const price = { unit_price: 1000, quantity: 1, discount_bp: 0, tax_rate_bp: 0, tax_included: true };
    const l = { uuid: randomUUID(), product_uuid: coffee.uuid, name: 'Coffee', sku: coffee.sku, ...price, ...lineAmounts(price), refund_of_line: null };
    const card = (amount: number) => ({ uuid: randomUUID(), method: 'card' as const, amount, tendered: null, change: null });
    // Card +1000+5000 and -5000: adds up to the total, hides a payout.
    const hidden: Sale = { ...sale(server.terminal.id, [l]), ...saleAmounts([l]), payments: [card(1000), card(5000), card(-5000)] };
    const good = sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]);
    const res = await push(batch({ sales: [hidden, good] }), server.terminal.token);
    expect(res.body.results.map((r) => r.code ?? r.status)).toEqual(['payments_mismatch', 'applied']);
    expect(res.body.results[0]?.reason).toMatch(/payment 2/);

    const original = sale(server.terminal.id, [line({ product: coffee, quantity: 2 })]);
    expect((await push(batch({ sales: [original] }), server.terminal.token)).body.results[0]?.status).toBe('applied');
    const refund = sale(server.terminal.id, [line({ product: coffee, quantity: -1, refundOfLine: original.lines[0]!.uuid })], { refundOf: original.uuid });
    const total = refund.total;
    const mirrored: Sale = { ...refund, payments: [card(total - 100), card(100)] };
    const refused = await push(batch({ sales: [mirrored] }), server.terminal.token);
    expect(refused.body.results[0]).toMatchObject({ status: 'rejected', code: 'payments_mismatch' });
    expect((await push(batch({ sales: [refund] }), server.terminal.token)).body.results[0]?.status).toBe('applied');
  });
});
