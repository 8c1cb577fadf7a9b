// What staff see when the device refused to store a sale (TillError quota_exceeded): nothing was saved, the cart
// is intact, and the way out is to sync or export and then free space.
import type { Remote } from 'comlink';
import { hasTillErrorCode } from '../../api/till-error.ts';
import type { TillApi } from '../../api/till-api.ts';
import { ExportUnsyncedButton } from './export-button.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import './pwa.css';

export function isQuotaError(e: unknown): boolean {
  return hasTillErrorCode(e, 'quota_exceeded');
}

export function QuotaNotice(props: { api: Pick<Remote<TillApi>, 'exportUnsynced'> }) {
  const { t } = useI18n();
  return (
    <div class="storage-warning" role="alert">
      <strong>{t('storage.full')}</strong> {t('storage.quota')} <ExportUnsyncedButton api={props.api} />
    </div>
  );
}
