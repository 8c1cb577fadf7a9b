// The steps of `npm test`, in order: cheap checks first, then the tests from the fastest to the slowest.
// Each step but the extra-Node runs is one of the package's own scripts, so `npm run <script>` alone
// does the same thing as the step.
import { join } from 'node:path';
import { EXTRA_NODE_MAJORS, type ExtraNodeMajor } from './node-binaries.ts';

/** What a step needs set up first: the unit tests also drive Chromium (src/sync/msw-playwright.test.ts). */
export type Need = 'chromium' | 'postgres';

export type StepId = 'lint' | 'typecheck' | 'unit' | `node${ExtraNodeMajor}` | 'browser' | 'e2e';

export interface Step {
  id: StepId;
  label: string;
  needs: readonly Need[];
  /** The package script it runs, or the extra Node it runs the unit tests on. */
  run: { script: string } | { node: ExtraNodeMajor };
}

/** Vitest's arguments in the test:unit script; the extra-Node steps run Vitest with the same ones. */
export const UNIT_TEST_ARGS: readonly string[] = ['run', '--project', 'node'];
/** Vitest's command-line entry, started directly with another Node binary. */
export const VITEST_ENTRY = join('node_modules', 'vitest', 'vitest.mjs');

const TEST_NEEDS: readonly Need[] = ['chromium', 'postgres'];

export const STEPS: readonly Step[] = [
  { id: 'lint', label: 'lint', needs: [], run: { script: 'lint' } },
  { id: 'typecheck', label: 'typecheck', needs: [], run: { script: 'typecheck' } },
  { id: 'unit', label: `unit tests, Node ${process.versions.node}`, needs: TEST_NEEDS, run: { script: 'test:unit' } },
  // On the extra Nodes the hub's tests run on PGlite only: what differs between Node versions is the
  // runtime (and the hub's boot on type stripping, server/test/boot.test.ts), not PostgreSQL, which the
  // first unit step covers; this halves their time.
  ...EXTRA_NODE_MAJORS.map((major): Step => ({ id: `node${major}`, label: `unit tests, Node ${major} (PGlite)`, needs: ['chromium'], run: { node: major } })),
  { id: 'browser', label: 'browser tests', needs: ['chromium'], run: { script: 'test:browser' } },
  { id: 'e2e', label: 'end-to-end tests', needs: TEST_NEEDS, run: { script: 'test:e2e' } },
];
