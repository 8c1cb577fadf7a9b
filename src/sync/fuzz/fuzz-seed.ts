// The seed every fuzz run draws from: FUZZ_SEED when set (to replay a failure), else a fresh one.
// It is printed at the start of the run, so any failure in CI can be reproduced locally.

export const FUZZ_SEED_ENV = 'FUZZ_SEED';

export function fuzzSeed(suite: string): number {
  const fromEnv = process.env[FUZZ_SEED_ENV];
  const seed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed)) throw new Error(`${FUZZ_SEED_ENV}=${fromEnv} is not an integer`);
  console.log(`[${suite}] seed ${seed} (replay with ${FUZZ_SEED_ENV}=${seed})`);
  return seed;
}
