// What staff type into the till's search box, labelled by kind, so search can be reported per kind
// of query: each kind takes a different path through the app's search tiers (name prefix, code
// prefix, FTS words). Seeded, and drawn from the bench catalog, so the codes typed really exist.
import { BRANDS, CATALOG_SEED, KINDS, VARIANTS, barcodeOf, skuOf } from './catalog-gen.ts';
import { pick } from './prng.ts';
import { seededRandom } from '../../test-support/seeded-random.ts';

export const QUERY_KINDS = ['name prefix', 'word', 'word prefix', 'two words', 'sku', 'barcode', 'no match'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface LabelledQuery {
  kind: QueryKind;
  text: string;
}

/**
 * Share of each kind in the list (sums to 1): mostly words and name prefixes as typed, some codes
 * from a keypad or scanner, a few misses (a miss runs every tier, FTS included).
 */
const KIND_WEIGHTS: Record<QueryKind, number> = {
  'name prefix': 0.25,
  word: 0.2,
  'word prefix': 0.15,
  'two words': 0.15,
  sku: 0.1,
  barcode: 0.1,
  'no match': 0.05,
};
const MISSES = ['xylophone', 'quokka', 'zzz', 'gluten free', 'wrench', 'lava lamp', 'sku-x', '999999'];
/** Shortest typed part of a code: shorter prefixes match most of the catalog and say little. */
const MIN_CODE_PREFIX = 6;

function drawKind(random: () => number): QueryKind {
  let r = random();
  for (const kind of QUERY_KINDS) {
    r -= KIND_WEIGHTS[kind];
    if (r < 0) return kind;
  }
  return 'no match';
}

/** A prefix of `text` at least `min` long, up to the whole of it. */
function typedPart(random: () => number, text: string, min: number): string {
  return text.slice(0, min + Math.floor(random() * (text.length - min + 1)));
}

function query(kind: QueryKind, random: () => number, catalogSize: number): string {
  switch (kind) {
    case 'name prefix': {
      // Names start with the brand: "a", "al", "alp", ..., as staff type it.
      const brand = pick(random, BRANDS).toLowerCase();
      return typedPart(random, brand, 1);
    }
    case 'word':
      // A whole word inside the name, e.g. "cola", "organic": 1 in 30 or 1 in 16 products.
      return pick(random, random() < 0.6 ? KINDS : VARIANTS).toLowerCase();
    case 'word prefix': {
      const word = pick(random, KINDS).toLowerCase();
      return typedPart(random, word, 2).trimEnd();
    }
    case 'two words': {
      const first = (random() < 0.5 ? pick(random, VARIANTS) : pick(random, BRANDS)).toLowerCase();
      const kind = pick(random, KINDS).toLowerCase();
      return `${first} ${typedPart(random, kind, 2).trimEnd()}`;
    }
    case 'sku': {
      return typedPart(random, skuOf(Math.floor(random() * catalogSize)), MIN_CODE_PREFIX);
    }
    case 'barcode': {
      // A 13-digit barcode whole (scanned) or its first digits (typed on the keypad).
      const barcode = barcodeOf(Math.floor(random() * catalogSize));
      return random() < 0.5 ? barcode : typedPart(random, barcode, MIN_CODE_PREFIX + 3);
    }
    case 'no match':
      return pick(random, MISSES);
  }
}

/** `count` queries over a catalog of `catalogSize` bench products; the same on every call. */
export function labelledSearchQueries(count: number, catalogSize: number, seed = CATALOG_SEED + 2): LabelledQuery[] {
  const random = seededRandom(seed);
  const queries: LabelledQuery[] = [];
  while (queries.length < count) {
    const kind = drawKind(random);
    queries.push({ kind, text: query(kind, random, catalogSize) });
  }
  return queries;
}
