// First run of an unpaired till: the server URL and the terminal token a manager created in the
// hub. Pairing needs the network once; everything after that works offline.
import { useState } from 'preact/hooks';
import type { Remote } from 'comlink';
import type { Pairing, TillApi } from '../api/till-api.ts';
import { errorText } from './error-text.ts';
import { useI18n } from './i18n/i18n-context.tsx';

export function SetupScreen(props: { api: Remote<TillApi>; onPaired: (p: Pairing) => void }) {
  const { t } = useI18n();
  return (
    <main class="setup" aria-labelledby="setup-title">
      <PairForm api={props.api} onPaired={props.onPaired} initialUrl={location.origin} title={t('boot.setup.title')} />
    </main>
  );
}

/**
 * The pairing form, also offered in Settings to pair again (a new token after the hub refused the old
 * one with 401, or another server). Pairing checks the token with the hub before anything is stored.
 */
export function PairForm(props: { api: Remote<TillApi>; onPaired: (p: Pairing) => void; initialUrl: string; title: string }) {
  const { t, language } = useI18n();
  const [url, setUrl] = useState(props.initialUrl);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onPaired(await props.api.pair(url.trim(), token.trim()));
    } catch (err) {
      setError(errorText(t, language, err, 'pair'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card setup-card" onSubmit={submit} aria-labelledby="setup-title">
      <h1 id="setup-title">{props.title}</h1>
      <p>{t('boot.setup.intro')}</p>
      <div class="field">
        <label for="setup-url">{t('boot.setup.serverUrl')}</label>
        <input id="setup-url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="setup-token">{t('boot.setup.token')}</label>
        <input
          id="setup-token"
          type="password"
          required
          autoComplete="off"
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
      </div>
      <div role="alert" class="form-error">
        {error}
      </div>
      <button type="submit" class="primary big" disabled={busy}>
        {busy ? t('boot.setup.pairing') : t('boot.setup.pair')}
      </button>
    </form>
  );
}
