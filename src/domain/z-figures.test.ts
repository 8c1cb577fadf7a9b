// The Z report's totals are the sums of its sales: for any shift of sales and refunds made by the
// money rules, the VAT rows add up to the turnover, the payments to the turnover, and the drawer
// follows from float, cash and movements.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineAmounts, saleAmounts } from './sale-totals.ts';
import { zFigures, type ZSale } from './z-figures.ts';

const METHODS = ['cash', 'card'] as const;

function sale(n: number, refund: boolean, lines: { price: number; qty: number; rate: number; disc: number }[], cashShare: number): ZSale {
  const sign = refund ? -1 : 1;
  const amounts = lines.map((l) => ({
    tax_rate_bp: l.rate,
    ...lineAmounts({ unit_price: l.price, quantity: sign * l.qty, discount_bp: l.disc, tax_rate_bp: l.rate, tax_included: true }),
  }));
  const totals = saleAmounts(amounts);
  const cash = Math.trunc((totals.total * cashShare) / 100);
  const payments = [
    { method: 'cash' as const, amount: cash },
    { method: 'card' as const, amount: totals.total - cash },
  ].filter((p) => p.amount !== 0);
  return { receipt_number: `T1-${n}`, refund_of: refund ? 'x' : null, total: totals.total, discount_total: totals.discount_total, lines: amounts, payments };
}

describe('zFigures', () => {
  it('reports a small shift', () => {
    const z = zFigures({
      sales: [sale(1, false, [{ price: 199, qty: 2, rate: 700, disc: 0 }, { price: 1299, qty: 1, rate: 1900, disc: 1000 }], 100), sale(2, true, [{ price: 199, qty: 1, rate: 700, disc: 0 }], 100)],
      moves: [{ kind: 'in', amount: 5000 }, { kind: 'out', amount: 1200 }],
      openingFloat: 10000,
      countedCash: 15000,
      previousGrandTotal: 100_000,
      methods: METHODS,
    });
    expect(z).toMatchObject({ firstReceipt: 'T1-1', lastReceipt: 'T1-2', salesCount: 1, salesTotal: 1567, refundsCount: 1, refundsTotal: 199, turnover: 1368, discounts: 130 });
    expect(z.vat).toEqual([
      { tax_rate_bp: 1900, net: 982, vat: 187, gross: 1169 },
      { tax_rate_bp: 700, net: 186, vat: 13, gross: 199 },
    ]);
    expect(z.byMethod).toEqual([{ method: 'cash', count: 2, amount: 1368 }, { method: 'card', count: 0, amount: 0 }]);
    expect(z).toMatchObject({ cashIn: 5000, cashOut: 1200, expectedCash: 10000 + 1368 + 5000 - 1200, difference: 15000 - 15168, grandTotal: 101_368 });
  });

  it('Z totals equal the sums of its sales', () => {
    const lineArb = fc.record({ price: fc.integer({ min: 0, max: 50_000 }), qty: fc.integer({ min: 1, max: 9 }), rate: fc.constantFrom(0, 700, 1900), disc: fc.integer({ min: 0, max: 3000 }) });
    const saleArb = fc.record({ refund: fc.boolean(), lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }), cash: fc.integer({ min: 0, max: 100 }) });
    const moveArb = fc.record({ kind: fc.constantFrom('in' as const, 'out' as const), amount: fc.integer({ min: 1, max: 100_000 }) });
    fc.assert(
      fc.property(fc.array(saleArb, { maxLength: 30 }), fc.array(moveArb, { maxLength: 5 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 10_000_000 }), (raw, moves, float, previous) => {
        const sales = raw.map((r, i) => sale(i + 1, r.refund, r.lines, r.cash));
        const z = zFigures({ sales, moves, openingFloat: float, countedCash: 0, previousGrandTotal: previous, methods: METHODS });
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(z.turnover).toBe(sum(sales.map((s) => s.total)));
        expect(z.salesTotal - z.refundsTotal).toBe(z.turnover);
        expect(z.salesCount + z.refundsCount).toBe(sales.length);
        expect(sum(z.vat.map((r) => r.gross))).toBe(z.turnover);
        for (const r of z.vat) expect(r.net + r.vat).toBe(r.gross);
        expect(sum(z.byMethod.map((m) => m.amount))).toBe(z.turnover);
        expect(z.discounts).toBe(sum(sales.map((s) => s.discount_total)));
        const cash = sum(sales.flatMap((s) => s.payments.filter((p) => p.method === 'cash').map((p) => p.amount)));
        expect(z.expectedCash).toBe(float + cash + sum(moves.filter((m) => m.kind === 'in').map((m) => m.amount)) - sum(moves.filter((m) => m.kind === 'out').map((m) => m.amount)));
        expect(z.difference).toBe(-z.expectedCash);
        expect(z.grandTotal).toBe(previous + z.turnover);
      }),
    );
  });
});
