// Shown to staff when sales wait for the server and the browser may evict this device's storage: the one state in
// which a lost device or a cleared browser loses sales. Offers the export right there.
import type { Remote } from 'comlink';
import { useEffect } from 'preact/hooks';
import type { SyncStatus, TillApi } from '../../api/till-api.ts';
import { ExportUnsyncedButton } from './export-button.tsx';
import { atRiskOfEviction } from './storage-safety.ts';
import { useStorageState } from './use-storage-state.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import './pwa.css';

export function StorageWarning(props: { status: Pick<SyncStatus, 'pending' | 'failed'>; api: Pick<Remote<TillApi>, 'exportUnsynced'> }) {
  const { state, refresh } = useStorageState();
  const { t } = useI18n();
  const unsynced = props.status.pending + props.status.failed;
  // Read again when unsynced work appears: the first sale is when the till asks for persistence.
  const hasUnsynced = unsynced > 0;
  useEffect(() => {
    if (hasUnsynced) refresh();
  }, [hasUnsynced, refresh]);
  if (state === null || !atRiskOfEviction(state.persisted, props.status.pending, props.status.failed)) return null;
  return (
    <div class="storage-warning" role="alert">
      <strong>{t('storage.atRisk', { count: unsynced })}</strong> {t('storage.atRiskAction')}{' '}
      <ExportUnsyncedButton api={props.api} />
    </div>
  );
}
