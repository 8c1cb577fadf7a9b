// Command line of `npm run bench`: which sections to run and at what size. --quick is a smoke run
// (minutes on a shared 2-core machine); the full sizes are the figures the goals are stated for.

export const SECTIONS = ['floor', 'idb', 'app', 'push', 'search', 'ui', 'peers', 'server', 'wire', 'live'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Sizes {
  /** Small transactions (floor, raw IndexedDB) and sales recorded through the API. */
  sales: number;
  /** Catalog rows: floor bulk insert, raw IndexedDB bulk put, and the hub's catalog for the first sync. */
  catalog: number;
  /** Products changed on the hub for the delta sync. */
  delta: number;
  searchQueries: number;
  /** Sales queued while offline, then pushed. */
  push: number;
  /** Keystrokes and completed sales measured in the built till. */
  uiSamples: number;
}

export const FULL_SIZES: Sizes = { sales: 1_000, catalog: 100_000, delta: 1_000, searchQueries: 500, push: 10_000, uiSamples: 20 };
export const QUICK_SIZES: Sizes = { sales: 100, catalog: 5_000, delta: 200, searchQueries: 100, push: 500, uiSamples: 10 };

export interface Options {
  quick: boolean;
  only: Section[];
  sizes: Sizes;
  /** Keep the browser profile directory (for inspecting OPFS after a run). */
  keepProfile: boolean;
}

export function parseOptions(argv: readonly string[]): Options {
  let quick = false;
  let keepProfile = false;
  const only: Section[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--quick') quick = true;
    else if (arg === '--keep-profile') keepProfile = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      for (const name of (value ?? '').split(',')) {
        if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`--only takes one or more of ${SECTIONS.join(', ')} (comma-separated), not "${name}"`);
        only.push(name as Section);
      }
    } else if (arg === '--help' || arg === '-h') {
      throw new Error(`usage: npm run bench -- [--quick] [--only ${SECTIONS.join('|')}[,...]] [--keep-profile]`);
    } else throw new Error(`unknown argument "${arg}" (try --help)`);
  }
  return { quick, keepProfile, only: only.length === 0 ? [...SECTIONS] : only, sizes: quick ? QUICK_SIZES : FULL_SIZES };
}
