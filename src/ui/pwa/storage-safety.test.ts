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
  it('warns only when storage is not known persistent and something is unsynced', () => {
    expect(atRiskOfEviction(false, 1, 0)).toBe(true);
    expect(atRiskOfEviction(null, 0, 2)).toBe(true);
    expect(atRiskOfEviction(true, 5, 5)).toBe(false);
    expect(atRiskOfEviction(false, 0, 0)).toBe(false);
  });
});
