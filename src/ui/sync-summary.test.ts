// The status bar must never claim "synced" while anything waits or failed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SyncStatus } from '../api/till-api.ts';
import { failureReason, firstSyncShare, lastSyncedAt, syncNowOutcome, syncProblem, syncSummary } from './sync-summary.ts';
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
  pendingSales: 0,
  failedSales: 0,
  oldestUnsyncedAt: null,
  lastPullAt: null,
  lastPushAt: null,
  lastError: null,
  firstSync: null,
};

describe('syncSummary', () => {
  it('says the server is not reachable, and since when, while the network is up', () => {
    const down: SyncStatus = { ...base, pending: 3, lastError: { code: 'offline', message: 'fetch failed', at: '2026-03-02T14:02:00Z' } };
    expect(syncSummary(down, en, () => '14:02')).toEqual({ tone: 'warn', headline: 'Server not reachable since 14:02 · 3 pending' });
    expect(syncSummary({ ...down, pending: 0 }, de, () => '14:02').headline).toBe('Server nicht erreichbar seit 14:02');
    // The network gone is "Offline", whatever the last attempt said.
    expect(syncSummary({ ...down, online: false }, en, () => '14:02').headline).toBe('Offline · 3 pending');
  });

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

  it('says the app must update when the hub no longer takes its protocol (426), with the sales kept', () => {
    const old: SyncStatus = { ...base, pending: 4, lastError: { code: 'app_too_old', message: 'HTTP 426', at: '2026-01-01T00:01:00Z' } };
    expect(syncSummary(old, en)).toEqual({ tone: 'bad', headline: 'App update needed: reload this page; sales stay on this till until then' });
    expect(syncSummary(old, de).headline).toMatch(/App-Update nötig/);
    expect(syncProblem('app_too_old', de)).toMatch(/zu alt/);
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

describe('syncNowOutcome', () => {
  const unreachable = { code: 'offline', message: 'fetch failed', at: '2026-03-02T14:02:00Z' };
  /** `sales` of the `items` waiting are sales; the rest stock adjustments or product edits. */
  const queued = (items: number, sales: number) => ({ ...base, pending: items, pendingSales: sales });
  it('counts what was sent', () => {
    expect(syncNowOutcome(queued(3, 3), base, en)).toEqual({ text: '3 sales sent', kind: 'info' });
    expect(syncNowOutcome(queued(1, 1), base, de)).toEqual({ text: '1 Verkauf übertragen', kind: 'info' });
  });
  it('counts sales as sales and adjustments or edits as changes, in both languages', () => {
    expect(syncNowOutcome(queued(5, 2), base, en).text).toBe('2 sales sent · 3 other changes sent');
    expect(syncNowOutcome(queued(3, 1), base, de).text).toBe('1 Verkauf übertragen · 2 weitere Änderungen übertragen');
    expect(syncNowOutcome(queued(1, 0), base, en).text).toBe('1 change sent');
    expect(syncNowOutcome(queued(2, 0), base, de).text).toBe('2 Änderungen übertragen');
    // A refused sale is not counted as sent: 3 sales and 1 adjustment queued, 1 sale refused.
    expect(syncNowOutcome(queued(4, 3), { ...base, failed: 1, failedSales: 1 }, en).text).toBe('2 sales sent · 1 other change sent · 1 refused by the server');
  });
  it('says when there was nothing to do', () => {
    expect(syncNowOutcome(base, base, en)).toEqual({ text: 'Everything is up to date', kind: 'info' });
    expect(syncNowOutcome(base, base, de).text).toBe('Alles ist aktuell');
  });
  it('says the server was not reached and what waits', () => {
    expect(syncNowOutcome(queued(3, 3), { ...queued(3, 3), lastError: unreachable }, en)).toEqual({
      text: 'Server not reachable: 3 sales are waiting on this till',
      kind: 'error',
    });
    expect(syncNowOutcome(queued(1, 1), { ...queued(1, 1), online: false }, en).text).toBe('Offline: 1 sale is waiting on this till');
    expect(syncNowOutcome(queued(3, 1), { ...queued(3, 1), online: false }, en).text).toBe('Offline: 1 sale is waiting on this till · 2 other changes waiting');
    expect(syncNowOutcome(queued(2, 0), { ...queued(2, 0), lastError: unreachable }, de).text).toBe('Server nicht erreichbar: 2 Änderungen warten auf dieser Kasse');
  });
  it('tells refusals apart from sends', () => {
    expect(syncNowOutcome(queued(3, 3), { ...base, failed: 1, failedSales: 1 }, en)).toEqual({ text: '2 sales sent · 1 refused by the server', kind: 'error' });
  });
});
