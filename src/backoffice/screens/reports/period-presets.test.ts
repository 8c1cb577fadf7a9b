// The quick periods, including month and year turns and a leap February.
import { describe, expect, it } from 'vitest';
import { matchingPreset, presetRange } from './period-presets.ts';

describe('presetRange', () => {
  it('counts calendar days back from today', () => {
    expect(presetRange('today', '2026-12-03')).toEqual({ from: '2026-12-03', to: '2026-12-03' });
    expect(presetRange('yesterday', '2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    expect(presetRange('last7', '2026-01-03')).toEqual({ from: '2025-12-28', to: '2026-01-03' });
  });

  it('takes this month up to today and the whole of last month', () => {
    expect(presetRange('thisMonth', '2026-12-03')).toEqual({ from: '2026-12-01', to: '2026-12-03' });
    expect(presetRange('lastMonth', '2028-03-15')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetRange('lastMonth', '2026-01-10')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('recognises the preset a range came from, and none for a range of the person’s own', () => {
    expect(matchingPreset({ from: '2026-11-27', to: '2026-12-03' }, '2026-12-03')).toBe('last7');
    expect(matchingPreset({ from: '2026-11-02', to: '2026-12-03' }, '2026-12-03')).toBeNull();
  });
});
