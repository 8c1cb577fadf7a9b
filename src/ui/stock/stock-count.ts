// A stock count (inventory): staff count what is on the shelf and the till records the difference
// to what it expected as one adjustment. Pure helpers, tested in Node.
import { MAX_QUANTITY } from '@ezo/contract/limits';

/** "12" -> 12; null unless a whole number from 0 to MAX_QUANTITY (a count is never negative). */
export function parseCount(text: string): number | null {
  const m = /^\d{1,6}$/.exec(text.trim());
  if (m === null) return null;
  const n = Number(m[0]);
  return n <= MAX_QUANTITY ? n : null;
}

/** Counted minus expected: what the adjustment records (negative: missing from the shelf). */
export function countDifference(expected: number, counted: number): number {
  return counted - expected;
}

/** "+3", "−2" (a real minus sign), "0": a signed difference for people. */
export function signed(n: number, format: (n: number) => string = String): string {
  if (n > 0) return `+${format(n)}`;
  if (n < 0) return `−${format(-n)}`;
  return format(0);
}
