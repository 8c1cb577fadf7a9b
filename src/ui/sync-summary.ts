// What the sync status bar says, from the worker's status alone, in the UI language. Honest by
// construction: "All synced" only when nothing is pending or failed, whatever the last sync time says.
import type { SyncStatus } from '../api/till-api.ts';
import type { RejectCode } from '@ezo/contract/upstream';
import { en } from './i18n/en/index.ts';
import type { UiLanguage } from './i18n/languages.ts';
import type { Translate } from './i18n/translator.ts';

export type SyncTone = 'ok' | 'busy' | 'warn' | 'bad';

export interface SyncSummary {
  tone: SyncTone;
  /** Short headline: "Offline", "Syncing…", "3 pending", "All synced". */
  headline: string;
}

/**
 * `formatAt` writes a time of day in the UI's locale ("14:02"). An unanswered last attempt while the
 * network is up reads "Server not reachable since …", never "Online". A till the store removed or
 * replaced says so, whatever else holds.
 */
export function syncSummary(s: SyncStatus, t: Translate, formatAt: (iso: string) => string = (iso) => iso): SyncSummary {
  if (!s.authorised) return { tone: 'bad', headline: s.removed === null ? t('sync.notAuthorised') : t(`sync.removedHeadline.${s.removed}`) };
  if (s.firstSync !== null) return { tone: 'busy', headline: t('sync.downloading') };
  // The hub no longer takes this app's protocol: nothing syncs until a reload updates the app.
  if (s.lastError?.code === 'app_too_old' && !s.pulling && !s.pushing) return { tone: 'bad', headline: t('sync.appTooOld') };
  const waiting = s.pending > 0 ? t('sync.pending', { count: s.pending }) : null;
  if (!s.online) return { tone: 'warn', headline: waiting === null ? t('sync.offline') : t('sync.offlineWaiting', { waiting }) };
  if (s.lastError?.code === 'offline' && !s.pulling && !s.pushing) {
    const unreachable = t('sync.unreachableSince', { time: formatAt(s.lastError.at) });
    return { tone: 'warn', headline: waiting === null ? unreachable : t('sync.unreachableWaiting', { unreachable, waiting }) };
  }
  if (s.failed > 0) return { tone: 'bad', headline: t('sync.failedCount', { count: s.failed }) };
  if (s.pulling || s.pushing) return { tone: 'busy', headline: waiting === null ? t('sync.syncing') : t('sync.syncingWaiting', { waiting }) };
  if (waiting !== null) return { tone: 'warn', headline: waiting };
  // The hub's changes cannot be applied: the till's catalog is stale, whatever the queue says.
  if (s.lastError?.code === 'bad_page') return { tone: 'bad', headline: t('sync.catalogStuck') };
  return { tone: 'ok', headline: t('sync.allSynced') };
}

/** The hub did not answer the last attempt while the network was up (the headline says so already). */
export function hubUnanswered(s: SyncStatus): boolean {
  return s.online && s.lastError?.code === 'offline';
}

/**
 * What "Sync now" achieved, from the status before and after it: what was sent, or why nothing was.
 * Sales (and refunds) are named as sales; stock adjustments and product edits as changes, so "3 sales
 * sent" never counts an adjustment. Counts are differences of the stored queue, so an item made during
 * the sync can make them a little low, never claim more than went out.
 */
export function syncNowOutcome(before: SyncStatus, after: SyncStatus, t: Translate): { text: string; kind: 'info' | 'error' } {
  const waitingSales = after.pendingSales + after.failedSales;
  const waitingOther = Math.max(0, after.pending + after.failed - waitingSales);
  const waiting = (prefix: 'offline' | 'unreachable') => {
    if (waitingSales === 0 && waitingOther === 0) return t(`sync.now.${prefix}Nothing`);
    if (waitingSales === 0) return t(`sync.now.${prefix}Changes`, { count: waitingOther });
    const sales = t(`sync.now.${prefix}`, { count: waitingSales });
    return waitingOther === 0 ? sales : `${sales} · ${t('sync.now.otherWaiting', { count: waitingOther })}`;
  };
  if (!after.online) return { text: waiting('offline'), kind: 'error' };
  if (after.lastError?.code === 'offline') return { text: waiting('unreachable'), kind: 'error' };
  if (!after.authorised) return { text: t('sync.notAuthorisedAlert'), kind: 'error' };
  const failedNow = Math.max(0, after.failed - before.failed);
  const sent = Math.max(0, before.pending - after.pending - failedNow);
  const salesSent = Math.min(sent, Math.max(0, before.pendingSales - after.pendingSales - Math.max(0, after.failedSales - before.failedSales)));
  const otherSent = sent - salesSent;
  const parts: string[] = [];
  if (salesSent > 0) parts.push(t('sync.now.sent', { count: salesSent }));
  if (otherSent > 0) parts.push(salesSent > 0 ? t('sync.now.sentOther', { count: otherSent }) : t('sync.now.sentChanges', { count: otherSent }));
  if (failedNow > 0) parts.push(t('sync.now.refused', { count: failedNow }));
  if (after.pending > 0) parts.push(t('sync.now.stillWaiting', { count: after.pending }));
  if (after.lastError !== null) parts.push(t('sync.lastError', { problem: syncProblem(after.lastError.code, t) }));
  if (parts.length === 0) return { text: after.failed > 0 ? t('sync.now.failedRemain', { count: after.failed }) : t('sync.now.upToDate'), kind: after.failed > 0 ? 'error' : 'info' };
  return { text: parts.join(' · '), kind: failedNow > 0 || after.lastError !== null ? 'error' : 'info' };
}

/** The last sync error in words staff understand; its code is never shown. */
export function syncProblem(code: string, t: Translate): string {
  switch (code) {
    case 'offline':
    case 'unauthorized':
    case 'not_paired':
    case 'bad_response':
    case 'bad_page':
    case 'app_too_old':
      return t(`sync.problem.${code}`);
    default:
      return t('sync.problem.other');
  }
}

/** The transient-failure prefix the queue writes when it stops retrying (src/sync/push.ts). */
const GAVE_UP_PREFIX = 'Gave up after ';

/**
 * Why the hub did not take a queued item, from the queue's last_error ("code: the hub's sentence",
 * or "Gave up after 5 attempts: ..."). The hub's own sentence is English: it follows on English
 * screens only. Anything not recognised reads as a plain refusal.
 */
export function failureReason(lastError: string | null, t: Translate, language: UiLanguage): string {
  const text = (lastError ?? '').trim();
  const english = language === 'en';
  if (text.startsWith(GAVE_UP_PREFIX)) return english ? `${t('sync.failed.gaveUp')} (${text})` : t('sync.failed.gaveUp');
  const colon = text.indexOf(':');
  const code = colon > 0 ? text.slice(0, colon) : '';
  const detail = colon > 0 ? text.slice(colon + 1).trim() : text;
  const reason = isRejectCode(code) ? t(`sync.failed.reject.${code}`) : t('sync.failed.refused');
  return english && detail !== '' ? `${reason} (${detail})` : reason;
}

/** The hub's reject codes, as the catalog lists them (typed against the contract's RejectCode). */
function isRejectCode(code: string): code is RejectCode {
  return Object.hasOwn(en.sync.failed.reject, code);
}

/** The later of the last pull and the last push, or null when neither happened. */
export function lastSyncedAt(s: SyncStatus): string | null {
  if (s.lastPullAt === null) return s.lastPushAt;
  if (s.lastPushAt === null) return s.lastPullAt;
  return Date.parse(s.lastPullAt) >= Date.parse(s.lastPushAt) ? s.lastPullAt : s.lastPushAt;
}

/** 0..1 share of the first catalog download, or null when the hub gave no estimate. */
export function firstSyncShare(s: SyncStatus): number | null {
  const p = s.firstSync;
  if (p === null || p.remaining === null) return null;
  const all = p.rows + p.remaining;
  return all === 0 ? 1 : p.rows / all;
}
