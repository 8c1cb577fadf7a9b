// Split payments must end exactly at the total: never short, and change only from cash.
import { describe, expect, it } from 'vitest';
import { addCard, addCash, changeDue, paidSoFar, quickTenders, remainingDue, removePayment } from './payment-plan.ts';
import type { PaymentInput } from '../api/till-api.ts';
import { MAX_PAYMENTS_PER_SALE } from '@ezo/contract/limits';

function must(r: ReturnType<typeof addCash>): PaymentInput[] {
  if (!r.ok) throw new Error(r.refusal);
  return r.payments;
}

describe('payment plan', () => {
  it('takes cash with change', () => {
    const p = must(addCash(1176, [], 2000));
    expect(p).toEqual([{ method: 'cash', amount: 1176, tendered: 2000 }]);
    expect(remainingDue(1176, p)).toBe(0);
    expect(changeDue(p)).toBe(824);
  });

  it('splits card and cash until nothing remains', () => {
    let p = must(addCard(1000, [], 600));
    expect(remainingDue(1000, p)).toBe(400);
    p = must(addCash(1000, p, 300));
    expect(remainingDue(1000, p)).toBe(100);
    expect(changeDue(p)).toBe(0);
    p = must(addCash(1000, p, 500));
    expect(paidSoFar(p)).toBe(1000);
    expect(changeDue(p)).toBe(400);
    expect(addCash(1000, p, 100)).toEqual({ ok: false, refusal: 'nothing_due' });
    expect(remainingDue(1000, removePayment(p, 0))).toBe(600);
  });

  it('refuses card overpayment, zero amounts and too many payments', () => {
    expect(addCard(1000, [], 1001)).toEqual({ ok: false, refusal: 'card_over_remaining' });
    expect(addCash(1000, [], 0)).toEqual({ ok: false, refusal: 'zero_amount' });
    expect(addCash(1000, [], 1.5)).toEqual({ ok: false, refusal: 'zero_amount' });
    let p: PaymentInput[] = [];
    for (let i = 0; i < MAX_PAYMENTS_PER_SALE; i++) p = must(addCard(1000, p, 1));
    expect(addCard(1000, p, 1)).toEqual({ ok: false, refusal: 'too_many_payments' });
  });

  it('suggests round tenders above what is due', () => {
    expect(quickTenders(1176, 2)).toEqual([1200, 1500, 2000]);
    expect(quickTenders(1280, 0)).toEqual([1300, 1500, 2000]);
    expect(quickTenders(1000, 2)).toEqual([2000, 5000, 10000]);
    expect(quickTenders(4321, 3)).toEqual([5000, 10000, 20000]);
    expect(quickTenders(0, 2)).toEqual([]);
  });
});
