// "3 ×" before a scan: staff type a count and a times sign in the search box, and the next product
// (scanned, tapped or picked with Enter) goes into the cart that many times. Pure, tested in Node.
import { MAX_QUANTITY } from '@ezo/contract/limits';

/** "3*", "3x", "3 ×", "12X" -> 3, 3, 3, 12; null for anything else (a search). */
const TIMES_PATTERN = /^\s*(\d{1,6})\s*[*×xX]\s*$/;

export function parseTimesPrefix(text: string): number | null {
  const match = TIMES_PATTERN.exec(text);
  if (match === null) return null;
  const n = Number(match[1]);
  return n >= 1 && n <= MAX_QUANTITY ? n : null;
}
