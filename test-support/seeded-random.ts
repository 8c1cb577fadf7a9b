// The one seeded random generator of the tests, fixtures and benchmark: a run with the same seed
// makes the same data and the same faults, so a failure or a figure can be reproduced.

/** mulberry32: small and fast, good enough to spread names, prices and faults. Returns [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
