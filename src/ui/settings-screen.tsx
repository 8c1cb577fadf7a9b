// Where this till stands: the language of its screens, its pairing, its local database (VFS,
// schema), and the storage panel (persistence, usage, export of unsynced sales; src/ui/pwa).
// Loaded lazily.
import { useEffect, useState } from 'preact/hooks';
import type { DatabaseInfo } from '../api/till-api.ts';
import { useTill } from './till-context.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { LanguagePanel } from './i18n/language-panel.tsx';
import { StoragePanel } from './pwa/storage-panel.tsx';
import { PairForm } from './setup-screen.tsx';

export function SettingsScreen() {
  // The pairing from the shell: a new one (here or by a pairing link) shows at once.
  const { api, reportError, requirePermission, paired, pairing } = useTill();
  const { t } = useI18n();
  const [info, setInfo] = useState<DatabaseInfo | null>(null);
  const [pairingAgain, setPairingAgain] = useState(false);

  useEffect(() => {
    api.databaseInfo().then(setInfo, (e: unknown) => reportError(e, 'readDatabaseInfo'));
  }, []);

  return (
    <section class="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <div class="card">
        <LanguagePanel />
      </div>
      <div class="card">
        <h2>{t('settings.terminal.title')}</h2>
        <dl class="facts">
          <dt>{t('settings.terminal.store')}</dt>
          <dd>{pairing.terminal.store_name}</dd>
          <dt>{t('settings.terminal.terminal')}</dt>
          <dd>{pairing.terminal.terminal_name}</dd>
          <dt>{t('settings.terminal.server')}</dt>
          <dd>{pairing.serverUrl}</dd>
          <dt>{t('settings.terminal.currency')}</dt>
          <dd>
            {pairing.terminal.currency} ({pairing.terminal.locale})
          </dd>
          <dt>{t('settings.terminal.receiptPrefix')}</dt>
          <dd>{pairing.terminal.receipt_prefix}</dd>
        </dl>
        {!pairingAgain && (
          <button type="button" onClick={() => void requirePermission('settings_and_pairing').then((ok) => ok && setPairingAgain(true))}>
            {t('settings.terminal.pairAgain')}
          </button>
        )}
      </div>
      {pairingAgain && (
        <PairForm
          api={api}
          initialUrl={pairing.serverUrl}
          title={t('boot.setup.pairAgainTitle')}
          onPaired={(p) => {
            setPairingAgain(false);
            paired(p);
          }}
        />
      )}
      <div class="card">
        <h2>{t('settings.database.title')}</h2>
        {info === null ? (
          <p class="loading">{t('common.loading')}</p>
        ) : (
          <dl class="facts">
            <dt>{t('settings.database.storage')}</dt>
            <dd>{info.storage === 'opfs' ? t('settings.database.opfs') : t('settings.database.indexeddb')}</dd>
            <dt>{t('settings.database.vfs')}</dt>
            <dd>{info.vfs}</dd>
            <dt>{t('settings.database.sqlite')}</dt>
            <dd>{info.sqliteVersion}</dd>
            <dt>{t('settings.database.journal')}</dt>
            <dd>{info.journalMode}</dd>
            <dt>{t('settings.database.schema')}</dt>
            <dd>{info.schemaVersion}</dd>
          </dl>
        )}
      </div>
      <div class="card">
        <StoragePanel api={api} />
      </div>
    </section>
  );
}
