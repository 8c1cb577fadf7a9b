// The page's wake-up timer: steady while the hub answers, backing off (capped) while it does not.
import { describe, expect, it } from 'vitest';
import { nextWakeDelay, WAKE_INTERVAL_MS, WAKE_MAX_INTERVAL_MS } from './wake-schedule.ts';

describe('nextWakeDelay', () => {
  it('waits the base interval after a success and at start', () => {
    expect(nextWakeDelay(null, 'ok')).toBe(WAKE_INTERVAL_MS);
    expect(nextWakeDelay(null, 'unreachable')).toBe(WAKE_INTERVAL_MS);
    expect(nextWakeDelay(WAKE_MAX_INTERVAL_MS, 'ok')).toBe(WAKE_INTERVAL_MS);
  });

  it('doubles after each failure in a row, up to the cap', () => {
    const delays: number[] = [];
    let delay: number | null = null;
    for (let i = 0; i < 8; i++) {
      delay = nextWakeDelay(delay, 'unreachable');
      delays.push(delay);
    }
    expect(delays.slice(0, 4)).toEqual([WAKE_INTERVAL_MS, 2 * WAKE_INTERVAL_MS, 4 * WAKE_INTERVAL_MS, 8 * WAKE_INTERVAL_MS]);
    expect(Math.max(...delays)).toBe(WAKE_MAX_INTERVAL_MS);
    expect(delays.at(-1)).toBe(WAKE_MAX_INTERVAL_MS);
  });
});
