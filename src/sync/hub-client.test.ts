// How the till classifies the hub's answers: which ones are worth sending again.
import { describe, expect, it } from 'vitest';
import { isAppTooOld, isTransient, type HubOutcome } from './hub-client.ts';

const http = (status: number): HubOutcome => ({ kind: 'http', status, error: null, retryAfterMs: null });

describe('hub outcomes', () => {
  it('426 (protocol outside the hub window) is the app being too old: items wait, they are never refused for good', () => {
    expect(isAppTooOld(http(426))).toBe(true);
    expect(isTransient(http(426))).toBe(true);
    expect(isAppTooOld(http(400))).toBe(false);
  });

  it('other 4xx are final; 408, 429 and 5xx are transient', () => {
    expect([400, 401, 409, 413, 422].map((s) => isTransient(http(s)))).toEqual([false, false, false, false, false]);
    expect([408, 429, 500, 503].map((s) => isTransient(http(s)))).toEqual([true, true, true, true]);
  });
});
