// The storage alarm: only when data is really at risk (atRiskOfEviction: unsynced work older than the
// threshold on storage that is not persistent, or the quota nearly full). It takes the place of the
// "Last sync" text in the status bar, so it never moves a control; the explanation and the export
// are in a dialog a manager opens from there. A sale not yet pushed is only the count in the bar.
import type { Remote } from 'comlink';
import { useEffect, useState } from 'preact/hooks';
import type { SyncStatus, TillApi } from '../../api/till-api.ts';
import { ExportUnsyncedButton } from './export-button.tsx';
import { UNSYNCED_ALARM_AFTER_MS, atRiskOfEviction } from './storage-safety.ts';
import { useStorageState } from './use-storage-state.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Modal } from '../modal.tsx';
import { formatDateTime } from '../../print/date-time.ts';
import './pwa.css';

/** How often the alarm is reconsidered while nothing else changes (the threshold is a duration). */
const RECHECK_MS = 60_000;

type Status = Pick<SyncStatus, 'pending' | 'failed' | 'oldestUnsyncedAt'>;

/**
 * Whether data is at risk now, re-read when unsynced work appears and every RECHECK_MS. `thresholdMs`:
 * the store's setting (StoreSettings.storage_alarm_hours); the default before the first pull.
 */
export function useStorageRisk(status: Status, thresholdMs: number = UNSYNCED_ALARM_AFTER_MS): 'unsynced' | 'quota' | null {
  const { state, refresh } = useStorageState();
  const [now, setNow] = useState(Date.now);
  const hasUnsynced = status.pending + status.failed > 0;
  useEffect(() => {
    if (hasUnsynced) refresh();
  }, [hasUnsynced, refresh]);
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      refresh();
    }, RECHECK_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  if (state === null) return null;
  return atRiskOfEviction({ storage: state, oldestUnsyncedAt: status.oldestUnsyncedAt, now, thresholdMs });
}

export function StorageAlarm(props: { risk: 'unsynced' | 'quota'; status: Status; api: Pick<Remote<TillApi>, 'exportUnsynced'> }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const unsynced = props.status.pending + props.status.failed;
  const since = props.status.oldestUnsyncedAt;
  return (
    <>
      <button type="button" class="link-button danger sync-alarm" onClick={() => setOpen(true)}>
        {t('storage.alarmButton')}
      </button>
      {open && (
        <Modal title={t('storage.alarmTitle')} onClose={() => setOpen(false)}>
          <div class="storage-warning" role="alert">
            {props.risk === 'quota' ? (
              <strong>{t('storage.nearlyFull')}</strong>
            ) : (
              <strong>
                {t('storage.atRisk', { count: unsynced })} {since !== null && t('storage.atRiskSince', { time: formatDateTime(since, locale) })}
              </strong>
            )}{' '}
            {t('storage.atRiskAction')} <ExportUnsyncedButton api={props.api} />
          </div>
        </Modal>
      )}
    </>
  );
}
