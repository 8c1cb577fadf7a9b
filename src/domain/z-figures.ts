// The figures of a Z report (the closing of a till's shift), from the shift's sales and refunds,
// its cash movements and the counted drawer. Pure, so the same rules serve the till now and the hub
// when shifts sync. Every figure is a sum over the sales (or movements) themselves:
//   sales:      count and total of the sales (refund_of null); refunds likewise, as positive amounts
//   turnover:   sales total − refunds total (= the sum of every sale's total)
//   discounts:  the sales' discounts minus those returned with refunds
//   VAT:        per rate, net + VAT = gross, summed from every line (refund lines are negative), so
//               the gross column adds up to the turnover
//   payments:   per method, count and sum of amounts (refunds negative)
//   cash:       expected = opening float + cash payments + cash in − cash out; difference = counted − expected
//   grand total: the previous Z's grand total + this turnover (the running total since the first shift)
import type { PaymentMethod } from '@ezo/contract/sale';
import { sumVatBreakdowns, vatBreakdown, type VatLine, type VatRateRow } from './vat-breakdown.ts';

export interface ZSale {
  receipt_number: string;
  refund_of: string | null;
  total: number;
  discount_total: number;
  lines: readonly VatLine[];
  payments: readonly { method: PaymentMethod; amount: number }[];
}

export interface ZCashMove {
  kind: 'in' | 'out';
  amount: number;
}

export interface ZInput {
  /** In the order they were made. */
  sales: readonly ZSale[];
  moves: readonly ZCashMove[];
  openingFloat: number;
  countedCash: number;
  previousGrandTotal: number;
  methods: readonly PaymentMethod[];
}

export interface ZMethodTotal {
  method: PaymentMethod;
  count: number;
  amount: number;
}

export interface ZFigures {
  firstReceipt: string | null;
  lastReceipt: string | null;
  salesCount: number;
  salesTotal: number;
  refundsCount: number;
  /** Positive: what went back. */
  refundsTotal: number;
  turnover: number;
  discounts: number;
  vat: VatRateRow[];
  byMethod: ZMethodTotal[];
  cashIn: number;
  cashOut: number;
  openingFloat: number;
  expectedCash: number;
  countedCash: number;
  /** counted − expected: negative when cash is short. */
  difference: number;
  grandTotal: number;
}

export function zFigures(input: ZInput): ZFigures {
  let salesCount = 0;
  let salesTotal = 0;
  let refundsCount = 0;
  let refundsTotal = 0;
  let discounts = 0;
  const byMethod = new Map<PaymentMethod, ZMethodTotal>(input.methods.map((m) => [m, { method: m, count: 0, amount: 0 }]));
  for (const s of input.sales) {
    if (s.refund_of === null) {
      salesCount += 1;
      salesTotal += s.total;
    } else {
      refundsCount += 1;
      refundsTotal -= s.total;
    }
    discounts += s.discount_total;
    for (const p of s.payments) {
      const row = byMethod.get(p.method) ?? { method: p.method, count: 0, amount: 0 };
      row.count += 1;
      row.amount += p.amount;
      byMethod.set(p.method, row);
    }
  }
  const vat = sumVatBreakdowns(input.sales.map((s) => vatBreakdown(s.lines)));
  const cashIn = input.moves.filter((m) => m.kind === 'in').reduce((a, m) => a + m.amount, 0);
  const cashOut = input.moves.filter((m) => m.kind === 'out').reduce((a, m) => a + m.amount, 0);
  const cash = byMethod.get('cash')?.amount ?? 0;
  const expectedCash = input.openingFloat + cash + cashIn - cashOut;
  const turnover = salesTotal - refundsTotal;
  return {
    firstReceipt: input.sales[0]?.receipt_number ?? null,
    lastReceipt: input.sales.at(-1)?.receipt_number ?? null,
    salesCount,
    salesTotal,
    refundsCount,
    refundsTotal,
    turnover,
    discounts,
    vat,
    byMethod: [...byMethod.values()],
    cashIn,
    cashOut,
    openingFloat: input.openingFloat,
    expectedCash,
    countedCash: input.countedCash,
    difference: input.countedCash - expectedCash,
    grandTotal: input.previousGrandTotal + turnover,
  };
}
