// EZO_TEST_SKIP: names every step can be skipped by, and a typo stops the run.
import { describe, expect, it } from 'vitest';
import { parseSkipList, SKIP_NAMES } from './skip-list.ts';
import { STEPS } from './steps.ts';

describe('parseSkipList', () => {
  it('is empty when unset or blank', () => {
    expect(parseSkipList(undefined)).toEqual({ ok: true, skip: new Set() });
    expect(parseSkipList(' , ')).toEqual({ ok: true, skip: new Set() });
  });

  it('reads a comma-separated list, in any case and spacing', () => {
    expect(parseSkipList('postgres, Node22 ,e2e')).toEqual({ ok: true, skip: new Set(['postgres', 'node22', 'e2e']) });
  });

  it('expands "nodes" to every extra Node', () => {
    const parsed = parseSkipList('nodes');
    expect(parsed.ok && [...parsed.skip].sort()).toEqual(['node22', 'node24', 'nodes']);
  });

  it('refuses an unknown name and lists the known ones', () => {
    expect(parseSkipList('unit,pg')).toEqual({ ok: false, message: expect.stringMatching(/^EZO_TEST_SKIP: unknown name "pg"; known: lint, typecheck, unit, /) as unknown });
  });

  it('has a name for every step', () => {
    for (const step of STEPS) expect(Object.keys(SKIP_NAMES)).toContain(step.id);
  });
});
