// Storage-safety rules that need no browser: byte formatting and when unsynced sales are at risk.
import { describe, expect, it } from 'vitest';
import { atRiskOfEviction, formatBytes } from './storage-safety.ts';

describe('formatBytes', () => {
  it('picks the largest unit and rounds', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024 + 300 * 1024)).toBe('5.3 MB');
    expect(formatBytes(123 * 1024 * 1024)).toBe('123 MB');
    expect(formatBytes(60 * 1024 ** 3)).toBe('60 GB');
  });

  it('writes the locale\'s decimal separator', () => {
    expect(formatBytes(1536, 'de-DE')).toBe('1,5 KB');
    expect(formatBytes(1023, 'de-DE')).toBe('1023 B');
  });
});

describe('atRiskOfEviction', () => {
  const now = Date.parse('2026-03-02T12:00:00Z');
  const volatile = { persisted: false, usageBytes: 1_000, quotaBytes: 1_000_000 };
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();

  it('is calm for a sale not yet pushed or a short outage', () => {
    expect(atRiskOfEviction({ storage: volatile, oldestUnsyncedAt: hoursAgo(0), now })).toBeNull();
    expect(atRiskOfEviction({ storage: volatile, oldestUnsyncedAt: hoursAgo(23), now })).toBeNull();
    expect(atRiskOfEviction({ storage: volatile, oldestUnsyncedAt: null, now })).toBeNull();
  });

  it('alarms when work waited longer than the threshold on storage that is not persistent', () => {
    expect(atRiskOfEviction({ storage: volatile, oldestUnsyncedAt: hoursAgo(25), now })).toBe('unsynced');
    expect(atRiskOfEviction({ storage: { ...volatile, persisted: null }, oldestUnsyncedAt: hoursAgo(2), now, thresholdMs: 3_600_000 })).toBe('unsynced');
    expect(atRiskOfEviction({ storage: { ...volatile, persisted: true }, oldestUnsyncedAt: hoursAgo(100), now })).toBeNull();
  });

  it('alarms when the quota is nearly full, persistent or not', () => {
    expect(atRiskOfEviction({ storage: { persisted: true, usageBytes: 950, quotaBytes: 1_000 }, oldestUnsyncedAt: null, now })).toBe('quota');
    expect(atRiskOfEviction({ storage: { persisted: true, usageBytes: 850, quotaBytes: 1_000 }, oldestUnsyncedAt: null, now })).toBeNull();
  });
});
