// Boots the till: registers the service worker, starts the database worker, and shows the till
// when this tab owns the database, or the ownership screen when another tab does (or took it).
// The state lives on #app as data-till-state so tests and styles can see it.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Ownership } from '../api/till-api.ts';
import { BOOT_MARKS, bootMark } from '../api/boot-marks.ts';
import { App } from './app.tsx';
import { errorText } from './error-text.ts';
import { I18nProvider, useI18n } from './i18n/i18n-context.tsx';
import { OwnershipScreen } from './ownership-screen.tsx';
import { registerServiceWorker } from './pwa/register-sw.ts';
import { installPersistenceOnInstall } from './pwa/storage-safety.ts';
import { createTillClient, type TillClient } from './till-client.ts';

type BootState = { kind: 'starting' } | { kind: Ownership } | { kind: 'failed'; error: unknown };

function Boot({ client }: { client: TillClient }) {
  const { t, language } = useI18n();
  const [state, setState] = useState<BootState>({ kind: 'starting' });

  useEffect(() => {
    client.start((ownership) => setState({ kind: ownership })).then(
      (ownership) => {
        bootMark(BOOT_MARKS.owner);
        setState({ kind: ownership });
      },
      (e: unknown) => setState({ kind: 'failed', error: e }),
    );
  }, [client]);
  useEffect(() => {
    document.getElementById('app')?.setAttribute('data-till-state', state.kind);
  }, [state.kind]);

  switch (state.kind) {
    case 'owner':
      return <App api={client.api} />;
    case 'elsewhere':
    case 'moved':
      return <OwnershipScreen kind={state.kind} onTakeOver={() => client.api.takeOver()} />;
    case 'failed':
      return (
        <main class="setup">
          <div class="card setup-card">
            <h1>{t('boot.dbFailedTitle')}</h1>
            <p role="alert">{errorText(t, language, state.error, 'openDatabase')}</p>
            {/* A reload starts a fresh worker: an OPFS open that failed can leave the old one unusable. */}
            <button type="button" class="primary" onClick={() => location.reload()}>
              {t('boot.reload')}
            </button>
          </div>
        </main>
      );
    case 'starting':
      return (
        <main class="setup">
          <p class="loading" role="status">
            {t('boot.opening')}
          </p>
        </main>
      );
  }
}

bootMark(BOOT_MARKS.script);
const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app');
// The app shell is cached for offline starts whatever this tab's ownership turns out to be.
registerServiceWorker();
// Installed to the home screen: ask for persistent storage then, not only after the first sale.
installPersistenceOnInstall();
render(
  <I18nProvider>
    <Boot client={createTillClient()} />
  </I18nProvider>,
  root,
);
