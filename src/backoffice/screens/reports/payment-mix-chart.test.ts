// The shares the payment-mix chart draws.
import { describe, expect, it } from 'vitest';
import { paymentShares } from './payment-mix-chart.tsx';

describe('paymentShares', () => {
  it('divides what was paid among the methods, a method refunded more than sold having no share', () => {
    expect(paymentShares([{ method: 'cash', payments: 3, amount: 3000 }, { method: 'card', payments: 1, amount: 1000 }])).toEqual([0.75, 0.25]);
    expect(paymentShares([{ method: 'cash', payments: 1, amount: -500 }, { method: 'card', payments: 1, amount: 2000 }])).toEqual([0, 1]);
  });

  it('gives no share to anything when nothing was paid', () => {
    expect(paymentShares([{ method: 'cash', payments: 1, amount: -500 }])).toEqual([0]);
    expect(paymentShares([])).toEqual([]);
  });
});
