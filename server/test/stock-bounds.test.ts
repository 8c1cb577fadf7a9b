// Stock sums are bounded at ingest: an item that would take a product's figure in its store past
// ±MAX_STOCK is rejected alone (sales in the bulk path and adjustments alike), an item that moves a
// figure toward zero always passes, and whatever the hub stores it serves in a page the till accepts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUANTITY, MAX_STOCK } from '@ezo/contract/limits';
import { lenientContract } from '@ezo/contract/contract';
import type { Product } from '@ezo/contract/catalog';
import type { DownstreamPage } from '@ezo/contract/downstream';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { applyStockDeltas } from '../src/sync/stock-deltas.ts';
import { foldStockMoves } from '../src/sync/fold-stock.ts';
import { BACKENDS } from './support/backends.ts';
import { adjustment, batch, call, createProduct, line, sale } from './support/fixtures.ts';
import { securityTally } from './support/security-tally.ts';

/** Random batches in the property below, per backend. */
const PROPERTY_RUNS = 40;

describe.each(BACKENDS)('stock bounds on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let product: Product;
  const tally = securityTally('stock bounds', backend.name);
  const area = tally.area(`items taking a stock figure past ±${MAX_STOCK}`);
  const push = async (b: unknown) => {
    const res = await call<UpstreamResponse>(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', b);
    area.tried(res.status);
    return res;
  };
  /** The figure must be `expected`: any difference is a wrong write, counted, then asserted. */
  const expectFigure = async (expected: number) => {
    const actual = await figure();
    area.wrote(actual - expected);
    expect(actual).toBe(expected);
  };
  const figure = async () => {
    await foldStockMoves(server.db);
    const rows = await server.db.query<{ q: string }>('SELECT quantity::text AS q FROM stock WHERE store_id = $1 AND product_uuid = $2', [server.store.id, product.uuid]);
    return Number(rows[0]?.q ?? 0);
  };
  /** Sets the product's figure in the store directly (what thousands of earlier adjustments would have done). */
  const setFigure = async (target: number) => {
    const now = await figure();
    await server.db.transaction((tx) => applyStockDeltas(tx, server.store.id, [[product.uuid, target - now]]));
  };
  const codes = (res: { body: UpstreamResponse }) => res.body.results.map((r) => r.code ?? r.status);

  beforeAll(async () => {
    server = await backend.start();
    product = await createProduct(server, { name: 'Screws', price: 5, tax_rate_bp: 1900, tax_included: true });
  });
  afterAll(async () => {
    tally.print();
    await server.dispose();
  });

  it('adjustments: the one past +MAX_STOCK is rejected, the rest of the batch applies', async () => {
    await setFigure(MAX_STOCK - 50);
    const res = await push(batch({ adjustments: [adjustment(product.uuid, 40), adjustment(product.uuid, 20), adjustment(product.uuid, -5), adjustment(product.uuid, 15)] }));
    expect(codes(res)).toEqual(['applied', 'invalid', 'applied', 'applied']);
    expect(res.body.results[1]?.reason).toMatch(new RegExp(`beyond the limit of ±${MAX_STOCK}`));
    await expectFigure(MAX_STOCK);
    // The limit counts moves committed but not yet folded, and earlier batches.
    expect(codes(await push(batch({ adjustments: [adjustment(product.uuid, 1)] })))).toEqual(['invalid']);
    await expectFigure(MAX_STOCK);
  });

  it('sales in the bulk path: the one past -MAX_STOCK is rejected alone', async () => {
    await setFigure(-MAX_STOCK + 3);
    const sales = [1, 5, 2].map((quantity) => sale(server.terminal.id, [line({ product, quantity })]));
    const res = await push(batch({ sales }));
    expect(codes(res)).toEqual(['applied', 'invalid', 'applied']);
    await expectFigure(-MAX_STOCK);
  });

  it('a figure already past the limit may move toward zero, not away; the till accepts the page serving it', async () => {
    await setFigure(MAX_STOCK + 100);
    const res = await push(batch({ adjustments: [adjustment(product.uuid, 1), adjustment(product.uuid, -1)], sales: [sale(server.terminal.id, [line({ product, quantity: 2 })])] }));
    expect(codes(res)).toEqual(['applied', 'invalid', 'applied']);
    await expectFigure(MAX_STOCK + 97);
    const page = await call<DownstreamPage>(server, server.terminal.token, 'GET', '/api/v1/sync/downstream?limit=5000');
    expect(page.status).toBe(200);
    const parsed = lenientContract.downstream.page.safeParse(page.body);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.changes.stock.find((s) => s.product_uuid === product.uuid)?.quantity).toBe(MAX_STOCK + 97);
  });

  it(`property: ${PROPERTY_RUNS} random batches near the bounds end exactly where the model says, never further out`, async () => {
    // The model: items in batch order (sales first, then adjustments); an item past the bound and further from 0 is rejected.
    const moves = fc.array(fc.tuple(fc.constantFrom<'sale' | 'adjustment'>('sale', 'adjustment'), fc.integer({ min: -MAX_QUANTITY, max: MAX_QUANTITY }).filter((n) => n !== 0)), { minLength: 1, maxLength: 8 });
    const start = fc.oneof(fc.integer({ min: MAX_STOCK - 3 * MAX_QUANTITY, max: MAX_STOCK + MAX_QUANTITY }), fc.integer({ min: -MAX_STOCK - MAX_QUANTITY, max: -MAX_STOCK + 3 * MAX_QUANTITY }));
    await fc.assert(
      fc.asyncProperty(start, moves, async (from, items) => {
        await setFigure(from);
        // A sale line's quantity is positive (it moves stock by -quantity); a negative draw for a sale becomes an adjustment.
        const sales = items.filter(([kind, n]) => kind === 'sale' && n > 0).map(([, n]) => sale(server.terminal.id, [line({ product, quantity: n })]));
        const adjustments = items.filter(([kind, n]) => kind === 'adjustment' || n < 0).map(([, n]) => adjustment(product.uuid, n));
        const ordered: number[] = [...sales.map((s) => -s.lines[0]!.quantity), ...adjustments.map((a) => a.delta)];
        let figureNow = from;
        const expected = ordered.map((delta) => {
          const next = figureNow + delta;
          if (Math.abs(next) > MAX_STOCK && Math.abs(next) > Math.abs(figureNow)) return 'invalid';
          figureNow = next;
          return 'applied';
        });
        const res = await push(batch({ sales, adjustments }));
        expect(codes(res)).toEqual(expected);
        await expectFigure(figureNow);
        expect(Math.abs(figureNow) <= MAX_STOCK || Math.abs(figureNow) <= Math.abs(from)).toBe(true);
      }),
      { numRuns: PROPERTY_RUNS, seed: 20_261_202, endOnFailure: true },
    );
  });
});
