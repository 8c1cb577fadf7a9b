// The steps stay in line with package.json: each runs an existing script, the extra-Node runs start
// Vitest exactly as test:unit does, and every extra Node is one the engines field supports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRA_NODE_MAJORS } from './node-binaries.ts';
import { STEPS, UNIT_TEST_ARGS } from './steps.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string>; engines: { node: string } };

describe('STEPS', () => {
  it('runs package scripts that exist', () => {
    for (const step of STEPS) if ('script' in step.run) expect(pkg.scripts).toHaveProperty(step.run.script);
  });

  it('starts Vitest on the extra Nodes with the arguments of test:unit', () => {
    expect(pkg.scripts['test:unit']).toBe(`vitest ${UNIT_TEST_ARGS.join(' ')}`);
  });

  it('checks first and runs the longest tests last', () => {
    expect(STEPS.map((s) => s.id)).toEqual(['lint', 'typecheck', 'unit', 'node22', 'node24', 'browser', 'e2e']);
  });

  it('runs only Node lines the engines field supports', () => {
    for (const major of EXTRA_NODE_MAJORS) expect(pkg.engines.node).toMatch(new RegExp(`(\\^|>=)${major}\\.`));
  });

  it('is what npm test runs', () => {
    expect(pkg.scripts['test']).toBe('node scripts/run-ts.mjs scripts/test-runner/main.ts');
  });
});
