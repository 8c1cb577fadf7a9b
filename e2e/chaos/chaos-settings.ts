// The knobs of a chaos run, read once from the environment: how many sales (CHAOS_SALES; the short
// run in `npm test` is the default, `npm run test:chaos` asks for a soak), the seed every random
// choice derives from (CHAOS_SEED, printed so a run can be replayed), and the fault mix.
import type { FaultRates } from '../../test-support/fault-proxy.ts';

/** Sales in the short run that `npm test` makes. */
export const DEFAULT_CHAOS_SALES = 300;
/** Sales made through the real UI (tiles, Pay, Complete sale); the rest go through the Comlink API. */
export const UI_SALES = 6;
/** API sales between two chaos events (an offline flip, a restart, a reload...). */
export const SALES_PER_ROUND = 25;
/** Most lines one generated sale carries. */
export const MAX_LINES = 3;
/** Products at the top of the catalog that sales use; back-office deletions only touch the others. */
export const SOLD_PRODUCTS = 40;

/**
 * About one sync request in four fails. Items give up after 5 failed attempts in a row
 * (src/sync/push.ts MAX_ATTEMPTS), so the mix stays where that is rare but every kind still shows.
 */
export const RUN_RATES: FaultRates = { latency: 0.08, serverError: 0.05, reset: 0.04, truncated: 0.03, malformed: 0.03, lostAck: 0.06 };

export interface ChaosSettings {
  sales: number;
  seed: number;
}

export function chaosSettings(): ChaosSettings {
  const salesEnv = process.env['CHAOS_SALES'];
  const seedEnv = process.env['CHAOS_SEED'];
  const sales = salesEnv !== undefined && salesEnv !== '' ? Number(salesEnv) : DEFAULT_CHAOS_SALES;
  const seed = seedEnv !== undefined && seedEnv !== '' ? Number(seedEnv) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(sales) || sales < UI_SALES) throw new Error(`CHAOS_SALES=${salesEnv} must be a whole number >= ${UI_SALES}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`CHAOS_SEED=${seedEnv} must be a whole number`);
  return { sales, seed };
}

/** Time a run may take: the drain after the last fault waits out backoffs of up to ~40 s. */
export function chaosTimeoutMs(sales: number): number {
  return 120_000 + sales * 400;
}
