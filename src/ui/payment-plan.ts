// The payments of one sale while staff take them: cash (tendered, change), card, and any mix until
// nothing remains. Pure so the rules are tested in Node; the worker checks them again on recordSale.
import type { PaymentInput } from '../api/till-api.ts';
import { MAX_MONEY_MINOR, MAX_PAYMENTS_PER_SALE } from '@ezo/contract/limits';

export type PaymentRefusal = 'nothing_due' | 'zero_amount' | 'card_over_remaining' | 'too_many_payments' | 'too_large';

export type PaymentResult = { ok: true; payments: PaymentInput[] } | { ok: false; refusal: PaymentRefusal };

/** Banknote-like steps in major units for quick-tender buttons; scaled by the currency's minor digits. */
const QUICK_TENDER_STEPS = [1, 5, 10, 20, 50, 100, 500, 1000, 5000, 10000] as const;
/** Quick-tender buttons shown besides "Exact". */
export const MAX_QUICK_TENDERS = 3;

export function paidSoFar(payments: readonly PaymentInput[]): number {
  return payments.reduce((n, p) => n + p.amount, 0);
}

export function remainingDue(total: number, payments: readonly PaymentInput[]): number {
  return total - paidSoFar(payments);
}

/** Cash handed back: tendered minus what each cash payment paid. */
export function changeDue(payments: readonly PaymentInput[]): number {
  return payments.reduce((n, p) => n + (p.tendered === null ? 0 : p.tendered - p.amount), 0);
}

/** Cash: pays min(tendered, remaining); the rest of what was tendered is change. */
export function addCash(total: number, payments: readonly PaymentInput[], tendered: number): PaymentResult {
  const due = remainingDue(total, payments);
  const refusal = check(due, payments, tendered);
  if (refusal !== null) return { ok: false, refusal };
  const amount = Math.min(tendered, due);
  return { ok: true, payments: [...payments, { method: 'cash', amount, tendered }] };
}

/** Card: records the amount charged; a card never pays more than remains (no change from a card). */
export function addCard(total: number, payments: readonly PaymentInput[], amount: number): PaymentResult {
  const due = remainingDue(total, payments);
  const refusal = check(due, payments, amount);
  if (refusal !== null) return { ok: false, refusal };
  if (amount > due) return { ok: false, refusal: 'card_over_remaining' };
  return { ok: true, payments: [...payments, { method: 'card', amount, tendered: null }] };
}

export function removePayment(payments: readonly PaymentInput[], index: number): PaymentInput[] {
  return payments.filter((_, i) => i !== index);
}

/** Amounts a customer is likely to hand over for `due`: the next round figures above it. */
export function quickTenders(due: number, fractionDigits: number): number[] {
  if (due <= 0) return [];
  const unit = 10 ** fractionDigits;
  const out: number[] = [];
  for (const step of QUICK_TENDER_STEPS) {
    const size = step * unit;
    const rounded = Math.ceil(due / size) * size; // integers: exact below 2^53
    if (rounded > due && rounded <= MAX_MONEY_MINOR && !out.includes(rounded)) out.push(rounded);
    if (out.length === MAX_QUICK_TENDERS) break;
  }
  return out;
}

function check(due: number, payments: readonly PaymentInput[], amount: number): PaymentRefusal | null {
  if (due <= 0) return 'nothing_due';
  if (!Number.isSafeInteger(amount) || amount <= 0) return 'zero_amount';
  if (amount > MAX_MONEY_MINOR) return 'too_large';
  if (payments.length >= MAX_PAYMENTS_PER_SALE) return 'too_many_payments';
  return null;
}
