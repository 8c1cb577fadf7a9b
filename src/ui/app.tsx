// The till's UI root, rendered by main.tsx once this tab owns the database. Shows setup until the
// till is paired, then the shell: sync status, the screens, notices. Talks to the worker only
// through the TillApi (Comlink); never to SQLite or the network itself.
import '../print/roll.css';
import './styles.css';
import { proxy, type Remote } from 'comlink';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Pairing, StaffSessionView, SyncStatus, TillApi } from '../api/till-api.ts';
import { errorText, type ErrorAction } from './error-text.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { SetupScreen } from './setup-screen.tsx';
import { Shell } from './shell.tsx';
import { LockScreen } from './staff/lock-screen.tsx';
import { takePairingCodeFromUrl } from './pairing-link.ts';

export function App(props: { api: Remote<TillApi> }) {
  const { api } = props;
  const { t, language, setStoreLocale } = useI18n();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  // undefined while loading; null when not paired.
  const [pairing, setPairing] = useState<Pairing | null | undefined>(undefined);
  const [bootError, setBootError] = useState<{ error: unknown; action: ErrorAction } | null>(null);
  // undefined while loading; null: the lock screen asks who is at the till.
  const [session, setSession] = useState<StaffSessionView | null | undefined>(undefined);
  // A code from the address (?pair=ABCD-EFGH, e.g. a QR code): read once, then gone from the URL.
  // On a paired till the shell asks before pairing again; null once dealt with.
  const [linkCode, setLinkCode] = useState(() => takePairingCodeFromUrl());
  // The first pairing (the setup screen, which redeems a link's code itself) uses the code up.
  const pairedFirst = useCallback((p: Pairing) => {
    setLinkCode(null);
    setPairing(p);
  }, []);
  const linkDone = useCallback(() => setLinkCode(null), []);

  useEffect(() => {
    const start = async () => {
      await api.subscribeSyncStatus(proxy((s: SyncStatus) => setStatus(s)));
      const [s, p, who] = await Promise.all([api.syncStatus(), api.pairing(), api.session()]);
      setStatus((current) => current ?? s);
      setPairing(p);
      setSession(who);
    };
    start().catch((e: unknown) => setBootError({ error: e, action: 'startTill' }));
  }, [api]);

  // Paired behind our back (demo pairing by the hub that served the app): fetch who we are.
  const paired = status?.paired === true;
  useEffect(() => {
    if (paired && pairing === null) {
      api
        .pairing()
        .then(setPairing)
        .catch((e: unknown) => setBootError({ error: e, action: 'readPairing' }));
    }
  }, [paired, pairing, api]);

  // The store's settings arrive with a pull (store_settings): read the pairing again after each one, so
  // the header, receipts, PIN lock and discount limit follow a change made in the back office.
  const lastPullAt = status?.lastPullAt ?? null;
  useEffect(() => {
    if (lastPullAt === null || !paired) return;
    api
      .pairing()
      // Unchanged settings keep the same object: no screen renders again for a pull that changed nothing.
      .then((p) => setPairing((current) => (p === null || JSON.stringify(p) === JSON.stringify(current) ? current : p)))
      .catch((e: unknown) => setBootError({ error: e, action: 'readPairing' }));
  }, [lastPullAt, paired, api]);

  // Receipts and reports speak the store's language; the screens default to it when the browser's is not ours.
  const storeLocale = pairing?.terminal.locale ?? null;
  useEffect(() => {
    if (storeLocale !== null) setStoreLocale(storeLocale);
  }, [storeLocale]);

  // Stable, so the idle timer is not started again by every render.
  const lock = useCallback(() => {
    setSession(null);
    api.signOut().catch((e: unknown) => setBootError({ error: e, action: 'signIn' }));
  }, [api]);

  if (bootError !== null) {
    return (
      <main class="setup">
        <div class="card setup-card" role="alert">
          <h1>{t('boot.startFailedTitle')}</h1>
          <p>{errorText(t, language, bootError.error, bootError.action)}</p>
          <button type="button" class="primary" onClick={() => location.reload()}>
            {t('boot.reload')}
          </button>
        </div>
      </main>
    );
  }
  if (status === null || pairing === undefined || session === undefined || (pairing === null && status.paired)) {
    return (
      <main class="setup">
        <p class="loading" role="status">
          {t('boot.starting')}
        </p>
      </main>
    );
  }
  if (pairing === null) return <SetupScreen api={api} onPaired={pairedFirst} linkCode={linkCode} />;
  if (session === null) {
    return (
      <LockScreen
        api={api}
        storeName={pairing.terminal.store_name}
        terminalName={pairing.terminal.terminal_name}
        catalogStamp={status.lastPullAt}
        status={status}
        onSignedIn={setSession}
      />
    );
  }
  return (
    <Shell
      api={api}
      pairing={pairing}
      status={status}
      session={session}
      onPaired={setPairing}
      onLocked={lock}
      linkCode={linkCode}
      onLinkDone={linkDone}
    />
  );
}
