// First run of an unpaired till: the hub's address (this page's origin by default) and the one-time
// pairing code from the back office (ABCD-EFGH; either case, dash optional). A pairing link
// (…/?pair=ABCD-EFGH, e.g. from a QR code) pairs with no typing. Pairing needs the network once;
// everything after that works offline.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Remote } from 'comlink';
import type { Pairing, TillApi } from '../api/till-api.ts';
import { errorText } from './error-text.ts';
import { useI18n } from './i18n/i18n-context.tsx';

export function SetupScreen(props: { api: Remote<TillApi>; onPaired: (p: Pairing) => void; linkCode: string | null }) {
  const { t } = useI18n();
  return (
    <main class="setup" aria-labelledby="setup-title">
      <PairForm api={props.api} onPaired={props.onPaired} initialUrl={location.origin} title={t('boot.setup.title')} linkCode={props.linkCode} />
    </main>
  );
}

/** Shows a code as people read it: upper case, ABCD-EFGH once it has more than four characters. */
export function formatCodeInput(text: string): string {
  const plain = text.toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 8);
  return plain.length > 4 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}

/**
 * The pairing form, also offered in Settings to pair again (a new device after this one was revoked
 * or replaced, or another server). The hub checks the code before anything is stored.
 */
export function PairForm(props: { api: Remote<TillApi>; onPaired: (p: Pairing) => void; initialUrl: string; title: string; linkCode?: string | null }) {
  const { t, language } = useI18n();
  const [url, setUrl] = useState(props.initialUrl);
  const [code, setCode] = useState(formatCodeInput(props.linkCode ?? ''));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const linkTried = useRef(false);

  const pair = async (serverUrl: string, pairingCode: string) => {
    setBusy(true);
    setError(null);
    try {
      props.onPaired(await props.api.pairWithCode(serverUrl.trim(), pairingCode.trim()));
    } catch (err) {
      setError(errorText(t, language, err, 'pair'));
    } finally {
      setBusy(false);
    }
  };

  // A pairing link pairs by itself, once: a wrong or used code then shows its error like a typed one.
  useEffect(() => {
    if (props.linkCode === null || props.linkCode === undefined || linkTried.current) return;
    linkTried.current = true;
    void pair(props.initialUrl, props.linkCode);
  }, []);

  const submit = (e: Event) => {
    e.preventDefault();
    void pair(url, code);
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
        <label for="setup-code">{t('boot.setup.code')}</label>
        <input
          id="setup-code"
          type="text"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          class="pairing-code"
          placeholder="ABCD-EFGH"
          aria-describedby="setup-code-hint"
          value={code}
          onInput={(e) => setCode(formatCodeInput(e.currentTarget.value))}
        />
        <span id="setup-code-hint" class="hint">
          {t('boot.setup.codeHint')}
        </span>
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
