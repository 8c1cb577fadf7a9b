// The status bar must never claim "synced" while anything waits or failed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SyncStatus } from '../api/till-api.ts';
import { firstSyncShare, lastSyncedAt, syncSummary } from './sync-summary.ts';

const base: SyncStatus = {
  paired: true,
  online: true,
  authorised: true,
  pulling: false,
  pushing: false,
  pending: 0,
  failed: 0,
  lastPullAt: null,
  lastPushAt: null,
  lastError: null,
  firstSync: null,
};

describe('syncSummary', () => {
  it('says all synced only when nothing is pending or failed', () => {
    expect(syncSummary(base)).toEqual({ tone: 'ok', headline: 'All synced' });
    expect(syncSummary({ ...base, pending: 2 }).headline).toBe('2 pending');
    expect(syncSummary({ ...base, failed: 1 }).headline).toBe('1 failed to sync');
    expect(syncSummary({ ...base, online: false, pending: 3 }).headline).toBe('Offline · 3 pending');
    expect(syncSummary({ ...base, authorised: false }).headline).toBe('Terminal not authorised');
    expect(syncSummary({ ...base, firstSync: { rows: 10, pages: 1, remaining: 90 } }).tone).toBe('busy');
  });

  it('never shows "All synced" with pending or failed items', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.nat(5), fc.nat(5), (online, pulling, pushing, pending, failed) => {
        const s = syncSummary({ ...base, online, pulling, pushing, pending, failed });
        expect(s.headline === 'All synced').toBe(online && !pulling && !pushing && pending === 0 && failed === 0);
      }),
    );
  });
});

describe('lastSyncedAt and firstSyncShare', () => {
  it('takes the later of pull and push', () => {
    expect(lastSyncedAt(base)).toBeNull();
    expect(lastSyncedAt({ ...base, lastPullAt: '2026-01-01T10:00:00Z', lastPushAt: '2026-01-01T11:00:00Z' })).toBe('2026-01-01T11:00:00Z');
    expect(lastSyncedAt({ ...base, lastPullAt: '2026-01-01T12:00:00Z' })).toBe('2026-01-01T12:00:00Z');
  });

  it('measures the first download when the hub estimates the rest', () => {
    expect(firstSyncShare({ ...base, firstSync: { rows: 250, pages: 1, remaining: 750 } })).toBe(0.25);
    expect(firstSyncShare({ ...base, firstSync: { rows: 250, pages: 1, remaining: null } })).toBeNull();
  });
});
