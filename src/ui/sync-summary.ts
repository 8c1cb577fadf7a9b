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

export function syncSummary(s: SyncStatus, t: Translate): SyncSummary {
  if (!s.authorised) return { tone: 'bad', headline: s.removed === null ? t('sync.notAuthorised') : t(`sync.removedHeadline.${s.removed}`) };
  if (s.firstSync !== null) return { tone: 'busy', headline: t('sync.downloading') };
  const waiting = s.pending > 0 ? t('sync.pending', { count: s.pending }) : null;
  if (!s.online) return { tone: 'warn', headline: waiting === null ? t('sync.offline') : t('sync.offlineWaiting', { waiting }) };
  if (s.failed > 0) return { tone: 'bad', headline: t('sync.failedCount', { count: s.failed }) };
  if (s.pulling || s.pushing) return { tone: 'busy', headline: waiting === null ? t('sync.syncing') : t('sync.syncingWaiting', { waiting }) };
  if (waiting !== null) return { tone: 'warn', headline: waiting };
  // The hub's changes cannot be applied: the till's catalog is stale, whatever the queue says.
  if (s.lastError?.code === 'bad_page') return { tone: 'bad', headline: t('sync.catalogStuck') };
  return { tone: 'ok', headline: t('sync.allSynced') };
}

/** The last sync error in words staff understand; its code is never shown. */
export function syncProblem(code: string, t: Translate): string {
  switch (code) {
    case 'offline':
    case 'unauthorized':
    case 'not_paired':
    case 'bad_response':
    case 'bad_page':
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
