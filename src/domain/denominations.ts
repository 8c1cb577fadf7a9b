// The notes and coins of a currency, in minor units, largest first: what the drawer count offers.
// A currency not listed is counted by typing the total only.
const DENOMINATIONS: Readonly<Record<string, readonly number[]>> = {
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  CHF: [100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5],
  GBP: [5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  USD: [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5, 1],
};

export function denominationsOf(currency: string): readonly number[] | null {
  return DENOMINATIONS[currency.toUpperCase()] ?? null;
}

/** The total of a count: value × count summed. */
export function countTotal(counts: readonly { value: number; count: number }[]): number {
  return counts.reduce((s, d) => s + d.value * d.count, 0);
}
