// The retry schedule: exponential, jittered within [half, full], capped, and never before Retry-After.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, MAX_RETRY_AFTER_MS, backoffDelay, nextAttemptAt, parseRetryAfter } from './backoff.ts';

describe('backoff', () => {
  it('doubles per failure between half and the full ceiling, and stops growing at the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempts, r) => {
        const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));
        const d = backoffDelay(attempts, () => r);
        expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(d).toBeLessThanOrEqual(ceiling);
        expect(Number.isInteger(d)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(backoffDelay(1, () => 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffDelay(2, () => 0)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelay(50, () => 0.999999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
  });

  it('reads Retry-After as seconds or an HTTP date, capped, and waits at least that long', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(parseRetryAfter('9999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(nextAttemptAt(now, 1, () => 0, 600_000)).toBe(now + 600_000);
    expect(nextAttemptAt(now, 1, () => 0, null)).toBe(now + BACKOFF_BASE_MS / 2);
  });
});
