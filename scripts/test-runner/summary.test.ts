import { describe, expect, it } from 'vitest';
import { formatDuration, formatSummary } from './summary.ts';

describe('formatDuration', () => {
  it('gives seconds, then minutes and seconds', () => {
    expect(formatDuration(400)).toBe('0 s');
    expect(formatDuration(41_600)).toBe('42 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
  });
});

describe('formatSummary', () => {
  it('lists every step with its status, time and reason, then what was set up, then the verdict', () => {
    const text = formatSummary(
      [
        { label: 'lint', status: 'passed', ms: 12_000 },
        { label: 'unit tests, Node 24', status: 'skipped', note: 'EZO_TEST_SKIP has "node24"' },
        { label: 'browser tests', status: 'failed', ms: 61_000, note: 'exit 1' },
        { label: 'end-to-end tests', status: 'not run', note: 'an earlier step failed' },
      ],
      ['Chromium: /usr/bin/chromium (the system\'s)'],
      190_000,
      undefined,
    );
    expect(text.split('\n')).toEqual([
      '',
      '[npm test] summary (the run stops at the first failing step)',
      '  passed          12 s  lint',
      '  skipped               unit tests, Node 24: EZO_TEST_SKIP has "node24"',
      '  failed    1 min 01 s  browser tests: exit 1',
      '  not run               end-to-end tests: an earlier step failed',
      "  Chromium: /usr/bin/chromium (the system's)",
      '[npm test] FAILED in 3 min 10 s: 1 passed, 1 failed, 1 skipped, 1 not run',
      '',
    ]);
  });

  it('says when a signal stopped the run', () => {
    expect(formatSummary([{ label: 'lint', status: 'failed', ms: 1000, note: 'interrupted (SIGINT)' }], [], 1000, 'SIGINT')).toContain('[npm test] interrupted (SIGINT) in 1 s: 1 failed');
  });
});
