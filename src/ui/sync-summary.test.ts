// The status bar must never claim "synced" while anything waits or failed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SyncStatus } from '../api/till-api.ts';
import { failureReason, firstSyncShare, lastSyncedAt, syncProblem, syncSummary } from './sync-summary.ts';
import { translator } from './i18n/translator.ts';

const en = translator('en');
const de = translator('de');

const base: SyncStatus = {
  paired: true,
  online: true,
  authorised: true,
  removed: null,
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
    expect(syncSummary(base, en)).toEqual({ tone: 'ok', headline: 'All synced' });
    expect(syncSummary({ ...base, pending: 2 }, en).headline).toBe('2 pending');
    expect(syncSummary({ ...base, failed: 1 }, en).headline).toBe('1 failed to sync');
    expect(syncSummary({ ...base, online: false, pending: 3 }, en).headline).toBe('Offline · 3 pending');
    expect(syncSummary({ ...base, authorised: false }, en).headline).toBe('Terminal not authorised');
    expect(syncSummary({ ...base, firstSync: { rows: 10, pages: 1, remaining: 90 } }, en).tone).toBe('busy');
  });

  it('never says all synced while the hub sends catalog changes the till cannot apply', () => {
    const stuck: SyncStatus = { ...base, lastPullAt: '2026-01-01T00:00:00Z', lastError: { code: 'bad_page', message: 'fails validation', at: '2026-01-01T00:01:00Z' } };
    expect(syncSummary(stuck, en)).toEqual({ tone: 'bad', headline: 'Catalog update refused' });
    expect(syncSummary(stuck, de).headline).toBe('Katalog-Aktualisierung abgelehnt');
    expect(syncProblem('bad_page', en)).toMatch(/cannot accept/);
    expect(syncProblem('bad_page', de)).toMatch(/nicht annehmen/);
    // Once a pull applies a page the error is cleared, and the bar says so.
    expect(syncSummary({ ...stuck, lastError: null }, en).headline).toBe('All synced');
  });

  it('speaks German', () => {
    expect(syncSummary(base, de).headline).toBe('Alles synchronisiert');
    expect(syncSummary({ ...base, online: false, pending: 1 }, de).headline).toBe('Offline · 1 ausstehend');
    expect(syncSummary({ ...base, failed: 2 }, de).headline).toBe('2 nicht übertragen');
  });

  it('never shows "All synced" with pending or failed items', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.nat(5), fc.nat(5), (online, pulling, pushing, pending, failed) => {
        const s = syncSummary({ ...base, online, pulling, pushing, pending, failed }, en);
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

describe('syncProblem and failureReason', () => {
  it('names the problem without its code', () => {
    expect(syncProblem('offline', en)).toBe('server not reachable');
    expect(syncProblem('internal', de)).toBe('Synchronisierung unterbrochen');
  });

  it('translates the hub\'s reject code and keeps its English sentence on English screens only', () => {
    expect(failureReason('over_refund: refunding 3 of 2', en, 'en')).toBe('More is refunded than was sold. (refunding 3 of 2)');
    expect(failureReason('over_refund: refunding 3 of 2', de, 'de')).toBe('Es wird mehr erstattet, als verkauft wurde.');
    expect(failureReason('Gave up after 5 attempts: timeout', de, 'de')).toBe('Der Server war nach mehreren Versuchen nicht erreichbar.');
    expect(failureReason('The server answered HTTP 400', de, 'de')).toBe('Der Server hat den Eintrag abgelehnt.');
    expect(failureReason(null, en, 'en')).toBe('The server refused it.');
  });
});
