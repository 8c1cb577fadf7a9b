// Seeded randomness for the bench data: every run generates the same catalog, sales and queries,
// so figures from two runs (or two machines) measure the same work.

// The generator itself is test-support/seeded-random.ts, shared with the tests and fixtures.

/** An RFC 4122 version-4 uuid drawn from `random` (deterministic for a seeded source). */
export function seededUuid(random: () => number): string {
  const hex: string[] = [];
  for (let i = 0; i < 32; i++) hex.push(Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + Math.floor(random() * 4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}
