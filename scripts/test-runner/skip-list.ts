// EZO_TEST_SKIP: what a developer leaves out of `npm test` for a faster local run, as a comma-separated
// list. Every step and optional part has a name; an unknown name stops the run rather than being ignored.
export const SKIP_ENV = 'EZO_TEST_SKIP';

export const SKIP_NAMES = {
  lint: 'the lint step',
  typecheck: 'the type check step',
  unit: 'the Node unit tests on this Node',
  node22: 'the unit tests on Node 22',
  node24: 'the unit tests on Node 24',
  nodes: 'the unit tests on Node 22 and 24',
  browser: 'the browser tests',
  e2e: 'the Playwright end-to-end tests',
  postgres: 'the PostgreSQL half of the hub tests (no throwaway cluster)',
  apt: 'installing chromium or postgresql with apt-get',
} as const;

export type SkipName = keyof typeof SKIP_NAMES;

export type SkipList = { ok: true; skip: ReadonlySet<SkipName> } | { ok: false; message: string };

function isSkipName(name: string): name is SkipName {
  return Object.hasOwn(SKIP_NAMES, name);
}

export function parseSkipList(value: string | undefined): SkipList {
  const skip = new Set<SkipName>();
  for (const raw of (value ?? '').split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    if (!isSkipName(name)) {
      return { ok: false, message: `${SKIP_ENV}: unknown name "${raw.trim()}"; known: ${Object.keys(SKIP_NAMES).join(', ')}.` };
    }
    skip.add(name);
  }
  if (skip.has('nodes')) {
    skip.add('node22');
    skip.add('node24');
  }
  return { ok: true, skip };
}
