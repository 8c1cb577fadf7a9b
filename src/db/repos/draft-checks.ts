// Input checks shared by sales, refunds, shifts and adjustments: each failure is a TillError
// `invalid` whose message says what staff must fix. Nothing is written before these pass.
import { TillError } from '../../api/till-error.ts';
import { MAX_MONEY_MINOR, MAX_QUANTITY } from '@ezo/contract/limits';

export function invalid(message: string): TillError {
  return new TillError('invalid', message);
}

/** An integer amount of money in minor units within the protocol's range, at least `min`. */
export function assertMoney(value: unknown, what: string, min = 0): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > MAX_MONEY_MINOR) {
    throw invalid(`${what} must be a whole amount in minor units from ${min} to ${MAX_MONEY_MINOR}.`);
  }
}

/** A non-zero whole quantity within MAX_QUANTITY either way. */
export function assertQuantity(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value === 0 || Math.abs(value) > MAX_QUANTITY) {
    throw invalid(`${what} must be a whole number other than 0, at most ${MAX_QUANTITY} either way.`);
  }
}

export function assertIntegerIn(value: unknown, what: string, min: number, max: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw invalid(`${what} must be a whole number from ${min} to ${max}.`);
  }
}

/** Array.isArray without its narrowing to any[]: input crosses Comlink, so its shape is checked. */
export function isList(value: unknown): boolean {
  return Array.isArray(value);
}
