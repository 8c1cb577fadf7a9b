// Settings panel "Storage on this device": whether the browser keeps the till's data for sure (persistent), how
// much it uses of what it may use, a way to ask for persistence, and the export of unsynced sales.
import type { Remote } from 'comlink';
import { useState } from 'preact/hooks';
import type { TillApi } from '../../api/till-api.ts';
import { ExportUnsyncedButton } from './export-button.tsx';
import { formatBytes, requestPersistence } from './storage-safety.ts';
import { useStorageState } from './use-storage-state.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import './pwa.css';

export function StoragePanel(props: { api: Pick<Remote<TillApi>, 'exportUnsynced'> }) {
  const { state, refresh } = useStorageState();
  const { t, locale } = useI18n();
  const [asked, setAsked] = useState(false);

  const ask = async () => {
    await requestPersistence();
    setAsked(true);
    refresh();
  };

  return (
    <section class="storage-panel" aria-labelledby="storage-panel-title">
      <h2 id="storage-panel-title">{t('storage.panelTitle')}</h2>
      {state === null ? (
        <p role="status">{t('storage.reading')}</p>
      ) : (
        <dl>
          <dt>{t('storage.persistent')}</dt>
          <dd data-testid="storage-persisted">
            {state.persisted === true
              ? t('storage.persistedYes')
              : state.persisted === false
                ? t('storage.persistedNo')
                : t('storage.persistedUnknown')}
          </dd>
          <dt>{t('storage.used')}</dt>
          <dd data-testid="storage-usage">
            {state.usageBytes === null
              ? t('storage.unknown')
              : state.quotaBytes === null
                ? formatBytes(state.usageBytes, locale)
                : t('storage.usedOf', { used: formatBytes(state.usageBytes, locale), quota: formatBytes(state.quotaBytes, locale) })}
          </dd>
        </dl>
      )}
      {state?.persisted === false && (
        <p>
          <button type="button" onClick={ask}>
            {t('storage.keep')}
          </button>
          {asked && state.persisted === false && (
            <span class="storage-hint">
              {' '}
              {t('storage.declined')}
            </span>
          )}
        </p>
      )}
      <p>
        <ExportUnsyncedButton api={props.api} />
      </p>
    </section>
  );
}
