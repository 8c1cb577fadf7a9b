// Always on screen: whether this till is online, what waits to sync, what failed (with a dialog to
// see why and retry), when it last synced, and "Sync now". Driven by the worker's pushed status.
import { useState } from 'preact/hooks';
import type { SyncStatus } from '../api/till-api.ts';
import { useTill } from './till-context.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { firstSyncShare, hubUnanswered, lastSyncedAt, syncNowOutcome, syncProblem, syncSummary } from './sync-summary.ts';
import { formatTime } from '../print/date-time.ts';
import { FailedItemsDialog } from './failed-items-dialog.tsx';
import { ExportUnsyncedButton } from './pwa/export-button.tsx';
import { useBrowserOnline } from './use-browser-online.ts';
import { StorageAlarm, useStorageRisk } from './pwa/storage-warning.tsx';
import { alarmThresholdMs } from './pwa/storage-safety.ts';

export function SyncStatusBar(props: { status: SyncStatus }) {
  const { api, reportError, notify, store } = useTill();
  const { t, locale, language } = useI18n();
  const [showFailed, setShowFailed] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const browserOnline = useBrowserOnline();
  // The page hears the network go before the worker's status says so: the lower of the two wins.
  const s: SyncStatus = browserOnline ? props.status : { ...props.status, online: false, pulling: false, pushing: false };
  const summary = syncSummary(s, t, (iso) => formatTime(iso, locale));
  const last = lastSyncedAt(s);
  const share = firstSyncShare(s);
  const risk = useStorageRisk(s, alarmThresholdMs(store?.storage_alarm_hours ?? null));

  const syncNow = async () => {
    setSyncing(true);
    try {
      const before = await api.syncStatus();
      await api.syncNow();
      const after = await api.syncStatus();
      const outcome = syncNowOutcome(before, navigator.onLine ? after : { ...after, online: false }, t);
      notify(outcome.text, outcome.kind);
    } catch (e) {
      reportError(e, 'sync');
    } finally {
      setSyncing(false);
    }
  };

  return (
    <section class={`sync-bar tone-${summary.tone}`} aria-label={t('sync.barLabel')}>
      <span class="sync-dot" aria-hidden="true" />
      <span class="sync-headline" role="status">
        {s.online && !hubUnanswered(s) ? t('sync.online', { headline: summary.headline }) : summary.headline}
      </span>
      {s.pending > 0 && summary.tone === 'bad' && <span class="sync-count">{t('sync.pending', { count: s.pending })}</span>}
      {s.failed > 0 && (
        <button type="button" class="link-button danger" onClick={() => setShowFailed(true)}>
          {t('sync.failedDetails', { count: s.failed })}
        </button>
      )}
      {s.firstSync !== null && (
        <span class="sync-progress">
          <progress
            aria-label={t('sync.catalogDownload')}
            max={1}
            {...(share === null ? {} : { value: share })}
          />
          <span>{t('sync.rows', { count: s.firstSync.rows })}</span>
        </span>
      )}
      {!s.authorised && (
        <span class="sync-alert" role="alert">
          {s.removed === null ? t('sync.notAuthorisedAlert') : t(`sync.removedAlert.${s.removed}`)}
        </span>
      )}
      {/* A removed till's unsynced sales can only leave as an export; the storage alarm has its own. */}
      {s.removed !== null && s.pending + s.failed > 0 && risk === null && <ExportUnsyncedButton api={api} />}
      {risk === null ? (
        <span class="sync-last">{t('sync.lastSync', { time: last === null ? t('sync.never') : formatTime(last, locale) })}</span>
      ) : (
        <StorageAlarm risk={risk} status={s} api={api} />
      )}
      {s.lastError !== null && s.online && s.authorised && !hubUnanswered(s) && (
        <span class="sync-error" title={language === 'en' ? s.lastError.message : undefined}>
          {t('sync.lastError', { problem: syncProblem(s.lastError.code, t) })}
        </span>
      )}
      <button type="button" class="small" onClick={syncNow} disabled={syncing || s.pulling || s.pushing}>
        {syncing ? t('sync.syncing') : t('sync.syncNow')}
      </button>
      {showFailed && <FailedItemsDialog onClose={() => setShowFailed(false)} />}
    </section>
  );
}
